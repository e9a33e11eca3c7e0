import type { reviewManagerDe } from "./de.review-manager";

export const reviewManagerEn: Record<keyof typeof reviewManagerDe, string> = {
};
