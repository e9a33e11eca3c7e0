/**
 * The money rules of awards, pure so they are tested on plain figures: an award may not exceed the
 * call's maximum, except up to the call's exception limit with a written justification; the sum of
 * awarded amounts may go above the call's budget only when the manager confirms it. Amounts are
 * cents as BigInt, as the database keeps them.
 */

export interface AwardLimits {
  /** The call's maximum per award; null: no maximum. */
  maxAwardCents: bigint | null;
  /** Above the maximum up to this with a justification; null: no exceptions. */
  exceptionMaxCents: bigint | null;
}

export type AmountProblem = "overExceptionLimit" | "overMaximum" | "justificationRequired";

/** Whether an amount needs the written justification of an exception. */
export function isException(amountCents: bigint, limits: AwardLimits): boolean {
  return limits.maxAwardCents !== null && amountCents > limits.maxAwardCents;
}

/** What stands against one award amount, if anything. */
export function amountProblem(amountCents: bigint, limits: AwardLimits, justification: string): AmountProblem | null {
  if (!isException(amountCents, limits)) return null;
  // Without an exception limit the maximum is the end of it.
  if (limits.exceptionMaxCents === null || limits.exceptionMaxCents <= limits.maxAwardCents!) return "overMaximum";
  if (amountCents > limits.exceptionMaxCents) return "overExceptionLimit";
  return justification.trim() === "" ? "justificationRequired" : null;
}

/**
 * The awarded sum once some applications are decided with new amounts: `othersCents` is the sum of
 * every other current award (the decided applications' own earlier awards left out, since the new
 * decisions replace them), `newCents` the amounts decided now.
 */
export function sumAfter(othersCents: bigint, newCents: readonly bigint[]): bigint {
  return newCents.reduce((sum, amount) => sum + amount, othersCents);
}

/** A sum above the call's budget (no budget: never). */
export function exceedsBudget(sumCents: bigint, budgetCents: bigint | null): boolean {
  return budgetCents !== null && sumCents > budgetCents;
}

/** What the budget bar shows: the sum awarded, the budget and what is left (negative when over). */
export function budgetSummary(awardedCents: bigint, budgetCents: bigint | null) {
  return {
    awardedCents: awardedCents.toString(),
    budgetCents: budgetCents?.toString() ?? null,
    remainingCents: budgetCents === null ? null : (budgetCents - awardedCents).toString(),
    over: exceedsBudget(awardedCents, budgetCents),
  };
}
export type BudgetSummary = ReturnType<typeof budgetSummary>;
