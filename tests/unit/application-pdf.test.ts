import { describe, expect, it } from "vitest";
import { formatEuros } from "../../app/i18n";
import { formDefinition, type FormDefinition } from "../../app/forms/form-definition";
import type { AnswerValue, Answers } from "../../app/forms/answers";
import { renderApplicationPdf, type ApplicationPdfInput } from "../../app/server/pdf/application-pdf.server";
import { fitStringsToWinAnsi, fitToWinAnsi } from "../../app/server/pdf/win-ansi.server";
import { overlappingRuns, pdfPageCount, pdfText, pdfTextRuns } from "../support/pdf-text";

const definition: FormDefinition = formDefinition.parse({
  eligibility: [
    {
      key: "nonProfit",
      questionDe: "Ist Ihr Netzwerk gemeinnützig organisiert?",
      questionEn: "Is your network a non-profit?",
      requiredAnswer: true,
      refusalDe: "Nur gemeinnützige Netzwerke können sich bewerben.",
      refusalEn: "Only non-profit networks may apply.",
    },
  ],
  sections: [
    {
      key: "network",
      titleDe: "Das Netzwerk",
      titleEn: "The network",
      fields: [
        { key: "shortName", type: "shortText", labelDe: "Kurzname", labelEn: "Short name", required: true },
        { key: "concept", type: "longText", labelDe: "Konzept", labelEn: "Concept", required: true, maxLength: 100_000 },
        { key: "pupils", type: "number", labelDe: "Erreichte Schülerinnen und Schüler", labelEn: "Pupils reached", required: true },
        { key: "grant", type: "amount", labelDe: "Bisherige Förderung", labelEn: "Funding so far", required: false },
        { key: "founded", type: "date", labelDe: "Gründungsdatum", labelEn: "Founded on", required: true },
        {
          key: "focus",
          type: "singleChoice",
          labelDe: "Schwerpunkt",
          labelEn: "Focus",
          required: true,
          options: [
            { value: "informatics", labelDe: "Informatik", labelEn: "Computer science" },
            { value: "technology", labelDe: "Technik", labelEn: "Engineering" },
          ],
        },
        {
          key: "ageGroups",
          type: "multipleChoice",
          labelDe: "Altersgruppen",
          labelEn: "Age groups",
          required: true,
          options: [
            { value: "primary", labelDe: "Grundschulalter", labelEn: "Primary school age" },
            { value: "lowerSecondary", labelDe: "Sekundarstufe I", labelEn: "Lower secondary" },
            { value: "upperSecondary", labelDe: "Sekundarstufe II", labelEn: "Upper secondary" },
          ],
        },
        { key: "girlsFocus", type: "yesNo", labelDe: "Eigenes Angebot für Mädchen", labelEn: "Own offer for girls", required: true },
        { key: "website", type: "shortText", labelDe: "Webseite", labelEn: "Website", required: false },
      ],
    },
    {
      key: "plan",
      titleDe: "Arbeitsplan und Finanzen",
      titleEn: "Work plan and finances",
      fields: [
        { key: "workPlan", type: "file", labelDe: "Arbeitsplan", labelEn: "Work plan", required: true, accept: ["pdf"], maxSizeMb: 10, maxFiles: 2 },
        { key: "partners", type: "partners", labelDe: "Partner", labelEn: "Partners", required: true, requireLetterOfIntent: true },
        {
          key: "budget",
          type: "budget",
          labelDe: "Finanzplan",
          labelEn: "Budget",
          required: true,
          categories: [
            { value: "personnel", labelDe: "Personal", labelEn: "Staff" },
            { value: "material", labelDe: "Sachmittel", labelEn: "Materials" },
          ],
          years: [2027, 2028],
          minOwnContributionPercent: 10,
        },
      ],
    },
  ],
});

const workPlanSha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const letterSha = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

