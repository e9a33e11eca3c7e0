import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, newContextWithoutJavaScript, openMail, storageStatePath, test } from "./fixtures";

// The whole review of the demo's MINT-Cluster special round, whose outline stage closed a few days
// ago with 40 outlines, entirely through the pages and in order: the manager sets the review up,
// checks eligibility (one outline by itself, a selection without JavaScript, the rest in bulk, one
// correction) and releases the results, which finds the conflict of juror3 (a university partner of
// CreateMV); the manager confirms it, looks at the jury, assigns automatically (3 reviews each),
// changes a cell and releases; juror1 (with JavaScript) and juror2 (without) score an outline they
// share and submit, discuss it, and the manager reads both reviews and the thread. Axe on every page.
// No other spec touches this call; the steps depend on each other, hence one serial group.

const CALL_ID = "seed-call-mint-cluster-sonderrunde-strukturwandel";
const STAGE_ID = `${CALL_ID}-stage-1`;
const STAGE = `/manager/calls/${CALL_ID}/stages/${STAGE_ID}`;
const CALL_TITLE = /MINT-Cluster – Sonderrunde Strukturwandel/;
const FREIBURG = "MINT-Region Freiburg";
const CREATE_MV = "CreateMV – Landesinitiative Erfindergeist Mecklenburg-Vorpommern";
const REASON = "Der Verbund nennt keinen außerschulischen Lernort; die Ausschreibung verlangt mindestens einen.";
const JURORS = ["Julia Jung", "Jonas Jäger", "Johanna Jansen", "Jakob Jost", "Jana Jordan", "Jens Jürgens"];
const [JULIA, JONAS, JOHANNA] = JURORS as [string, string, string];
const POST = "Jury B sieht die Wirkung deutlich schwächer; woran machen Sie das fest?";

