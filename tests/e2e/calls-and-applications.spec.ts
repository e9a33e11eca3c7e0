import type { APIResponse, Page } from "@playwright/test";
import { contextOptions, demoAccounts, expect, expectAccessible, mailLink, openMail, test } from "./fixtures";
import { addCriterion, addField, addSection, berlinDay, describedText, settledDraft, tinyPdf, type BuilderField, type BuilderSection } from "./application-helpers";

// One competition from start to finish, through the real pages in German: a programme manager sets
// up and publishes a two-stage call with every field type; the coordinator of "MINT-Region Freiburg"
// applies with a collaborator, meets the validation, uploads files, submits before the deadline,
// gets the receipt mail with the PDF, reopens and resubmits (version 2); once the manager has moved
// the deadline into the past, a submission is refused and the pages say that the deadline passed.

/** Every `X-Content-Type-Options` line of a response: the server's security headers send it, once. */
const nosniffHeaders = (response: APIResponse) => response.headersArray().filter((header) => header.name.toLowerCase() === "x-content-type-options").map((header) => header.value);

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const NETWORK = "MINT-Region Freiburg";
const COORDINATOR = demoAccounts.applicant.email;

const ELIGIBILITY = {
  key: "sitzInDeutschland",
  questionDe: "Hat Ihr Netzwerk seinen Sitz in Deutschland?",
  questionEn: "Is your network based in Germany?",
  refusalDe: "Gefördert werden nur Netzwerke mit Sitz in Deutschland.",
  refusalEn: "Only networks based in Germany are funded.",
};

const projectSection: BuilderSection = { key: "vorhaben", titleDe: "Das Vorhaben", titleEn: "The project" };
const resourcesSection: BuilderSection = { key: "ressourcen", titleDe: "Partner und Finanzen", titleEn: "Partners and finances" };

const LONG_TEXT_LIMIT = 300;

/** One field of every type the builder offers, all of them required. */
const outlineFields: [BuilderSection, BuilderField][] = [
  [projectSection, { type: "shortText", key: "projekttitel", labelDe: "Titel des Vorhabens", labelEn: "Project title", required: true }],
  [
    projectSection,
    { type: "longText", key: "projektziele", labelDe: "Ziele des Vorhabens", labelEn: "Project goals", required: true, settings: { "Höchstzahl an Zeichen": String(LONG_TEXT_LIMIT) } },
  ],
  [projectSection, { type: "number", key: "schulen", labelDe: "Zahl der beteiligten Schulen", labelEn: "Number of schools", required: true }],
  [projectSection, { type: "amount", key: "foerdersumme", labelDe: "Beantragte Fördersumme", labelEn: "Amount requested", required: true }],
  [projectSection, { type: "date", key: "projektbeginn", labelDe: "Geplanter Projektbeginn", labelEn: "Planned start", required: true }],
  [
    projectSection,
    { type: "singleChoice", key: "schwerpunkt", labelDe: "Fachlicher Schwerpunkt", labelEn: "Main subject", required: true, options: ["Informatik | Computer science", "Technik | Engineering"] },
  ],
  [
    projectSection,
    {
      type: "multipleChoice",
      key: "zielgruppen",
      labelDe: "Zielgruppen",
      labelEn: "Target groups",
      required: true,
      options: ["Grundschulkinder | Primary pupils", "Jugendliche der Sekundarstufe I | Lower secondary pupils", "Lehrkräfte | Teachers"],
    },
  ],
  [projectSection, { type: "yesNo", key: "hochschulkooperation", labelDe: "Gibt es eine Kooperation mit einer Hochschule?", labelEn: "Is a university involved?", required: true }],
  [resourcesSection, { type: "file", key: "skizzendatei", labelDe: "Projektskizze als PDF", labelEn: "Outline as PDF", required: true }],
  [resourcesSection, { type: "partners", key: "partner", labelDe: "Partner im Vorhaben", labelEn: "Project partners", required: true }],
  [resourcesSection, { type: "budget", key: "finanzplan", labelDe: "Finanzplan", labelEn: "Budget", required: true, settings: { "Mindest-Eigenanteil in Prozent": "10" } }],
];

/** The checklist's entry for a field: a link to it and what is wrong. */
function checklistItem(page: Page, label: string) {
  return page.getByRole("region", { name: "Checkliste vor dem Einreichen" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: label, exact: true }) });
}

/** The receipt number the receipt page names (the description after its term). */
function receiptNumberOf(page: Page) {
  return page.locator("dt", { hasText: "Eingangsnummer" }).locator("xpath=following-sibling::dd[1]");
}

