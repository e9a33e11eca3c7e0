import type { RankingBasis } from "~/generated/prisma/enums";
import { confidences, recommendations, recordOf, type Confidence, type Recommendation } from "~/forms/review-scores";
import { prisma } from "../db.server";
import { agreementOf } from "../review/review-progress.server";
import { estimateLeniency, standardiseByJuror, type ReviewTotal } from "./normalisation";

/**
 * The numbers behind a stage's ranking, its decisions and its exports: per application the raw mean
 * of the submitted reviews' weighted totals, both normalised scores, each criterion's mean, median
 * and spread, the jurors' recommendations and confidence; per juror the habits the normalisation
 * found. No permission check: callers prove the stage first (`managedStage`).
 *
 * Computed once per change and kept in memory: a cheap fingerprint of the stage's released
 * assignments and reviews is read on every call, and only a changed fingerprint recomputes. Several
 * app processes each keep their own copy, all keyed by what the database says.
 */

export interface CriterionSummary {
  mean: number;
  median: number;
  /** Highest minus lowest score. */
  spread: number;
}

export interface ApplicationScores {
  applicationId: string;
  reviewsSubmitted: number;
  reviewsAssigned: number;
  raw: number | null;
  standardised: number | null;
  leniency: number | null;
  criteria: Record<string, CriterionSummary | null>;
  spreadOfTotals: number | null;
  disagreement: boolean;
  recommendations: Record<Recommendation, number>;
  confidence: Record<Confidence, number>;
}

export interface JurorHabits {
  jurorId: string;
  name: string;
  reviews: number;
  mean: number;
  spread: number;
  standardised: boolean;
  /** Points this juror gives more (positive) or less than colleagues on the same applications. */
  offset: number;
}

export interface StageScores {
  stageId: string;
  scale: { min: number; max: number };
  disagreementThreshold: number;
  criteria: { id: string; position: number; titleDe: string; titleEn: string; weight: number }[];
  applications: Map<string, ApplicationScores>;
  jurors: JurorHabits[];
}

const cache = new Map<string, { fingerprint: string; scores: StageScores }>();
/** Enough for every stage a few managers work on at once; the oldest entry goes first. */
const CACHE_LIMIT = 64;

