import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, expect, expectAccessible, newContextWithoutJavaScript, test } from "./fixtures";
import { addCriterion, addField, addSection, createSingleStageCall, describedText, type BuilderSection } from "./application-helpers";

// Nothing a person types is lost: a count set up in the form builder (whole numbers from 0 to 500),
// then "zwölf" typed into it beside valid answers. The valid answers are saved, "zwölf" stays with
// its message after a reload, the save state stays on screen, and submitting waits until it is
// fixed; with JavaScript (autosave) and without (the save button).

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const section: BuilderSection = { key: "vorhaben", titleDe: "Das Vorhaben", titleEn: "The project" };
const TITLE = "Titel des Vorhabens";
const COUNT = "Zahl der beteiligten Schulen";
const GOALS = "Ziele des Vorhabens";
const COUNT_RULE = "Bitte geben Sie eine ganze Zahl von 0 bis 500 ein.";

/** The draft's save state, in the bar that stays at the bottom of the screen. */
const saveState = (page: Page) => page.locator(".draft-status [role=status]");

/** The checklist's entry for a field: a link to it and what is wrong. */
function checklistItem(page: Page, label: string) {
  return page.getByRole("region", { name: "Checkliste vor dem Einreichen" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: label, exact: true }) });
}

/** Everything the page shows of a draft holding "zwölf" beside the valid title and goals. */
async function expectKeptWithMessage(page: Page, answers: { title: string; goals: string; count: string }) {
  await expect(page.getByLabel(TITLE)).toHaveValue(answers.title);
  await expect(page.getByLabel(GOALS)).toHaveValue(answers.goals);
  const count = page.getByLabel(COUNT);
  await expect(count).toHaveValue(answers.count);
  await expect(count).toHaveAttribute("aria-invalid", "true");
  await expect.poll(() => describedText(count)).toBe(COUNT_RULE);
  const summary = page.getByRole("region", { name: "Bitte korrigieren: noch nicht gespeichert" });
  await expect(summary).toContainText("Alle anderen Angaben sind gespeichert.");
  await expect(summary.getByRole("link", { name: COUNT })).toHaveAttribute("href", "#in-fields-schulen");
  await expect(checklistItem(page, COUNT)).toHaveText(`${COUNT}: „${answers.count}“ ist nicht gespeichert. ${COUNT_RULE}`);
  await expect(checklistItem(page, TITLE)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeDisabled();
  await expect(saveState(page)).toHaveText(/^Gespeichert um \d{2}:\d{2} Uhr · Nicht gespeichert: 1 Feld prüfen$/);
}

test.describe("no lost input", () => {
  test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 });

  test("a count set up in the builder; \"zwölf\" typed beside valid answers is kept with its message across reloads, with and without JavaScript", async ({
    managerPage,
    applicant2Page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(6 * 60_000);
    const id = unique();
    const title = `Zahlenprobe ${id}`;
    const slug = `zahlenprobe-${id}`;
    let applicationUrl = "";

    await test.step("the manager sets up a single-stage call whose count takes whole numbers from 0 to 500", async () => {
      const page = managerPage;
      await createSingleStageCall(page, { title, slug, funder: "Stiftung Zahlenprobe", maxEuros: 10000 });
      const callPage = page.url();

      await page.getByRole("link", { name: "Formular der Phase Antrag" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formular: Antrag");
      const builderUrl = page.url();
      await addSection(page, section);
      await addField(page, builderUrl, section, { type: "shortText", key: "titel", labelDe: TITLE, labelEn: "Project title", required: true });
      await addField(page, builderUrl, section, { type: "longText", key: "ziele", labelDe: GOALS, labelEn: "Project goals", required: false });
      await addField(page, builderUrl, section, { type: "number", key: "schulen", labelDe: COUNT, labelEn: "Number of schools", required: true });

      // A new number field is a count: whole numbers from 0. A range that holds no number is refused.
      await page.getByRole("link", { name: COUNT }).click();
      const settings = page.locator("form#field-properties");
      await expect(settings.getByLabel("Kleinster Wert (optional)")).toHaveValue("0");
      await expect(settings.getByLabel("Nur ganze Zahlen")).toBeChecked();
      await expect(settings.getByText("Für Anzahlen: kleinster Wert 0 und nur ganze Zahlen.")).toBeVisible();
      await settings.getByLabel("Kleinster Wert (optional)").fill("10");
      await settings.getByLabel("Größter Wert (optional)").fill("5");
      await settings.getByRole("button", { name: "Speichern" }).click();
      const largest = settings.getByLabel("Größter Wert (optional)");
      await expect(largest).toHaveAttribute("aria-invalid", "true");
      await expect.poll(() => describedText(largest)).toContain("Der größte Wert darf nicht kleiner als der kleinste sein.");
      await expectAccessible(page);
      await settings.getByLabel("Kleinster Wert (optional)").fill("0");
      await largest.fill("500");
      const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/fields/schulen"));
      await settings.getByRole("button", { name: "Speichern" }).click();
      expect((await saved).status()).toBeLessThan(400);
      await page.reload();
      await expect(settings.getByLabel("Größter Wert (optional)")).toHaveValue("500");
      await expect(page.getByRole("region", { name: "Vorschau" })).toContainText(COUNT);

      await page.goto(callPage);
      await page.getByRole("link", { name: "Kriterien der Phase Antrag" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bewertungskriterien: Antrag");
      await addCriterion(page, { titleDe: "Gesamteindruck", titleEn: "Overall impression", descriptionDe: "Überzeugt der Antrag?", weight: 100 });
      await page.goto(callPage);
      await page.getByRole("button", { name: "Veröffentlichen" }).click();
      await expect(page.getByText("Veröffentlicht: Netzwerke sehen die Ausschreibung")).toBeVisible();
    });

    await test.step("with JavaScript: the autosave keeps the valid answers and \"zwölf\" with its message; a reload shows all of it", async () => {
      const page = applicant2Page;
      await page.goto(`/calls/${slug}`);
      await page.getByRole("region", { name: "Bewerben: Antrag" }).getByRole("button", { name: /^Antrag beginnen/ }).click();
      await expect(page).toHaveURL(/\/applications\/[^/?]+$/);
      applicationUrl = new URL(page.url()).pathname;
      await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
      // The rule is said before anything is typed.
      await expect.poll(() => describedText(page.getByLabel(COUNT))).toBe(COUNT_RULE);

      await page.getByLabel(TITLE).fill("Forschen am Main");
      await page.getByLabel(COUNT).fill("zwölf");
      await page.getByLabel(GOALS).fill("Schulen und Labore arbeiten zusammen.");
      // Typed, not yet sent: the status says so until the autosave (1.5 s after the last change) takes it.
      await expect(saveState(page)).toHaveText("Änderungen noch nicht gespeichert");
      await expect(saveState(page)).toHaveText(/Nicht gespeichert: 1 Feld prüfen$/);
      await expect.poll(() => describedText(page.getByLabel(COUNT))).toBe(COUNT_RULE);

      await page.reload();
      await expectKeptWithMessage(page, { title: "Forschen am Main", goals: "Schulen und Labore arbeiten zusammen.", count: "zwölf" });
      // The save state stays where the person is, at the top of the form as at its end.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page.locator(".draft-status")).toBeInViewport();
      await page.getByLabel(GOALS).scrollIntoViewIfNeeded();
      await expect(page.locator(".draft-status")).toBeInViewport();
      await expectAccessible(page);

      await page.getByLabel(COUNT).fill("12");
      await expect(saveState(page)).toHaveText(/^Gespeichert um \d{2}:\d{2} Uhr$/);
      await page.reload();
      await expect(page.getByLabel(COUNT)).toHaveValue("12");
      await expect(page.getByLabel(COUNT)).not.toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("region", { name: "Bitte korrigieren: noch nicht gespeichert" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeEnabled();
      await expectAccessible(page);
    });

    await test.step("without JavaScript: the save button keeps the valid answers and \"zwölf\" with its message; a reload shows all of it", async () => {
      const context = await newContextWithoutJavaScript(browser, baseURL);
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("E-Mail-Adresse").fill(demoAccounts.applicant2.email);
      await page.getByLabel("Passwort", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await expect(page).toHaveURL(/\/applicant$/);

      await page.goto(applicationUrl);
      // The draft was complete when the page came: submitting with "zwölf" typed saves the rest and is refused.
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeEnabled();
      await page.getByLabel(TITLE).fill("Forschen am Main und am Rhein");
      await page.getByLabel(COUNT).fill("zwölf");
      await page.getByRole("button", { name: "Antrag einreichen" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Der Antrag ist noch nicht vollständig." })).toBeVisible();
      await page.goto(applicationUrl);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Entwurf");
      await expectKeptWithMessage(page, { title: "Forschen am Main und am Rhein", goals: "Schulen und Labore arbeiten zusammen.", count: "zwölf" });

      await page.getByLabel(TITLE).fill("Forschen an Main und Rhein");
      await page.getByLabel(COUNT).fill("-3");
      await page.locator(".draft-status").getByRole("button", { name: "Entwurf speichern" }).click();
      await expect(page).toHaveURL(/\?saved=\d+$/);
      await expectKeptWithMessage(page, { title: "Forschen an Main und Rhein", goals: "Schulen und Labore arbeiten zusammen.", count: "-3" });
      await page.reload();
      await expectKeptWithMessage(page, { title: "Forschen an Main und Rhein", goals: "Schulen und Labore arbeiten zusammen.", count: "-3" });
      await expectAccessible(page);

      await page.getByLabel(COUNT).fill("7");
      await page.locator(".draft-status").getByRole("button", { name: "Entwurf speichern" }).click();
      await expect(page.getByLabel(COUNT)).toHaveValue("7");
      await expect(saveState(page)).toHaveText(/^Gespeichert um \d{2}:\d{2} Uhr$/);
      await expect(page.getByRole("button", { name: "Antrag einreichen" })).toBeEnabled();
      await context.close();
    });
  });
});
