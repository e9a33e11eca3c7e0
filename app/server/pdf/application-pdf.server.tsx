import type { ReactElement } from "react";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { fieldsOf, type ChoiceOption, type FormDefinition, type FormField } from "~/forms/form-definition";
import { budgetTotals, type AnswerValue, type Answers, type BudgetAnswer, type PartnerAnswer } from "~/forms/answers";
import { formatDate, formatDateTime, formatEuros, formatFileSize, isMessageKey, translator, type Locale, type Translate } from "~/i18n";
import { fitStringsToWinAnsi, fitToWinAnsi } from "./win-ansi.server";

/**
 * The PDF of exactly what a network submitted: it goes with the confirmation mail and is what the
 * network keeps as its receipt. Uses only the PDF standard fonts (Helvetica, Courier), so rendering
 * needs no font files and no network.
 */

export interface SubmittedFile {
  id: string;
  fieldKey: string | null;
  originalName: string;
  sizeBytes: number;
  sha256: string;
}

export interface SubmittedCondition {
  text: string;
  answer: string | null;
}

export interface ApplicationPdfInput {
  locale: Locale;
  callTitle: string;
  programmeName: string;
  stageKind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL";
  networkName: string;
  /** A Bundesland code (shown by its name) or a name. */
  bundesland: string;
  receiptNumber: string;
  versionNumber: number;
  submittedAt: Date;
  submittedBy: string;
  definition: FormDefinition;
  answers: Answers;
  conditions?: SubmittedCondition[];
  files: SubmittedFile[];
}

// The bundled English hyphenation patterns split German words in wrong places and add hyphens that
// were never typed. Only words too long for any column are broken (URLs, long compounds), so they wrap
// instead of being squeezed into an unreadable line; a table cell marks the places where a word too
// wide for its column may break with soft hyphens (see `breakableFor`).
const LONGEST_UNBROKEN_WORD = 24;
const LONG_WORD_PIECE = 8;
const SOFT_HYPHEN = "\u00ad";
Font.registerHyphenationCallback((word) => {
  if (word.includes(SOFT_HYPHEN)) return word.split(SOFT_HYPHEN);
  const characters = [...word];
  if (characters.length <= LONGEST_UNBROKEN_WORD) return [word];
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += LONG_WORD_PIECE) {
    pieces.push(characters.slice(start, start + LONG_WORD_PIECE).join(""));
  }
  return pieces;
});

type Style = Parameters<typeof StyleSheet.create>[0][string];

const SHA256_PREFIX_LENGTH = 16;
/** Points of content that must follow a label or table head (and so a heading) on the same page. */
const KEEP_LABEL_WITH_NEXT = 60;
const PAGE_MARGIN = 48;
/** A4 is 595.28 points wide; tables take the width between the margins. */
const CONTENT_WIDTH = 595.28 - 2 * PAGE_MARGIN;
const TABLE_FONT_SIZE = 9;
const CELL_GAP = 6;
const ink = "#1b1f24";
const muted = "#555b63";
const rule = "#c9ced6";
const brand = "#0b5394";

