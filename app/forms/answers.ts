import { z } from "zod";
import { fieldsOf, type FormDefinition, type FormField } from "./form-definition";

/**
 * What an application's `answers` JSON holds: one value per field key, plus the answers to the
 * eligibility questions. Drafts may be incomplete; `checkAnswers` lists what is still missing or wrong.
 */
export const partnerTypes = [
  "KITA",
  "SCHOOL",
  "UNIVERSITY",
  "COMPANY",
  "MUNICIPALITY",
  "ASSOCIATION",
  "FOUNDATION",
  "CHAMBER",
  "RESEARCH_INSTITUTE",
  "STUDENT_LAB",
  "OTHER",
] as const;

export const partnerAnswer = z.object({
  name: z.string().trim().max(300),
  type: z.enum(partnerTypes),
  role: z.string().trim().max(1000).default(""),
  /** StoredFile id of the letter of intent. */
  letterFileId: z.string().optional(),
});
export type PartnerAnswer = z.infer<typeof partnerAnswer>;

export const budgetLine = z.object({
  category: z.string(),
  year: z.number().int(),
  description: z.string().trim().max(500).default(""),
  amountCents: z.number().int().min(0).max(100_000_000_000),
});
export const budgetAnswer = z.object({
  lines: z.array(budgetLine).max(500),
  ownContributionCents: z.number().int().min(0).max(100_000_000_000),
});
export type BudgetAnswer = z.infer<typeof budgetAnswer>;

export type AnswerValue = string | number | boolean | string[] | PartnerAnswer[] | BudgetAnswer | null;
export interface Answers {
  eligibility?: Record<string, boolean>;
  fields?: Record<string, AnswerValue>;
}

export type Problem =
  | "missing"
  | "tooLong"
  | "notANumber"
  | "belowMinimum"
  | "aboveMaximum"
  | "invalidDate"
  | "unknownOption"
  | "tooManyFiles"
  | "letterMissing"
  | "ownContributionTooLow"
  | "budgetCategoryUnknown";

export interface ChecklistItem {
  fieldKey: string;
  sectionKey: string;
  problem: Problem;
  /** Numbers the message needs (the limit, the count). */
  detail?: Record<string, number>;
}

export interface AnswerCheck {
  /** null while an eligibility question is unanswered, false when one got the wrong answer. */
  eligible: boolean | null;
  /** The eligibility questions whose answer excludes the network. */
  refusals: string[];
  items: ChecklistItem[];
}

export function budgetTotals(budget: BudgetAnswer) {
  const totalCents = budget.lines.reduce((sum, line) => sum + line.amountCents, 0);
  const byYear = new Map<number, number>();
  const byCategory = new Map<string, number>();
  for (const line of budget.lines) {
    byYear.set(line.year, (byYear.get(line.year) ?? 0) + line.amountCents);
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + line.amountCents);
  }
  return { totalCents, byYear, byCategory, requestedCents: Math.max(0, totalCents - budget.ownContributionCents) };
}

function isEmpty(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return value.lines.length === 0;
  return false;
}

function problemsOf(field: FormField, value: AnswerValue | undefined): Omit<ChecklistItem, "sectionKey">[] {
  const fieldKey = field.key;
  if (isEmpty(value)) return field.required ? [{ fieldKey, problem: "missing" }] : [];
  switch (field.type) {
    case "shortText":
    case "longText":
      return typeof value === "string" && value.length > field.maxLength ? [{ fieldKey, problem: "tooLong", detail: { max: field.maxLength } }] : [];
    case "number":
    case "amount": {
      if (typeof value !== "number" || !Number.isFinite(value) || ((field.type === "amount" || field.integer) && !Number.isInteger(value))) {
        return [{ fieldKey, problem: "notANumber" }];
      }
      const min = field.type === "number" ? field.min : 0;
      const max = field.type === "number" ? field.max : field.maxCents;
      if (min !== undefined && value < min) return [{ fieldKey, problem: "belowMinimum", detail: { min } }];
      if (max !== undefined && value > max) return [{ fieldKey, problem: "aboveMaximum", detail: { max } }];
      return [];
    }
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? []
        : [{ fieldKey, problem: "invalidDate" }];
    case "singleChoice":
      return field.options.some((option) => option.value === value) ? [] : [{ fieldKey, problem: "unknownOption" }];
    case "multipleChoice":
      return Array.isArray(value) && value.every((item) => typeof item === "string" && field.options.some((option) => option.value === item))
        ? []
        : [{ fieldKey, problem: "unknownOption" }];
    case "yesNo":
      return typeof value === "boolean" ? [] : [{ fieldKey, problem: "missing" }];
    case "file":
      return Array.isArray(value) && value.length > field.maxFiles ? [{ fieldKey, problem: "tooManyFiles", detail: { max: field.maxFiles } }] : [];
    case "partners": {
      const partners = value as PartnerAnswer[];
      const problems: Omit<ChecklistItem, "sectionKey">[] = [];
      if (partners.some((partner) => partner.name === "")) problems.push({ fieldKey, problem: "missing" });
      const withoutLetter = partners.filter((partner) => !partner.letterFileId).length;
      if (field.requireLetterOfIntent && withoutLetter > 0) problems.push({ fieldKey, problem: "letterMissing", detail: { count: withoutLetter } });
      return problems;
    }
    case "budget": {
      const budget = value as BudgetAnswer;
      if (budget.lines.some((line) => !field.categories.some((category) => category.value === line.category) || !field.years.includes(line.year))) {
        return [{ fieldKey, problem: "budgetCategoryUnknown" }];
      }
      const { totalCents } = budgetTotals(budget);
      const minimum = Math.ceil((totalCents * field.minOwnContributionPercent) / 100);
      return budget.ownContributionCents < minimum ? [{ fieldKey, problem: "ownContributionTooLow", detail: { min: minimum } }] : [];
    }
  }
}

/** Everything still missing or wrong, section by section, and whether the network may apply at all. */
export function checkAnswers(definition: FormDefinition, answers: Answers): AnswerCheck {
  const given = answers.eligibility ?? {};
  const refusals = definition.eligibility.filter((question) => key(given, question.key) !== undefined && given[question.key] !== question.requiredAnswer);
  const unanswered = definition.eligibility.some((question) => key(given, question.key) === undefined);
  const eligible = refusals.length > 0 ? false : unanswered ? null : true;
  const values = answers.fields ?? {};
  const items = definition.sections.flatMap((section) =>
    section.fields.flatMap((field) => problemsOf(field, values[field.key]).map((item) => ({ ...item, sectionKey: section.key }))),
  );
  return { eligible, refusals: refusals.map((question) => question.key), items };
}

function key(record: Record<string, boolean>, name: string): boolean | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** Answers of an earlier stage carried into the next stage's form: same key and type, value kept. */
export function carryOverAnswers(from: { definition: FormDefinition; answers: Answers }, to: FormDefinition): Answers {
  const previousTypes = new Map(fieldsOf(from.definition).map((field) => [field.key, field.type]));
  const fields: Record<string, AnswerValue> = {};
  for (const field of fieldsOf(to)) {
    const value = from.answers.fields?.[field.key];
    if (value !== undefined && previousTypes.get(field.key) === field.type) fields[field.key] = value;
  }
  return { eligibility: {}, fields };
}
