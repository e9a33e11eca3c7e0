import { fieldsOf, type FormDefinition, type FormField } from "~/forms/form-definition";
import { anchorOf, type ApplicationChecklistItem } from "~/forms/application-schemas";
import { invalidInputMessage, shortenedInput } from "~/forms/invalid-input";
import { formatEuros, type Translate } from "~/i18n";
import { useLocale, useT } from "../use-t";
import { useInvalidInputLabel } from "./draft-status";
import { idFor, labelOf } from "./field-inputs";

function fieldProblem(t: Translate, field: FormField | undefined, item: Extract<ApplicationChecklistItem, { kind: "field" }>, money: (cents: number) => string): string {
  const detail = item.detail ?? {};
  const inEuros = field?.type === "amount";
  switch (item.problem) {
    case "missing":
      return t("applications.problem.missing");
    case "tooLong":
      return t("applications.problem.tooLong", { max: detail.max ?? 0 });
    case "notANumber":
      return t("applications.problem.notANumber");
    case "belowMinimum":
      return t("applications.problem.belowMinimum", { min: inEuros ? money(detail.min ?? 0) : (detail.min ?? 0) });
    case "aboveMaximum":
      return t("applications.problem.aboveMaximum", { max: inEuros ? money(detail.max ?? 0) : (detail.max ?? 0) });
    case "invalidDate":
      return t("applications.problem.invalidDate");
    case "unknownOption":
      return t("applications.problem.unknownOption");
    case "tooManyFiles":
      return t("applications.problem.tooManyFiles", { max: detail.max ?? 0 });
    case "letterMissing":
      return t("applications.problem.letterMissing", { count: detail.count ?? 0 });
    case "ownContributionTooLow":
      return t("applications.problem.ownContributionTooLow", { min: money(detail.min ?? 0) });
    case "budgetCategoryUnknown":
      return t("applications.problem.budgetCategoryUnknown");
  }
}

/**
 * Everything that still keeps the application from being submitted, in one list, each entry a link
 * to the place in the form where it is fixed.
 */
export function Checklist({ definition, items }: { definition: FormDefinition; items: ApplicationChecklistItem[] }) {
  const t = useT();
  const locale = useLocale();
  const fields = new Map(fieldsOf(definition).map((field) => [field.key, field]));
  const money = (cents: number) => formatEuros(locale, cents);
  const invalidInputLabel = useInvalidInputLabel(definition);
  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t("applications.checklist.title")}</h2>
      {items.length === 0 ? (
        <p className="notice">{t("applications.checklist.complete")}</p>
      ) : (
        <>
          <p>{t("applications.checklist.intro", { count: items.length })}</p>
          <ul>
            {items.map((item) => {
              if (item.kind === "eligibility") {
                const question = definition.eligibility.find((candidate) => candidate.key === item.questionKey);
                const text = question ? (locale === "de" ? question.questionDe : question.questionEn) : item.questionKey;
                return (
                  <li key={`eligibility-${item.questionKey}`}>
                    <a href={`#${anchorOf.eligibility(item.questionKey)}`}>{text}</a>: {t(item.problem === "notEligible" ? "applications.problem.notEligible" : "applications.problem.unanswered")}
                  </li>
                );
              }
              if (item.kind === "condition") {
                return (
                  <li key={`condition-${item.index}`}>
                    <a href={`#${anchorOf.condition(item.index)}`}>{t("applications.conditions.item", { number: item.index + 1 })}</a>:{" "}
                    {t("applications.problem.conditionMissing")}
                  </li>
                );
              }
              if (item.kind === "invalidInput") {
                return (
                  <li key={`input-${item.input.name}`}>
                    <a href={`#${idFor(item.input.name)}`}>{invalidInputLabel(item.input)}</a>:{" "}
                    {t("invalidInput.checklist", { raw: shortenedInput(item.input.raw), message: invalidInputMessage(item.input, t, locale) })}
                  </li>
                );
              }
              const field = fields.get(item.fieldKey);
              return (
                <li key={`${item.fieldKey}-${item.problem}`}>
                  <a href={`#${anchorOf.field(item.fieldKey)}`}>{field ? labelOf(field, locale) : item.fieldKey}</a>: {fieldProblem(t, field, item, money)}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
