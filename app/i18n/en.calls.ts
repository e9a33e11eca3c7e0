import type { callsDe } from "./de.calls";

export const callsEn: Record<keyof typeof callsDe, string> = {};
