import type { Page } from "@playwright/test";
import { contextOptions, expect, expectAccessible, newContextWithoutJavaScript, test } from "./fixtures";

// The public call page shows the open stage's deadline in Berlin time and the time left: rendered by
// the server from its clock, then counting down in the browser.

const berlinDeadline = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" });

/** "noch 3 Tage, 4 Stunden, 12 Minuten" → the minutes left it says. */
function minutesLeft(text: string): number {
  const amount = (unit: string) => Number(new RegExp(`(\\d+) ${unit}`).exec(text)?.[1] ?? 0);
  expect(text).toMatch(/^noch /);
  return amount("Tage?") * 24 * 60 + amount("Stunden?") * 60 + amount("Minuten?");
}

/** The page of the first call open for applications, as the list of calls links it. */
async function openCall(page: Page): Promise<void> {
  await page.goto("/calls");
  await page.locator("h2", { hasText: "Offene Ausschreibungen" }).locator("+ ul a").first().click();
  await expect(page).toHaveURL(/\/calls\/[a-z0-9-]+$/);
}

const countdownOf = (page: Page) => page.locator("section:has(#apply-heading) .countdown time");

test.describe("the deadline on a call's public page", () => {
  test("comes from the server in Berlin time with the time left, without JavaScript", async ({ browser, baseURL }) => {
    const context = await newContextWithoutJavaScript(browser, baseURL);
    const page = await context.newPage();
    await openCall(page);
    const countdown = countdownOf(page);
    const deadline = new Date((await countdown.getAttribute("datetime"))!);
    const expected = Math.floor((deadline.getTime() - Date.now()) / 60_000);
    expect(Math.abs(minutesLeft(await countdown.innerText()) - expected)).toBeLessThanOrEqual(1);
    await expect(page.locator("section:has(#apply-heading)")).toContainText(`Einreichungsfrist: ${berlinDeadline.format(deadline)}`);
    await expect(page.getByText("Alle Zeiten in deutscher Zeit (Europe/Berlin).")).toBeVisible();
    await expectAccessible(page);
    await context.close();
  });

  test("counts down in the browser once the page has hydrated, in Berlin time wherever the browser is", async ({ browser, baseURL }) => {
    const context = await browser.newContext(contextOptions(baseURL, { timezoneId: "America/New_York" }));
    const page = await context.newPage();
    await page.clock.install();
    await openCall(page);
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
    const countdown = countdownOf(page);
    const deadline = new Date((await countdown.getAttribute("datetime"))!);
    const before = minutesLeft(await countdown.innerText());

    await page.clock.fastForward("05:00");
    await expect.poll(async () => before - minutesLeft(await countdown.innerText())).toBeGreaterThanOrEqual(5);
    expect(before - minutesLeft(await countdown.innerText())).toBeLessThanOrEqual(6);
    // Hydrated in New York, the deadline still reads in Berlin time.
    await expect(page.locator("section:has(#apply-heading)")).toContainText(`Einreichungsfrist: ${berlinDeadline.format(deadline)}`);
    await expectAccessible(page);
    await context.close();
  });
});
