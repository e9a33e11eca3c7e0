import type { reviewEligibilityDe } from "./de.review-eligibility";

export const reviewEligibilityEn: Record<keyof typeof reviewEligibilityDe, string> = {
};
