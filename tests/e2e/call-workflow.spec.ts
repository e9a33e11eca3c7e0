import type { Page } from "@playwright/test";
import { expect, expectAccessible, newContextWithoutJavaScript, storageStatePath, test } from "./fixtures";
import { addCriterion, addField, addSection, createSingleStageCall, type BuilderSection } from "./application-helpers";

// The call's status steps through the real pages: closing asks first ("wirklich abschließen?"), a
// call closed by mistake is reopened with a reason that its status history shows; a form field is
// deleted only after a second, confirming click. With JavaScript and without it.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const section: BuilderSection = { key: "vorhaben", titleDe: "Das Vorhaben", titleEn: "The project" };

/** The draft with a form field and a complete rubric, published; returns its overview's address. */
async function publishedCall(page: Page, title: string): Promise<string> {
  const overview = await createSingleStageCall(page, { title });
  await page.getByRole("link", { name: "Formular der Phase Antrag" }).click();
  await addSection(page, section);
  await addField(page, page.url(), section, { type: "shortText", key: "projektname", labelDe: "Projektname", labelEn: "Project name", required: true });
  await page.goto(overview);
  await page.getByRole("link", { name: "Kriterien der Phase Antrag" }).click();
  await addCriterion(page, { titleDe: "Qualität", titleEn: "Quality", descriptionDe: "Passt alles zusammen?", weight: 100 });
  await page.goto(overview);
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText("Veröffentlicht: Netzwerke sehen die Ausschreibung")).toBeVisible();
  return overview;
}

const closeQuestion = (title: string) => `„${title}“ wirklich abschließen?`;

/** Closes the call on its overview page: the button only asks, the panel's button closes. */
async function closeWithConfirmation(page: Page, title: string): Promise<void> {
  const close = page.getByRole("button", { name: "Abschließen", exact: true });
  // Publishing is the constructive step; closing is never the primary button.
  await expect(close).not.toHaveClass(/primary/);
  await close.click();
  const panel = page.getByRole("region", { name: closeQuestion(title) });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Wieder öffnen können Sie die Ausschreibung nur, solange die Prüfung der Anträge nicht begonnen hat.");
  await expect(page.getByText("Veröffentlicht: Netzwerke sehen die Ausschreibung")).toBeVisible();
  await expectAccessible(page);
  await panel.getByRole("button", { name: "Ja, abschließen" }).click();
  await expect(page.getByText("Abgeschlossen: Die Ausschreibung ist noch sichtbar")).toBeVisible();
  await expect(page.getByRole("region", { name: closeQuestion(title) })).toHaveCount(0);
}

/** Reopens the closed call: the reason is required, then the history tells who reopened it and why. */
async function reopenWithReason(page: Page, reason: string): Promise<void> {
  const form = page.getByRole("form", { name: "Versehentlich abgeschlossen?" });
  await form.getByRole("button", { name: "Ausschreibung wieder öffnen" }).click();
  const reasonInput = form.getByLabel("Grund für das Wiederöffnen");
  await expect(reasonInput).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Abgeschlossen: Die Ausschreibung ist noch sichtbar")).toBeVisible();
  await expectAccessible(page);
  await reasonInput.fill(reason);
  await form.getByRole("button", { name: "Ausschreibung wieder öffnen" }).click();
  await expect(page.getByText("Veröffentlicht: Netzwerke sehen die Ausschreibung")).toBeVisible();
  const history = page.getByRole("region", { name: "Statusverlauf" });
  await expect(history.getByRole("listitem").first()).toContainText("wieder geöffnet von Manfred Maier");
  await expect(history.getByRole("listitem").first()).toContainText(`Grund: ${reason}`);
  await expect(history).toContainText("abgeschlossen von Manfred Maier");
  await expect(page.getByRole("button", { name: "Abschließen", exact: true })).toBeVisible();
  await expectAccessible(page);
}

test.describe("the call's status steps", () => {
  test("closing asks first, cancelling keeps the call published; once closed it is reopened with a reason", async ({ managerPage: page }) => {
    const title = `Workflow-Probe ${unique()}`;
    await page.goto("/manager");
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
    const overview = await publishedCall(page, title);

    await test.step("the question takes the focus; cancelling leaves the call published", async () => {
      await page.goto(overview);
      await page.getByRole("button", { name: "Abschließen", exact: true }).click();
      const panel = page.getByRole("region", { name: closeQuestion(title) });
      await expect(panel).toBeFocused();
      await panel.getByRole("link", { name: "Abbrechen" }).click();
      await expect(panel).toHaveCount(0);
      await expect(page.getByText("Veröffentlicht: Netzwerke sehen die Ausschreibung")).toBeVisible();
    });

    await test.step("the manager closes the call and reopens it with a reason", async () => {
      await closeWithConfirmation(page, title);
      await reopenWithReason(page, "Versehentlich geschlossen, die Frist läuft noch.");
    });
  });

  test("deleting a form field asks first", async ({ managerPage: page }) => {
    await page.goto("/manager");
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
    await createSingleStageCall(page, { title: `Feld-Probe ${unique()}` });
    await page.getByRole("link", { name: "Formular der Phase Antrag" }).click();
    await addSection(page, section);
    await addField(page, page.url(), section, { type: "shortText", key: "zusatz", labelDe: "Zusatz", labelEn: "Extra", required: false });

    const row = page.locator("tr#field-zusatz");
    await row.getByRole("button", { name: "„Zusatz“ löschen" }).click();
    const panel = page.getByRole("region", { name: "Feld „Zusatz“ wirklich löschen?" });
    await expect(panel).toBeFocused();
    await expect(row).toBeVisible();
    await expectAccessible(page);
    await panel.getByRole("button", { name: "Ja, Feld löschen" }).click();
    await expect(page.locator("tr#field-zusatz")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Feld „Zusatz“ wirklich löschen?" })).toHaveCount(0);
  });

  test("without JavaScript: close asks first, a second confirmation from a stale page is refused with a message, and reopening takes a reason", async ({ browser, baseURL, managerPage }) => {
    const title = `Workflow ohne JS ${unique()}`;
    const overview = await publishedCall(managerPage, title);
    const context = await newContextWithoutJavaScript(browser, baseURL, { storageState: storageStatePath("manager") });
    try {
      const page = await context.newPage();
      const stale = await context.newPage();
      await page.goto(overview);
      await stale.goto(overview);
      // A second tab asks too, and stays open on the question.
      await stale.getByRole("button", { name: "Abschließen", exact: true }).click();
      await expect(stale.getByRole("region", { name: closeQuestion(title) })).toBeVisible();

      await closeWithConfirmation(page, title);

      await stale.getByRole("region", { name: closeQuestion(title) }).getByRole("button", { name: "Ja, abschließen" }).click();
      await expect(stale.getByRole("alert")).toContainText("Die Ausschreibung ist bereits abgeschlossen.");
      await expect(stale.getByText("Abgeschlossen: Die Ausschreibung ist noch sichtbar")).toBeVisible();
      await expectAccessible(stale);

      await reopenWithReason(page, "Zu früh geschlossen.");
    } finally {
      await context.close();
    }
  });
});
