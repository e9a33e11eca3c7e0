import type { lostInputDe } from "./de.lost-input";

/** English twin of de.lost-input.ts. */
export const lostInputEn: Record<keyof typeof lostInputDe, string> = {
  "invalidInput.whole.any": "Please enter a whole number.",
  "invalidInput.whole.from": "Please enter a whole number of {min} or more.",
  "invalidInput.whole.upTo": "Please enter a whole number up to {max}.",
  "invalidInput.whole.between": "Please enter a whole number from {min} to {max}.",
  "invalidInput.decimal.any": "Please enter a number, e.g. 12 or 12.5.",
  "invalidInput.decimal.from": "Please enter a number of {min} or more, e.g. 12 or 12.5.",
  "invalidInput.decimal.upTo": "Please enter a number up to {max}, e.g. 12 or 12.5.",
  "invalidInput.decimal.between": "Please enter a number from {min} to {max}, e.g. 12 or 12.5.",
  "invalidInput.amount.from0": "Please enter an amount of €0 or more, e.g. 1250.50 (at most two decimals).",
  "invalidInput.amount.upTo": "Please enter an amount from €0 to {max}, e.g. 1250.50 (at most two decimals).",
  "invalidInput.summary.heading": "Please correct: not saved yet",
  "invalidInput.summary.intro": "Everything else is saved. What you typed in {count, plural, one {this field} other {these # fields}} stays, but counts only once it is corrected:",
  "invalidInput.checklist": "“{raw}” is not saved. {message}",
  "draftStatus.savedAt": "Saved at {time}",
  "draftStatus.savedOn": "Saved on {date} at {time}",
  "draftStatus.invalid": "Not saved: check {count, plural, one {# field} other {# fields}}",
  "draftStatus.changed": "Changes not saved yet",
  "draftStatus.notSaved": "Not saved",
  "formBuilder.numberHint": "For counts: smallest value 0 and whole numbers only.",
  "formBuilder.error.boundNotWhole": "With “whole numbers only”, this limit must be a whole number too.",
};
