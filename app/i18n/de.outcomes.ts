/** German texts of outcomes; the English twin is en.outcomes.ts. */
export const outcomesDe = {
  "reviewSteps.release": "Bescheide",
} as const;
