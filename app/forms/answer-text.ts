import { formatDate, formatEuros, translator, type Locale } from "~/i18n";
import type { AnswerValue } from "./answers";
import type { FormField } from "./form-definition";

type PlainField = Extract<FormField, { type: "number" | "amount" | "date" | "singleChoice" | "multipleChoice" | "yesNo" }>;

/**
 * A number, amount, date, choice or yes/no answer as text in the reader's language, the same wherever answers are
 * read. A value that does not fit its field (a form changed after it was answered) shows as stored.
 */
export function plainAnswerText(field: PlainField, value: AnswerValue, locale: Locale): string {
  switch (field.type) {
    case "number":
      return typeof value === "number" ? value.toLocaleString(locale === "de" ? "de-DE" : "en-GB") : String(value);
    case "amount":
      return typeof value === "number" ? formatEuros(locale, value) : String(value);
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(locale, `${value}T12:00:00Z`) : String(value);
    case "yesNo":
      return typeof value === "boolean" ? translator(locale)(value ? "applications.yes" : "applications.no") : String(value);
    case "singleChoice":
    case "multipleChoice": {
      const chosen = Array.isArray(value) ? value.map(String) : [String(value)];
      return chosen
        .map((choice) => {
          const option = field.options.find((candidate) => candidate.value === choice);
          return option ? (locale === "de" ? option.labelDe : option.labelEn) : choice;
        })
        .join(", ");
    }
  }
}
