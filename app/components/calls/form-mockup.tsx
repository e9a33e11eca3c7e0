import type { ReactNode } from "react";
import { partnerTypes } from "~/forms/answers";
import { fileKindInfo } from "~/forms/file-fields";
import type { FormDefinition, FormField } from "~/forms/form-definition";
import { formatEuros, type Locale } from "~/i18n";
import { FormSections } from "~/components/form-sections";
import { useLocale, useT } from "~/components/use-t";
import { PartnerColumns } from "~/components/applications/partner-columns";
import { TableScroll } from "../forms";

/**
 * A mock-up of a stage's form as applicants will see it, every input there but disabled: the manager's
 * preview and the builder's picture of the form (the public call page lists the questions instead, see
 * FormOutline). `idPrefix` keeps ids unique when several forms share a page.
 */
export function FormMockup({ definition, idPrefix, headingLevel = 3 }: { definition: FormDefinition; idPrefix: string; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="form-preview">
      <FormSections
        definition={definition}
        idPrefix={idPrefix}
        headingLevel={headingLevel}
        eligibility={
          <>
            <p className="kern-hint">{t("formPreview.eligibilityIntro")}</p>
            {definition.eligibility.map((question) => (
              <YesNo key={question.key} id={`${idPrefix}-${question.key}`} legend={pick(locale, question.questionDe, question.questionEn)} />
            ))}
          </>
        }
        section={(section) => (
          <>
            {section.fields.length === 0 ? <p className="empty">{t("formPreview.emptySection")}</p> : null}
            {section.fields.map((field) => (
              <FieldPreview key={field.key} field={field} id={`${idPrefix}-${field.key}`} />
            ))}
          </>
        )}
      />
    </div>
  );
}

function pick(locale: Locale, german: string, english: string): string {
  return locale === "en" ? english : german;
}