// No lineHeight anywhere: react-pdf 4.9 multiplies it by the font size again on every layout pass
// that the page numbers ("Seite x von y") need, until long documents crash (diegomura/react-pdf#3452).
// The fonts' own line spacing is used instead, with margins between blocks.
const styles = StyleSheet.create({
  page: { paddingTop: PAGE_MARGIN, paddingBottom: 64, paddingHorizontal: PAGE_MARGIN, fontFamily: "Helvetica", fontSize: 10, color: ink },
  brand: { fontFamily: "Helvetica-Bold", fontSize: 9, color: brand, marginBottom: 4 },
  title: { fontFamily: "Helvetica-Bold", fontSize: 18, marginBottom: 4 },
  intro: { color: muted, marginBottom: 12 },
  notice: { borderWidth: 1, borderColor: rule, padding: 6, marginBottom: 12, fontSize: 9 },
  sectionTitle: {
    fontFamily: "Helvetica-Bold",
    fontSize: 13,
    marginTop: 16,
    marginBottom: 4,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderBottomColor: rule,
  },
  fieldLabel: { fontFamily: "Helvetica-Bold", marginTop: 8, marginBottom: 2 },
  row: { flexDirection: "row", marginBottom: 2 },
  rowLabel: { width: 140, color: muted, paddingRight: 8 },
  rowValue: { flex: 1 },
  empty: { color: muted, fontFamily: "Helvetica-Oblique" },
  tableTop: { marginTop: 2, borderTopWidth: 1, borderTopColor: rule },
  gap: { height: 8 },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: 3, fontSize: TABLE_FONT_SIZE },
  tableHead: { fontFamily: "Helvetica-Bold" },
  cell: { paddingRight: CELL_GAP },
  number: { textAlign: "right", paddingRight: 0 },
  strong: { fontFamily: "Helvetica-Bold" },
  fileName: { fontFamily: "Helvetica-Bold", marginTop: 6 },
  hash: { fontFamily: "Courier", fontSize: 8 },
  footer: {
    position: "absolute",
    bottom: 28,
    left: PAGE_MARGIN,
    right: PAGE_MARGIN,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: muted,
  },
});

interface PdfContext {
  locale: Locale;
  t: Translate;
  filesById: Map<string, SubmittedFile>;
}

/** Texts produced while rendering (dates, numbers) may contain spaces or signs outside WinAnsi. */
function printable(text: string): string {
  return fitToWinAnsi(text).text;
}

function localized(locale: Locale, german: string, english: string): string {
  return locale === "de" ? german : english;
}

function optionLabel(locale: Locale, options: ChoiceOption[], value: string): string {
  const option = options.find((candidate) => candidate.value === value);
  return option ? localized(locale, option.labelDe, option.labelEn) : value;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 20 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 20 }),
};
/** Euros as everywhere in the portal (to the cent when there are cents: this is the record). */
function euros(locale: Locale, cents: number): string {
  return printable(formatEuros(locale, cents));
}

function fileSize(locale: Locale, bytes: number): string {
  return printable(formatFileSize(locale, bytes));
}

function calendarDate(locale: Locale, isoDate: string): string {
  // Noon UTC is the same calendar day in Europe/Berlin, whatever the season.
  return printable(formatDate(locale, `${isoDate}T12:00:00Z`));
}

function fileLine(context: PdfContext, fileId: string): string {
  const file = context.filesById.get(fileId);
  if (!file) return context.t("pdf.file.unknown", { id: fileId });
  return context.t("pdf.file", {
    name: file.originalName,
    size: fileSize(context.locale, file.sizeBytes),
    hash: file.sha256.slice(0, SHA256_PREFIX_LENGTH),
  });
}

function isBudget(value: AnswerValue): value is BudgetAnswer {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray(value.lines);
}

function isPartnerList(value: AnswerValue): value is PartnerAnswer[] {
  return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "name" in item);
}

