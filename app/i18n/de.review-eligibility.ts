/** German texts of review-eligibility; the English twin is en.review-eligibility.ts. */
export const reviewEligibilityDe = {
} as const;
