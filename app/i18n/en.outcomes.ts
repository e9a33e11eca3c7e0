import type { outcomesDe } from "./de.outcomes";

export const outcomesEn: Record<keyof typeof outcomesDe, string> = {
  "reviewSteps.release": "Outcome notices",
};
