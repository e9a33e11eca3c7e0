import { z } from "zod";
import type { Translate } from "~/i18n";
import { centsToEuroInput, eurosToCents } from "./call-schemas";
import { letterOfIntentLimits } from "./file-fields";
import { emailOnlySchema } from "./account-schemas";
import { fieldsOf, type FormDefinition, type FormField } from "./form-definition";
import { numberRuleOf, placeOfInput, type InputRule, type InvalidInput, type InvalidInputProblem } from "./invalid-input";
import {
  budgetAnswer,
  checkAnswers,
  partnerAnswer,
  partnerTypes,
  type AnswerValue,
  type Answers,
  type BudgetAnswer,
  type ChecklistItem,
  type PartnerAnswer,
} from "./answers";

/**
 * The application form as the browser sends it, and the way back: input names follow Conform's
 * paths (`fields.<key>`, `fields.<key>[0].name`, `fields.<key>.lines[0].amount`, `eligibility.<key>`,
 * `conditions[0]`), values are the text a person typed (euros with a decimal comma, dates, yes/no).
 * `draftSchema` turns that into stored answers. Typed text that fails its rule ("zwölf" for a count)
 * is kept apart as invalid input, so that the valid answers beside it are saved; what no browser
 * sends (an option the form does not offer) refuses the whole post with field messages in the
 * reader's language. Drafts may stay incomplete (`applicationChecklist` lists what is missing
 * before submitting).
 */

export const MAX_PARTNER_ROWS = 200;
export const MAX_BUDGET_LINES = 500;
export const MAX_CONDITION_ANSWER = 5000;
const MAX_CENTS = 100_000_000_000;

// ---------------------------------------------------------------------------------------------
// Raw values: what the inputs hold

export interface RawPartner {
  name: string;
  type: string;
  role: string;
}
export interface RawBudgetLine {
  category: string;
  year: string;
  description: string;
  amount: string;
}
export interface RawBudget {
  lines: RawBudgetLine[];
  own: string;
}
export type RawFieldValue = string | string[] | RawPartner[] | RawBudget;
export interface DraftValues {
  eligibility: Record<string, string>;
  fields: Record<string, RawFieldValue>;
  conditions: string[];
}

/** Names of the inputs, shared by the renderer and the parser so they never drift apart. */
export const inputName = {
  eligibility: (key: string) => `eligibility.${key}`,
  field: (key: string) => `fields.${key}`,
  partner: (key: string, row: number, part: keyof RawPartner) => `fields.${key}[${row}].${part}`,
  budgetLine: (key: string, row: number, part: keyof RawBudgetLine) => `fields.${key}.lines[${row}].${part}`,
  ownContribution: (key: string) => `fields.${key}.own`,
  condition: (index: number) => `conditions[${index}]`,
};

/** Element ids the checklist links to. */
export const anchorOf = {
  field: (key: string) => `field-${key}`,
  eligibility: (key: string) => `eligibility-${key}`,
  condition: (index: number) => `condition-${index}`,
};

/** Set when the form's fields were on the page; absent while eligibility questions still hide them. */
export const FIELDS_SHOWN = "fieldsShown";

// ---------------------------------------------------------------------------------------------
// Numbers and money as people type them

/**
 * A number as people type it here: a decimal comma ("12,5"), German thousands dots ("1.250"), or a
 * plain decimal point ("12.5"). Null for anything else.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  const negative = compact.startsWith("-");
  const digits = negative ? compact.slice(1) : compact;
  const german = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits);
  if (!german && !/^\d+([.,]\d+)?$/.test(digits)) return null;
  const value = Number(german ? digits.replace(/\./g, "").replace(",", ".") : digits.replace(",", "."));
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** Euros as typed ("1.250,50") → integer cents within the answers' limit; null when it is no amount. */
export function parseEuros(text: string): number | null {
  const cents = eurosToCents(text);
  return cents !== null && cents <= MAX_CENTS ? cents : null;
}

export function formatNumberInput(value: number): string {
  return String(value).replace(".", ",");
}

/** "2026-10-25" or the German "25.10.2026" → ISO date, or null. */
export function parseDateInput(text: string): string | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, "0")}-${german[1]!.padStart(2, "0")}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

// ---------------------------------------------------------------------------------------------
// Stored answers → input values

