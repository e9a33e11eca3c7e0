import { describe, expect, it } from "vitest";
import { estimateLeniency, standardiseByJuror, type ReviewTotal } from "../../app/server/ranking/normalisation";

const scale = { min: 0, max: 10 };
const review = (applicationId: string, jurorId: string, total: number): ReviewTotal => ({ applicationId, jurorId, total });

describe("standardisation by juror", () => {
  it("maps two jurors with different habits onto the same scores (computed by hand)", () => {
    // Juror 1 gives 2, 4, 6 (mean 4, spread √(8/3)); juror 2 gives 5, 6, 7 (mean 6, spread √(2/3)).
    // All six totals: mean 5, spread √(16/6). Both jurors' z-scores are −1.2247, 0, +1.2247, which map to 3, 5, 7.
    const reviews = [review("A", "j1", 2), review("B", "j1", 4), review("C", "j1", 6), review("A", "j2", 5), review("B", "j2", 6), review("C", "j2", 7)];
    const { byApplication, jurors } = standardiseByJuror(reviews, scale);
    expect(byApplication.get("A")).toBeCloseTo(3, 10);
    expect(byApplication.get("B")).toBeCloseTo(5, 10);
    expect(byApplication.get("C")).toBeCloseTo(7, 10);
    expect(jurors.get("j1")).toMatchObject({ count: 3, mean: 4, standardised: true });
    expect(jurors.get("j1")!.spread).toBeCloseTo(Math.sqrt(8 / 3), 10);
    expect(jurors.get("j2")!.spread).toBeCloseTo(Math.sqrt(2 / 3), 10);
  });

  it("lets the raw totals stand for a juror below the minimum or without any spread", () => {
    // j3 has two reviews (below three), j4 gave the same total three times.
    const reviews = [
      ...[2, 4, 6].map((total, index) => review(`A${index}`, "j1", total)),
      review("A0", "j3", 9),
      review("A1", "j3", 1),
      ...["A0", "A1", "A2"].map((applicationId) => review(applicationId, "j4", 5)),
    ];
    const { byApplication, jurors } = standardiseByJuror(reviews, scale);
    expect(jurors.get("j3")).toMatchObject({ count: 2, standardised: false });
    expect(jurors.get("j4")).toMatchObject({ count: 3, spread: 0, standardised: false });
    // A2: j1's 6 is rescaled (z = +1.2247 onto the totals' mean 4.7778 and spread 2.0972), j4's 5 stands.
    const allTotals = [2, 4, 6, 9, 1, 5, 5, 5];
    const overallMean = allTotals.reduce((sum, total) => sum + total, 0) / allTotals.length;
    const overallSpread = Math.sqrt(allTotals.reduce((sum, total) => sum + (total - overallMean) ** 2, 0) / allTotals.length);
    expect(byApplication.get("A2")).toBeCloseTo((overallMean + Math.sqrt(1.5) * overallSpread + 5) / 2, 10);
  });

  it("keeps rescaled totals on the scale", () => {
    const reviews = [review("A", "j1", 0), review("B", "j1", 0), review("C", "j1", 10), review("A", "j2", 10), review("B", "j2", 10), review("C", "j2", 10)];
    const { byApplication } = standardiseByJuror(reviews, scale);
    for (const value of byApplication.values()) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(10);
    }
  });

  it("gives nothing for no reviews", () => {
    expect(standardiseByJuror([], scale).byApplication.size).toBe(0);
  });
});

describe("the leniency model", () => {
  it("recovers the applications' quality and shrinks the offsets by n/(n + ridge) in a complete design (by hand)", () => {
    // Quality 8, 6, 4; juror 1 gives one point more, juror 2 one less, juror 3 neither. With three
    // reviews each and ridge 1, the offsets come out as 3/4 of the truth; the qualities exactly.
    const quality = { A: 8, B: 6, C: 4 };
    const offset = { j1: 1, j2: -1, j3: 0 };
    const reviews = Object.entries(quality).flatMap(([applicationId, q]) => Object.entries(offset).map(([jurorId, b]) => review(applicationId, jurorId, q + b)));
    const fit = estimateLeniency(reviews, scale, { ridge: 1 });
    expect(fit.quality.get("A")).toBeCloseTo(8, 6);
    expect(fit.quality.get("B")).toBeCloseTo(6, 6);
    expect(fit.quality.get("C")).toBeCloseTo(4, 6);
    expect(fit.offsets.get("j1")).toMatchObject({ reviews: 3 });
    expect(fit.offsets.get("j1")!.offset).toBeCloseTo(0.75, 6);
    expect(fit.offsets.get("j2")!.offset).toBeCloseTo(-0.75, 6);
    expect(fit.offsets.get("j3")!.offset).toBeCloseTo(0, 6);
  });

  it("solves the two-by-two case of the decision record: offsets ±2/(2 + ridge), quality 7 and 5", () => {
    const reviews = [review("A", "j1", 8), review("A", "j2", 6), review("B", "j1", 6), review("B", "j2", 4)];
    for (const ridge of [0.5, 1, 4]) {
      const fit = estimateLeniency(reviews, scale, { ridge });
      expect(fit.offsets.get("j1")!.offset).toBeCloseTo(2 / (2 + ridge), 6);
      expect(fit.offsets.get("j2")!.offset).toBeCloseTo(-2 / (2 + ridge), 6);
      expect(fit.quality.get("A")).toBeCloseTo(7, 6);
      expect(fit.quality.get("B")).toBeCloseTo(5, 6);
    }
  });

  it("does not take a juror who got only a strong application for a lenient one", () => {
    // j3 reviewed only A, the strong one, and agreed with the others: a naive "juror mean minus mean
    // of all" would call j3 2.4 points too kind; the model sees no offset at all.
    const reviews = [review("A", "j1", 8), review("A", "j2", 8), review("B", "j1", 4), review("B", "j2", 4), review("A", "j3", 8)];
    const fit = estimateLeniency(reviews, scale);
    expect(fit.offsets.get("j3")!.offset).toBeCloseTo(0, 6);
    expect(fit.quality.get("A")).toBeCloseTo(8, 6);
    expect(fit.quality.get("B")).toBeCloseTo(4, 6);
  });

  it("converges for two groups of jurors who never share an application", () => {
    // Group 1 (j1, j2) and group 2 (j3, j4) each review their own applications; group 2 is two points kinder.
    const reviews = [
      ...["A", "B"].flatMap((applicationId, index) => ["j1", "j2"].map((jurorId) => review(applicationId, jurorId, 5 + index))),
      ...["C", "D"].flatMap((applicationId, index) => ["j3", "j4"].map((jurorId) => review(applicationId, jurorId, 9 + index))),
    ];
    const fit = estimateLeniency(reviews, scale);
    // Without overlap the data cannot tell kindness from quality; the ridge keeps every offset at 0.
    for (const jurorId of ["j1", "j2", "j3", "j4"]) expect(fit.offsets.get(jurorId)!.offset).toBeCloseTo(0, 6);
    expect(fit.quality.get("D")).toBe(10);
  });
});
