import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { prisma } from "../../app/server/db.server";
import { createPerson } from "../support/accounts";
import { expect, expectAccessible, test } from "./fixtures";
import { loggedIn, withServerDatabase } from "./world-database";

// The current MINT-Regionen round as the demo seeds it (checked, released, three submitted reviews per
// application, nothing decided): first the manager's trail of the round and of one application and the
// stage's exports, then the whole decision round on it. In this order, one test after the other: the
// decisions add steps that the trail's counts leave out.
test.describe.configure({ mode: "serial" });

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
    // Each application handed in, checked (two steps), each review started and submitted, three steps
    // of the stage; specs running beside this one may add conflict checks of the demo jurors.
    expect(steps).toBeGreaterThanOrEqual(42 * 3 + 40 * 3 * 2 + 3);
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

test.describe("deciding the round", () => {
  // Coordinators for two networks are written into the server's database: PostgreSQL only.
  withServerDatabase();

  test("ranking, seven support awards, a waiting list and rejections, previewed and released; the networks read their outcome", async ({ managerPage: page, browser, baseURL }) => {
    test.setTimeout(300_000);
    const STAGE = `${CALL}/stages/seed-call-mint-regionen-runde-2-stage-1`;

    // The ranking: forty eligible applications; the leniency-adjusted basis is chosen.
    await page.goto(`${STAGE}/ranking`);
    await expect(page.getByText("40 Anträge", { exact: false }).first()).toBeVisible();
    await page.getByLabel("um Milde und Strenge bereinigt").check();
    await page.getByRole("button", { name: "Rangfolge danach bilden" }).click();
    await expect(page.getByText("Der Rang folgt jetzt: um Milde und Strenge bereinigt.", { exact: false })).toBeVisible();
    await expectAccessible(page);

    // The board in that order: the best seven get the support package, the next five the waiting list, the rest a rejection.
    await page.getByRole("link", { name: "Zu den Entscheidungen" }).first().click();
    const board = page.getByRole("table", { name: "40 Anträge nach Rang" });
    const links = board.getByRole("rowheader").getByRole("link");
    await expect(links).toHaveCount(40);
    const ranked = await links.evaluateAll((anchors) => anchors.map((anchor) => ({ name: anchor.textContent!.trim(), id: anchor.getAttribute("href")!.split("/")[3]! })));
    await expectAccessible(page);
    const bulk = page.getByRole("region", { name: "Für die angekreuzten Anträge entscheiden" });
    const decide = async (networks: typeof ranked, choice: string, reason: string, feedback: string) => {
      for (const network of networks) await page.getByRole("checkbox", { name: `${network.name} auswählen` }).check();
      await bulk.getByLabel(choice, { exact: true }).check();
      await bulk.getByLabel("Interne Begründung").fill(reason);
      await bulk.getByLabel("Rückmeldung an das Netzwerk").fill(feedback);
      await bulk.getByRole("button", { name: "Für die Auswahl entscheiden" }).click();
      await expect(page.getByRole("status").filter({ hasText: `${networks.length} Anträge wurden geändert.` })).toBeVisible();
    };
    await decide(ranked.slice(0, 7), "Fördern", "Unter den besten sieben", "Die Jury hebt die feste Einbindung der Schulen hervor.");
    await decide(ranked.slice(7, 12), "Auf die Nachrückliste", "Knapp dahinter", "Ein überzeugendes Konzept; es fehlte wenig.");
    await decide(ranked.slice(12), "Ablehnen", "Nicht unter den besten zwölf", "Die Partnerschaften mit Unternehmen sollten verbindlicher werden.");
    for (const [index, outcome] of [[0, "Förderung"], [7, "Nachrückliste"], [39, "Ablehnung"]] as const) {
      await expect(board.getByRole("row").filter({ has: page.getByRole("link", { name: ranked[index]!.name, exact: true }) })).toContainText(outcome);
    }
    await expectAccessible(page);

    // Nothing is out yet: the networks get coordinators who will read their outcome.
    const awarded = ranked[0]!;
    const rejected = ranked[39]!;
    const coordinators = [];
    for (const application of [awarded, rejected]) {
      const coordinator = await createPerson("APPLICANT");
      const { networkId } = await prisma.application.findUniqueOrThrow({ where: { id: application.id }, select: { networkId: true } });
      await prisma.networkMembership.create({ data: { userId: coordinator.id, networkId, role: "COORDINATOR" } });
      coordinators.push(coordinator);
    }
    const early = await loggedIn(browser, baseURL, coordinators[1]!.email);
    await early.goto(`/applications/${rejected.id}`);
    await expect(early.getByRole("heading", { level: 1 })).toContainText("In Begutachtung");
    await expect(early.getByText("Nicht unter den besten zwölf")).toHaveCount(0);
    await expect(early.getByText("Die Partnerschaften mit Unternehmen sollten verbindlicher werden.")).toHaveCount(0);
    await early.context().close();

    // Preview and release all forty at once.
    await page.goto(`${STAGE}/release`);
    await expect(page.getByRole("heading", { name: "40 Entscheidungen warten auf die Freigabe" })).toBeVisible();
    for (const application of ranked) await page.getByRole("checkbox", { name: `${application.name} auswählen` }).check();
    await page.getByRole("button", { name: "Mails der Auswahl ansehen" }).click();
    const preview = page.getByRole("region", { name: /Vorschau: 2 Mails an 40 Netzwerke/ });
    await expect(preview).toContainText(coordinators[0]!.email);
    await expect(preview).toContainText("Die Jury hebt die feste Einbindung der Schulen hervor.");
    await expect(preview).not.toContainText("Unter den besten sieben");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Freigeben und 2 Mails senden" }).click();
    const question = page.getByRole("region", { name: "40 Entscheidungen wirklich freigeben?" });
    await expect(question).toContainText("Es gehen 2 Mails hinaus.");
    await question.getByRole("button", { name: "Freigeben und 2 Mails senden" }).click();
    await expect(page.getByRole("status")).toContainText("40 Entscheidungen freigegeben, 2 Mails verschickt.");
    await expectAccessible(page);
    expect(await prisma.application.count({ where: { stageId: "seed-call-mint-regionen-runde-2-stage-1", state: { in: ["approved", "waitlisted", "rejected"] } } })).toBe(40);

    // The networks read their outcome and the shared feedback, never the internal reason.
    const winner = await loggedIn(browser, baseURL, coordinators[0]!.email);
    await winner.goto("/applicant");
    const panel = winner.getByRole("region", { name: "Ihr Netzwerk erhält eine Unterstützung" });
    await expect(panel).toContainText("zwei Jahre Beratung und Qualifizierung");
    await expect(panel).toContainText("Die Jury hebt die feste Einbindung der Schulen hervor.");
    await expect(winner.getByText("Unter den besten sieben")).toHaveCount(0);
    await expectAccessible(winner);
    await winner.context().close();
    const loser = await loggedIn(browser, baseURL, coordinators[1]!.email);
    await loser.goto(`/applications/${rejected.id}`);
    const rejection = loser.getByRole("region", { name: "Ihr Antrag wird nicht gefördert" });
    await expect(rejection).toContainText("Die Partnerschaften mit Unternehmen sollten verbindlicher werden.");
    await expect(loser.getByText("Nicht unter den besten zwölf")).toHaveCount(0);
    await expectAccessible(loser);
    await loser.context().close();
  });
});