function rawOf(field: FormField, value: AnswerValue | undefined): RawFieldValue {
  switch (field.type) {
    case "number":
      return typeof value === "number" ? formatNumberInput(value) : "";
    case "amount":
      return typeof value === "number" ? centsToEuroInput(value) : "";
    case "yesNo":
      return value === true ? "yes" : value === false ? "no" : "";
    case "multipleChoice":
    case "file":
      return Array.isArray(value) ? (value as string[]).filter((item) => typeof item === "string") : [];
    case "partners":
      return Array.isArray(value)
        ? (value as PartnerAnswer[]).map((partner) => ({ name: partner.name, type: partner.type, role: partner.role ?? "" }))
        : [];
    case "budget": {
      const budget = budgetOf(value);
      return {
        lines: budget.lines.map((line) => ({
          category: line.category,
          year: String(line.year),
          description: line.description ?? "",
          amount: centsToEuroInput(line.amountCents),
        })),
        own: budget.lines.length > 0 || budget.ownContributionCents > 0 ? centsToEuroInput(budget.ownContributionCents) : "",
      };
    }
    default:
      return typeof value === "string" ? value : "";
  }
}

export function budgetOf(value: AnswerValue | undefined): BudgetAnswer {
  const parsed = budgetAnswer.safeParse(value);
  return parsed.success ? parsed.data : { lines: [], ownContributionCents: 0 };
}

export function partnersOf(value: AnswerValue | undefined): PartnerAnswer[] {
  const parsed = z.array(partnerAnswer).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The inputs' values from the stored draft: its answers, and where input was invalid, that input as typed. */
export function valuesFromAnswers(definition: FormDefinition, answers: Answers, conditions: ApplicationCondition[], invalidInput: InvalidInput[] = []): DraftValues {
  const typed = new Map(invalidInput.map((item) => [item.name, item.raw]));
  const kept = (name: string, stored: string) => typed.get(name) ?? stored;
  const eligibility: Record<string, string> = {};
  for (const question of definition.eligibility) {
    const given = answers.eligibility?.[question.key];
    eligibility[question.key] = given === true ? "yes" : given === false ? "no" : "";
  }
  const fields: Record<string, RawFieldValue> = {};
  for (const field of fieldsOf(definition)) {
    const raw = rawOf(field, answers.fields?.[field.key]);
    if (field.type === "partners") {
      fields[field.key] = (raw as RawPartner[]).map((row, index) => ({
        ...row,
        name: kept(inputName.partner(field.key, index, "name"), row.name),
        role: kept(inputName.partner(field.key, index, "role"), row.role),
      }));
    } else if (field.type === "budget") {
      const budget = raw as RawBudget;
      fields[field.key] = {
        lines: budget.lines.map((line, index) => ({
          ...line,
          description: kept(inputName.budgetLine(field.key, index, "description"), line.description),
          amount: kept(inputName.budgetLine(field.key, index, "amount"), line.amount),
        })),
        own: kept(inputName.ownContribution(field.key), budget.own),
      };
    } else {
      fields[field.key] = typeof raw === "string" ? kept(inputName.field(field.key), raw) : raw;
    }
  }
  return { eligibility, fields, conditions: conditions.map((condition, index) => kept(inputName.condition(index), condition.answer ?? "")) };
}

// ---------------------------------------------------------------------------------------------
// Posted form → stored answers

const text = z.string().optional().catch(undefined);
const rawPartner = z.object({ name: text, type: text, role: text }).nullable().optional();
const rawBudgetLine = z.object({ category: text, year: text, description: text, amount: text }).nullable().optional();

function rawFieldSchema(field: FormField) {
  switch (field.type) {
    case "multipleChoice":
      return z.union([z.string(), z.array(z.string())]).optional();
    case "partners":
      return z.array(rawPartner).optional();
    case "budget":
      return z.object({ lines: z.array(rawBudgetLine).optional(), own: z.string().optional() }).optional();
    default:
      return z.string().optional();
  }
}

/** Values as posted (or as a reply carries them back), in the shapes the renderer takes. */
export function valuesFromPayload(definition: FormDefinition, payload: unknown, conditionCount: number): DraftValues {
  const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const str = (value: unknown) => (typeof value === "string" ? value : "");
  const root = record(payload);
  const eligibilityIn = record(root.eligibility);
  const fieldsIn = record(root.fields);
  const eligibility: Record<string, string> = {};
  for (const question of definition.eligibility) eligibility[question.key] = Object.hasOwn(eligibilityIn, question.key) ? str(eligibilityIn[question.key]) : "";
  const fields: Record<string, RawFieldValue> = {};
  for (const field of fieldsOf(definition)) {
    const value = Object.hasOwn(fieldsIn, field.key) ? fieldsIn[field.key] : undefined;
    switch (field.type) {
      case "multipleChoice":
      case "file":
        fields[field.key] = Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : typeof value === "string" ? [value] : [];
        break;
      case "partners":
        fields[field.key] = (Array.isArray(value) ? value : [])
          .filter((row) => row && typeof row === "object")
          .map((row) => ({ name: str(record(row).name), type: str(record(row).type), role: str(record(row).role) }));
        break;
      case "budget": {
        const budget = record(value);
        fields[field.key] = {
          lines: (Array.isArray(budget.lines) ? budget.lines : [])
            .filter((line) => line && typeof line === "object")
            .map((line) => {
              const entry = record(line);
              return { category: str(entry.category), year: str(entry.year), description: str(entry.description), amount: str(entry.amount) };
            }),
          own: str(budget.own),
        };
        break;
      }
      default:
        fields[field.key] = str(value);
    }
  }
  const conditionsIn = Array.isArray(root.conditions) ? root.conditions : [];
  const conditions = Array.from({ length: conditionCount }, (_, index) => str(conditionsIn[index]));
  return { eligibility, fields, conditions };
}

/** What a draft save writes: the answers, the answers to the manager's conditions, and typed input that fails its rule. */
export interface DraftInput {
  answers: Answers;
  conditionAnswers: string[];
  /** False while eligibility questions hid the fields: the stored field answers stay as they are. */
  fieldsShown: boolean;
  /** Kept as typed beside the answers until it is fixed; none when absent. */
  invalidInput?: InvalidInput[];
}

/** Input no browser sends from this form (an option it does not offer): the whole post is refused. */
type Issue = (path: (string | number)[], message: string) => void;
/** Typed text that fails its rule: kept as typed under the input's name, not saved as an answer. */
type Hold = (name: string, raw: string, problem: InvalidInputProblem, rule?: InputRule) => void;

function yesNo(value: string | undefined, path: (string | number)[], issue: Issue, t: Translate): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  if (value === "yes") return true;
  if (value === "no") return false;
  issue(path, t("applications.error.unknownOption"));
  return undefined;
}

