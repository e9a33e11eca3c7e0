import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

// Helpers for the calls-and-applications journey: Berlin calendar days, a real (tiny) PDF, and the
// manager's form builder driven through its own small forms.

const berlinDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * A single-stage draft call of the demo manager in the MINT-Cluster programme, made on the new-call
 * page: open since yesterday, due in 30 days at noon. Returns its overview's address.
 */
export async function createSingleStageCall(page: Page, call: { title: string; slug?: string; funder?: string; maxEuros?: number }): Promise<string> {
  await page.goto("/manager/calls/new");
  await page.getByLabel("Programm", { exact: true }).selectOption({ label: "MINT-Cluster" });
  await page.getByLabel("Titel", { exact: true }).fill(call.title);
  if (call.slug) await page.getByLabel("Kurzname für die Adresse (optional)", { exact: true }).fill(call.slug);
  await page.getByLabel("Fördergeber", { exact: true }).fill(call.funder ?? "Stiftung MINT");
  await page.getByLabel("Fördergeld", { exact: true }).check();
  await page.getByLabel("Höchstbetrag je Förderung in Euro", { exact: true }).fill(String(call.maxEuros ?? 50_000));
  await page.getByLabel("Einstufig: ein Antrag", { exact: true }).check();
  const moment = (which: "Beginn" | "Einreichungsfrist") => page.getByRole("group", { name: "Antrag oder Skizze", exact: true }).getByRole("group", { name: which, exact: true });
  await moment("Beginn").getByLabel("Tag").fill(berlinDay(-1));
  await moment("Beginn").getByLabel("Uhrzeit").fill("00:00");
  await moment("Einreichungsfrist").getByLabel("Tag").fill(berlinDay(30));
  await moment("Einreichungsfrist").getByLabel("Uhrzeit").fill("12:00");
  await page.getByRole("button", { name: "Entwurf anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(call.title);
  return new URL(page.url()).pathname;
}

/** The calendar day in Berlin `offsetDays` from today, as a date input takes it (YYYY-MM-DD). */
export function berlinDay(offsetDays: number, now = new Date()): string {
  return berlinDayFormat.format(new Date(now.getTime() + offsetDays * 24 * 60 * 60 * 1000));
}

/**
 * A small but complete PDF (catalogue, one page, one line of text, a correct cross-reference table),
 * so that anything reading it — not only a magic-byte check — accepts it. ASCII text only.
 */
export function tinyPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (character) => `\\${character}`);
  const content = `BT /F1 18 Tf 72 770 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const crossReference = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${crossReference}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** The messages listed under an input (its aria-describedby points at them). */
export async function describedText(input: Locator): Promise<string> {
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const page = input.page();
  const texts = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(" | ");
}

/** The German names of the form builder's field types, as its type menu lists them. */
export const fieldTypeLabels = {
  shortText: "Kurzer Text",
  longText: "Langer Text",
  number: "Zahl",
  amount: "Betrag in Euro",
  date: "Datum",
  singleChoice: "Einfachauswahl",
  multipleChoice: "Mehrfachauswahl",
  yesNo: "Ja/Nein",
  file: "Datei-Upload",
  partners: "Partnerliste des Netzwerks",
  budget: "Finanzplan",
} as const;

export type BuilderFieldType = keyof typeof fieldTypeLabels;

export interface BuilderField {
  type: BuilderFieldType;
  key: string;
  labelDe: string;
  labelEn: string;
  required: boolean;
  /** Choice fields: "Deutsch | English" per option. */
  options?: string[];
  /** Settings changed on the field's own page after adding it, by label of the setting's input. */
  settings?: Record<string, string>;
}

export interface BuilderSection {
  key: string;
  titleDe: string;
  titleEn: string;
}

/** Adds a section through the builder's "add section" form; the page comes back at the new section. */
export async function addSection(page: Page, section: BuilderSection): Promise<void> {
  const form = page.locator("form#add-section");
  await form.getByLabel("Überschrift (Deutsch)").fill(section.titleDe);
  await form.getByLabel("Überschrift (Englisch)").fill(section.titleEn);
  await form.getByLabel("Schlüssel (optional)").fill(section.key);
  await form.getByRole("button", { name: "Abschnitt hinzufügen" }).click();
  await expect(page.locator(`section#section-${section.key}`).getByRole("heading", { level: 3, name: section.titleDe, exact: true })).toBeVisible();
}

/**
 * Adds a field to a section from the form builder page; the builder then shows the new field's page,
 * where the given settings are saved. Ends back on the form builder.
 */
export async function addField(page: Page, builderUrl: string, section: BuilderSection, field: BuilderField): Promise<void> {
  await page.locator("summary", { hasText: `Feld im Abschnitt „${section.titleDe}“ hinzufügen` }).click();
  const form = page.locator(`form#add-field-${section.key}`);
  await form.getByLabel("Feldtyp").selectOption({ label: fieldTypeLabels[field.type] });
  await form.getByLabel("Bezeichnung (Deutsch)").fill(field.labelDe);
  await form.getByLabel("Bezeichnung (Englisch)").fill(field.labelEn);
  if (field.required) await form.getByLabel("Pflichtfeld", { exact: true }).check();
  if (field.options) await form.getByLabel("Auswahlmöglichkeiten (optional)").fill(field.options.join("\n"));
  await form.getByLabel("Schlüssel (optional)").fill(field.key);
  await form.getByRole("button", { name: "Feld hinzufügen" }).click();

  await expect(page).toHaveURL(new RegExp(`/fields/${field.key}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feld „${field.labelDe}“`);
  await expect(page.getByText(`Schlüssel des Felds: ${field.key}.`)).toBeVisible();
  await expect(page.getByText(`Feldtyp: ${fieldTypeLabels[field.type]}`)).toBeVisible();
  if (field.settings) {
    const settings = page.locator("form#field-properties");
    for (const [label, value] of Object.entries(field.settings)) await settings.getByLabel(label, { exact: true }).fill(value);
    // The page stays where it is; only the answer to the POST tells that the settings are stored.
    const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes(`/fields/${field.key}`));
    await settings.getByRole("button", { name: "Speichern" }).click();
    expect((await saved).status()).toBeLessThan(400);
    await page.reload();
    for (const [label, value] of Object.entries(field.settings)) await expect(settings.getByLabel(label, { exact: true })).toHaveValue(value);
  }
  await page.goto(builderUrl);
  await expect(page.locator(`tr#field-${field.key}`)).toContainText(fieldTypeLabels[field.type]);
}

/** Adds one scoring criterion on a stage's rubric page. */
export async function addCriterion(page: Page, criterion: { titleDe: string; titleEn: string; descriptionDe: string; weight: number }): Promise<void> {
  const form = page.locator("form#add-criterion");
  await form.getByLabel("Kriterium (Deutsch)").fill(criterion.titleDe);
  await form.getByLabel("Kriterium (Englisch)").fill(criterion.titleEn);
  await form.getByLabel("Beschreibung (Deutsch) (optional)").fill(criterion.descriptionDe);
  await form.getByLabel("Gewicht in Prozent").fill(String(criterion.weight));
  await form.getByRole("button", { name: "Kriterium hinzufügen" }).click();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`${criterion.titleDe} \\(${criterion.weight} %\\)`) })).toBeVisible();
}

/** Waits until the draft's own status line says the autosave is over, so nothing is left in flight. */
export async function settledDraft(page: Page): Promise<void> {
  await expect(page.locator(".draft-status [role=status]")).not.toHaveText("Wird gespeichert …");
}