/** One statement: what changes when reviews, released assignments, the rubric or the threshold change. */
async function fingerprintOf(stageId: string): Promise<string> {
  const [row] = await prisma.$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws(':',
      (SELECT count(*) FROM "ReviewAssignment" a JOIN "Application" p ON p.id = a."applicationId" WHERE p."stageId" = ${stageId} AND a."releasedAt" IS NOT NULL),
      (SELECT max(a."releasedAt") FROM "ReviewAssignment" a JOIN "Application" p ON p.id = a."applicationId" WHERE p."stageId" = ${stageId}),
      (SELECT count(*) FROM "Review" r JOIN "ReviewAssignment" a ON a.id = r."assignmentId" JOIN "Application" p ON p.id = a."applicationId" WHERE p."stageId" = ${stageId} AND r.state = 'submitted'),
      (SELECT max(r."updatedAt") FROM "Review" r JOIN "ReviewAssignment" a ON a.id = r."assignmentId" JOIN "Application" p ON p.id = a."applicationId" WHERE p."stageId" = ${stageId}),
      (SELECT s."disagreementThreshold" FROM "CallStage" s WHERE s.id = ${stageId}),
      (SELECT string_agg(c.id || '=' || c.weight, ',' ORDER BY c.position) FROM "RubricCriterion" c JOIN "Rubric" b ON b.id = c."rubricId" WHERE b."stageId" = ${stageId}),
      (SELECT b."scaleMin" || '-' || b."scaleMax" FROM "Rubric" b WHERE b."stageId" = ${stageId})
    ) AS fingerprint`;
  return row?.fingerprint ?? "";
}

export async function loadStageScores(stageId: string): Promise<StageScores> {
  const fingerprint = await fingerprintOf(stageId);
  const cached = cache.get(stageId);
  if (cached?.fingerprint === fingerprint) return cached.scores;
  const scores = await computeStageScores(stageId);
  cache.delete(stageId);
  cache.set(stageId, { fingerprint, scores });
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return scores;
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summarise(values: number[]): CriterionSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { mean: values.reduce((sum, value) => sum + value, 0) / values.length, median: median(sorted), spread: sorted[sorted.length - 1]! - sorted[0]! };
}

const countsOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

async function computeStageScores(stageId: string): Promise<StageScores> {
  const [stage, assignments] = await Promise.all([
    prisma.callStage.findUniqueOrThrow({
      where: { id: stageId },
      select: {
        disagreementThreshold: true,
        rubric: { select: { scaleMin: true, scaleMax: true, criteria: { select: { id: true, position: true, titleDe: true, titleEn: true, weight: true }, orderBy: { position: "asc" } } } },
      },
    }),
    prisma.reviewAssignment.findMany({
      where: { application: { stageId }, releasedAt: { not: null } },
      select: {
        applicationId: true,
        jurorId: true,
        juror: { select: { name: true } },
        review: { select: { state: true, scores: true, weightedTotal: true, recommendation: true, confidence: true } },
      },
    }),
  ]);
  const scale = { min: stage.rubric?.scaleMin ?? 0, max: stage.rubric?.scaleMax ?? 10 };
  const criteria = stage.rubric?.criteria ?? [];
  const submitted = assignments.filter((assignment) => assignment.review?.state === "submitted" && assignment.review.weightedTotal !== null);
  const totals: ReviewTotal[] = submitted.map((assignment) => ({ applicationId: assignment.applicationId, jurorId: assignment.jurorId, total: assignment.review!.weightedTotal! }));
  const standardisation = standardiseByJuror(totals, scale);
  const leniency = estimateLeniency(totals, scale);

  const applications = new Map<string, ApplicationScores>();
  const criterionScores = new Map<string, Map<string, number[]>>();
  for (const assignment of assignments) {
    let entry = applications.get(assignment.applicationId);
    if (!entry) {
      entry = {
        applicationId: assignment.applicationId,
        reviewsSubmitted: 0,
        reviewsAssigned: 0,
        raw: null,
        standardised: standardisation.byApplication.get(assignment.applicationId) ?? null,
        leniency: leniency.quality.get(assignment.applicationId) ?? null,
        criteria: {},
        spreadOfTotals: null,
        disagreement: false,
        recommendations: countsOf(recommendations),
        confidence: countsOf(confidences),
      };
      applications.set(assignment.applicationId, entry);
      criterionScores.set(assignment.applicationId, new Map(criteria.map((criterion) => [criterion.id, []])));
    }
    entry.reviewsAssigned += 1;
    const review = assignment.review;
    if (review?.state !== "submitted" || review.weightedTotal === null) continue;
    entry.reviewsSubmitted += 1;
    if (review.recommendation) entry.recommendations[review.recommendation] += 1;
    if (review.confidence) entry.confidence[review.confidence] += 1;
    const scores = recordOf(review.scores, "number");
    for (const [criterionId, values] of criterionScores.get(assignment.applicationId)!) if (scores[criterionId] !== undefined) values.push(scores[criterionId]);
  }
  const totalsByApplication = new Map<string, number[]>();
  for (const review of totals) totalsByApplication.set(review.applicationId, [...(totalsByApplication.get(review.applicationId) ?? []), review.total]);
  for (const entry of applications.values()) {
    const agreement = agreementOf(totalsByApplication.get(entry.applicationId) ?? [], stage.disagreementThreshold);
    entry.raw = agreement.mean;
    entry.spreadOfTotals = agreement.spread;
    entry.disagreement = agreement.forDiscussion;
    entry.criteria = Object.fromEntries([...criterionScores.get(entry.applicationId)!].map(([criterionId, values]) => [criterionId, summarise(values)]));
  }

  const names = new Map(assignments.map((assignment) => [assignment.jurorId, assignment.juror.name]));
  const jurors = [...standardisation.jurors].map(([jurorId, habits]) => ({
    jurorId,
    name: names.get(jurorId) ?? "",
    reviews: habits.count,
    mean: habits.mean,
    spread: habits.spread,
    standardised: habits.standardised,
    offset: leniency.offsets.get(jurorId)?.offset ?? 0,
  }));
  jurors.sort((a, b) => a.name.localeCompare(b.name, "de"));
  return { stageId, scale, disagreementThreshold: stage.disagreementThreshold, criteria, applications, jurors };
}

const scoreOn = (scores: ApplicationScores, basis: RankingBasis) => (basis === "STANDARDISED" ? scores.standardised : basis === "LENIENCY" ? scores.leniency : scores.raw);

/**
 * Ranks on one basis: best first, equal scores share a rank ("1, 2, 2, 4"), applications without a
 * score come last without a rank. Ties are listed by raw mean, then by id, so the order is stable.
 */
export function rankBy(scores: StageScores, basis: RankingBasis): Map<string, { rank: number | null; score: number | null }> {
  const rows = [...scores.applications.values()].map((entry) => ({ id: entry.applicationId, score: scoreOn(entry, basis), raw: entry.raw ?? -Infinity }));
  rows.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || b.raw - a.raw || a.id.localeCompare(b.id));
  const ranks = new Map<string, { rank: number | null; score: number | null }>();
  rows.forEach((row, index) => {
    const previous = index > 0 ? rows[index - 1]! : null;
    const rank = row.score === null ? null : previous && previous.score === row.score ? ranks.get(previous.id)!.rank : index + 1;
    ranks.set(row.id, { rank, score: row.score });
  });
  return ranks;
}
