import type { Locator, Page } from "@playwright/test";
import { contextOptions, expect, expectAccessible, storageStatePath, test } from "./fixtures";

// What the programme manager sees first and how a call's applications are searched, filtered and
// sorted, with and without JavaScript, on the demo data (the manager runs every demo programme).

const PAST_CALL_TITLE = /MINT-Cluster – Förderrunde 3/;
const germanOrder = new Intl.Collator("de", { numeric: true });

async function openApplicationsOfPastCall(page: Page): Promise<void> {
  await page.goto("/manager");
  const row = page.locator("tr", { has: page.getByRole("link", { name: PAST_CALL_TITLE, exact: false }) }).first();
  await row.getByRole("link", { name: /(Antrag|Anträge) zu MINT-Cluster – Förderrunde 3/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Anträge: MINT-Cluster – Förderrunde 3/ })).toBeVisible();
}

const applicationTable = (page: Page) => page.locator("table.application-list");
const networkNames = (page: Page) => applicationTable(page).locator("tbody th[scope=row] > a").allInnerTexts();
const stateCells = (page: Page) => applicationTable(page).locator("tbody tr td:nth-child(4) .kern-badge .kern-label").allInnerTexts();
const heading = (page: Page, name: string): Locator => applicationTable(page).getByRole("columnheader", { name: new RegExp(`^${name}`) });

test.describe("the manager's start page", () => {
  test("leads with what needs doing, then each programme's current calls before its archived ones, in German order", async ({ managerPage: page }) => {
    await page.goto("/manager");
    const headings = await page.locator("main h2").allInnerTexts();
    expect(headings[0]).toBe("Was ansteht");
    const programmes = headings.slice(1);
    expect(programmes).toEqual([...programmes].sort(germanOrder.compare));

    const openStages = page.locator("table", { has: page.locator("caption", { hasText: "Offene Phasen nach Frist" }) });
    await expect(openStages.getByRole("link", { name: /MINT-Cluster – Förderrunde 4/ })).toBeVisible();
    await expect(openStages.getByRole("link", { name: /zdi-Qualitätssiegel/ })).toBeVisible();
    // Soonest deadline first: the MINT-Cluster outline closes before the zdi call.
    const titles = await openStages.locator("tbody th").allInnerTexts();
    expect(titles.findIndex((title) => title.includes("MINT-Cluster"))).toBeLessThan(titles.findIndex((title) => title.includes("zdi")));
    await expect(openStages.locator("tbody tr").first()).toContainText(/noch \d+ Tage/);

    const zdi = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "zdi-Qualitätssiegel NRW" }) });
    const captions = await zdi.locator("caption").allInnerTexts();
    expect(captions).toEqual(captions.includes("Archivierte Ausschreibungen") ? ["Aktuelle Ausschreibungen", "Archivierte Ausschreibungen"] : ["Aktuelle Ausschreibungen"]);
    await expectAccessible(page);
  });
});

test.describe("a call's applications list", () => {
  test("sorts by a column heading, both ways, with aria-sort saying how", async ({ managerPage: page }) => {
    await openApplicationsOfPastCall(page);
    await expect(heading(page, "Netzwerk")).toHaveAttribute("aria-sort", "ascending");
    const ascending = await networkNames(page);
    expect(ascending).toEqual([...ascending].sort(germanOrder.compare));

    await heading(page, "Netzwerk").getByRole("link").click();
    await expect(page).toHaveURL(/[?&]dir=desc/);
    await expect(heading(page, "Netzwerk")).toHaveAttribute("aria-sort", "descending");
    expect(await networkNames(page)).toEqual([...ascending].reverse());

    await heading(page, "Beantragt").getByRole("link").click();
    await expect(page).toHaveURL(/sort=requested/);
    await expect(heading(page, "Beantragt")).toHaveAttribute("aria-sort", "ascending");
    await expect(heading(page, "Netzwerk")).not.toHaveAttribute("aria-sort", /.+/);
    const amounts = (await applicationTable(page).locator("tbody td.number").allInnerTexts()).filter((text) => text !== "–").map((text) => Number(text.replace(/[^\d]/g, "")));
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    await expectAccessible(page);
  });

  test("filters by state from the counts and by search and Land from the form, and shows everything again", async ({ managerPage: page }) => {
    await openApplicationsOfPastCall(page);
    const total = await applicationTable(page).locator("tbody tr").count();
    const funded = page.getByRole("navigation", { name: "Anträge nach Stand" }).getByRole("link", { name: /^Gefördert: \d+$/ });
    const fundedCount = Number((await funded.innerText()).replace(/\D/g, ""));
    await funded.click();
    await expect(page).toHaveURL(/state=awardAccepted/);
    expect(await stateCells(page)).toEqual(Array(fundedCount).fill("Gefördert"));
    await expect(applicationTable(page).locator("caption")).toContainText(`${fundedCount} ${fundedCount === 1 ? "Antrag" : "Anträge"}`);

    const someName = (await networkNames(page))[0]!;
    const fragment = someName.split(" ").at(-1)!.toLowerCase();
    await page.getByLabel("Netzwerk", { exact: true }).fill(fragment);
    await page.getByRole("button", { name: "Anwenden" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(fragment)}`));
    for (const name of await networkNames(page)) expect(name.toLowerCase()).toContain(fragment);
    expect(await stateCells(page)).toEqual(expect.arrayContaining(["Gefördert"]));

    await page.getByRole("link", { name: "Alle Anträge zeigen" }).click();
    await expect(applicationTable(page).locator("tbody tr")).toHaveCount(total);
    await expectAccessible(page);
  });

  test("works without JavaScript: the filter form is a GET form and the headings are links", async ({ browser, baseURL }) => {
    const context = await browser.newContext(contextOptions(baseURL, { javaScriptEnabled: false, storageState: storageStatePath("manager") }));
    const page = await context.newPage();
    await openApplicationsOfPastCall(page);
    const land = page.getByLabel("Land", { exact: true });
    const firstLand = (await land.locator("option").nth(1).getAttribute("value"))!;
    const landName = (await land.locator("option").nth(1).innerText()).trim();
    await land.selectOption(firstLand);
    await page.getByRole("button", { name: "Anwenden" }).click();
    await expect(page).toHaveURL(new RegExp(`land=${firstLand}`));
    const lands = await applicationTable(page).locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(lands.length).toBeGreaterThan(0);
    expect(new Set(lands)).toEqual(new Set([landName]));
    await heading(page, "Eingereicht am").getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`land=${firstLand}.*sort=submittedAt|sort=submittedAt.*land=${firstLand}`));
    await expect(heading(page, "Eingereicht am")).toHaveAttribute("aria-sort", "ascending");
    await context.close();
  });
});
