import type { applicationsDe } from "./de.applications";

export const applicationsEn: Record<keyof typeof applicationsDe, string> = {};
