import type { reviewAssignmentDe } from "./de.review-assignment";

export const reviewAssignmentEn: Record<keyof typeof reviewAssignmentDe, string> = {
};
