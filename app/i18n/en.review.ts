import type { reviewDe } from "./de.review";

/** English texts shared by the review pages. */
export const reviewEn: Record<keyof typeof reviewDe, string> = {
  "reviewSteps.label": "Review: {stage}",
  "reviewSteps.settings": "Settings",
  "reviewSteps.eligibility": "Eligibility check",
  "reviewSteps.jury": "Jury",
  "reviewSteps.conflicts": "Conflicts of interest",
  "reviewSteps.assignment": "Assignment",
  "reviewSteps.reviews": "Progress",
  "callSetup.overview.review": "Review",
};
