import type { Page } from "@playwright/test";
import { createRankingWorld, type RankingWorld } from "../support/ranking-world";
import { expect, expectAccessible, test } from "./fixtures";
import { loggedIn, withServerDatabase } from "./world-database";

/**
 * The ranking and the shortlist's projector view. The stage with its submitted reviews is written
 * straight into the e2e server's database (as in review-manager.spec.ts), which needs PostgreSQL.
 */
withServerDatabase();

const rankingUrl = (world: RankingWorld) => `/manager/calls/${world.callId}/stages/${world.stageId}/ranking`;

/** The page itself never scrolls sideways; wide tables scroll inside their frame. */
async function expectNoPageScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("the manager ranks, changes the basis, sorts, filters, shortlists two and shows them on the projector without jurors", async ({ browser, baseURL }) => {
  const world = await createRankingWorld();
  const page = await loggedIn(browser, baseURL, world.manager.email);
  await page.goto(rankingUrl(world));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rangliste: Antrag");
  const table = page.getByRole("table", { name: / von 4, sortiert nach/ });
  const networks = () => table.locator("tbody th[scope=row] > a:first-child").allTextContents();
  await expect(table.locator("tbody tr")).toHaveCount(4);
  expect(await networks()).toEqual([world.names.A, world.names.E, world.names.C, world.names.B]);
  await expect(table.getByRole("row", { name: new RegExp(world.names.B!) })).toContainText("zur Diskussion");
  await expect(table.getByRole("row", { name: new RegExp(world.names.E!) })).toContainText("noch intern");
  await page.getByText("Wie werden die Werte angeglichen?").click();
  await expect(page.getByRole("table", { name: "Geschätzte Abweichung je Jurymitglied" })).toContainText("Jurorin Quast");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "um Milde und Strenge bereinigt" }).check();
  await page.getByRole("button", { name: "Rangfolge danach bilden" }).click();
  await expect(page.getByRole("status")).toContainText("Die Rangfolge folgt jetzt dem gewählten Wert.");
  await expect(page.getByText("Der Rang folgt jetzt: um Milde und Strenge bereinigt.")).toBeVisible();

  await table.getByRole("link", { name: /^Rohwert/ }).click();
  await expect(table.getByRole("columnheader", { name: /Rohwert/ })).toHaveAttribute("aria-sort", "descending");
  await table.getByRole("link", { name: /^Rohwert/ }).click();
  await expect(table.getByRole("columnheader", { name: /Rohwert/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr").first()).toContainText(world.names.B!);
  expect(await networks()).toEqual([world.names.B, world.names.C, world.names.E, world.names.A]);

  await page.getByLabel("Markierung").selectOption("disagreement");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page).toHaveURL(/flag=disagreement/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  expect(await networks()).toEqual([world.names.B]);
  await page.getByRole("link", { name: "Alle Anträge zeigen" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(4);

  for (const key of ["A", "B"] as const) {
    await table.getByRole("row", { name: new RegExp(world.names[key]!) }).getByRole("button", { name: "Auf die Shortlist" }).click();
    await expect(table.getByRole("row", { name: new RegExp(world.names[key]!) }).getByRole("button", { name: "Von der Shortlist nehmen" })).toBeVisible();
  }
  await expect(page.getByText("2 Anträge auf der Shortlist.")).toBeVisible();
  await page.getByLabel("Shortlist", { exact: true }).selectOption("only");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(2);

  await page.getByRole("link", { name: "Shortlist für den Beamer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Shortlist:");
  const cards = page.locator(".projector-list > li");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(world.names.A!);
  await expect(cards.nth(1)).toContainText("zur Diskussion");
  const text = await page.locator("main").innerText();
  for (const juror of world.jurors) expect(text).not.toContain(juror.name);
  expect(text).not.toMatch(/Punkte (mehr|weniger)/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Zurück zur Rangliste" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rangliste: Antrag");
});

test("at 390 px both pages keep the page from scrolling sideways", async ({ browser, baseURL }) => {
  const world = await createRankingWorld();
  const page = await loggedIn(browser, baseURL, world.manager.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(rankingUrl(world));
  await expectNoPageScroll(page);
  await expectAccessible(page);
  await page.goto(`${rankingUrl(world)}/projector`);
  await expectNoPageScroll(page);
  await expectAccessible(page);
});

test("a juror of the stage can open neither the ranking nor the projector", async ({ browser, baseURL }) => {
  const world = await createRankingWorld();
  const page = await loggedIn(browser, baseURL, world.jurors[0]!.email);
  for (const address of [rankingUrl(world), `${rankingUrl(world)}/projector`]) {
    const response = await page.goto(address);
    expect([403, 404]).toContain(response?.status());
    await expect(page.locator("body")).not.toContainText(world.names.A!);
  }
});
