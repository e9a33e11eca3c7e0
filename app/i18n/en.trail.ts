import type { trailDe } from "./de.trail";

export const trailEn: Record<keyof typeof trailDe, string> = {
};
