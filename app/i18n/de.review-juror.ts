/** German texts of review-juror; the English twin is en.review-juror.ts. */
export const reviewJurorDe = {
} as const;
