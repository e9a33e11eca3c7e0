import { budgetAnswer, budgetTotals, type Answers } from "./answers";
import { fieldsOf, type FormDefinition } from "./form-definition";

/**
 * The amount an application asks for, in cents, read from its answers (docs/decisions/
 * 010-what-managers-see-of-applications.md): a form with budget tables asks for their totals less the own
 * contribution, summed over its budget fields; a form without one but with exactly one amount field
 * asks for that amount. Anything else (no such field, several amount fields, nothing answered yet)
 * gives null: the list shows no figure rather than a guessed one.
 */
export function requestedAmountCents(definition: FormDefinition, answers: Answers): number | null {
  const fields = fieldsOf(definition);
  const values = answers.fields ?? {};
  const budgets = fields.filter((field) => field.type === "budget");
  if (budgets.length > 0) {
    const answered = budgets.flatMap((field) => {
      const parsed = budgetAnswer.safeParse(values[field.key]);
      return parsed.success && parsed.data.lines.length > 0 ? [budgetTotals(parsed.data).requestedCents] : [];
    });
    return answered.length > 0 ? answered.reduce((sum, cents) => sum + cents, 0) : null;
  }
  const amounts = fields.filter((field) => field.type === "amount");
  if (amounts.length !== 1) return null;
  const value = values[amounts[0]!.key];
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}
