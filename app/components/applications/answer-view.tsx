import type { FormDefinition, FormField } from "~/forms/form-definition";
import { budgetTotals, type AnswerValue, type Answers } from "~/forms/answers";
import { budgetOf, partnersOf, type ApplicationCondition } from "~/forms/application-schemas";
import { answersWithFiles } from "~/forms/file-fields";
import { plainAnswerText } from "~/forms/answer-text";
import { formatEuros } from "~/i18n";
import { FormSections } from "../form-sections";
import { useLocale, useT } from "../use-t";
import { labelOf } from "./field-inputs";

export interface FileSummary {
  id: string;
  fieldKey: string | null;
  originalName: string;
  sizeBytes: number;
}

/** One answer as text for reading: never HTML, so whatever was typed is shown as typed. */
export function AnswerText({ field, value, files = [] }: { field: FormField; value: AnswerValue | undefined; files?: FileSummary[] }) {
  const t = useT();
  const locale = useLocale();
  const empty = <span className="empty">{t("applications.answer.none")}</span>;
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0 && field.type !== "partners")) return empty;
  switch (field.type) {
    case "shortText":
    case "longText":
      return <span className="answer-text">{String(value)}</span>;
    case "number":
    case "amount":
    case "date":
    case "singleChoice":
    case "multipleChoice":
    case "yesNo":
      return <>{plainAnswerText(field, value, locale)}</>;
    case "file": {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      return (
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <a href={`/files/${encodeURIComponent(id)}`}>{files.find((file) => file.id === id)?.originalName ?? id}</a>
            </li>
          ))}
        </ul>
      );
    }
    case "partners": {
      const partners = partnersOf(value);
      if (partners.length === 0) return empty;
      return (
        <ul>
          {partners.map((partner, index) => (
            <li key={index}>
              {partner.name || t("applications.answer.none")} ({t(`pdf.partnerType.${partner.type}`)}){partner.role ? ` – ${partner.role}` : ""}
              {partner.letterFileId ? (
                <>
                  {" · "}
                  <a href={`/files/${encodeURIComponent(partner.letterFileId)}`}>{t("applications.partners.letter")}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      );
    }
    case "budget": {
      const budget = budgetOf(value);
      const totals = budgetTotals(budget);
      return (
        <ul>
          {budget.lines.map((line, index) => (
            <li key={index}>
              {labelOf(field.categories.find((category) => category.value === line.category) ?? { labelDe: line.category, labelEn: line.category }, locale)} {line.year}
              {line.description ? ` – ${line.description}` : ""}: {formatEuros(locale, line.amountCents)}
            </li>
          ))}
          <li>
            {t("applications.budget.total")}: {formatEuros(locale, totals.totalCents)} · {t("applications.budget.own")}: {formatEuros(locale, budget.ownContributionCents)} ·{" "}
            {t("applications.budget.requested")}: {formatEuros(locale, totals.requestedCents)}
          </li>
        </ul>
      );
    }
  }
}

/** The whole application for reading (submitted, after the deadline, or for people who may not edit). */
export function AnswersView({ definition, answers, conditions, files }: { definition: FormDefinition; answers: Answers; conditions: ApplicationCondition[]; files: FileSummary[] }) {
  const t = useT();
  const locale = useLocale();
  const withFiles = answersWithFiles(definition, answers, files);
  return (
    <>
      <FormSections
        definition={definition}
        idPrefix="view"
        headingLevel={2}
        eligibility={
          <dl className="answers">
            {definition.eligibility.map((question) => {
              const given = answers.eligibility?.[question.key];
              return (
                <div key={question.key}>
                  <dt>{locale === "de" ? question.questionDe : question.questionEn}</dt>
                  <dd>{given === true ? t("applications.yes") : given === false ? t("applications.no") : t("applications.answer.none")}</dd>
                </div>
              );
            })}
          </dl>
        }
        section={(section) => (
          <dl className="answers">
            {section.fields.map((field) => (
              <div key={field.key}>
                <dt>{labelOf(field, locale)}</dt>
                <dd>
                  <AnswerText field={field} value={withFiles.fields?.[field.key]} files={files} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      />
      {conditions.length > 0 ? (
        <section aria-labelledby="view-conditions">
          <h2 id="view-conditions">{t("applications.conditions.title")}</h2>
          <dl className="answers">
            {conditions.map((condition, index) => (
              <div key={index}>
                <dt className="answer-text">{condition.text}</dt>
                <dd className="answer-text">{condition.answer ?? t("applications.answer.none")}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
