import type { reviewJurorDe } from "./de.review-juror";

export const reviewJurorEn: Record<keyof typeof reviewJurorDe, string> = {
};
