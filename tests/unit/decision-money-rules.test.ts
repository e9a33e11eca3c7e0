import { describe, expect, it } from "vitest";
import { amountProblem, budgetSummary, exceedsBudget, isException, sumAfter } from "../../app/server/decisions/money-rules";

const euros = (value: number) => BigInt(value) * 100n;
// MINT-Cluster: 500,000 € each, up to 1,000,000 € in single cases.
const cluster = { maxAwardCents: euros(500_000), exceptionMaxCents: euros(1_000_000) };

describe("the amount of one award", () => {
  it("is fine up to the maximum, also without a justification", () => {
    expect(amountProblem(euros(500_000), cluster, "")).toBeNull();
    expect(amountProblem(1n, cluster, "")).toBeNull();
    expect(isException(euros(500_000), cluster)).toBe(false);
  });

  it("needs a written justification above the maximum, up to the exception limit", () => {
    expect(isException(euros(500_000) + 1n, cluster)).toBe(true);
    expect(amountProblem(euros(500_000) + 1n, cluster, "")).toBe("justificationRequired");
    expect(amountProblem(euros(750_000), cluster, "   ")).toBe("justificationRequired");
    expect(amountProblem(euros(1_000_000), cluster, "Drei Landkreise, doppelte Zielgruppe")).toBeNull();
  });

  it("is refused above the exception limit, justified or not", () => {
    expect(amountProblem(euros(1_000_000) + 1n, cluster, "Begründung")).toBe("overExceptionLimit");
  });

  it("ends at the maximum when the call allows no exceptions", () => {
    expect(amountProblem(euros(500_001), { maxAwardCents: euros(500_000), exceptionMaxCents: null }, "Begründung")).toBe("overMaximum");
    expect(amountProblem(euros(500_001), { maxAwardCents: euros(500_000), exceptionMaxCents: euros(500_000) }, "Begründung")).toBe("overMaximum");
  });

  it("has no limit when the call names no maximum", () => {
    expect(amountProblem(euros(5_000_000), { maxAwardCents: null, exceptionMaxCents: null }, "")).toBeNull();
  });
});

describe("the budget", () => {
  it("adds the new amounts to the other current awards", () => {
    expect(sumAfter(euros(14_500_000), [euros(500_000), euros(500_000)])).toBe(euros(15_500_000));
    expect(sumAfter(0n, [])).toBe(0n);
  });

  it("is exceeded only above the budget, and never without one", () => {
    expect(exceedsBudget(euros(15_000_000), euros(15_000_000))).toBe(false);
    expect(exceedsBudget(euros(15_000_000) + 1n, euros(15_000_000))).toBe(true);
    expect(exceedsBudget(euros(99_000_000), null)).toBe(false);
  });

  it("shows what is left, negative when over", () => {
    expect(budgetSummary(euros(14_000_000), euros(15_000_000))).toEqual({ awardedCents: "1400000000", budgetCents: "1500000000", remainingCents: "100000000", over: false });
    expect(budgetSummary(euros(16_000_000), euros(15_000_000))).toMatchObject({ remainingCents: "-100000000", over: true });
    expect(budgetSummary(5n, null)).toEqual({ awardedCents: "5", budgetCents: null, remainingCents: null, over: false });
  });
});
