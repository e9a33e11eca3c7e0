import type { FormDefinition, FormField } from "~/forms/form-definition";
import type { Translate } from "~/i18n";
import { FormSections } from "../form-sections";
import { useLocale, useT } from "../use-t";
import { helpOf, labelOf } from "./field-inputs";

function describe(field: FormField, t: Translate): string {
  switch (field.type) {
    case "shortText":
    case "longText":
      return t(`applications.preview.type.${field.type}`, { max: field.maxLength });
    case "file":
      return t("applications.preview.type.file", { kinds: field.accept.map((kind) => kind.toUpperCase()).join(", "), size: field.maxSizeMb, count: field.maxFiles });
    case "budget":
      return t("applications.preview.type.budget", { years: field.years.join(", ") });
    default:
      return t(`applications.preview.type.${field.type}`);
  }
}

/**
 * A stage's form as a list of its questions for people deciding whether to apply: what will be asked,
 * of which kind, with which limits, and what is required (the manager sees the inputs themselves in
 * FormMockup).
 */
export function FormOutline({ definition }: { definition: FormDefinition }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="form-preview">
      <FormSections
        definition={definition}
        idPrefix="preview"
        headingLevel={3}
        eligibility={
          <ul>
            {definition.eligibility.map((question) => (
              <li key={question.key}>{locale === "de" ? question.questionDe : question.questionEn}</li>
            ))}
          </ul>
        }
        section={(section) => (
          <dl className="answers">
            {section.fields.map((field) => {
              const help = helpOf(field, locale);
              return (
                <div key={field.key}>
                  <dt>
                    {labelOf(field, locale)}
                    {field.required ? ` (${t("applications.field.required")})` : ` ${t("field.optional")}`}
                  </dt>
                  <dd>
                    {describe(field, t)}
                    {field.type === "singleChoice" || field.type === "multipleChoice" ? `: ${field.options.map((option) => labelOf(option, locale)).join(", ")}` : ""}
                    {help ? <span className="kern-hint"> {help}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      />
    </div>
  );
}
