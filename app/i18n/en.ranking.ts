import type { rankingDe } from "./de.ranking";

export const rankingEn: Record<keyof typeof rankingDe, string> = {
  "reviewSteps.ranking": "Ranking",
};
