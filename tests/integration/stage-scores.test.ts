import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { loadStageScores, rankBy } from "../../app/server/ranking/stage-scores.server";
import { createReviewWorld } from "../support/review-world";

describe("a stage's scores", () => {
  it("summarises the submitted reviews of released assignments per application and per criterion", async () => {
    const world = await createReviewWorld();
    const scores = await loadStageScores(world.stageId);
    const [first, second] = world.applications.map((application) => scores.applications.get(application.id)!);
    // Application 0: 8.0 and 3.0 submitted, one in progress. Spread 5 is above the threshold of 3.
    expect(first).toMatchObject({ reviewsSubmitted: 2, reviewsAssigned: 3, raw: 5.5, spreadOfTotals: 5, disagreement: true, recommendations: { FUND: 1, DO_NOT_FUND: 1, FUND_WITH_CHANGES: 0 }, confidence: { HIGH: 2 } });
    expect(Object.values(first!.criteria)).toEqual([
      { mean: 5.5, median: 5.5, spread: 5 },
      { mean: 5.5, median: 5.5, spread: 5 },
    ]);
    // Application 1: nothing submitted (not begun, abstained); its unreleased assignment does not count.
    expect(second).toMatchObject({ reviewsSubmitted: 0, reviewsAssigned: 2, raw: null, standardised: null, leniency: null, disagreement: false });
    expect(scores.scale).toEqual({ min: 0, max: 10 });
    expect(scores.criteria.map((criterion) => criterion.weight)).toEqual([60, 40]);
    // One review from each of two jurors is too few to standardise: the raw totals stand.
    expect(scores.jurors.map((juror) => [juror.name, juror.reviews, juror.standardised])).toEqual([
      ["Juror K", 1, false],
      ["Juror L", 1, false],
    ]);
    expect(first!.standardised).toBe(5.5);
  });

  it("is computed again only when the reviews change", async () => {
    const world = await createReviewWorld();
    const before = await loadStageScores(world.stageId);
    expect(await loadStageScores(world.stageId)).toBe(before);
    const assignmentId = world.assignments.get("0:2")!;
    const rubric = before.criteria.map((criterion) => criterion.id);
    await prisma.review.update({ where: { assignmentId }, data: { state: "submitted", weightedTotal: 6.5, scores: { [rubric[0]!]: 6, [rubric[1]!]: 7 }, recommendation: "FUND_WITH_CHANGES", confidence: "LOW" } });
    const after = await loadStageScores(world.stageId);
    expect(after).not.toBe(before);
    const first = after.applications.get(world.applications[0]!.id)!;
    expect(first).toMatchObject({ reviewsSubmitted: 3, raw: (8 + 3 + 6.5) / 3, recommendations: { FUND_WITH_CHANGES: 1 }, confidence: { LOW: 1, HIGH: 2 } });
    expect(first.criteria[rubric[0]!]).toEqual({ mean: (8 + 3 + 6) / 3, median: 6, spread: 5 });
    // A changed threshold changes the flag without any review changing.
    await prisma.callStage.update({ where: { id: world.stageId }, data: { disagreementThreshold: 6 } });
    expect((await loadStageScores(world.stageId)).applications.get(world.applications[0]!.id)!.disagreement).toBe(false);
  });
});

describe("ranking on a basis", () => {
  const scoresOf = (entries: [string, number | null, number | null][]) =>
    ({
      applications: new Map(entries.map(([id, raw, leniency]) => [id, { applicationId: id, raw, standardised: raw, leniency }])),
    }) as unknown as Parameters<typeof rankBy>[0];

  it("ranks best first, lets equal scores share a rank and puts unscored applications last without one", () => {
    const ranks = rankBy(scoresOf([["a", 7, 6], ["b", 9, 5], ["c", 7, 8], ["d", null, null], ["e", 3, 2]]), "RAW");
    expect([...ranks].map(([id, { rank }]) => [id, rank])).toEqual([["b", 1], ["a", 2], ["c", 2], ["e", 4], ["d", null]]);
    const byLeniency = rankBy(scoresOf([["a", 7, 6], ["b", 9, 5], ["c", 7, 8]]), "LENIENCY");
    expect([...byLeniency].map(([id, { rank, score }]) => [id, rank, score])).toEqual([["c", 1, 8], ["a", 2, 6], ["b", 3, 5]]);
  });
});