/** Saves with the button and waits for the page the save leads to (a new `saved` revision in the address). */
async function saveDraft(page: Page): Promise<void> {
  const before = new URL(page.url()).searchParams.get("saved");
  await page.getByRole("button", { name: "Entwurf speichern" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("saved")).not.toBe(before);
  await expect(page.getByRole("status").filter({ hasText: "Der Entwurf ist gespeichert." })).toBeVisible();
}

test.describe("calls and applications", () => {
  // One long journey: a stuck click should fail on the spot, not wait for the whole test's time.
  test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 });

  test("a manager publishes a two-stage call; a network applies with a collaborator, submits, resubmits and is stopped by the deadline", async ({
    managerPage,
    applicantPage,
    browser,
    baseURL,
  }) => {
    test.setTimeout(10 * 60_000);
    const id = unique();
    const title = `MINT-Cluster Testrunde ${id}`;
    const slug = `mint-cluster-test-${id}`;
    const fundingYear = Number(berlinDay(0).slice(0, 4)) + 1;
    let callId = "";
    let applicationUrl = "";

    await test.step("the manager creates a two-stage call as a draft", async () => {
      const page = managerPage;
      await page.goto("/manager");
      // The pages must work without JavaScript, but where it runs it must take over (hydrate) to enhance them.
      await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
      await page.getByRole("link", { name: "Neue Ausschreibung" }).click();
      await expect(page).toHaveURL(/\/manager\/calls\/new$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neue Ausschreibung");
      await expectAccessible(page);

      await page.getByLabel("Programm", { exact: true }).selectOption({ label: "MINT-Cluster" });
      await page.getByLabel("Titel", { exact: true }).fill(title);
      await page.getByLabel("Kurzname für die Adresse (optional)", { exact: true }).fill(slug);
      await page.getByLabel("Kurzbeschreibung", { exact: true }).fill("Regionale Cluster entwickeln außerschulische MINT-Angebote für 10- bis 16-Jährige.");
      await page.getByLabel("Beschreibung", { exact: true }).fill("Gefördert werden regionale Cluster.\n\nDas Verfahren ist zweistufig: erst die Skizze, dann auf Aufforderung der Vollantrag.");
      await page.getByLabel("Wer kann sich bewerben?", { exact: true }).fill("Regionale MINT-Netzwerke mit mindestens drei Partnern.");
      await page.getByLabel("Regeln und Verfahren", { exact: true }).fill("- Skizze bis zur Frist einreichen\n- Auswahl durch die Jury");
      await page.getByLabel("Fördergeber", { exact: true }).fill("Bundesministerium für Forschung, Technologie und Raumfahrt");
      await page.getByLabel("Zielgruppe", { exact: true }).fill("Kinder und Jugendliche von 10 bis 16 Jahren");
      await page.getByLabel("Gesamtbudget in Euro (optional)", { exact: true }).fill("2.000.000");
      await page.getByLabel("Fördergeld", { exact: true }).check();
      await page.getByLabel("Höchstbetrag je Förderung in Euro", { exact: true }).fill("250000");
      await page.getByLabel("Geplante Zahl der Förderungen (optional)", { exact: true }).fill("8");
      await page.getByLabel("Beginn", { exact: true }).fill(`${fundingYear}-01-01`);
      await page.getByLabel("Ende", { exact: true }).fill(`${fundingYear + 1}-12-31`);
      await page.getByLabel("Ansprechperson", { exact: true }).fill("Manfred Maier");
      await page.getByLabel("E-Mail-Adresse der Ansprechperson", { exact: true }).fill("manager@example.org");

      await page.getByLabel("Zweistufig: Skizze, danach Vollantrag auf Aufforderung", { exact: true }).check();
      const moment = (stage: string, which: "Beginn" | "Einreichungsfrist") =>
        page.getByRole("group", { name: stage, exact: true }).getByRole("group", { name: which, exact: true });
      await moment("Antrag oder Skizze", "Beginn").getByLabel("Tag").fill(berlinDay(-1));
      await moment("Antrag oder Skizze", "Beginn").getByLabel("Uhrzeit").fill("00:00");
      await moment("Antrag oder Skizze", "Einreichungsfrist").getByLabel("Tag").fill(berlinDay(30));
      await moment("Antrag oder Skizze", "Einreichungsfrist").getByLabel("Uhrzeit").fill("12:00");
      await moment("Vollantrag", "Beginn").getByLabel("Tag").fill(berlinDay(31));
      await moment("Vollantrag", "Beginn").getByLabel("Uhrzeit").fill("09:00");
      await moment("Vollantrag", "Einreichungsfrist").getByLabel("Tag").fill(berlinDay(60));
      await moment("Vollantrag", "Einreichungsfrist").getByLabel("Uhrzeit").fill("12:00");
      await page.getByRole("button", { name: "Entwurf anlegen" }).click();

      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page).toHaveURL(/\/manager\/calls\/(?!new$)[^/]+$/);
      callId = new URL(page.url()).pathname.split("/").pop()!;
      await expect(page.getByText("Entwurf: nur für die Programmleitung sichtbar.")).toBeVisible();
      // Nothing to publish yet: the overview says what is missing, stage by stage.
      await expect(page.getByText("Bis zur Veröffentlichung fehlt noch:")).toBeVisible();
      await expect(page.getByText("Phase Skizze: Das Formular hat noch kein Feld.")).toBeVisible();
      await expect(page.getByText("Phase Vollantrag: Es gibt noch keine Bewertungskriterien.")).toBeVisible();
      const stages = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Bewertungskriterien" }) });
      await expect(stages.getByRole("row", { name: /^Skizze/ })).toContainText("12:00");
      await expectAccessible(page);
    });

    await test.step("the manager builds the outline form with an eligibility question and a field of every type", async () => {
      const page = managerPage;
      await page.getByRole("link", { name: "Formular der Phase Skizze" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formular: Skizze");
      const builderUrl = page.url();
      await expectAccessible(page);

      await page.locator("summary", { hasText: "Frage hinzufügen" }).click();
      const question = page.locator("form#add-question");
      await question.getByLabel("Frage (Deutsch)").fill(ELIGIBILITY.questionDe);
      await question.getByLabel("Frage (Englisch)").fill(ELIGIBILITY.questionEn);
      await expect(question.getByRole("radio", { name: "Ja" })).toBeChecked();
      await question.getByLabel("Hinweis bei anderer Antwort (Deutsch)").fill(ELIGIBILITY.refusalDe);
      await question.getByLabel("Hinweis bei anderer Antwort (Englisch)").fill(ELIGIBILITY.refusalEn);
      await question.getByLabel("Schlüssel (optional)").fill(ELIGIBILITY.key);
      await question.getByRole("button", { name: "Frage hinzufügen" }).click();
      await expect(page.locator(`#question-${ELIGIBILITY.key}`).getByRole("heading", { level: 3, name: "Frage 1", exact: true })).toBeVisible();

      await addSection(page, projectSection);
      await addSection(page, resourcesSection);
      for (const [section, field] of outlineFields) await addField(page, builderUrl, section, field);

      // The builder's own preview shows the whole form as applicants will see it.
      const preview = page.getByRole("region", { name: "Vorschau" });
      await expect(preview).toContainText(ELIGIBILITY.questionDe);
      for (const [, field] of outlineFields) await expect(preview).toContainText(field.labelDe);
      await expectAccessible(page);

      // A field's own page (reached from the list) shows its settings and a preview of just that field.
      await page.getByRole("link", { name: "Ziele des Vorhabens" }).click();
      await expect(page.locator("form#field-properties").getByLabel("Höchstzahl an Zeichen")).toHaveValue(String(LONG_TEXT_LIMIT));
      await expectAccessible(page);
      await page.goto(builderUrl);
    });

    await test.step("the manager adds the full-proposal form and rubrics summing to 100 %, previews and publishes", async () => {
      const page = managerPage;
      await page.goto(`/manager/calls/${callId}`);
      await page.getByRole("link", { name: "Formular der Phase Vollantrag" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formular: Vollantrag");
      const fullSection: BuilderSection = { key: "vollantrag", titleDe: "Ausführliche Beschreibung", titleEn: "Full description" };
      await addSection(page, fullSection);
      await addField(page, page.url(), fullSection, {
        type: "longText",
        key: "projektziele",
        labelDe: "Ziele des Vorhabens",
        labelEn: "Project goals",
        required: true,
        settings: { "Höchstzahl an Zeichen": "5000" },
      });

      await page.goto(`/manager/calls/${callId}`);
      await page.getByRole("link", { name: "Kriterien der Phase Skizze" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bewertungskriterien: Skizze");
      await expectAccessible(page);
      await addCriterion(page, { titleDe: "Qualität des Konzepts", titleEn: "Quality of the concept", descriptionDe: "Ziele, Zielgruppen und Maßnahmen passen zusammen.", weight: 60 });
      await expect(page.getByText("Die Gewichte ergeben zusammen 60 %; zur Veröffentlichung müssen es 100 % sein.")).toBeVisible();
      await addCriterion(page, { titleDe: "Stärke des Netzwerks", titleEn: "Strength of the network", descriptionDe: "Partner, Rollen und Verbindlichkeit.", weight: 40 });
      await expect(page.getByText("Die Gewichte ergeben zusammen 100 %.", { exact: true })).toBeVisible();
      await expectAccessible(page);

      await page.goto(`/manager/calls/${callId}`);
      await page.getByRole("link", { name: "Kriterien der Phase Vollantrag" }).click();
      await addCriterion(page, { titleDe: "Gesamteindruck", titleEn: "Overall impression", descriptionDe: "Überzeugt der Vollantrag insgesamt?", weight: 100 });
      await expect(page.getByText("Die Gewichte ergeben zusammen 100 %.", { exact: true })).toBeVisible();

      await page.goto(`/manager/calls/${callId}`);
      await expect(page.getByText("Alles Nötige ist eingerichtet; die Ausschreibung kann veröffentlicht werden.")).toBeVisible();
      await page.getByRole("link", { name: "Vorschau" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vorschau");
      await expect(page.getByRole("heading", { level: 2, name: "Formular: Skizze" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "Formular: Vollantrag" })).toBeVisible();
      await expect(page.getByText("Nur Netzwerke, deren Skizze zum Vollantrag aufgefordert wurde, füllen dieses Formular aus.")).toBeVisible();
      await expectAccessible(page);

      await page.goto(`/manager/calls/${callId}`);
      await page.getByRole("button", { name: "Veröffentlichen" }).click();
      await expect(page.getByText("Veröffentlicht: Netzwerke sehen die Ausschreibung und können sich in den offenen Phasen bewerben.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Abschließen" })).toBeVisible();
      await expectAccessible(page);

      // The published form now says which changes it no longer takes.
      await page.getByRole("link", { name: "Formular der Phase Skizze" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Die Ausschreibung ist veröffentlicht" })).toContainText("lassen sich Felder, Abschnitte und Auswahlmöglichkeiten nicht mehr löschen");
      await expect(page.getByRole("button", { name: /^„Titel des Vorhabens“ löschen$/ })).toHaveCount(0);
    });

    await test.step("the public call page shows the call, its deadline and the form", async () => {
      const anonymous = await browser.newContext(contextOptions(baseURL));
      const page = await anonymous.newPage();
      await page.goto("/calls");
      await page.getByRole("link", { name: title }).first().click();
      await expect(page).toHaveURL(new RegExp(`/calls/${slug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByText("Bundesministerium für Forschung, Technologie und Raumfahrt")).toBeVisible();
      const apply = page.getByRole("region", { name: "Bewerben: Skizze" });
      await expect(apply).toContainText("Einreichungsfrist:");
      await expect(apply).toContainText("12:00");
      await expect(apply.locator("time")).toContainText(/^noch (30|29) Tage/);
      await expect(apply.getByRole("link", { name: "Zum Beginnen eines Antrags melden Sie sich bitte an." })).toBeVisible();
      const preview = page.getByRole("region", { name: "Antragsformular (Skizze): Vorschau" });
      await expect(preview).toContainText(ELIGIBILITY.questionDe);
      await expect(preview).toContainText(`Langer Text, höchstens ${LONG_TEXT_LIMIT} Zeichen`);
      await expect(preview).toContainText("Informatik, Technik");
      await expectAccessible(page);
      await anonymous.close();
    });

    await test.step("the coordinator starts an application and must first pass the eligibility question", async () => {
      const page = applicantPage;
      await page.goto(`/calls/${slug}`);
      await page.getByRole("region", { name: "Bewerben: Skizze" }).getByRole("button", { name: "Antrag beginnen" }).click();
      await expect(page).toHaveURL(/\/applications\/[^/?]+$/);
      applicationUrl = new URL(page.url()).pathname;
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Antrag von ${NETWORK} Entwurf`);
      await expect(page.getByRole("heading", { level: 2, name: "Das Vorhaben" })).toHaveCount(0);
      await expectAccessible(page);

      const question = page.getByRole("radiogroup", { name: ELIGIBILITY.questionDe });
      await question.getByLabel("Nein").check();
      await page.getByRole("button", { name: "Antworten speichern und weiter" }).click();
      await expect(question.getByRole("alert")).toHaveText(`Nicht antragsberechtigt: ${ELIGIBILITY.refusalDe}`);
      await expect(page.getByText("Nach Ihren Antworten kann Ihr Netzwerk sich nicht bewerben.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "Das Vorhaben" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeDisabled();

      await question.getByLabel("Ja").check();
      await page.getByRole("button", { name: "Antworten speichern und weiter" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Das Vorhaben" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "Partner und Finanzen" })).toBeVisible();
      // The partner list starts from the network's roster; everything else is still missing.
      await expect(page.getByLabel("Name (Partner 1)", { exact: true })).not.toHaveValue("");
      await expect(page.getByText("Vor dem Einreichen fehlt noch Folgendes (10 Punkte):")).toBeVisible();
      await expect(checklistItem(page, "Titel des Vorhabens")).toHaveText("Titel des Vorhabens: fehlt");
      await expect(checklistItem(page, "Projektskizze als PDF")).toHaveText("Projektskizze als PDF: fehlt");
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeDisabled();
      await expect(page.getByText("Einreichen ist möglich, sobald die Checkliste leer ist (noch 10 offene Punkte).")).toBeVisible();
      await expectAccessible(page);

      await page.goto("/applicant");
      const row = page.getByRole("row").filter({ hasText: title });
      await expect(row).toContainText("Skizze");
      await expect(row).toContainText("Entwurf");
      await expect(row).toContainText("10 Punkte fehlen");
    });

    await test.step("the coordinator sees the server's validation messages and the characters left", async () => {
      const page = applicantPage;
      await page.goto(applicationUrl);
      await page.getByLabel("Titel des Vorhabens").fill("Forschen am Oberrhein");
      await page.getByLabel("Zahl der beteiligten Schulen").fill("zwölf");
      const goals = page.getByLabel("Ziele des Vorhabens");
      // The browser keeps the text within the limit; a client that ignores it meets the server's check.
      await expect(goals).toHaveAttribute("maxlength", String(LONG_TEXT_LIMIT));
      await goals.evaluate((element) => element.removeAttribute("maxlength"));
      await goals.fill("x".repeat(LONG_TEXT_LIMIT + 1));
      await page.getByRole("button", { name: "Entwurf speichern" }).click();

      await expect(page.getByRole("region", { name: "Bitte korrigieren: noch nicht gespeichert" })).toContainText("Alle anderen Angaben sind gespeichert.");
      const number = page.getByLabel("Zahl der beteiligten Schulen");
      await expect(number).toHaveAttribute("aria-invalid", "true");
      await expect.poll(() => describedText(number)).toBe("Bitte geben Sie eine ganze Zahl ab 0 ein.");
      await expect(goals).toHaveAttribute("aria-invalid", "true");
      await expect.poll(() => describedText(goals)).toContain(`Bitte höchstens ${LONG_TEXT_LIMIT} Zeichen.`);
      // The valid title is saved; what does not fit its rule stays as typed, and nothing is lost.
      await expect(page.getByLabel("Titel des Vorhabens")).toHaveValue("Forschen am Oberrhein");
      await expect(checklistItem(page, "Titel des Vorhabens")).toHaveCount(0);
      await expect(number).toHaveValue("zwölf");
      await expectAccessible(page);

      await number.fill("12");
      const goalsText = "Schülerinnen und Schüler erforschen Wasser, Energie und Klima am Oberrhein.";
      await goals.fill(goalsText);
      // The count follows the typing in the browser (soft: the rest of the journey works without JavaScript).
      await expect.soft(page.getByText(`noch ${LONG_TEXT_LIMIT - goalsText.length} von ${LONG_TEXT_LIMIT} Zeichen`)).toBeVisible();
      await saveDraft(page);
      await expect(page.getByText(`noch ${LONG_TEXT_LIMIT - goalsText.length} von ${LONG_TEXT_LIMIT} Zeichen`)).toBeVisible();
      await expect(page.getByLabel("Zahl der beteiligten Schulen")).toHaveValue("12");
      await expect(page.getByText("Vor dem Einreichen fehlt noch Folgendes (7 Punkte):")).toBeVisible();
      await expect(checklistItem(page, "Titel des Vorhabens")).toHaveCount(0);
    });

    await test.step("the coordinator invites a collaborator, who accepts and edits the same application", async () => {
      const page = applicantPage;
      const email = `mitwirkende-${id}@example.net`;
      const name = `Paula Partner ${id}`;
      const password = `mitwirken-${id}`;

      await page.goto("/applicant");
      await page.getByRole("link", { name: "Netzwerkprofil, Partner und Mitwirkende verwalten" }).click();
      await expect(page).toHaveURL(/\/network\?network=/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Netzwerk ${NETWORK}`);
      await expectAccessible(page);
      const invite = page.locator("form#invite");
      await invite.getByLabel("Name", { exact: true }).fill(name);
      await invite.getByLabel("E-Mail-Adresse", { exact: true }).fill(email);
      await invite.getByRole("button", { name: "Einladung senden" }).click();
      await expect(page.getByText("Die Einladung ist verschickt.")).toBeVisible();
      await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText(name);
      await expectAccessible(page);

      await openMail(page, email, `Einladung in das Netzwerk ${NETWORK}`);
      const href = await mailLink(page, "Einladung annehmen").getAttribute("href");
      expect(href).toMatch(/\/invitation\/[^/]+$/);

      const collaboratorContext = await browser.newContext(contextOptions(baseURL));
      const collaborator = await collaboratorContext.newPage();
      await collaborator.goto(href!);
      await expect(collaborator.getByRole("heading", { level: 1 })).toHaveText("Einladung annehmen");
      await expect(collaborator.getByText(email, { exact: true })).toBeVisible();
      await expectAccessible(collaborator);
      await collaborator.getByLabel("Passwort", { exact: true }).fill(password);
      await collaborator.getByLabel("Passwort wiederholen").fill(password);
      await collaborator.getByRole("button", { name: "Konto anlegen" }).click();
      await expect(collaborator).toHaveURL(/\/applicant$/);
      await expect(collaborator.getByRole("banner")).toContainText(name);

      await collaborator.getByRole("link", { name: `Bearbeiten: ${title}` }).click();
      await expect(collaborator).toHaveURL(new RegExp(`${applicationUrl}$`));
      await expect(collaborator.getByLabel("Titel des Vorhabens")).toHaveValue("Forschen am Oberrhein");
      await collaborator.getByLabel("Titel des Vorhabens").fill("Forschen am Oberrhein: Wasser, Energie, Klima");
      await collaborator.getByRole("group", { name: "Zielgruppen" }).getByLabel("Jugendliche der Sekundarstufe I").check();
      await saveDraft(collaborator);
      await collaboratorContext.close();

      // The coordinator sees the collaborator's work in the same application.
      await page.goto(applicationUrl);
      await expect(page.getByLabel("Titel des Vorhabens")).toHaveValue("Forschen am Oberrhein: Wasser, Energie, Klima");
      await expect(page.getByRole("group", { name: "Zielgruppen" }).getByLabel("Jugendliche der Sekundarstufe I")).toBeChecked();
      await page.goto("/network");
      await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Mitwirkende Person");
    });

    await test.step("the coordinator uploads files: a fake PDF is refused, a real one is listed and downloadable", async () => {
      const page = applicantPage;
      await page.goto(applicationUrl);
      const upload = page.locator('[id="skizzendatei"]');
      await expect(upload).toContainText("PDF, höchstens 10 MB, eine Datei");
      await upload.getByLabel("Projektskizze als PDF").setInputFiles({ name: "skizze.pdf", mimeType: "application/pdf", buffer: Buffer.from("Dies ist nur Text, kein PDF.\n".repeat(20)) });
      await upload.getByRole("button", { name: "Hochladen" }).click();
      await expect(upload.getByRole("alert")).toContainText("kein erlaubtes Format");
      await expect(upload.getByText("Noch keine Datei hochgeladen.")).toBeVisible();

      await upload.getByLabel("Projektskizze als PDF").setInputFiles({ name: "Projektskizze Oberrhein.pdf", mimeType: "application/pdf", buffer: tinyPdf("Projektskizze MINT-Region Freiburg") });
      await upload.getByRole("button", { name: "Hochladen" }).click();
      await expect(upload.getByRole("status")).toHaveText("Die Datei wurde hochgeladen.");
      const listed = upload.getByRole("list", { name: "Hochgeladene Dateien: Projektskizze als PDF" }).getByRole("link", { name: "Projektskizze Oberrhein.pdf" });
      await expect(listed).toBeVisible();
      // One file allowed: the upload form gives way to a note.
      await expect(upload.getByText("Die Höchstzahl an Dateien ist erreicht.")).toBeVisible();
      const download = await page.context().request.get((await listed.getAttribute("href"))!);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toContain("application/pdf");
      expect(nosniffHeaders(download)).toEqual(["nosniff"]);
      expect((await download.body()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");

      // A letter of intent for the first partner: an upload of its own inside the partner table.
      const letter = page.locator('[id="partner.0"]');
      await letter.getByLabel("Absichtserklärung (Letter of Intent)").setInputFiles({ name: "LOI Partner 1.pdf", mimeType: "application/pdf", buffer: tinyPdf("Letter of Intent") });
      await letter.getByRole("button", { name: "Hochladen" }).click();
      await expect(letter.getByRole("link", { name: "LOI Partner 1.pdf" })).toBeVisible();

      await page.reload();
      await expect(checklistItem(page, "Projektskizze als PDF")).toHaveCount(0);
      await expect(page.locator('[id="skizzendatei"]').getByRole("link", { name: "Projektskizze Oberrhein.pdf" })).toBeVisible();
    });

    await test.step("the coordinator fills in the rest; the budget's own contribution is checked", async () => {
      const page = applicantPage;
      await page.getByLabel("Beantragte Fördersumme").fill("180.000,00");
      await page.getByLabel("Geplanter Projektbeginn").fill(`${fundingYear}-02-01`);
      await page.getByRole("radiogroup", { name: "Fachlicher Schwerpunkt" }).getByLabel("Technik").check();
      await page.getByRole("radiogroup", { name: "Gibt es eine Kooperation mit einer Hochschule?" }).getByLabel("Ja").check();
      await page.getByRole("button", { name: "Kostenposition hinzufügen" }).click();
      await expect(page.getByLabel("Betrag in Euro (Position 1)", { exact: true })).toBeVisible();

      await page.getByLabel("Kategorie (Position 1)", { exact: true }).selectOption({ label: "Personalausgaben" });
      await page.getByLabel("Jahr (Position 1)", { exact: true }).selectOption(String(fundingYear));
      await page.getByLabel("Beschreibung (Position 1)", { exact: true }).fill("Koordinationsstelle, halbe Stelle");
      await page.getByLabel("Betrag in Euro (Position 1)", { exact: true }).fill("40000");
      await page.getByLabel("Eigenanteil (in Euro, z. B. 1.250,50)").fill("1000");
      const totals = page.getByRole("table", { name: "Summen" });
      // The sums follow the typing in the browser, and the server computes them for the saved draft.
      await expect.soft(totals.getByRole("row", { name: /^Gesamtkosten/ })).toContainText("40.000 €");
      await saveDraft(page);
      await expect(totals.getByRole("row", { name: /^Gesamtkosten/ })).toContainText("40.000 €");
      await expect(totals.getByRole("row", { name: /^Beantragte Summe/ })).toContainText("39.000 €");
      await expect(checklistItem(page, "Finanzplan")).toContainText("Eigenanteil zu niedrig (mindestens 4.000 €)");
      await expect(page.getByText("Vor dem Einreichen fehlt noch Folgendes (1 Punkt):")).toBeVisible();

      await page.getByLabel("Eigenanteil (in Euro, z. B. 1.250,50)").fill("4000");
      await saveDraft(page);
      await expect(page.getByText("Alles ausgefüllt: Der Antrag kann eingereicht werden.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeEnabled();
      // What the server stored, shown back as inputs take it.
      await page.reload();
      await expect(page.getByLabel("Beantragte Fördersumme")).toHaveValue("180000");
      await expect(page.getByLabel("Geplanter Projektbeginn")).toHaveValue(`${fundingYear}-02-01`);
      await expect(page.getByLabel("Eigenanteil (in Euro, z. B. 1.250,50)")).toHaveValue("4000");
      await expect(page.getByRole("table", { name: "Summen" }).getByRole("row", { name: /^Beantragte Summe/ })).toContainText("36.000 €");
      await expectAccessible(page);
    });

    let firstReceipt = "";
    await test.step("the coordinator submits before the deadline and gets the receipt number", async () => {
      const page = applicantPage;
      await settledDraft(page);
      await page.getByRole("button", { name: "Antrag einreichen" }).click();
      await expect(page).toHaveURL(new RegExp(`${applicationUrl}/receipt\\?submitted=1$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eingangsbestätigung und Fassungen Eingereicht");
      await expect(page.getByRole("status").filter({ hasText: "Ihr Antrag ist eingereicht." })).toBeVisible();
      firstReceipt = (await receiptNumberOf(page).innerText()).trim();
      expect(firstReceipt).toMatch(/^[A-Z0-9]+-\d{4}-\d{6}$/);
      const versions = page.getByRole("table", { name: "Eingereichte Fassungen" });
      await expect(versions.getByRole("row")).toHaveCount(2);
      await expect(versions.getByRole("row").nth(1)).toContainText(firstReceipt);
      await expect(versions.getByRole("row").nth(1)).toContainText("Anna Achterberg");
      await expectAccessible(page);

      // The application itself is now read only and says where the receipt is.
      await page.goto(applicationUrl);
      await expect(page.getByText("Dieser Antrag ist nicht mehr im Entwurf (Status: Eingereicht)")).toBeVisible();
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toHaveCount(0);
      await expect(page.getByText("Forschen am Oberrhein: Wasser, Energie, Klima")).toBeVisible();
      await expectAccessible(page);
    });

    await test.step("the receipt mail arrives with the PDF of what was submitted", async () => {
      const page = applicantPage;
      // The subject names the receipt number; the mail is found by it.
      await openMail(page, COORDINATOR, firstReceipt);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Eingangsbestätigung");
      const text = page.getByRole("region", { name: "Textfassung" });
      await expect(text).toContainText(firstReceipt);
      await expect(text).toContainText(title);
      await expect(text).toContainText(NETWORK);
      const attachments = page.getByRole("region", { name: "Anhänge" });
      await expect(attachments.getByRole("link", { name: /\.pdf/ })).toHaveCount(1);
      const pdf = await page.context().request.get((await attachments.getByRole("link", { name: /\.pdf/ }).getAttribute("href"))!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      expect(nosniffHeaders(pdf)).toEqual(["nosniff"]);
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const receiptLink = await mailLink(page, "Antrag ansehen").getAttribute("href");
      expect(receiptLink).toMatch(new RegExp(`${applicationUrl}/receipt$`));
    });

    await test.step("the coordinator reopens, changes and resubmits: version 2 with a new receipt number", async () => {
      const page = applicantPage;
      await page.goto(`${applicationUrl}/receipt`);
      await page.getByRole("button", { name: "Wieder öffnen und bearbeiten" }).click();
      await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Antrag von ${NETWORK} Entwurf`);
      await expect(page.getByRole("link", { name: "Eingereichte Fassungen (1)" })).toBeVisible();
      await page.getByLabel("Zahl der beteiligten Schulen").fill("14");
      await saveDraft(page);
      await settledDraft(page);
      await page.getByRole("button", { name: "Antrag einreichen" }).click();
      await expect(page).toHaveURL(new RegExp(`${applicationUrl}/receipt\\?submitted=1$`));

      const versions = page.getByRole("table", { name: "Eingereichte Fassungen" });
      await expect(versions.getByRole("row")).toHaveCount(3);
      await expect(versions.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("2");
      await expect(versions.getByRole("row").nth(2).getByRole("cell").first()).toHaveText("1");
      await expect(versions.getByRole("row").nth(2)).toContainText(firstReceipt);
      const secondReceipt = (await versions.getByRole("row").nth(1).getByRole("cell").nth(1).innerText()).trim();
      expect(secondReceipt).toMatch(/^[A-Z0-9]+-\d{4}-\d{6}$/);
      expect(secondReceipt).not.toBe(firstReceipt);
      await expect(receiptNumberOf(page)).toHaveText(secondReceipt);
      await openMail(page, COORDINATOR, secondReceipt);
      await expect(page.getByRole("region", { name: "Anhänge" }).getByRole("link", { name: /\.pdf/ })).toHaveCount(1);
    });

    await test.step("after the deadline the submission is refused and the pages say so", async () => {
      const page = applicantPage;
      // The network reopens once more and has the draft open when the deadline passes.
      await page.goto(`${applicationUrl}/receipt`);
      await page.getByRole("button", { name: "Wieder öffnen und bearbeiten" }).click();
      await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeEnabled();

      const manager = managerPage;
      await manager.goto(`/manager/calls/${callId}`);
      await manager.getByRole("link", { name: "Phasen und Fristen bearbeiten" }).click();
      await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Phasen und Fristen bearbeiten");
      await expectAccessible(manager);
      const outline = manager.getByRole("group", { name: "Skizze", exact: true });
      await outline.getByRole("group", { name: "Beginn", exact: true }).getByLabel("Tag").fill(berlinDay(-3));
      await outline.getByRole("group", { name: "Einreichungsfrist", exact: true }).getByLabel("Tag").fill(berlinDay(-1));
      await outline.getByRole("group", { name: "Einreichungsfrist", exact: true }).getByLabel("Uhrzeit").fill("12:00");
      await manager.getByRole("button", { name: "Speichern" }).click();
      await expect(manager).toHaveURL(new RegExp(`/manager/calls/${callId}$`));

      // The page was loaded before the deadline moved, so its button is still there; the server refuses.
      const submitted = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith(applicationUrl));
      await page.getByRole("button", { name: "Antrag einreichen" }).click();
      expect((await submitted).status()).toBe(409);
      await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
      await expect(page.getByText(/^Die Frist ist abgelaufen/).first()).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Antrag von ${NETWORK} Entwurf`);

      await page.reload();
      await expect(page.getByRole("status").filter({ hasText: "Die Frist ist abgelaufen" })).toHaveText(
        "Die Frist ist abgelaufen: Dieser Antrag kann nicht mehr geändert, eingereicht, zurückgezogen oder wieder geöffnet werden.",
      );
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Entwurf speichern" })).toHaveCount(0);
      await expectAccessible(page);

      await page.goto(`${applicationUrl}/receipt`);
      await expect(page.getByRole("status").filter({ hasText: "Die Frist ist abgelaufen" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Wieder öffnen und bearbeiten" })).toHaveCount(0);
      await expect(page.getByRole("table", { name: "Eingereichte Fassungen" }).getByRole("row")).toHaveCount(3);

      // Nobody can start an outline any more either: the call page points to the next stage.
      await page.goto(`/calls/${slug}`);
      await expect(page.getByRole("region", { name: "Bewerben: Skizze" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Antrag beginnen" })).toHaveCount(0);
    });
  });
});
