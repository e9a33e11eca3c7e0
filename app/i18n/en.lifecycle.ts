import type { lifecycleDe } from "./de.lifecycle";

export const lifecycleEn: Record<keyof typeof lifecycleDe, string> = {
  "lifecycle.busy.title": "The portal cannot be reached just now",
  "lifecycle.busy.text":
    "The portal's database is not answering at the moment. Nothing was saved. Please try again in a minute – your browser's “Back” button takes you back to what you entered.",
};