function YesNo({ id, legend, hint }: { id: string; legend: string; hint?: ReactNode }) {
  const t = useT();
  return (
    <fieldset className="field choice-group" aria-describedby={hint ? `${id}-help` : undefined}>
      <legend>{legend}</legend>
      {hint}
      {(["yes", "no"] as const).map((answer) => (
        <div key={answer}>
          <input type="radio" id={`${id}-${answer}`} name={id} disabled /> <label htmlFor={`${id}-${answer}`}>{t(`formPreview.${answer}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** What the applicant is told about a field's limits. */
function limitsOf(field: FormField, t: ReturnType<typeof useT>, locale: Locale): string[] {
  switch (field.type) {
    case "shortText":
    case "longText":
      return [t("formPreview.maxLength", { max: field.maxLength })];
    case "number":
      return [
        field.min !== undefined ? t("formPreview.min", { min: field.min }) : "",
        field.max !== undefined ? t("formPreview.max", { max: field.max }) : "",
        field.integer ? t("formPreview.integer") : "",
      ].filter(Boolean);
    case "amount":
      return field.maxCents !== undefined ? [t("formPreview.maxAmount", { max: formatEuros(locale, field.maxCents) })] : [];
    case "file":
      return [t("formPreview.fileLimits", { kinds: field.accept.map((kind) => fileKindInfo[kind].label).join(", "), size: field.maxSizeMb, count: field.maxFiles })];
    case "partners":
      return field.requireLetterOfIntent ? [t("formPreview.letterRequired")] : [];
    case "budget":
      return field.minOwnContributionPercent > 0 ? [t("formPreview.minOwnContribution", { percent: field.minOwnContributionPercent })] : [];
    default:
      return [];
  }
}

/** A field answered in a table (partners, budget): a group named by the field's label. */
function TableField({ label, hint, describedBy, children }: { label: string; hint: ReactNode; describedBy: string | undefined; children: ReactNode }) {
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>{label}</legend>
      {hint}
      {children}
    </fieldset>
  );
}

function FieldPreview({ field, id }: { field: FormField; id: string }) {
  const t = useT();
  const locale = useLocale();
  const label = `${pick(locale, field.labelDe, field.labelEn)}${field.required ? ` ${t("formPreview.required")}` : ` ${t("formPreview.optional")}`}`;
  const help = pick(locale, field.helpDe ?? "", field.helpEn ?? "");
  const notes = [help, ...limitsOf(field, t, locale)].filter(Boolean);
  const helpId = `${id}-help`;
  const hint =
    notes.length > 0 ? (
      <p className="kern-hint" id={helpId}>
        {notes.join(" · ")}
      </p>
    ) : null;
  const describedBy = notes.length > 0 ? helpId : undefined;

  switch (field.type) {
    case "singleChoice":
    case "multipleChoice":
      return (
        <fieldset className="field choice-group" aria-describedby={describedBy}>
          <legend>{label}</legend>
          {hint}
          {field.options.map((option) => (
            <div key={option.value}>
              <input type={field.type === "singleChoice" ? "radio" : "checkbox"} id={`${id}-${option.value}`} name={id} disabled />{" "}
              <label htmlFor={`${id}-${option.value}`}>{pick(locale, option.labelDe, option.labelEn)}</label>
            </div>
          ))}
        </fieldset>
      );
    case "yesNo":
      return <YesNo id={id} legend={label} hint={hint} />;
    case "partners":
      return (
        <TableField label={label} hint={hint} describedBy={describedBy}>
          <TableScroll label={label}>
          <table aria-label={label}>
            <PartnerColumns />
            <tbody>
              <tr>
                <td>
                  <input type="text" disabled aria-label={t("applications.partners.name")} />
                </td>
                <td>
                  <select disabled aria-label={t("applications.partners.type")}>
                    {partnerTypes.map((type) => (
                      <option key={type}>{t(`pdf.partnerType.${type}`)}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <input type="text" disabled aria-label={t("applications.partners.role")} />
                </td>
                <td>
                  <input type="file" disabled accept=".pdf,application/pdf" aria-label={t("applications.partners.letter")} />
                </td>
              </tr>
            </tbody>
          </table>
          </TableScroll>
        </TableField>
      );
    case "budget":
      return (
        <TableField label={label} hint={hint} describedBy={describedBy}>
          <TableScroll label={label}>
          <table aria-label={label}>
            <thead>
              <tr>
                <th scope="col">{t("formPreview.budgetCategory")}</th>
                {field.years.map((year) => (
                  <th scope="col" key={year}>
                    {year}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {field.categories.map((category) => {
                const categoryLabel = pick(locale, category.labelDe, category.labelEn);
                return (
                  <tr key={category.value}>
                    <th scope="row">{categoryLabel}</th>
                    {field.years.map((year) => (
                      <td key={year}>
                        <input type="text" inputMode="decimal" disabled aria-label={t("formPreview.budgetCell", { category: categoryLabel, year })} />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          </TableScroll>
          <div className="field">
            <label htmlFor={`${id}-own`}>{t("formPreview.ownContribution")}</label>
            <input type="text" inputMode="decimal" id={`${id}-own`} disabled />
          </div>
        </TableField>
      );
    default:
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          {hint}
          <SimpleInput field={field} id={id} describedBy={describedBy} />
        </div>
      );
  }
}

function SimpleInput({ field, id, describedBy }: { field: FormField; id: string; describedBy: string | undefined }) {
  switch (field.type) {
    case "longText":
      return <textarea id={id} rows={6} maxLength={field.maxLength} disabled aria-describedby={describedBy} />;
    case "number":
      return <input type="number" id={id} min={field.min} max={field.max} disabled aria-describedby={describedBy} />;
    case "amount":
      return <input type="text" inputMode="decimal" id={id} disabled aria-describedby={describedBy} />;
    case "date":
      return <input type="date" id={id} disabled aria-describedby={describedBy} />;
    case "file":
      return (
        <input
          type="file"
          id={id}
          multiple={field.maxFiles > 1}
          accept={field.accept.flatMap((kind) => fileKindInfo[kind].extensions.map((extension) => `.${extension}`)).join(",")}
          disabled
          aria-describedby={describedBy}
        />
      );
    default:
      return <input type="text" id={id} maxLength={field.type === "shortText" ? field.maxLength : undefined} disabled aria-describedby={describedBy} />;
  }
}