/**
 * The text when it fits, else "" with the typed text held; a text is never cut short silently.
 * Browsers post a textarea's line breaks as CR LF but count each as one character against
 * `maxlength`; stored as LF, the server counts them the same way.
 */
function textWithin(value: string | undefined, max: number, name: string, hold: Hold): string {
  const given = (value ?? "").replace(/\r\n?/g, "\n");
  if (given.length <= max) return given;
  hold(name, given, "tooLong", { max });
  return "";
}

/** A number within the field's range (whole when it asks for that), or undefined with the typed text held. */
function numberWithin(given: string, field: Extract<FormField, { type: "number" }>, name: string, hold: Hold): number | undefined {
  const value = parseDecimal(given);
  const fits =
    value !== null && (!field.integer || Number.isInteger(value)) && (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
  if (fits) return value;
  hold(name, given, "number", numberRuleOf(field));
  return undefined;
}

/** Euros as cents from 0 up to `maxCents`, or undefined with the typed text held ("-50" is no amount here). */
function centsWithin(given: string, maxCents: number | undefined, name: string, hold: Hold): number | undefined {
  const cents = parseEuros(given);
  if (cents !== null && (maxCents === undefined || cents <= maxCents)) return cents;
  hold(name, given, "amount", maxCents === undefined ? {} : { max: maxCents });
  return undefined;
}

function answerOf(field: FormField, raw: unknown, issue: Issue, hold: Hold, t: Translate): AnswerValue | undefined {
  const path = ["fields", field.key];
  const name = inputName.field(field.key);
  switch (field.type) {
    case "shortText":
    case "longText": {
      const value = textWithin(raw as string | undefined, field.maxLength, name, hold);
      return value === "" ? undefined : value;
    }
    case "number": {
      const given = ((raw as string | undefined) ?? "").trim();
      return given === "" ? undefined : numberWithin(given, field, name, hold);
    }
    case "amount": {
      const given = ((raw as string | undefined) ?? "").trim();
      return given === "" ? undefined : centsWithin(given, field.maxCents, name, hold);
    }
    case "date": {
      const given = ((raw as string | undefined) ?? "").trim();
      if (given === "") return undefined;
      const iso = parseDateInput(given);
      return iso === null ? void hold(name, given, "date") : iso;
    }
    case "singleChoice": {
      const given = (raw as string | undefined) ?? "";
      if (given === "") return undefined;
      return field.options.some((option) => option.value === given) ? given : void issue(path, t("applications.error.unknownOption"));
    }
    case "multipleChoice": {
      const given = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [raw as string];
      if (given.length === 0) return undefined;
      if (given.some((value) => !field.options.some((option) => option.value === value))) return void issue(path, t("applications.error.unknownOption"));
      // Stored in the form's order, once each, whatever order the browser sent.
      return field.options.filter((option) => given.includes(option.value)).map((option) => option.value);
    }
    case "yesNo":
      return yesNo(raw as string | undefined, path, issue, t);
    case "file":
      // Files arrive through the upload route and are read from storage, never from this form.
      return undefined;
    case "partners": {
      const rows = ((raw as unknown[] | undefined) ?? []).filter((row): row is { name?: string; type?: string; role?: string } => !!row);
      if (rows.length > MAX_PARTNER_ROWS) return void issue(path, t("applications.error.tooManyRows", { max: MAX_PARTNER_ROWS }));
      if (rows.length === 0) return undefined;
      return rows.map((row, index) => {
        const type = row.type ?? "";
        if (!(partnerTypes as readonly string[]).includes(type)) issue([...path, index, "type"], t("applications.error.unknownOption"));
        return {
          name: textWithin(row.name, 300, inputName.partner(field.key, index, "name"), hold).trim(),
          type: type as PartnerAnswer["type"],
          role: textWithin(row.role, 1000, inputName.partner(field.key, index, "role"), hold).trim(),
        };
      });
    }
    case "budget": {
      const budget = (raw as { lines?: unknown[]; own?: string } | undefined) ?? {};
      const lines = (budget.lines ?? []).filter((line): line is { category?: string; year?: string; description?: string; amount?: string } => !!line);
      if (lines.length > MAX_BUDGET_LINES) return void issue(path, t("applications.error.tooManyRows", { max: MAX_BUDGET_LINES }));
      const parsedLines = lines.map((line, index) => {
        const linePath = [...path, "lines", index];
        const category = line.category ?? "";
        if (!field.categories.some((option) => option.value === category)) issue([...linePath, "category"], t("applications.error.unknownOption"));
        const year = Number(line.year);
        if (!field.years.includes(year)) issue([...linePath, "year"], t("applications.error.unknownOption"));
        const amount = (line.amount ?? "").trim();
        // A line whose amount is held stays in the table (with nothing counted) so that its row keeps its place.
        const amountCents = amount === "" ? 0 : (centsWithin(amount, undefined, inputName.budgetLine(field.key, index, "amount"), hold) ?? 0);
        const description = textWithin(line.description, 500, inputName.budgetLine(field.key, index, "description"), hold).trim();
        return { category, year, description, amountCents };
      });
      const own = (budget.own ?? "").trim();
      const ownContributionCents = own === "" ? 0 : (centsWithin(own, undefined, inputName.ownContribution(field.key), hold) ?? 0);
      if (parsedLines.length === 0 && own === "") return undefined;
      return { lines: parsedLines, ownContributionCents };
    }
  }
}

/**
 * The zod schema of one stage's draft form for `parseWithZod`: structure first (unknown inputs are
 * dropped), then every value converted and checked, with messages already in the reader's language
 * (they carry limits such as the maximum length).
 */
export function draftSchema(definition: FormDefinition, options: { conditionCount: number; t: Translate }) {
  const { t } = options;
  const fieldShapes = Object.fromEntries(fieldsOf(definition).map((field) => [field.key, rawFieldSchema(field)]));
  const eligibilityShape = Object.fromEntries(definition.eligibility.map((question) => [question.key, z.string().optional()]));
  return z
    .object({
      eligibility: z.object(eligibilityShape).optional(),
      fields: z.object(fieldShapes).optional(),
      conditions: z.array(z.string().optional().nullable()).optional(),
      [FIELDS_SHOWN]: z.string().optional(),
    })
    .transform((raw, context): DraftInput => {
      const issue: Issue = (path, message) => context.issues.push({ code: "custom", path, message, input: raw });
      const invalidInput: InvalidInput[] = [];
      const hold: Hold = (name, typed, problem, rule = {}) => invalidInput.push({ name, raw: typed, problem, rule });
      const eligibility: Record<string, boolean> = {};
      for (const question of definition.eligibility) {
        const given = yesNo(raw.eligibility?.[question.key] as string | undefined, ["eligibility", question.key], issue, t);
        if (given !== undefined) eligibility[question.key] = given;
      }
      const fields: Record<string, AnswerValue> = {};
      const rawFields = (raw.fields ?? {}) as Record<string, unknown>;
      for (const field of fieldsOf(definition)) {
        const value = answerOf(field, rawFields[field.key], issue, hold, t);
        if (value !== undefined) fields[field.key] = value;
      }
      const conditionAnswers = Array.from({ length: options.conditionCount }, (_, index) =>
        textWithin(raw.conditions?.[index] ?? "", MAX_CONDITION_ANSWER, inputName.condition(index), hold).trim(),
      );
      return { answers: { eligibility, fields }, conditionAnswers, fieldsShown: raw[FIELDS_SHOWN] === "1", invalidInput };
    });
}

// ---------------------------------------------------------------------------------------------
// Rows added and removed by buttons (they work without JavaScript)

export type RowChange =
  | { kind: "addPartner"; fieldKey: string }
  | { kind: "removePartner"; fieldKey: string; row: number }
  | { kind: "addBudgetLine"; fieldKey: string }
  | { kind: "removeBudgetLine"; fieldKey: string; row: number };

/** `addPartner:<field>`, `removePartner:<field>:<row>`, `addBudgetLine:<field>`, `removeBudgetLine:<field>:<row>`. */
export function parseRowChange(intent: string): RowChange | null {
  const match = /^(addPartner|removePartner|addBudgetLine|removeBudgetLine):([a-z][a-zA-Z0-9_]{0,59})(?::(\d{1,4}))?$/.exec(intent);
  if (!match) return null;
  const [, kind, fieldKey, row] = match;
  if (kind === "addPartner" || kind === "addBudgetLine") return row === undefined ? { kind, fieldKey: fieldKey! } : null;
  return row === undefined ? null : { kind: kind as "removePartner" | "removeBudgetLine", fieldKey: fieldKey!, row: Number(row) };
}

/** The answers after a row button; null when the button names no such field or row. */
export function applyRowChange(definition: FormDefinition, answers: Answers, change: RowChange): Answers | null {
  const field = fieldsOf(definition).find((candidate) => candidate.key === change.fieldKey);
  const fields = { ...(answers.fields ?? {}) };
  if (change.kind === "addPartner" || change.kind === "removePartner") {
    if (field?.type !== "partners") return null;
    const partners = partnersOf(fields[field.key]);
    if (change.kind === "addPartner") {
      if (partners.length >= MAX_PARTNER_ROWS) return null;
      fields[field.key] = [...partners, { name: "", type: "OTHER", role: "" }];
    } else {
      if (change.row >= partners.length) return null;
      fields[field.key] = partners.filter((_, index) => index !== change.row);
    }
  } else {
    if (field?.type !== "budget") return null;
    const budget = budgetOf(fields[field.key]);
    if (change.kind === "addBudgetLine") {
      if (budget.lines.length >= MAX_BUDGET_LINES) return null;
      fields[field.key] = { ...budget, lines: [...budget.lines, { category: field.categories[0]!.value, year: field.years[0]!, description: "", amountCents: 0 }] };
    } else {
      if (change.row >= budget.lines.length) return null;
      fields[field.key] = { ...budget, lines: budget.lines.filter((_, index) => index !== change.row) };
    }
  }
  return { ...answers, fields };
}

/** Held input follows its row when a row above it is removed; the removed row's input goes with it. */
export function invalidInputAfterRowChange(items: InvalidInput[], change: RowChange): InvalidInput[] {
  if (change.kind !== "removePartner" && change.kind !== "removeBudgetLine") return items;
  const { fieldKey, row: removed } = change;
  const pattern = change.kind === "removePartner" ? /^fields\.([a-zA-Z0-9_]+)\[(\d+)\]\.(name|role)$/ : /^fields\.([a-zA-Z0-9_]+)\.lines\[(\d+)\]\.(description|amount)$/;
  return items.flatMap((item) => {
    const match = pattern.exec(item.name);
    if (!match || match[1] !== fieldKey) return [item];
    const row = Number(match[2]);
    if (row === removed) return [];
    if (row < removed) return [item];
    const name =
      change.kind === "removePartner"
        ? inputName.partner(fieldKey, row - 1, match[3] as keyof RawPartner)
        : inputName.budgetLine(fieldKey, row - 1, match[3] as keyof RawBudgetLine);
    return [{ ...item, name }];
  });
}

// ---------------------------------------------------------------------------------------------
// Files, partner roster, conditions

/** The file field that carries a partner row's letter of intent; uploads store it under `<field>.<row>`. */
export function partnerLetterField(field: Extract<FormField, { type: "partners" }>, row: number): Extract<FormField, { type: "file" }> {
  return {
    type: "file",
    key: partnerLetterKey(field.key, row),
    labelDe: "Absichtserklärung (Letter of Intent)",
    labelEn: "Letter of intent",
    required: field.requireLetterOfIntent,
    ...letterOfIntentLimits,
  };
}

export function partnerLetterKey(fieldKey: string, row: number): string {
  return `${fieldKey}.${row}`;
}

/** The network's roster as the starting value of every partner field of a new application. */
export function prefillPartners(definition: FormDefinition, roster: { name: string; type: PartnerAnswer["type"]; roleInNetwork: string }[]): Answers {
  const partners = roster.slice(0, MAX_PARTNER_ROWS).map((partner) => ({ name: partner.name, type: partner.type, role: partner.roleInNetwork }));
  const fields: Record<string, AnswerValue> = {};
  if (partners.length > 0) for (const field of fieldsOf(definition)) if (field.type === "partners") fields[field.key] = partners;
  return { eligibility: {}, fields };
}

export const applicationCondition = z.object({ text: z.string(), answer: z.string().nullable().default(null) });
export type ApplicationCondition = z.infer<typeof applicationCondition>;

export function conditionsOf(value: unknown): ApplicationCondition[] {
  const parsed = z.array(applicationCondition).safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function parseAnswers(value: unknown): Answers {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const object = (entry: unknown) => (entry && typeof entry === "object" && !Array.isArray(entry) ? entry : undefined);
  return { eligibility: object(record.eligibility) as Answers["eligibility"], fields: object(record.fields) as Answers["fields"] };
}

// ---------------------------------------------------------------------------------------------
// Checklist before submitting

export type ApplicationChecklistItem =
  | { kind: "eligibility"; questionKey: string; problem: "unanswered" | "notEligible" }
  | ({ kind: "field" } & ChecklistItem)
  | { kind: "condition"; index: number; problem: "missing" }
  | { kind: "invalidInput"; input: InvalidInput; place: { fieldKey: string } | { conditionIndex: number } };

/**
 * Everything that keeps the application from being submitted: eligibility, fields, the manager's
 * conditions, and input that is held because it fails its rule. A field whose input is held is
 * listed for that input only (its answer is missing because of it).
 */
export function applicationChecklist(
  definition: FormDefinition,
  answers: Answers,
  conditions: ApplicationCondition[],
  invalidInput: InvalidInput[] = [],
): ApplicationChecklistItem[] {
  const held: ApplicationChecklistItem[] = invalidInput.flatMap((input) => {
    const place = placeOfInput(input.name);
    return place ? [{ kind: "invalidInput" as const, input, place }] : [];
  });
  const heldFields = new Set(invalidInput.map((input) => input.name));
  const heldConditions = new Set(held.flatMap((item) => (item.kind === "invalidInput" && "conditionIndex" in item.place ? [item.place.conditionIndex] : [])));
  const check = checkAnswers(definition, answers);
  const given = answers.eligibility ?? {};
  const eligibility: ApplicationChecklistItem[] = definition.eligibility
    .filter((question) => !Object.hasOwn(given, question.key) || check.refusals.includes(question.key))
    .map((question) => ({ kind: "eligibility", questionKey: question.key, problem: check.refusals.includes(question.key) ? "notEligible" : "unanswered" }));
  const fields: ApplicationChecklistItem[] = check.items
    .filter((item) => !heldFields.has(inputName.field(item.fieldKey)))
    .map((item) => ({ kind: "field", ...item }));
  const missingConditions: ApplicationChecklistItem[] = conditions
    .map((condition, index) => ({ condition, index }))
    .filter(({ condition, index }) => (!condition.answer || condition.answer.trim() === "") && !heldConditions.has(index))
    .map(({ index }) => ({ kind: "condition", index, problem: "missing" }));
  return [...eligibility, ...fields, ...held, ...missingConditions];
}

// ---------------------------------------------------------------------------------------------
// What changed meanwhile

export type AnswerDifference =
  | { kind: "eligibility"; key: string; theirs: boolean | undefined; yours: boolean | undefined }
  | { kind: "field"; key: string; theirs: AnswerValue | undefined; yours: AnswerValue | undefined }
  | { kind: "condition"; index: number; theirs: string; yours: string };

/** JSON with object keys sorted: stored answers come back from the database with their keys reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Field by field, where a stale save differs from what is stored now. Files are left out: they are
 * stored apart from the typed answers and never conflict.
 */
export function differencesBetween(
  definition: FormDefinition,
  theirs: { answers: Answers; conditionAnswers: string[] },
  yours: DraftInput,
): AnswerDifference[] {
  const differences: AnswerDifference[] = [];
  for (const question of definition.eligibility) {
    const stored = theirs.answers.eligibility?.[question.key];
    const sent = yours.answers.eligibility?.[question.key];
    if (stored !== sent) differences.push({ kind: "eligibility", key: question.key, theirs: stored, yours: sent });
  }
  if (yours.fieldsShown) {
    for (const field of fieldsOf(definition)) {
      if (field.type === "file") continue;
      const stored = stripLetters(theirs.answers.fields?.[field.key]);
      const sent = stripLetters(yours.answers.fields?.[field.key]);
      if (!sameValue(stored, sent)) differences.push({ kind: "field", key: field.key, theirs: stored, yours: sent });
    }
  }
  yours.conditionAnswers.forEach((sent, index) => {
    const stored = theirs.conditionAnswers[index] ?? "";
    if (stored !== sent) differences.push({ kind: "condition", index, theirs: stored, yours: sent });
  });
  return differences;
}

function stripLetters(value: AnswerValue | undefined): AnswerValue | undefined {
  if (!Array.isArray(value) || !value.every((item) => item && typeof item === "object")) return value;
  return (value as PartnerAnswer[]).map(({ letterFileId: _ignored, ...partner }) => partner);
}

// ---------------------------------------------------------------------------------------------
// The network page's forms

const networkId = z.string({ error: "error.required" }).min(1, "error.required").max(100);
/** The same address rules as sign-up, so an invited person logs in with the address they were invited at. */
const email = emailOnlySchema.shape.email;

export const networkProfileSchema = z.object({
  networkId,
  region: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "networkPage.error.tooLong"),
  description: z.string().trim().max(5000, "networkPage.error.tooLong").default(""),
  website: z
    .string()
    .trim()
    .max(300, "networkPage.error.tooLong")
    .regex(/^https?:\/\/[^\s]+$/i, "networkPage.error.website")
    .optional(),
});

export const networkPartnerSchema = z.object({
  networkId,
  partnerId: z.string().max(100).optional(),
  name: z.string({ error: "error.required" }).trim().min(1, "error.required").max(300, "networkPage.error.tooLong"),
  type: z.enum(partnerTypes, { error: "error.choose" }),
  roleInNetwork: z.string().trim().max(1000, "networkPage.error.tooLong").default(""),
  contactEmail: email.optional(),
});

export const partnerRemovalSchema = z.object({ networkId, partnerId: z.string().min(1).max(100) });

export const collaboratorInvitationSchema = z.object({
  networkId,
  name: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "networkPage.error.tooLong"),
  email,
});
