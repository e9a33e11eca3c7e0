/** German texts of review-manager; the English twin is en.review-manager.ts. */
export const reviewManagerDe = {
} as const;
