/** German texts of ranking; the English twin is en.ranking.ts. */
export const rankingDe = {
  "reviewSteps.ranking": "Rangliste",
} as const;
