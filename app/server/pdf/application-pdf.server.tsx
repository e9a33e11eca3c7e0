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
// instead of being squeezed into an unreadable line.
const LONGEST_UNBROKEN_WORD = 24;
const LONG_WORD_PIECE = 8;
Font.registerHyphenationCallback((word) => {
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
/** Points of content that must follow a heading, label or table head on the same page. */
const KEEP_HEADING_WITH_NEXT = 72;
const KEEP_LABEL_WITH_NEXT = 60;
const ink = "#1b1f24";
const muted = "#555b63";
const rule = "#c9ced6";
const brand = "#0b5394";

// No lineHeight anywhere: react-pdf 4.9 multiplies it by the font size again on every layout pass
// that the page numbers ("Seite x von y") need, until long documents crash (diegomura/react-pdf#3452).
// The fonts' own line spacing is used instead, with margins between blocks.
const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 64, paddingHorizontal: 48, fontFamily: "Helvetica", fontSize: 10, color: ink },
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
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: 3 },
  tableHead: { fontFamily: "Helvetica-Bold", fontSize: 9 },
  cell: { paddingRight: 6 },
  number: { textAlign: "right", paddingRight: 0 },
  strong: { fontFamily: "Helvetica-Bold" },
  fileName: { fontFamily: "Helvetica-Bold", marginTop: 6 },
  hash: { fontFamily: "Courier", fontSize: 8 },
  footer: {
    position: "absolute",
    bottom: 28,
    left: 48,
    right: 48,
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

function heading(key: string, text: string): Block {
  return (
    <Text key={key} style={styles.sectionTitle} minPresenceAhead={KEEP_HEADING_WITH_NEXT}>
      {text}
    </Text>
  );
}

interface Column {
  header: string;
  width: string;
  numeric?: boolean;
}

interface TableRow {
  cells: string[];
  strong?: boolean;
}

function tableBlocks(key: string, columns: Column[], rows: TableRow[]): Block[] {
  const cellStyle = (column: Column) => [styles.cell, { width: column.width }, ...(column.numeric ? [styles.number] : [])];
  const row = (rowKey: string, cells: string[], style: Style[], keepWithNext = false) => (
    <View key={rowKey} style={[styles.tableRow, ...style]} wrap={false} minPresenceAhead={keepWithNext ? KEEP_LABEL_WITH_NEXT : undefined}>
      {columns.map((column, index) => (
        <Text key={column.header} style={cellStyle(column)}>
          {cells[index] ?? ""}
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
    ),
    ...rows.map((tableRow, index) => row(`${key}-${index}`, tableRow.cells, tableRow.strong ? [styles.strong] : [])),
  ];
}

function partnerBlocks(key: string, partners: PartnerAnswer[], context: PdfContext): Block[] {
  const { t } = context;
  const typeLabel = (type: string) => {
    const typeKey = `pdf.partnerType.${type}`;
    return isMessageKey(typeKey) ? t(typeKey) : type;
  };
  return tableBlocks(
    key,
    [
      { header: t("pdf.partners.name"), width: "28%" },
      { header: t("pdf.partners.type"), width: "18%" },
      { header: t("pdf.partners.role"), width: "30%" },
      { header: t("pdf.partners.letter"), width: "24%" },
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
      { header: t("pdf.budget.category"), width: "28%" },
      { header: t("pdf.budget.year"), width: "12%" },
      { header: t("pdf.budget.description"), width: "40%" },
      { header: t("pdf.budget.amount"), width: "20%", numeric: true },
    ],
    budget.lines.map((line) => ({ cells: [category(line.category), String(line.year), line.description, amount(line.amountCents)] })),
  );
  const sums = tableBlocks(
    `${key}-totals`,
    [
      { header: t("pdf.budget.totals"), width: "80%" },
      { header: t("pdf.budget.amount"), width: "20%", numeric: true },
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
 * The blocks of each page group: the cover (header and eligibility), one group per form section,
 * then conditions and files. Every group starts on a new page; react-pdf lays out the rest of a group
 * again for every page it fills, so smaller groups also keep long applications fast.
 */
function documentPages(input: ApplicationPdfInput, context: PdfContext, replacedCharacters: boolean): Block[][] {
  const { locale, t } = context;
  const bundeslandKey = `bundesland.${input.bundesland}`;
  const fieldLabels = new Map(fieldsOf(input.definition).map((field) => [field.key, localized(locale, field.labelDe, field.labelEn)]));
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
    blocks.push(heading("eligibility", t("pdf.eligibility")));
    for (const question of input.definition.eligibility) {
      const answer = input.answers.eligibility?.[question.key];
      blocks.push(
        labelledBlock(`eligibility-${question.key}`, localized(locale, question.questionDe, question.questionEn), [yesNo(answer)], answer === undefined ? styles.empty : undefined),
      );
    }
  }

  const pages: Block[][] = [blocks];
  for (const section of input.definition.sections) {
    pages.push([
      heading(`section-${section.key}`, localized(locale, section.titleDe, section.titleEn)),
      ...section.fields.flatMap((field) => fieldBlocks(field, input.answers.fields?.[field.key], context)),
    ]);
  }

  const closing: Block[] = [];
  if (input.conditions && input.conditions.length > 0) {
    closing.push(heading("conditions", t("pdf.conditions")));
    input.conditions.forEach((condition, index) => {
      const key = `condition-${index}`;
      closing.push(
        <Text key={`${key}-text`} style={styles.fieldLabel} minPresenceAhead={KEEP_LABEL_WITH_NEXT}>
          {condition.text}
        </Text>,
        <Text key={`${key}-answer`} style={condition.answer ? undefined : styles.empty}>
          {condition.answer || t("pdf.notAnswered")}
        </Text>,
      );
    });
  }

  if (input.files.length > 0) {
    closing.push(heading("files", t("pdf.files")));
    for (const file of input.files) {
      const facts = [
        file.fieldKey ? t("pdf.files.field", { field: fieldLabels.get(file.fieldKey) ?? file.fieldKey }) : null,
        t("pdf.files.size", { size: fileSize(locale, file.sizeBytes) }),
      ];
      closing.push(
        <View key={`file-${file.id}`} wrap={false}>
          <Text style={styles.fileName}>{file.originalName}</Text>
          <Text>{facts.filter(Boolean).join(" · ")}</Text>
          <Text style={styles.hash}>SHA-256 {file.sha256}</Text>
        </View>,
      );
    }
  }
  if (closing.length > 0) pages.push(closing);
  return pages;
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
      {documentPages(input, context, replacedCharacters).map((blocks, index) => (
        <Page key={index} size="A4" style={styles.page}>
          <View style={styles.footer} fixed>
            <Text>{t("pdf.footer", { receipt: input.receiptNumber, version: input.versionNumber })}</Text>
            <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, pages: totalPages })} />
          </View>
          {blocks}
        </Page>
      ))}
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
