import type { decisionsDe } from "./de.decisions";

export const decisionsEn: Record<keyof typeof decisionsDe, string> = {
  "reviewSteps.decisions": "Decisions",
};