const answers: Answers = {
  eligibility: { nonProfit: true },
  fields: {
    shortName: "MINT-Netz Südschwarzwald",
    concept: "Wir stärken Mädchen in MINT-Fächern.\nZweiter Absatz über Übergänge.",
    pupils: 12345,
    founded: "2027-03-01",
    focus: "technology",
    ageGroups: ["primary", "upperSecondary"],
    girlsFocus: true,
    workPlan: ["file-workplan"],
    partners: [
      { name: "Grundschule Süd", type: "SCHOOL", role: "Lernort", letterFileId: "file-letter" },
      { name: "Hochschule Furtwangen", type: "UNIVERSITY", role: "Fachbeirat" },
    ],
    budget: {
      lines: [
        { category: "personnel", year: 2027, description: "Koordination", amountCents: 4_000_000 },
        { category: "material", year: 2027, description: "Experimentierkästen", amountCents: 1_250_050 },
        { category: "personnel", year: 2028, description: "Koordination", amountCents: 4_200_000 },
      ],
      ownContributionCents: 1_000_000,
    },
  },
};

function pdfInput(overrides: Partial<ApplicationPdfInput> = {}): ApplicationPdfInput {
  return {
    locale: "de",
    callTitle: "MINT-Cluster 2027",
    programmeName: "MINT-Cluster des Bundes",
    stageKind: "OUTLINE",
    networkName: "MINT-Region Hochschwarzwald",
    bundesland: "BW",
    receiptNumber: "MC27-S-000042",
    versionNumber: 2,
    submittedAt: new Date("2027-01-15T16:59:30Z"),
    submittedBy: "Clara Koordinatorin",
    definition,
    answers,
    conditions: [{ text: "Bitte Zeitplan präzisieren.", answer: "Der Zeitplan ist ergänzt." }],
    files: [
      { id: "file-workplan", fieldKey: "workPlan", originalName: "Arbeitsplan_Übersicht.pdf", sizeBytes: 1_258_291, sha256: workPlanSha },
      { id: "file-letter", fieldKey: "partners", originalName: "LOI_Grundschule.pdf", sizeBytes: 48_000, sha256: letterSha },
    ],
    ...overrides,
  };
}

function lines(text: string): string[] {
  return text.split("\n");
}

/** "Seite 3 von 7" on every page, numbered 1…n, and n pages in the file. */
function expectNumberedPages(pdf: Uint8Array, text: string, label: (page: number, pages: number) => string): number {
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThan(0);
  for (let page = 1; page <= pages; page++) expect(lines(text)).toContain(label(page, pages));
  expect(text).not.toContain(label(pages + 1, pages));
  return pages;
}

