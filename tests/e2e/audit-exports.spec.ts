import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

// The manager's trail of the current MINT-Regionen round (seeded: checked, released, three reviews per
// application) and of one application, and the stage's exports downloaded from the trail.

const CALL = "/manager/calls/seed-call-mint-regionen-runde-2";
const PHONE = { width: 390, height: 844 };

const trailRows = (page: Page) => page.locator("table.audit-trail tbody tr");

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
}

async function downloaded(page: Page, link: string | RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const file = await download.path();
  return { download, bytes: await readFile(file) };
}

test.describe("the audit trail and the exports", () => {
  test("the call's trail tells who did what, filters by kind and pages back to the beginning", async ({ managerPage: page }) => {
    // Four pages of a hundred steps, each checked: more than a minute on a busy machine.
    test.setTimeout(150_000);
    await page.goto(CALL);
    await page.getByRole("link", { name: "Verlauf der Ausschreibung" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Verlauf: Förderwettbewerb MINT-Regionen – Runde \d{4}$/);
    await expect(trailRows(page)).toHaveCount(100);
    await expect(trailRows(page).filter({ hasText: /Gutachten von .+ abgeschickt/ }).first()).toBeVisible();
    await expect(trailRows(page).filter({ hasText: "Stand: begonnen → abgegeben" }).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Art der Schritte").selectOption({ label: "Formale Prüfung" });
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page).toHaveURL(/kind=eligibility/);
    await expect(page.getByRole("heading", { level: 2, name: "Formale Prüfung" })).toBeVisible();
    await expect(trailRows(page).filter({ hasText: "Ergebnisse der formalen Prüfung veröffentlicht: 40 Anträge förderfähig, 2 Anträge nicht förderfähig" })).toHaveCount(1);
    await expect(trailRows(page).filter({ hasText: "Als nicht förderfähig eingestuft" })).toHaveCount(2);
    await expect(trailRows(page).filter({ hasText: "Begründung: Das Netzwerk besteht erst seit acht Monaten" })).toHaveCount(1);
    // 42 starts, 42 results and the release: 85 steps, one page.
    await expect(trailRows(page)).toHaveCount(85);
    await expect(page.getByRole("link", { name: "Ältere Schritte anzeigen" })).toHaveCount(0);

    await page.getByLabel("Art der Schritte").selectOption({ label: "alle" });
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Alle Schritte" })).toBeVisible();
    let steps = 0;
    for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
      steps += await trailRows(page).count();
      const older = page.getByRole("link", { name: "Ältere Schritte anzeigen" });
      if ((await older.count()) === 0) break;
      const search = new URL((await older.getAttribute("href"))!, page.url()).search;
      await older.click();
      await page.waitForURL((url) => url.search === search);
    }
    // The oldest steps: the applications handed in before the deadline.
    await expect(trailRows(page).last()).toContainText("Eingereicht");
    // Each application handed in, checked (two steps), each review started and submitted, three steps of the stage.
    expect(steps).toBe(42 * 3 + 40 * 3 * 2 + 3);
  });

  test("an application's trail, from its page and from the call's trail", async ({ managerPage: page }) => {
    await page.goto(`${CALL}/audit?kind=reviews`);
    const concerns = trailRows(page).first().getByRole("link");
    const network = (await concerns.innerText()).trim();
    await concerns.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Verlauf: ${network} · Antrag`);
    await expect(trailRows(page).filter({ hasText: /^.*Gutachten von .+ abgeschickt/ })).toHaveCount(3);
    await expect(trailRows(page).filter({ hasText: "Als förderfähig eingestuft" })).toHaveCount(1);
    await expect(trailRows(page).filter({ hasText: "Formale Prüfung begonnen" })).toHaveCount(1);
    await expect(trailRows(page).filter({ hasText: "Ergebnisse der formalen Prüfung veröffentlicht" })).toHaveCount(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: network }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(network);
    await page.getByRole("link", { name: "Vollständigen Verlauf mit Begutachtung und E-Mails ansehen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Verlauf: ${network} · Antrag`);
  });

  test("downloads the workbook and the CSV files of the round", async ({ managerPage: page }) => {
    await page.goto(`${CALL}/audit`);
    const workbookFile = await downloaded(page, /^Alles als Excel-Datei/);
    expect(workbookFile.download.suggestedFilename()).toBe("mint-regionen-runde-2-1.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(workbookFile.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Rangliste", "Gutachten", "Jury"]);
    expect(workbook.getWorksheet("Rangliste")!.rowCount).toBe(41);
    expect(workbook.getWorksheet("Gutachten")!.rowCount).toBe(121);
    expect(workbook.getWorksheet("Jury")!.rowCount).toBe(7);
    const best = workbook.getWorksheet("Rangliste")!.getRow(2);
    expect(best.getCell(1).value).toBe(1);
    expect(typeof best.getCell(6).value).toBe("number");

    const ranking = await downloaded(page, /^Rangliste als CSV/);
    expect(ranking.download.suggestedFilename()).toBe("mint-regionen-runde-2-1-Rangliste.csv");
    const text = ranking.bytes.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split("\r\n")).toHaveLength(41);
    const reviews = await downloaded(page, "Gutachten als CSV");
    expect(reviews.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(121);
  });

  test("on a phone both pages fit the screen and stay accessible", async ({ managerPage: page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(`${CALL}/audit`);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await trailRows(page).first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Verlauf:");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  test("jurors and networks are refused", async ({ jurorPage, applicantPage }) => {
    for (const page of [jurorPage, applicantPage]) {
      expect((await page.goto(`${CALL}/audit`))?.status()).toBe(403);
      const download = await page.request.get(`${CALL}/stages/seed-call-mint-regionen-runde-2-stage-1/export.xlsx`);
      expect(download.status()).toBe(403);
    }
  });
});
