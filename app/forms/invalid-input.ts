import { z } from "zod";
import { formatEuros, formatNumber, type Locale, type Translate } from "~/i18n";
import type { FormField } from "./form-definition";

/**
 * Text a person typed that fails its input's rule ("zwölf" for a count, "-5" for euros): the draft
 * keeps it as typed beside the answers, with the rule it failed, so that one such input never stops
 * the others from being saved and nothing typed is lost on a reload. It is no answer: the field
 * stays unanswered, and the application cannot be submitted while any such input stands.
 */

export const invalidInputProblems = ["number", "amount", "date", "tooLong"] as const;
export type InvalidInputProblem = (typeof invalidInputProblems)[number];

/** The limits the message names: a number's range and whether it must be whole; euros in cents; a text's length. */
export const inputRule = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});
export type InputRule = z.infer<typeof inputRule>;

export const invalidInputItem = z.object({
  /** The input's name as the form posts it (`fields.pupils`, `fields.costs.lines[0].amount`). */
  name: z.string().min(1).max(300),
  raw: z.string(),
  problem: z.enum(invalidInputProblems),
  rule: inputRule.default({}),
});
export type InvalidInput = z.infer<typeof invalidInputItem>;

/** The invalid input stored with a draft; anything unreadable counts as none. */
export function invalidInputOf(json: unknown): InvalidInput[] {
  const parsed = z.array(invalidInputItem).safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** What a number field accepts, as its messages and hints name it. */
export function numberRuleOf(field: Extract<FormField, { type: "number" }>): InputRule {
  return { min: field.min, max: field.max, integer: field.integer };
}

/** "Bitte geben Sie eine ganze Zahl ab 0 ein.": the rule in words, the hint and the message alike. */
export function numberRuleText(rule: InputRule, t: Translate, locale: Locale): string {
  const min = rule.min === undefined ? undefined : formatNumber(locale, rule.min);
  const max = rule.max === undefined ? undefined : formatNumber(locale, rule.max);
  const kind = rule.integer ? "whole" : "decimal";
  if (min !== undefined && max !== undefined) return t(`invalidInput.${kind}.between`, { min, max });
  if (min !== undefined) return t(`invalidInput.${kind}.from`, { min });
  if (max !== undefined) return t(`invalidInput.${kind}.upTo`, { max });
  return t(`invalidInput.${kind}.any`);
}

/** The message under an input that holds invalid text, in the reader's language. */
export function invalidInputMessage(item: InvalidInput, t: Translate, locale: Locale): string {
  switch (item.problem) {
    case "number":
      return numberRuleText(item.rule, t, locale);
    case "amount":
      return item.rule.max === undefined ? t("invalidInput.amount.from0") : t("invalidInput.amount.upTo", { max: formatEuros(locale, item.rule.max) });
    case "date":
      return t("applications.error.invalidDate");
    case "tooLong":
      return t("applications.error.tooLong", { max: item.rule.max ?? 0 });
  }
}

/** Messages by input name, as the inputs show them. */
export function invalidInputErrors(items: InvalidInput[], t: Translate, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(items.map((item) => [item.name, [invalidInputMessage(item, t, locale)]]));
}

/** Where an input name points: a field of the form (any of its parts) or a condition's answer. */
export function placeOfInput(name: string): { fieldKey: string } | { conditionIndex: number } | null {
  const field = /^fields\.([a-z][a-zA-Z0-9_]*)/.exec(name);
  if (field) return { fieldKey: field[1]! };
  const condition = /^conditions\[(\d+)\]$/.exec(name);
  return condition ? { conditionIndex: Number(condition[1]) } : null;
}

/** Two lists hold the same input: a save that changes neither answers nor these need not be written. */
export function sameInvalidInput(a: InvalidInput[], b: InvalidInput[]): boolean {
  const key = (items: InvalidInput[]) => JSON.stringify([...items].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)).map((item) => [item.name, item.raw, item.problem]));
  return key(a) === key(b);
}

/** Long text is cut for the checklist, which only has to say which input it means. */
export function shortenedInput(raw: string, length = 40): string {
  const single = raw.replace(/\s+/g, " ").trim();
  return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}