describe("the PDF of a submitted application", () => {
  it("shows the header, every section and field with its answer formatted by type, the conditions and the files", async () => {
    const pdf = await renderApplicationPdf(pdfInput());
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    const textLines = lines(text);
    // Header, eligibility, both sections, conditions and files flow on: no page of its own per section.
    expect(expectNumberedPages(pdf, text, (page, pages) => `Seite ${page} von ${pages}`)).toBe(2);

    // Header: programme, call, stage, network, Bundesland, receipt, version, time in Berlin, submitter.
    for (const expected of [
      "Eingereichter Antrag",
      "MINT-Cluster des Bundes",
      "MINT-Cluster 2027",
      "Skizze",
      "MINT-Region Hochschwarzwald",
      "Baden-Württemberg",
      "MC27-S-000042",
      "Clara Koordinatorin",
      "Eingangsnummer MC27-S-000042, Version 2",
    ]) {
      expect(textLines, expected).toContain(expected);
    }
    expect(text).toContain("15. Januar 2027 um 17:59 (Zeitzone Europe/Berlin)");

    expect(textLines).toContain("Teilnahmevoraussetzungen");
    expect(textLines).toContain("Ist Ihr Netzwerk gemeinnützig organisiert?");
    expect(textLines).toContain("Das Netzwerk");
    expect(textLines).toContain("Arbeitsplan und Finanzen");

    // Every field label, in German.
    for (const field of definition.sections.flatMap((section) => section.fields)) expect(textLines, field.key).toContain(field.labelDe);

    // Answers by type.
    expect(textLines).toContain("MINT-Netz Südschwarzwald");
    expect(textLines).toContain("Wir stärken Mädchen in MINT-Fächern.");
    expect(textLines).toContain("Zweiter Absatz über Übergänge.");
    expect(textLines).toContain("12.345");
    expect(textLines).toContain("1. März 2027");
    expect(textLines).toContain("Technik");
    expect(textLines).not.toContain("technology");
    expect(textLines).toContain("• Grundschulalter");
    expect(textLines).toContain("• Sekundarstufe II");
    expect(textLines).not.toContain("• Sekundarstufe I");
    expect(textLines).toContain("Ja");
    expect(textLines.filter((line) => line === "keine Angabe")).toHaveLength(2); // grant and website were left empty
    expect(textLines).toContain("Arbeitsplan_Übersicht.pdf (1,2 MB, SHA-256 0123456789abcdef…)");

    // Partner table headed by the questions the applicant answered, the type in words and the letter of intent by name.
    const partnerTable = textLines.slice(textLines.indexOf("Partner") + 1, textLines.indexOf("Finanzplan"));
    expect(partnerTable).toEqual([
      "Name",
      "Art der Einrichtung",
      "Rolle im Netzwerk",
      "Absichtserklärung",
      "Grundschule Süd",
      "Schule",
      "Lernort",
      "LOI_Grundschule.pdf",
      "Hochschule Furtwangen",
      "Hochschule",
      "Fachbeirat",
      "keine",
    ]);

    // Budget: lines, totals by year and category, total, own contribution, requested amount.
    const euro = (cents: number) => formatEuros("de", cents).replace(/\u00a0/g, " ");
    expect(textLines).toEqual(expect.arrayContaining(["Personal", "Sachmittel", "Experimentierkästen", "2027", "2028"]));
    expect(textLines).toContain("12.500,50 €"); // cents are kept, this is the record
    expect(textLines).toContain(euro(4_000_000));
    const row = (label: string, amount: string) => {
      const index = textLines.indexOf(label);
      expect(index, label).toBeGreaterThanOrEqual(0);
      expect(textLines[index + 1], label).toBe(amount);
    };
    row("Summe 2027", "52.500,50 €");
    row("Summe 2028", euro(4_200_000));
    row("Summe Personal", euro(8_200_000));
    row("Summe Sachmittel", "12.500,50 €");
    row("Gesamtkosten", "94.500,50 €");
    row("Eigenanteil", euro(1_000_000));
    row("Beantragte Summe", "84.500,50 €");

    // Conditions with their answers, then the file list with full checksums.
    expect(textLines).toContain("Auflagen zur Einladung");
    expect(textLines).toContain("Bitte Zeitplan präzisieren.");
    expect(textLines).toContain("Der Zeitplan ist ergänzt.");
    expect(textLines).toContain("Hochgeladene Dateien");
    expect(textLines).toContain("Arbeitsplan_Übersicht.pdf");
    expect(textLines).toContain("Feld: Arbeitsplan · Größe: 1,2 MB");
    expect(textLines).toContain(`SHA-256 ${workPlanSha}`);
    expect(textLines).toContain("Feld: Partner: Absichtserklärung von Grundschule Süd · Größe: 47 kB");
    expect(text).not.toMatch(/partners\.\d|workPlan/);
    expect(textLines).toContain(`SHA-256 ${letterSha}`);

    expect(text).not.toContain("Hinweis: Einige Zeichen");
  });

  it("speaks English when the applicant does", async () => {
    const pdf = await renderApplicationPdf(pdfInput({ locale: "en", conditions: [] }));
    const text = pdfText(pdf);
    const textLines = lines(text);
    expectNumberedPages(pdf, text, (page, pages) => `Page ${page} of ${pages}`);
    for (const expected of ["Submitted application", "Outline", "Federal state", "Baden-Württemberg", "The network", "Short name", "Engineering", "• Primary school age", "Yes", "Staff", "Total costs", "Amount requested", "€84,500.50", "1 March 2027", "12,345"]) {
      expect(textLines, expected).toContain(expected);
    }
    expect(text).toContain("15 January 2027 at 17:59 (time zone Europe/Berlin)");
    expect(textLines).not.toContain("Conditions attached to the invitation");
    expect(text).not.toContain("Seite");
  });

  it("replaces characters the font cannot show and says so", async () => {
    const pdf = await renderApplicationPdf(
      pdfInput({ networkName: "MINT-Netz Şişli–Łódź", submittedBy: "Zoë 王" }),
    );
    const textLines = lines(pdfText(pdf));
    expect(textLines).toContain("MINT-Netz Sisli–Lódz");
    expect(textLines).toContain("Zoë ?");
    expect(pdfText(pdf)).toContain("Hinweis: Einige Zeichen kann die Schrift dieses PDFs nicht darstellen");
  });

  it("renders a 20-page answer set in one document with every page numbered", async () => {
    const paragraph =
      "Im Netzwerk arbeiten Schulen, Hochschulen und Unternehmen zusammen, damit Jugendliche zwischen zehn und sechzehn Jahren Technik selbst ausprobieren können. ";
    const longAnswer = Array.from({ length: 180 }, (_, index) => `Absatz ${index + 1}. ${paragraph.repeat(3)}`).join("\n\n");
    const manyLines = Array.from({ length: 120 }, (_, index) => ({
      category: index % 2 === 0 ? "personnel" : "material",
      year: index % 3 === 0 ? 2028 : 2027,
      description: `Position ${index + 1}`,
      amountCents: 100_000 + index * 100,
    }));
    const input = pdfInput({
      answers: {
        ...answers,
        fields: {
          ...answers.fields,
          concept: longAnswer,
          budget: { lines: manyLines, ownContributionCents: 500_000 },
          partners: Array.from({ length: 40 }, (_, index) => ({ name: `Partner ${index + 1}`, type: "COMPANY" as const, role: "Praktika und Werkstatttage" })),
        },
      },
    });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const pdf = await renderApplicationPdf(input);
    const milliseconds = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const text = pdfText(pdf);
    const pages = expectNumberedPages(pdf, text, (page, count) => `Seite ${page} von ${count}`);
    expect(pages).toBeGreaterThanOrEqual(20);
    expect(text).toContain("Absatz 180.");
    expect(text).toContain("Position 120");
    expect(text).toContain("Partner 40");
    const cpuMilliseconds = Math.round((cpu.user + cpu.system) / 1000);
    console.info(`application PDF: ${pages} pages, ${pdf.byteLength} bytes, rendered in ${Math.round(milliseconds)} ms (${cpuMilliseconds} ms CPU)`);
    expect(milliseconds).toBeLessThan(20_000);
  });

  it("keeps every table cell's text inside its column, breaking words too wide for it", async () => {
    const longName = "Forschungseinrichtungsverbund Südwest für Materialwissenschaften gGmbH";
    const pdf = await renderApplicationPdf(
      pdfInput({
        answers: {
          ...answers,
          fields: {
            ...answers.fields,
            partners: [
              { name: longName, type: "RESEARCH_INSTITUTE", role: "Wissenschaftliche Begleitung, Evaluationsunterstützung und Qualitätssicherungsmaßnahmen", letterFileId: "file-letter" },
              // Words of up to 24 characters are never broken by the general rule, however wide their letters.
              { name: "WWWWWWWWWWWWWWWWWWWWWWWW", type: "ASSOCIATION", role: "MMMMMMMMMMMMMMMMMMMMMMMM", letterFileId: "file-letter-2" },
            ],
            budget: {
              lines: [
                { category: "personnel", year: 2027, description: "Materialbeschaffungsaufwendungen Experimentierkastenersatzteile", amountCents: 123_456_789_01 },
                { category: "material", year: 2028, description: "https://example.org/ein/sehr/langer/pfad/zur/kostenaufstellung.pdf", amountCents: 99 },
              ],
              ownContributionCents: 0,
            },
          },
        },
        files: [
          pdfInput().files[0]!,
          { id: "file-letter", fieldKey: "partners.0", originalName: "Absichtserklaerung_Forschungseinrichtungsverbund_Suedwest.pdf", sizeBytes: 48_000, sha256: letterSha },
          { id: "file-letter-2", fieldKey: "partners.1", originalName: "LOI_WISSENSCHAFTSVERBUND", sizeBytes: 1_000, sha256: letterSha },
        ],
      }),
    );
    const runs = pdfTextRuns(pdf);
    expect(runs.find((run) => run.text === "Forschungseinrichtung"), "a partner type fits its column whole").toBeDefined();
    expect(overlappingRuns(runs)).toEqual([]);
    // Broken words are still all there, with a hyphen where they break.
    const joined = pdfText(pdf).replace(/-\n/g, "");
    for (const expected of [longName, "Materialbeschaffungsaufwendungen", "Absichtserklaerung_Forschungseinrichtungsverbund_Suedwest.pdf", "WWWWWWWWWWWWWWWWWWWWWWWW", "LOI_WISSENSCHAFTSVERBUND"]) {
      expect(joined.replace(/\n/g, " "), expected).toContain(expected);
    }
  });

  it("keeps a table row on one page and a heading with the first lines after it", async () => {
    const sections = Array.from({ length: 30 }, (_, index) => ({
      key: `abschnitt${index}`,
      titleDe: `Abschnitt ${index + 1}`,
      titleEn: `Section ${index + 1}`,
      fields: [{ key: `antwort${index}`, type: "longText", labelDe: `Frage ${index + 1}`, labelEn: `Question ${index + 1}`, required: false, maxLength: 5000 }],
    }));
    const partnersSection = { key: "partner", titleDe: "Partner", titleEn: "Partners", fields: [{ key: "partners", type: "partners", labelDe: "Partnerliste", labelEn: "Partners", required: false }] };
    const manySections = formDefinition.parse({ sections: [...sections, partnersSection] });
    const role = (index: number) => `Anfang${index} Praktika, Werkstatttage und Ferienkurse für Schülerinnen und Schüler der Sekundarstufe in den Laboren Ende${index}`;
    const fields: Record<string, AnswerValue> = Object.fromEntries(sections.map((section, index) => [`antwort${index}`, "Eine Zeile Antwort. ".repeat(1 + (index % 5) * 6)]));
    fields.partners = Array.from({ length: 60 }, (_, index) => ({ name: `Partner ${index + 1}`, type: "COMPANY" as const, role: role(index + 1) }));
    const pdf = await renderApplicationPdf(pdfInput({ definition: manySections, answers: { fields }, files: [], conditions: [] }));
    const runs = pdfTextRuns(pdf).filter((run) => !/^(Seite \d+ von \d+|Eingangsnummer .*)$/.test(run.text));
    const pageOf = (text: string) => {
      const run = runs.find((candidate) => candidate.text.includes(text));
      expect(run, text).toBeDefined();
      return run!.page;
    };
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(4);
    for (let index = 1; index <= 60; index++) expect(pageOf(`Ende${index}`), `partner row ${index}`).toBe(pageOf(`Anfang${index}`));
    for (let index = 1; index <= 30; index++) {
      const headingPage = runs.find((run) => run.text === `Abschnitt ${index}`)!.page;
      expect(pageOf(`Frage ${index}`), `heading ${index}`).toBe(headingPage);
      expect(runs.find((run) => run.text.startsWith("Eine Zeile Antwort") && run.page === headingPage && run.y > runs.find((heading) => heading.text === `Frage ${index}`)!.y), `answer ${index}`).toBeDefined();
    }
    expect(overlappingRuns(runs)).toEqual([]);
  });

  it("keeps a short application short: one page for a form of a few fields", async () => {
    const short = formDefinition.parse({
      sections: [
        { key: "eins", titleDe: "Das Projekt", titleEn: "The project", fields: [{ key: "titel", type: "shortText", labelDe: "Titel", labelEn: "Title", required: true }] },
        { key: "zwei", titleDe: "Die Ziele", titleEn: "The goals", fields: [{ key: "ziele", type: "longText", labelDe: "Ziele", labelEn: "Goals", required: true, maxLength: 2000 }] },
        { key: "drei", titleDe: "Die Schulen", titleEn: "The schools", fields: [{ key: "schulen", type: "number", labelDe: "Anzahl der Schulen", labelEn: "Schools", required: true }] },
      ],
    });
    const pdf = await renderApplicationPdf(pdfInput({ definition: short, answers: { fields: { titel: "MINT am Fluss", ziele: "Mehr Technik für alle.", schulen: 12 } }, files: [], conditions: [] }));
    expect(pdfPageCount(pdf)).toBe(1);
    expect(lines(pdfText(pdf))).toEqual(expect.arrayContaining(["Das Projekt", "Die Ziele", "Die Schulen", "Seite 1 von 1"]));
  });

  it("keeps documents apart when several render at once", async () => {
    const receipts = ["R-1", "R-2", "R-3", "R-4", "R-5"];
    const pdfs = await Promise.all(receipts.map((receiptNumber) => renderApplicationPdf(pdfInput({ receiptNumber, networkName: `Netz ${receiptNumber}` }))));
    pdfs.forEach((pdf, index) => {
      const textLines = lines(pdfText(pdf));
      expect(textLines).toContain(receipts[index]);
      expect(textLines).toContain(`Netz ${receipts[index]}`);
      for (const other of receipts.filter((_, otherIndex) => otherIndex !== index)) expect(textLines).not.toContain(other);
    });
  });
});

