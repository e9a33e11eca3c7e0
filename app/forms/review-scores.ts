import { z } from "zod";

/**
 * A juror's review as the review form sends it, and what follows from it: the weighted total and
 * what is still missing before it can be submitted. Shared by the server (which stores and checks)
 * and the page (which shows the total while the juror scores).
 */

export const recommendations = ["FUND", "FUND_WITH_CHANGES", "DO_NOT_FUND"] as const;
export const confidences = ["LOW", "MEDIUM", "HIGH"] as const;
export type Recommendation = (typeof recommendations)[number];
export type Confidence = (typeof confidences)[number];

export interface RubricScale {
  scaleMin: number;
  scaleMax: number;
  criteria: { id: string; weight: number }[];
}

export const COMMENT_MAX_LENGTH = 10_000;

/** Form names: one score and one comment per criterion, named by the criterion's id. */
export const scoreName = (criterionId: string) => `score-${criterionId}`;
export const criterionCommentName = (criterionId: string) => `comment-${criterionId}`;

const comment = z.string().trim().max(COMMENT_MAX_LENGTH, "reviewJuror.error.commentTooLong").default("");

/** The review form of one rubric: a whole score on its scale (or none yet) and a comment per criterion. */
export function reviewDraftSchema(rubric: RubricScale) {
  const score = z
    .number({ error: "reviewJuror.error.score" })
    .int("reviewJuror.error.score")
    .min(rubric.scaleMin, "reviewJuror.error.score")
    .max(rubric.scaleMax, "reviewJuror.error.score")
    .optional();
  const perCriterion = Object.fromEntries(rubric.criteria.flatMap((criterion) => [[scoreName(criterion.id), score] as const, [criterionCommentName(criterion.id), comment] as const]));
  return z.object({
    ...perCriterion,
    comment,
    recommendation: z.enum(recommendations, { error: "reviewJuror.error.choice" }).optional(),
    confidence: z.enum(confidences, { error: "reviewJuror.error.choice" }).optional(),
  });
}

/** Abstaining needs a reason: the manager reads it when finding another reviewer. */
export const abstainSchema = z.object({
  reason: z.string({ error: "reviewJuror.error.reasonRequired" }).trim().min(1, "reviewJuror.error.reasonRequired").max(2000, "reviewJuror.error.commentTooLong"),
});

export interface ReviewDraft {
  scores: Record<string, number>;
  criterionComments: Record<string, string>;
  comment: string;
  recommendation: Recommendation | null;
  confidence: Confidence | null;
}

/** The parsed form as the Review row's draft columns. */
export function draftFromForm(rubric: RubricScale, value: Record<string, unknown>): ReviewDraft {
  const scores: Record<string, number> = {};
  const criterionComments: Record<string, string> = {};
  for (const criterion of rubric.criteria) {
    const score = value[scoreName(criterion.id)];
    if (typeof score === "number") scores[criterion.id] = score;
    const text = value[criterionCommentName(criterion.id)];
    if (typeof text === "string" && text !== "") criterionComments[criterion.id] = text;
  }
  return {
    scores,
    criterionComments,
    comment: typeof value.comment === "string" ? value.comment : "",
    recommendation: (value.recommendation as Recommendation | undefined) ?? null,
    confidence: (value.confidence as Confidence | undefined) ?? null,
  };
}

/** Stored JSON (criterion id → value) read back, keeping only entries of the expected type. */
export function recordOf<T extends "number" | "string">(json: unknown, type: T): Record<string, T extends "number" ? number : string> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter(([, value]) => typeof value === type)) as Record<string, T extends "number" ? number : string>;
}

/**
 * Σ score × weight / 100 over the scored criteria: on the rubric's scale once every criterion is
 * scored (the weights add up to 100), rounded to two decimals. Null while nothing is scored.
 */
export function weightedTotal(rubric: RubricScale, scores: Record<string, number>): number | null {
  const scored = rubric.criteria.filter((criterion) => scores[criterion.id] !== undefined);
  if (scored.length === 0) return null;
  const total = scored.reduce((sum, criterion) => sum + (scores[criterion.id]! * criterion.weight) / 100, 0);
  return Math.round(total * 100) / 100;
}

export type MissingItem = { kind: "score"; criterionId: string } | { kind: "recommendation" } | { kind: "confidence" };

/** What the review still needs before it can be submitted, in the order the form asks for it. */
export function missingItems(rubric: RubricScale, draft: Pick<ReviewDraft, "scores" | "recommendation" | "confidence">): MissingItem[] {
  const missing: MissingItem[] = rubric.criteria.filter((criterion) => draft.scores[criterion.id] === undefined).map((criterion) => ({ kind: "score", criterionId: criterion.id }));
  if (!draft.recommendation) missing.push({ kind: "recommendation" });
  if (!draft.confidence) missing.push({ kind: "confidence" });
  return missing;
}

/** The points a scale's words describe: its lowest, its middle (rounded down) and its highest. */
export function scaleAnchors(rubric: Pick<RubricScale, "scaleMin" | "scaleMax">): { low: number; middle: number; high: number } {
  return { low: rubric.scaleMin, middle: Math.floor((rubric.scaleMin + rubric.scaleMax) / 2), high: rubric.scaleMax };
}

/** What the review page's action answers, when it does not redirect. */
export type ReviewOutcome =
  | { kind: "saved"; weightedTotal: number | null }
  | { kind: "invalid"; form: "review" | "abstain"; values: Record<string, unknown>; errors: Record<string, string[] | null> }
  | { kind: "refused"; message: string; missing: MissingItem[] }
  | { kind: "confirm"; step: "submit" | "abstain"; reason?: string };