const report = (page: Page) => page.getByRole("status").filter({ hasText: /geändert/ });
const selectBoxes = (page: Page) => page.getByRole("checkbox", { name: / auswählen$/ });
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const stepLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Begutachtung: Skizze" }).getByRole("link", { name, exact: true });
const matrixRow = (page: Page, title: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escaped(title)}`) }) });

/** What later steps learn from earlier ones. */
const flow = { conflictTitle: "", sharedTitle: "", juror1Review: "" };
/** The shared outline in a juror's list, where its title is followed by its network's name. */
const sharedLink = (page: Page) => page.getByRole("link", { name: new RegExp(`^${escaped(flow.sharedTitle)} · `) });

async function applicantRow(page: Page) {
  await page.goto("/applicant");
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: CALL_TITLE }) });
}

/** A juror in a context without JavaScript, logged in through the form as a person would. */
async function jurorWithoutJavaScript(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await newContextWithoutJavaScript(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/juror$/);
  await expectAccessible(page);
  return page;
}

/** The date `days` from today as a date field takes it (YYYY-MM-DD). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe.serial("the whole review of a closed outline stage", () => {
  test.describe.configure({ timeout: 180_000 });

  test("settings, then the eligibility check: one outline, a selection without JavaScript and the rest, a correction, the release; the network sees the reason only then", async ({ managerPage: page, applicantPage, adminPage, browser, baseURL }) => {
    await test.step("the review settings keep a wrong value as typed and say what to fix, then save", async () => {
      await page.goto(`/manager/calls/${CALL_ID}`);
      await page.getByRole("navigation", { name: "Begutachtung: Skizze" }).getByRole("link", { name: "Einstellungen" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einstellungen der Begutachtung: Skizze");
      await expectAccessible(page);
      await page.getByLabel("Gutachten je Antrag").fill("12");
      await page.getByLabel("Abstand der Gesamtpunkte, ab dem ein Antrag diskutiert wird").fill("2,5");
      await page.getByRole("button", { name: "Speichern" }).click();
      await expect(page.getByText("Diese Zahl ist zu groß.")).toBeVisible();
      await expect(page.getByLabel("Gutachten je Antrag")).toHaveValue("12");
      await expectAccessible(page);
      await page.getByLabel("Gutachten je Antrag").fill("3");
      const due = page.getByRole("group", { name: /^Frist für die Gutachten/ });
      await due.getByLabel("Tag").fill(dayFromNow(30));
      await due.getByLabel("Uhrzeit").fill("18:00");
      await page.getByLabel("Erinnerung so viele Tage vor der Frist").fill("5");
      await page.getByLabel(/^Jurymitglieder geben vor der Zuteilung an/).uncheck();
      await page.getByRole("button", { name: "Speichern" }).click();
      await expect(page.getByText("Die Einstellungen sind gespeichert.")).toBeVisible();
      await expect(page.getByLabel("Gutachten je Antrag")).toHaveValue("3");
      await expect(due.getByLabel("Tag")).toHaveValue(dayFromNow(30));
      await expect(due.getByLabel("Uhrzeit")).toHaveValue("18:00");
      await expect(page.getByLabel("Erinnerung so viele Tage vor der Frist")).toHaveValue("5");
      await expect(page.getByLabel(/^Jurymitglieder geben vor der Zuteilung an/)).not.toBeChecked();
      await expectAccessible(page);
      await expect(page.getByLabel("Abstand der Gesamtpunkte, ab dem ein Antrag diskutiert wird")).toHaveValue("2,5");
    });

    await test.step("starting the check asks first and moves all 40 outlines into it", async () => {
      await stepLink(page, "Formale Prüfung").click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formale Prüfung: Skizze");
      await expect(page.getByText("40 eingereichte Anträge warten auf die formale Prüfung.")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Formale Prüfung beginnen" }).click();
      const panel = page.getByRole("region", { name: "Formale Prüfung wirklich beginnen?" });
      await expect(panel).toContainText("Die 40 eingereichten Anträge gehen in die formale Prüfung.");
      await expectAccessible(page);
      await panel.getByRole("button", { name: "Formale Prüfung beginnen" }).click();
      await expect(report(page)).toContainText("40 Anträge wurden geändert.");
      await expect(page.getByRole("link", { name: "Noch zu prüfen: 40" })).toBeVisible();
      await expect(selectBoxes(page)).toHaveCount(40);
      await expectAccessible(page);
    });

    await test.step("one outline is found not eligible by itself; its network still sees it 'in Prüfung'", async () => {
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: FREIBURG }) });
      await row.getByText("Nicht förderfähig …").click();
      await row.getByRole("button", { name: `${FREIBURG}: nicht förderfähig` }).click();
      await expect(row.getByText("Bitte geben Sie eine Begründung an")).toBeVisible();
      await row.getByLabel(/^Begründung/).fill(REASON);
      await row.getByRole("button", { name: `${FREIBURG}: nicht förderfähig` }).click();
      await expect(report(page)).toContainText("Ein Antrag wurde geändert.");
      await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: FREIBURG }) })).toContainText(`Begründung: ${REASON}`);

      const own = await applicantRow(applicantPage);
      await expect(own).toContainText("Formale Prüfung");
      await expect(own).not.toContainText("Nicht förderfähig");
      await expect(applicantPage.getByText(REASON)).toHaveCount(0);
    });

    await test.step("a selection is decided without JavaScript: the missing reason is asked for, the ticks stay", async () => {
      const context = await newContextWithoutJavaScript(browser, baseURL, { storageState: storageStatePath("manager") });
      const plain = await context.newPage();
      await plain.goto(`${STAGE}/eligibility?checked=unchecked`);
      // Not CreateMV's outline: its network must stay in the review for the conflict later on.
      const boxes = plain.getByRole("checkbox", { name: /^(?!CreateMV).* auswählen$/ });
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await plain.getByRole("button", { name: "Auswahl nicht förderfähig" }).click();
      await expect(plain.getByText("Bitte geben Sie eine Begründung an").first()).toBeVisible();
      await expect(boxes.nth(0)).toBeChecked();
      await expect(boxes.nth(1)).toBeChecked();
      await plain.getByLabel(/Begründung für „nicht förderfähig“/).fill("Der Finanzplan fehlt.");
      await plain.getByRole("button", { name: "Auswahl nicht förderfähig" }).click();
      await expect(report(plain)).toContainText("2 Anträge wurden geändert.");
      await expectAccessible(plain);
      await context.close();
    });

    await test.step("a decision is corrected, the rest is found eligible in one go", async () => {
      await page.goto(`${STAGE}/eligibility?state=ineligible`);
      const corrections = page.getByRole("button", { name: /^Entscheidung zu .* korrigieren$/ });
      await expect(corrections).toHaveCount(3);
      const corrected = (await corrections.filter({ hasNotText: FREIBURG }).first().getAttribute("aria-label"))!;
      await page.getByRole("button", { name: corrected }).click();
      await expectAccessible(page);
      await expect(page.getByRole("button", { name: /^Entscheidung zu .* korrigieren$/ })).toHaveCount(2);

      await page.goto(`${STAGE}/eligibility?checked=unchecked`);
      await expect(selectBoxes(page)).toHaveCount(38);
      await expect(page.getByText("Freigeben können Sie, sobald jeder Antrag geprüft ist. 38 Anträge sind noch offen.")).toBeVisible();
      for (const box of await selectBoxes(page).all()) await box.check();
      await page.getByRole("button", { name: "Auswahl förderfähig" }).click();
      await expect(report(page)).toContainText("38 Anträge wurden geändert.");
      await expect(page.getByRole("link", { name: "Geprüft: 40" })).toBeVisible();
      await expectAccessible(page);
    });

    await test.step("releasing asks first, then the network sees the result and the reason, and has a mail", async () => {
      await page.getByRole("button", { name: "Ergebnisse freigeben" }).click();
      const panel = page.getByRole("region", { name: "Ergebnisse wirklich freigeben?" });
      await expect(panel).toContainText("Die Netzwerke der 40 geprüften Anträge");
      await expectAccessible(page);
      await panel.getByRole("button", { name: "Ergebnisse freigeben" }).click();
      await expect(page.getByText(/Die Ergebnisse wurden am .* freigegeben/)).toBeVisible();
      await expect(page.getByRole("button", { name: /korrigieren$/ })).toHaveCount(0);
      await expectAccessible(page);

      const own = await applicantRow(applicantPage);
      await expect(own).toContainText("Nicht förderfähig");
      await expect(own).toContainText(`Begründung: ${REASON}`);
      await expectAccessible(applicantPage);
      await own.getByRole("link", { name: /^Ansehen: MINT-Cluster – Sonderrunde/ }).click();
      await expect(applicantPage.getByRole("heading", { level: 1 })).toContainText("Nicht förderfähig");
      await expect(applicantPage.getByText(`Begründung: ${REASON}`).first()).toBeVisible();
      await expectAccessible(applicantPage);

      await openMail(adminPage, "applicant@example.org", "Ergebnis der formalen Prüfung");
      await expect(adminPage.locator("main")).toContainText(`Begründung: ${REASON}`);
    });
  
  });

  test("releasing the results found juror3's conflict with CreateMV; the manager confirms it and sees the whole jury", async ({ managerPage: page }) => {
    await page.goto(STAGE + "/eligibility");
    await stepLink(page, "Befangenheiten").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Befangenheiten: Skizze");
    await expectAccessible(page);
    const toCheck = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Zu prüfen" }) });
    const found = toCheck.getByRole("row").filter({ has: page.getByRole("rowheader", { name: JOHANNA }) }).filter({ hasText: CREATE_MV });
    await expect(found).toHaveCount(1);
    await expect(found).toContainText("Technische Hochschule Rostock");
    flow.conflictTitle = (await found.getByRole("link").innerText()).trim();
    await found.getByRole("form", { name: `Befangenheit von ${JOHANNA} bei „${flow.conflictTitle}“ bestätigen` }).getByRole("button", { name: "Bestätigen" }).click();
    const confirmed = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Bestätigt" }) });
    await expect(confirmed.getByRole("row").filter({ hasText: CREATE_MV })).toContainText(JOHANNA);
    await expect(toCheck.getByRole("row").filter({ hasText: CREATE_MV }).filter({ hasText: JOHANNA })).toHaveCount(0);
    await expectAccessible(page);

    await stepLink(page, "Jury").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Jury: Skizze");
    await expect(page.getByText("6 Personen in der Jury.")).toBeVisible();
    for (const name of JURORS) await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
    await expectAccessible(page);
  });

  test("the automatic assignment gives 3 reviews to each outline, evenly, never juror3 on CreateMV; a cell changed by hand; released with mails", async ({ managerPage: page, adminPage }) => {
    await page.goto(STAGE + "/jury");
    await stepLink(page, "Zuteilung").click();
    await expect(page.getByRole("heading", { level: 1, name: "Zuteilung der Gutachten: Skizze" })).toBeVisible();
    await expect(page.getByText("38 Anträge in der Begutachtung, 6 Jurymitglieder.")).toBeVisible();
    await expect(page.getByText("Es fehlen noch 114 Gutachten.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Automatisch zuteilen" }).click();
    await expect(page.getByText("114 Gutachten wurden neu zugeteilt.")).toBeVisible();
    await expect(page.getByText("Jeder Antrag hat jetzt so viele Gutachten, wie er braucht.")).toBeVisible();
    const rows = page.locator("table.assignment-matrix tbody tr");
    await expect(rows).toHaveCount(38);
    for (const row of await rows.all()) await expect(row.locator("td").first()).toHaveText("3 von 3");
    // Even: 114 reviews over six jurors are 19 each.
    const loads = page.locator("table.assignment-matrix thead th .assignment-note");
    await expect(loads).toHaveText(Array.from({ length: 6 }, () => "19 von 19"));
    // The confirmed conflict: a marked cell without a button.
    const conflicted = matrixRow(page, flow.conflictTitle);
    await expect(conflicted).toContainText("befangen");
    await expect(conflicted.getByRole("button", { name: new RegExp(`^(Zuteilung von )?${JOHANNA} für`) })).toHaveCount(0);
    await expectAccessible(page);

    // One cell by hand: an assignment moves from the first juror of the first outline to a juror it lacks.
    const first = rows.first();
    const removal = first.getByRole("button", { name: /^Zuteilung von .+ für „.+“ aufheben$/ }).first();
    const removed = (await removal.getAttribute("aria-label"))!.match(/^Zuteilung von (.+) für „(.+)“ aufheben$/)!;
    const [, fromJuror, title] = removed as unknown as [string, string, string];
    await removal.click();
    const question = page.getByRole("region", { name: "Zuteilung wirklich aufheben?" });
    await expect(question).toContainText(`${fromJuror} begutachtet „${title}“ dann nicht mehr.`);
    await expectAccessible(page);
    await question.getByRole("button", { name: "Zuteilung aufheben" }).click();
    await expect(matrixRow(page, title)).toContainText("2 von 3");
    const addition = matrixRow(page, title).getByRole("button", { name: new RegExp(`^(?!${escaped(fromJuror)}).+ für „${escaped(title)}“ einteilen$`) }).first();
    const toJuror = (await addition.getAttribute("aria-label"))!.replace(/ für „.+“ einteilen$/, "");
    await addition.click();
    await expect(matrixRow(page, title)).toContainText("3 von 3");
    await expect(matrixRow(page, title).getByRole("button", { name: `Zuteilung von ${toJuror} für „${title}“ aufheben` })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: new RegExp(`^${escaped(fromJuror)}`) })).toContainText("18 von 19");
    await expect(page.getByRole("columnheader", { name: new RegExp(`^${escaped(toJuror)}`) })).toContainText("20 von 19");
    await expectAccessible(page);

    await expect(page.getByText("114 Zuteilungen sind noch nicht freigegeben (6 Jurymitglieder).")).toBeVisible();
    await page.getByRole("button", { name: "Freigeben", exact: true }).click();
    const release = page.getByRole("region", { name: "Zuteilungen wirklich freigeben?" });
    await expect(release).toContainText("6 Jurymitglieder erhalten je eine E-Mail");
    await expectAccessible(page);
    await release.getByRole("button", { name: "Jetzt freigeben" }).click();
    await expect(page.getByText("Die Zuteilungen sind freigegeben; die E-Mails werden verschickt.")).toBeVisible();
    await expect(page.getByText("Alle Zuteilungen sind freigegeben.")).toBeVisible();
    await expectAccessible(page);

    // An outline juror1 and juror2 both review, and whose title names it alone.
    const titlesOf = async (juror: string) =>
      (await page.getByRole("button", { name: new RegExp(`^Zuteilung von ${juror} für „.+“ aufheben$`) }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label") ?? "")))
        .map((label) => label.replace(/^.+ für „(.+)“ aufheben$/, "$1"));
    const allTitles = await page.locator("table.assignment-matrix tbody th[scope=row]").evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ""));
    const ofJonas = new Set(await titlesOf(JONAS));
    flow.sharedTitle = (await titlesOf(JULIA)).find((shared) => ofJonas.has(shared) && allTitles.filter((one) => one === shared).length === 1) ?? "";
    expect(flow.sharedTitle, "an outline both juror1 and juror2 review").not.toBe("");

    for (const email of ["juror1@example.org", "juror3@example.org"]) await openMail(adminPage, email, "Ihre Gutachten: MINT-Cluster – Sonderrunde Strukturwandel");
    // Johanna Jansen's list never names the outline she is in conflict with.
    await expect(adminPage.locator("main")).not.toContainText(flow.conflictTitle);
  });

  test("juror1 with JavaScript and juror2 without score their shared outline, recommend, say how sure they are and submit", async ({ jurorPage: page, browser, baseURL }) => {
    await page.goto("/juror");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Begutachtungen");
    await expectAccessible(page);
    await sharedLink(page).click();
    await expect(page.getByRole("heading", { level: 2, name: "Ihre Bewertung" })).toBeVisible();
    flow.juror1Review = new URL(page.url()).pathname;
    await expectAccessible(page);
    const criteria = page.locator("fieldset.criterion");
    for (const criterion of await criteria.all()) await criterion.getByRole("radio", { name: "8", exact: true }).check();
    await expect(page.locator(".review-total output")).toHaveText("8 von 10 Punkten");
    await page.getByLabel("Gesamteinschätzung").fill("Ein überzeugender Verbund mit klarer Wirkung in der Region.");
    await page.getByRole("radio", { name: "Fördern", exact: true }).check();
    await page.getByRole("radio", { name: "Ziemlich sicher" }).check();
    await page.getByRole("button", { name: "Begutachtung abschicken" }).click();
    const question = page.getByRole("region", { name: "Begutachtung wirklich abschicken?" });
    await expectAccessible(page);
    await question.getByRole("button", { name: "Ja, endgültig abschicken" }).click();
    await expect(page.getByText(/Sie haben Ihre Begutachtung am .* abgeschickt/)).toBeVisible();
    await expectAccessible(page);

    const plain = await jurorWithoutJavaScript(browser, baseURL, "juror2@example.org");
    try {
      await sharedLink(plain).click();
      const plainCriteria = plain.locator("fieldset.criterion");
      await expect(plainCriteria.first()).toBeVisible();
      await expectAccessible(plain);
      for (const criterion of await plainCriteria.all()) await criterion.getByRole("radio", { name: "3", exact: true }).check();
      await plain.getByLabel("Gesamteinschätzung").fill("Die Ziele bleiben vage; die Wirkung ist kaum belegt.");
      await plain.getByRole("radio", { name: "Nicht fördern" }).check();
      await plain.getByRole("radio", { name: "Sehr sicher" }).check();
      await plain.getByRole("button", { name: "Begutachtung abschicken" }).click();
      await expect(plain.getByRole("region", { name: "Begutachtung wirklich abschicken?" })).toBeVisible();
      await expectAccessible(plain);
      await plain.getByRole("button", { name: "Ja, endgültig abschicken" }).click();
      await expect(plain.getByText(/Sie haben Ihre Begutachtung am .* abgeschickt/)).toBeVisible();
      await expect(plain.locator(".review-total output")).toHaveText("3 von 10 Punkten");
      await expectAccessible(plain);
      await plain.goto("/juror");
      await expect(plain.getByRole("row").filter({ has: sharedLink(plain) })).toContainText("Abgeschickt");
    } finally {
      await plain.context().close();
    }
  });

  test("both have submitted: juror1 reads the other review and writes, juror2 reads it, the manager sees both reviews and the thread", async ({ jurorPage: page, managerPage: manager, browser, baseURL }) => {
    await page.goto(flow.juror1Review);
    await page.getByRole("link", { name: "Zu den anderen Begutachtungen und zur Diskussion" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Diskussion: ${flow.sharedTitle}`);
    await expect(page.getByRole("heading", { level: 3, name: /^Jury [A-Z] \(Ihr Gutachten\)$/ })).toHaveCount(1);
    const others = page.getByRole("heading", { level: 3, name: /^Jury [A-Z]$/ });
    await expect(others).toHaveCount(1);
    await expect(page.getByText("Die Ziele bleiben vage; die Wirkung ist kaum belegt.")).toBeVisible();
    await expect(page.getByText(JONAS)).toHaveCount(0);
    await expectAccessible(page);
    await page.getByLabel("Ihr Beitrag").fill(POST);
    await page.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: POST })).toContainText("(Sie)");
    await expectAccessible(page);
    const discussion = new URL(page.url()).pathname;

    const plain = await jurorWithoutJavaScript(browser, baseURL, "juror2@example.org");
    try {
      await sharedLink(plain).click();
      await plain.getByRole("link", { name: "Zu den anderen Begutachtungen und zur Diskussion" }).click();
      await expect(plain.getByRole("heading", { level: 1 })).toHaveText(`Diskussion: ${flow.sharedTitle}`);
      await expect(plain.getByRole("listitem").filter({ hasText: POST })).not.toContainText("(Sie)");
      await expect(plain.getByText("Ein überzeugender Verbund mit klarer Wirkung in der Region.")).toBeVisible();
      await expectAccessible(plain);
      // The discussion's address is the juror's own assignment: juror1's is none of juror2's business.
      expect((await plain.goto(discussion))?.status()).toBe(404);
    } finally {
      await plain.context().close();
    }

    await manager.goto(STAGE + "/assignment");
    await stepLink(manager, "Fortschritt").click();
    await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Fortschritt der Begutachtung: Skizze");
    const shared = manager.getByRole("table", { name: /Abgegebene Gutachten je Antrag/ }).getByRole("row").filter({ hasText: flow.sharedTitle });
    // 8 and 3 points are further apart than the threshold of 2,5.
    await expect(shared).toContainText("2 von 3");
    await expect(shared).toContainText("zur Diskussion");
    const jurors = manager.getByRole("table", { name: /Gutachten je Jurymitglied/ });
    await expect(jurors.getByRole("row", { name: new RegExp(JULIA) })).toBeVisible();
    await expectAccessible(manager);
    await shared.getByRole("link").click();
    await expect(manager).toHaveURL(/\/manager\/applications\/[^/]+\/reviews$/);
    await expect(manager.getByRole("heading", { level: 1 })).toHaveText(/^Gutachten und Diskussion: /);
    await expect(manager.getByRole("heading", { level: 3, name: new RegExp(`^Jury [A-Z]: ${JULIA}$`) })).toBeVisible();
    await expect(manager.getByRole("heading", { level: 3, name: new RegExp(`^Jury [A-Z]: ${JONAS}$`) })).toBeVisible();
    await expect(manager.getByRole("listitem").filter({ hasText: POST })).toContainText(JULIA);
    await expectAccessible(manager);
  });
});
