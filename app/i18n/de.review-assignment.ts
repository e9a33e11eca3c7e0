/** German texts of review-assignment; the English twin is en.review-assignment.ts. */
export const reviewAssignmentDe = {
} as const;
