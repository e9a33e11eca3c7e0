import type { reviewJuryDe } from "./de.review-jury";

export const reviewJuryEn: Record<keyof typeof reviewJuryDe, string> = {
};
