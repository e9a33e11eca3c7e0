import type { lifecycleDe } from "./de.lifecycle";

export const lifecycleEn: Record<keyof typeof lifecycleDe, string> = {
};