describe("fitting text to the PDF font", () => {
  it("keeps German and typographic characters, drops only layout characters silently", () => {
    expect(fitToWinAnsi("Grüße „Zitat“ – 5 € … ÄÖÜß")).toEqual({ text: "Grüße „Zitat“ – 5 € … ÄÖÜß", replaced: false });
    expect(fitToWinAnsi("Zeile\r\nZweite\tSpalte\u00adTrennung")).toEqual({ text: "Zeile\nZweite    SpalteTrennung", replaced: false });
  });

  it("replaces other characters by their base letter, a plain spelling or ?", () => {
    expect(fitToWinAnsi("Şeyma Yılmaz, Łódź ≥ 3 ﬁ 😀")).toEqual({ text: "Seyma Yilmaz, Lódz >= 3 fi ?", replaced: true });
    // Decomposed input (e + combining accent) is the same text as composed é.
    expect(fitToWinAnsi("Rene\u0301")).toEqual({ text: "René", replaced: false });
  });

  it("fits every string of nested input and leaves dates, numbers and keys alone", () => {
    const submittedAt = new Date("2027-01-01T00:00:00Z");
    const { value, replaced } = fitStringsToWinAnsi({ name: "Ş", list: ["ok", { inner: "ł" }], count: 3, submittedAt, flag: true });
    expect(replaced).toBe(true);
    expect(value).toEqual({ name: "S", list: ["ok", { inner: "l" }], count: 3, submittedAt, flag: true });
    expect(value.submittedAt).toBe(submittedAt);
  });
});
