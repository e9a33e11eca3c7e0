/**
 * Two ways to take the juror out of a score, beside the raw mean (decision 017). Pure: the same
 * reviews always give the same numbers, and the ranking computes them once per change of the reviews.
 *
 * 1. Standardisation: each juror's totals are rescaled by that juror's own mean and spread and mapped
 *    back onto the scale with the mean and spread of all totals. A juror with too few reviews, or who
 *    gave every application the same total, has no spread to rescale by: their raw totals stand.
 * 2. Leniency model: total = quality of the application + offset of the juror + noise, both estimated
 *    together by least squares with a ridge penalty on the offsets. Because quality is estimated at the
 *    same time, a juror who happened to get strong applications is not taken for a lenient one.
 */

export interface ReviewTotal {
  applicationId: string;
  jurorId: string;
  total: number;
}

export interface Scale {
  min: number;
  max: number;
}

/** Below this many reviews a juror's own mean and spread say too little to rescale by. */
export const MIN_REVIEWS_FOR_STANDARDISATION = 3;

/**
 * The ridge penalty on the offsets, in reviews: a juror's offset counts as if they had given this many
 * more reviews at offset 0. It keeps a juror with one or two reviews close to 0 and makes the
 * solution unique when the jurors fall into groups that never review the same applications.
 */
export const DEFAULT_RIDGE = 1;

export interface JurorStandardisation {
  count: number;
  mean: number;
  /** Standard deviation of the juror's totals (population). */
  spread: number;
  standardised: boolean;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const spreadOf = (values: number[], centre: number) => Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / values.length);
const clamp = (value: number, scale: Scale) => Math.min(scale.max, Math.max(scale.min, value));

function groupBy<K>(reviews: ReviewTotal[], key: (review: ReviewTotal) => K): Map<K, ReviewTotal[]> {
  const groups = new Map<K, ReviewTotal[]>();
  for (const review of reviews) {
    const group = groups.get(key(review));
    if (group) group.push(review);
    else groups.set(key(review), [review]);
  }
  return groups;
}

export function standardiseByJuror(reviews: ReviewTotal[], scale: Scale, minReviews = MIN_REVIEWS_FOR_STANDARDISATION) {
  const jurors = new Map<string, JurorStandardisation>();
  const byApplication = new Map<string, number>();
  if (reviews.length === 0) return { byApplication, jurors };
  const allTotals = reviews.map((review) => review.total);
  const overallMean = mean(allTotals);
  const overallSpread = spreadOf(allTotals, overallMean);
  for (const [jurorId, own] of groupBy(reviews, (review) => review.jurorId)) {
    const totals = own.map((review) => review.total);
    const jurorMean = mean(totals);
    const spread = spreadOf(totals, jurorMean);
    jurors.set(jurorId, { count: totals.length, mean: jurorMean, spread, standardised: totals.length >= minReviews && spread > 1e-9 });
  }
  const rescaled = (review: ReviewTotal) => {
    const juror = jurors.get(review.jurorId)!;
    if (!juror.standardised) return review.total;
    return clamp(overallMean + ((review.total - juror.mean) / juror.spread) * overallSpread, scale);
  };
  for (const [applicationId, own] of groupBy(reviews, (review) => review.applicationId)) byApplication.set(applicationId, mean(own.map(rescaled)));
  return { byApplication, jurors };
}

/**
 * Minimises Σ (total − quality[application] − offset[juror])² + ridge · Σ offset² by exact block
 * updates: all qualities given the offsets, then all offsets given the qualities. Each step lowers the
 * (strictly convex) sum, so the loop converges; it stops when no offset moves by more than `tolerance`.
 * Qualities are clamped onto the scale only for display; the fit uses them unclamped.
 */
export function estimateLeniency(reviews: ReviewTotal[], scale: Scale, options: { ridge?: number; tolerance?: number; maxRounds?: number } = {}) {
  const ridge = options.ridge ?? DEFAULT_RIDGE;
  const tolerance = options.tolerance ?? 1e-9;
  const maxRounds = options.maxRounds ?? 10_000;
  const byApplication = groupBy(reviews, (review) => review.applicationId);
  const byJuror = groupBy(reviews, (review) => review.jurorId);
  const offsets = new Map([...byJuror.keys()].map((jurorId) => [jurorId, 0]));
  const quality = new Map<string, number>();
  for (let round = 0; round < maxRounds; round += 1) {
    for (const [applicationId, own] of byApplication) quality.set(applicationId, mean(own.map((review) => review.total - offsets.get(review.jurorId)!)));
    let moved = 0;
    for (const [jurorId, own] of byJuror) {
      const next = own.reduce((sum, review) => sum + review.total - quality.get(review.applicationId)!, 0) / (own.length + ridge);
      moved = Math.max(moved, Math.abs(next - offsets.get(jurorId)!));
      offsets.set(jurorId, next);
    }
    if (moved <= tolerance) break;
  }
  for (const [applicationId, own] of byApplication) quality.set(applicationId, clamp(mean(own.map((review) => review.total - offsets.get(review.jurorId)!)), scale));
  return {
    quality,
    offsets: new Map([...byJuror].map(([jurorId, own]) => [jurorId, { offset: offsets.get(jurorId)!, reviews: own.length }])),
  };
}
