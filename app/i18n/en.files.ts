import type { filesDe } from "./de.files";

export const filesEn: Record<keyof typeof filesDe, string> = {};