function isStringList(value: AnswerValue): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isUnanswered(value: AnswerValue | undefined): value is null | undefined {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/*
 * The page is a flat list of blocks, each a direct child of <Page>: react-pdf 4.9 honours
 * `minPresenceAhead` (keep a heading or label with what follows) only there, not inside a View.
 */
type Block = ReactElement;

function metaRow(key: string, label: string, value: string): Block {
  return (
    <View key={key} style={styles.row} wrap={false}>
      <Text style={styles.rowLabel}>{label}</Text>
      <Text style={styles.rowValue}>{value}</Text>
    </View>
  );
}

/**
 * A part of the document under its heading. The heading and the part's first block are laid out as
 * one unit that never breaks, so a heading never ends a page; when that first block must itself be
 * followed (a label whose answer comes next), the unit keeps that on the page too.
 */
function headedPart(key: string, title: string, blocks: Block[]): Block[] {
  const [lead, ...rest] = blocks;
  const leadNeedsFollower = (lead?.props as { minPresenceAhead?: number } | undefined)?.minPresenceAhead !== undefined;
  return [
    <View key={key} wrap={false} minPresenceAhead={leadNeedsFollower ? KEEP_LABEL_WITH_NEXT : undefined}>
      <Text style={styles.sectionTitle}>{title}</Text>
      {lead}
    </View>,
    ...rest,
  ];
}

// Advance widths of Helvetica in thousandths of the font size, by character (accents count as their
// base letter); enough to tell whether a word fits its table column.
const helveticaWidths = new Map<string, number>(
  (
    [
      ["ijl", 222],
      ["ftI.,:;!/' ", 278],
      ["r-()[]\"", 333],
      ["ckvxyzsJ", 500],
      ["0123456789abdeghnopquL_", 556],
      ["FTZß", 611],
      ["ABEKPSVXY&", 667],
      ["wCDHNRU", 722],
      ["GOQ", 778],
      ["mM", 833],
      ["W", 944],
      ["@", 1015],
    ] as const
  ).flatMap(([characters, width]) => [...characters].map((character) => [character, width] as const)),
);
const UNKNOWN_GLYPH_WIDTH = 611;
// Helvetica-Bold runs up to a tenth wider than the regular face.
const BOLD_WIDTH_FACTOR = 1.1;

function textWidth(text: string, bold: boolean): number {
  let thousandths = 0;
  for (const character of text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")) thousandths += helveticaWidths.get(character) ?? UNKNOWN_GLYPH_WIDTH;
  return (thousandths / 1000) * TABLE_FONT_SIZE * (bold ? BOLD_WIDTH_FACTOR : 1);
}

/**
 * A cell's text with soft hyphens where a word wider than the column may break, so that no word runs
 * into the next column; words that fit are left whole.
 */
function breakableFor(text: string, width: number, bold: boolean): string {
  const hyphen = textWidth("-", bold);
  const breakWord = (word: string) => {
    const pieces: string[] = [];
    let piece = "";
    for (const character of word) {
      if (piece !== "" && textWidth(piece + character, bold) + hyphen > width) {
        pieces.push(piece);
        piece = "";
      }
      piece += character;
    }
    return [...pieces, piece].join(SOFT_HYPHEN);
  };
  return text
    .split(/(\s+)/)
    .map((word) => (/\s/.test(word) || textWidth(word, bold) <= width ? word : breakWord(word)))
    .join("");
}

interface Column {
  header: string;
  /** The column's share of the table's width. */
  share: number;
  numeric?: boolean;
}

interface TableRow {
  cells: string[];
  strong?: boolean;
}

/**
 * A table as rows of cells with fixed column widths: long text wraps inside its column, a row is never
 * split across pages, and the head stays with the first row.
 */
function tableBlocks(key: string, columns: Column[], rows: TableRow[]): Block[] {
  const cellStyle = (column: Column) => [styles.cell, { width: `${column.share * 100}%` }, ...(column.numeric ? [styles.number] : [])];
  const row = (rowKey: string, cells: string[], style: Style[], bold: boolean, keepWithNext = false) => (
    <View key={rowKey} style={[styles.tableRow, ...style]} wrap={false} minPresenceAhead={keepWithNext ? KEEP_LABEL_WITH_NEXT : undefined}>
      {columns.map((column, index) => (
        <Text key={column.header} style={cellStyle(column)}>
          {breakableFor(cells[index] ?? "", column.share * CONTENT_WIDTH - CELL_GAP, bold)}
        </Text>
      ))}
    </View>
  );
  return [
    row(
      `${key}-head`,
      columns.map((column) => column.header),
      [styles.tableTop, styles.tableHead],
      true,
      true,
    ),
    ...rows.map((tableRow, index) => row(`${key}-${index}`, tableRow.cells, tableRow.strong ? [styles.strong] : [], tableRow.strong === true)),
  ];
}

/** The partners in a table headed by the questions the applicant answered for each of them. */
function partnerBlocks(key: string, partners: PartnerAnswer[], context: PdfContext): Block[] {
  const { t } = context;
  const typeLabel = (type: string) => {
    const typeKey = `pdf.partnerType.${type}`;
    return isMessageKey(typeKey) ? t(typeKey) : type;
  };
  return tableBlocks(
    key,
    [
      { header: t("applications.partners.name"), share: 0.27 },
      { header: t("applications.partners.type"), share: 0.22 },
      { header: t("applications.partners.role"), share: 0.27 },
      { header: t("applications.partners.letter"), share: 0.24 },
    ],
    partners.map((partner) => ({
      cells: [
        partner.name,
        typeLabel(partner.type),
        partner.role ?? "",
        // Size and checksum of the letter are in the list of files; the column only names it.
        partner.letterFileId ? (context.filesById.get(partner.letterFileId)?.originalName ?? t("pdf.file.unknown", { id: partner.letterFileId })) : t("pdf.partners.noLetter"),
      ],
    })),
  );
}

/** Keys in the order the form lists them, then any the answer has beyond that. */
function inFormOrder<K>(formOrder: K[], totals: Map<K, number>): [K, number][] {
  const known = formOrder.filter((key) => totals.has(key));
  const extra = [...totals.keys()].filter((key) => !formOrder.includes(key));
  return [...known, ...extra].map((key) => [key, totals.get(key) ?? 0]);
}

function budgetBlocks(key: string, field: Extract<FormField, { type: "budget" }>, budget: BudgetAnswer, context: PdfContext): Block[] {
  const { t, locale } = context;
  const totals = budgetTotals(budget);
  const category = (value: string) => optionLabel(locale, field.categories, value);
  const amount = (cents: number) => euros(locale, cents);
  const lines = tableBlocks(
    `${key}-lines`,
    [
      { header: t("pdf.budget.category"), share: 0.28 },
      { header: t("pdf.budget.year"), share: 0.1 },
      { header: t("pdf.budget.description"), share: 0.42 },
      { header: t("pdf.budget.amount"), share: 0.2, numeric: true },
    ],
    budget.lines.map((line) => ({ cells: [category(line.category), String(line.year), line.description, amount(line.amountCents)] })),
  );
  const sums = tableBlocks(
    `${key}-totals`,
    [
      { header: t("pdf.budget.totals"), share: 0.8 },
      { header: t("pdf.budget.amount"), share: 0.2, numeric: true },
    ],
    [
      ...inFormOrder(field.years, totals.byYear).map(([year, cents]) => ({ cells: [t("pdf.budget.yearTotal", { year }), amount(cents)] })),
      ...inFormOrder(
        field.categories.map((option) => option.value),
        totals.byCategory,
      ).map(([value, cents]) => ({ cells: [t("pdf.budget.categoryTotal", { category: category(value) }), amount(cents)] })),
      { cells: [t("pdf.budget.total"), amount(totals.totalCents)], strong: true },
      { cells: [t("pdf.budget.ownContribution"), amount(budget.ownContributionCents)] },
      { cells: [t("pdf.budget.requested"), amount(totals.requestedCents)], strong: true },
    ],
  );
  return [...lines, <View key={`${key}-gap`} style={styles.gap} />, ...sums];
}

/** Values that do not have their field's shape are shown as stored rather than hidden. */
function rawValue(value: AnswerValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Short answers: a few lines at most, kept on one page with their label. */
function compactAnswerLines(field: FormField, value: AnswerValue, context: PdfContext): string[] | null {
  const { locale, t } = context;
  switch (field.type) {
    case "shortText":
      return [rawValue(value)];
    case "number":
      return [typeof value === "number" ? printable(numberFormats[locale].format(value)) : rawValue(value)];
    case "amount":
      return [typeof value === "number" ? euros(locale, value) : rawValue(value)];
    case "date":
      return [typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? calendarDate(locale, value) : rawValue(value)];
    case "singleChoice":
      return [typeof value === "string" ? optionLabel(locale, field.options, value) : rawValue(value)];
    case "multipleChoice":
      return isStringList(value) ? value.map((item) => `• ${optionLabel(locale, field.options, item)}`) : [rawValue(value)];
    case "yesNo":
      return [typeof value === "boolean" ? t(value ? "pdf.yes" : "pdf.no") : rawValue(value)];
    case "file":
      return isStringList(value) ? value.map((fileId) => fileLine(context, fileId)) : [rawValue(value)];
    case "longText":
    case "partners":
    case "budget":
      return null;
  }
}

/** Answers that may run over pages: the label stays with their first lines. */
function longAnswerBlocks(key: string, field: FormField, value: AnswerValue, context: PdfContext): Block[] {
  if (field.type === "partners" && isPartnerList(value)) return partnerBlocks(key, value, context);
  if (field.type === "budget" && isBudget(value)) return budgetBlocks(key, field, value, context);
  return [<Text key={key}>{rawValue(value)}</Text>];
}

function labelledBlock(key: string, label: string, lines: string[], emptyStyle?: Style): Block {
  return (
    <View key={key} wrap={false}>
      <Text style={styles.fieldLabel}>{label}</Text>
      {lines.map((line, index) => (
        <Text key={index} style={emptyStyle}>
          {line}
        </Text>
      ))}
    </View>
  );
}

function fieldBlocks(field: FormField, value: AnswerValue | undefined, context: PdfContext): Block[] {
  const label = localized(context.locale, field.labelDe, field.labelEn);
  const key = `field-${field.key}`;
  if (isUnanswered(value)) return [labelledBlock(key, label, [context.t("pdf.notAnswered")], styles.empty)];
  const compact = compactAnswerLines(field, value, context);
  if (compact) return [labelledBlock(key, label, compact)];
  return [
    <Text key={`${key}-label`} style={styles.fieldLabel} minPresenceAhead={KEEP_LABEL_WITH_NEXT}>
      {label}
    </Text>,
    ...longAnswerBlocks(key, field, value, context),
  ];
}

/**
 * Where each submitted file was given: its upload field, or the partner whose letter of intent it is
 * ("Partner: Absichtserklärung von Grundschule Süd"). Taken from the answers, so that no internal key
 * is ever printed.
 */
function filePlaces(input: ApplicationPdfInput, context: PdfContext): Map<string, string> {
  const places = new Map<string, string>();
  for (const field of fieldsOf(input.definition)) {
    const label = localized(context.locale, field.labelDe, field.labelEn);
    const value = input.answers.fields?.[field.key] ?? null;
    if (field.type === "file" && isStringList(value)) for (const fileId of value) places.set(fileId, label);
    if (field.type === "partners" && isPartnerList(value)) {
      for (const partner of value) {
        if (partner.letterFileId) places.set(partner.letterFileId, context.t("pdf.files.letterOf", { field: label, partner: partner.name }));
      }
    }
  }
  return places;
}

/**
 * The whole document as one flow of blocks: header and eligibility, the form's sections one after
 * the other (a heading is kept with what follows it), then conditions and files.
 */
function documentBlocks(input: ApplicationPdfInput, context: PdfContext, replacedCharacters: boolean): Block[] {
  const { locale, t } = context;
  const bundeslandKey = `bundesland.${input.bundesland}`;
  const yesNo = (answer: boolean | undefined) => (answer === undefined ? t("pdf.notAnswered") : t(answer ? "pdf.yes" : "pdf.no"));
  const blocks: Block[] = [
    <Text key="brand" style={styles.brand}>
      {t("app.name")}
    </Text>,
    <Text key="title" style={styles.title}>
      {t("pdf.title")}
    </Text>,
    <Text key="intro" style={styles.intro}>
      {t("pdf.intro")}
    </Text>,
  ];
  if (replacedCharacters) {
    blocks.push(
      <Text key="replaced" style={styles.notice}>
        {t("pdf.replacedCharacters")}
      </Text>,
    );
  }
  blocks.push(
    metaRow("programme", t("pdf.programme"), input.programmeName),
    metaRow("call", t("pdf.call"), input.callTitle),
    metaRow("stage", t("pdf.stage"), t(`stageKind.${input.stageKind}`)),
    metaRow("network", t("pdf.network"), input.networkName),
    metaRow("bundesland", t("pdf.bundesland"), isMessageKey(bundeslandKey) ? t(bundeslandKey) : input.bundesland),
    metaRow("receipt", t("pdf.receiptNumber"), input.receiptNumber),
    metaRow("version", t("pdf.version"), String(input.versionNumber)),
    metaRow("submittedAt", t("pdf.submittedAt"), t("pdf.berlinTime", { time: printable(formatDateTime(locale, input.submittedAt)) })),
    metaRow("submittedBy", t("pdf.submittedBy"), input.submittedBy),
  );

  if (input.definition.eligibility.length > 0) {
    const questions = input.definition.eligibility.map((question) => {
      const answer = input.answers.eligibility?.[question.key];
      return labelledBlock(`eligibility-${question.key}`, localized(locale, question.questionDe, question.questionEn), [yesNo(answer)], answer === undefined ? styles.empty : undefined);
    });
    blocks.push(...headedPart("eligibility", t("pdf.eligibility"), questions));
  }

  for (const section of input.definition.sections) {
    const fields = section.fields.flatMap((field) => fieldBlocks(field, input.answers.fields?.[field.key], context));
    blocks.push(...headedPart(`section-${section.key}`, localized(locale, section.titleDe, section.titleEn), fields));
  }

  if (input.conditions && input.conditions.length > 0) {
    const conditions = input.conditions.flatMap((condition, index) => {
      const key = `condition-${index}`;
      return [
        <Text key={`${key}-text`} style={styles.fieldLabel} minPresenceAhead={KEEP_LABEL_WITH_NEXT}>
          {condition.text}
        </Text>,
        <Text key={`${key}-answer`} style={condition.answer ? undefined : styles.empty}>
          {condition.answer || t("pdf.notAnswered")}
        </Text>,
      ];
    });
    blocks.push(...headedPart("conditions", t("pdf.conditions"), conditions));
  }

  if (input.files.length > 0) {
    const places = filePlaces(input, context);
    const files = input.files.map((file) => {
      const place = places.get(file.id);
      const facts = [place ? t("pdf.files.field", { field: place }) : null, t("pdf.files.size", { size: fileSize(locale, file.sizeBytes) })];
      return (
        <View key={`file-${file.id}`} wrap={false}>
          <Text style={styles.fileName}>{file.originalName}</Text>
          <Text>{facts.filter(Boolean).join(" · ")}</Text>
          <Text style={styles.hash}>SHA-256 {file.sha256}</Text>
        </View>
      );
    });
    blocks.push(...headedPart("files", t("pdf.files"), files));
  }
  return blocks;
}

function ApplicationDocument({ input, context, replacedCharacters }: { input: ApplicationPdfInput; context: PdfContext; replacedCharacters: boolean }) {
  const { t } = context;
  return (
    <Document
      title={`${t("pdf.title")}: ${input.callTitle} (${input.receiptNumber})`}
      author={input.networkName}
      subject={`${input.programmeName}: ${input.callTitle}`}
      creator={t("app.name")}
      language={context.locale}
      creationDate={input.submittedAt}
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.footer} fixed>
          <Text>{t("pdf.footer", { receipt: input.receiptNumber, version: input.versionNumber })}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, pages: totalPages })} />
        </View>
        {documentBlocks(input, context, replacedCharacters)}
      </Page>
    </Document>
  );
}

/** Renders the submitted version as a PDF (A4, German or English, page numbers "Seite x von y"). */
export async function renderApplicationPdf(input: ApplicationPdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const { value: printableInput, replaced } = fitStringsToWinAnsi(input);
  const context: PdfContext = {
    locale: input.locale,
    t: translator(input.locale),
    filesById: new Map(printableInput.files.map((file) => [file.id, file])),
  };
  const buffer = await renderToBuffer(<ApplicationDocument input={printableInput} context={context} replacedCharacters={replaced} />);
  // A copy with its own ArrayBuffer, as Prisma and Response take it; a Node Buffer may share a pooled one.
  return new Uint8Array(buffer);
}
