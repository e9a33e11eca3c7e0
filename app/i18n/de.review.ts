/** German texts shared by the review pages; the English twin is en.review.ts. */
export const reviewDe = {
  "reviewSteps.label": "Begutachtung: {stage}",
  "reviewSteps.settings": "Einstellungen",
  "reviewSteps.eligibility": "Formale Prüfung",
  "reviewSteps.jury": "Jury",
  "reviewSteps.conflicts": "Befangenheiten",
  "reviewSteps.assignment": "Zuteilung",
  "reviewSteps.reviews": "Fortschritt",
  "callSetup.overview.review": "Begutachtung",
} as const;
