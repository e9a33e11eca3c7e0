/** German texts of review-jury; the English twin is en.review-jury.ts. */
export const reviewJuryDe = {
} as const;
