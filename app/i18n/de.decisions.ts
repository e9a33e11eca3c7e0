/** German texts of decisions; the English twin is en.decisions.ts. */
export const decisionsDe = {
  "reviewSteps.decisions": "Entscheidungen",
} as const;
