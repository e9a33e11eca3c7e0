import type { FormDefinition, FormField } from "~/forms/form-definition";
import { budgetTotals, type AnswerValue, type Answers } from "~/forms/answers";
import { budgetOf, partnersOf, type ApplicationCondition } from "~/forms/application-schemas";
import { answersWithFiles } from "~/forms/file-fields";
import { plainAnswerText } from "~/forms/answer-text";
import { formatEuros, formatFileSize } from "~/i18n";
import { FormSections } from "../form-sections";
import { useLocale, useT } from "../use-t";
import { labelOf } from "./field-inputs";
import { PartnerColumns } from "./partner-columns";
import { TableScroll } from "../forms";

export interface FileSummary {
  id: string;
  fieldKey: string | null;
  originalName: string;
  sizeBytes: number;
}

/** A stored file as a link that opens it (the files route checks who may), with its size. */
function FileLink({ id, files }: { id: string; files: FileSummary[] }) {
  const t = useT();
  const locale = useLocale();
  const file = files.find((candidate) => candidate.id === id);
  if (!file) return <span className="empty">{t("answers.fileMissing")}</span>;
  return (
    <>
      <a href={`/files/${encodeURIComponent(file.id)}`}>{file.originalName}</a> ({formatFileSize(locale, file.sizeBytes)})
    </>
  );
}

/** One answer as text for reading: never HTML, so whatever was typed is shown as typed. */
export function AnswerText({ field, value, files = [] }: { field: FormField; value: AnswerValue | undefined; files?: FileSummary[] }) {
  const t = useT();
  const locale = useLocale();
  const empty = <span className="empty">{t("answers.notAnswered")}</span>;
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return empty;
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
      const ids = Array.isArray(value) ? value.map(String) : [];
      return (
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <FileLink id={id} files={files} />
            </li>
          ))}
        </ul>
      );
    }
    case "partners": {
      const partners = partnersOf(value);
      if (partners.length === 0) return empty;
      return (
        <TableScroll label={labelOf(field, locale)}>
        <table aria-label={labelOf(field, locale)}>
          <PartnerColumns />
          <tbody>
            {partners.map((partner, index) => (
              <tr key={index}>
                <td className="answer-text">{partner.name}</td>
                <td>{t(`pdf.partnerType.${partner.type}`)}</td>
                <td className="answer-text">{partner.role}</td>
                <td>{partner.letterFileId ? <FileLink id={partner.letterFileId} files={files} /> : t("answers.noLetter")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      );
    }
    case "budget": {
      const budget = budgetOf(value);
      const totals = budgetTotals(budget);
      const categoryLabel = (key: string) => {
        const category = field.categories.find((candidate) => candidate.value === key);
        return category ? labelOf(category, locale) : key;
      };
      return (
        <>
          <TableScroll label={labelOf(field, locale)}>
          <table aria-label={labelOf(field, locale)}>
            <thead>
              <tr>
                <th scope="col">{t("formPreview.budgetCategory")}</th>
                <th scope="col">{t("answers.budgetYear")}</th>
                <th scope="col">{t("answers.budgetDescription")}</th>
                <th scope="col">{t("answers.budgetAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {budget.lines.map((line, index) => (
                <tr key={index}>
                  <td>{categoryLabel(line.category)}</td>
                  <td>{line.year}</td>
                  <td className="answer-text">{line.description}</td>
                  <td>{formatEuros(locale, line.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <dl className="facts">
            <dt>{t("answers.budgetTotal")}</dt>
            <dd>{formatEuros(locale, totals.totalCents)}</dd>
            <dt>{t("formPreview.ownContribution")}</dt>
            <dd>{formatEuros(locale, budget.ownContributionCents)}</dd>
            <dt>{t("answers.budgetRequested")}</dt>
            <dd>{formatEuros(locale, totals.requestedCents)}</dd>
          </dl>
        </>
      );
    }
  }
}

/**
 * An application's answers for reading, section by section, in the reader's language: for the network
 * once it may no longer edit, and for the manager. Files open through their links. `headingLevel` and
 * `idPrefix` fit it below the page's own headings.
 */
export function AnswersView(props: {
  definition: FormDefinition;
  answers: Answers;
  files: FileSummary[];
  conditions?: ApplicationCondition[];
  headingLevel?: 2 | 3;
  idPrefix?: string;
}) {
  const { definition, answers, files, conditions = [], headingLevel = 2, idPrefix = "view" } = props;
  const t = useT();
  const locale = useLocale();
  const withFiles = answersWithFiles(definition, answers, files);
  const ConditionsHeading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="answers-view">
      <FormSections
        definition={definition}
        idPrefix={idPrefix}
        headingLevel={headingLevel}
        eligibility={
          <dl className="answers">
            {definition.eligibility.map((question) => {
              const given = answers.eligibility?.[question.key];
              return (
                <div key={question.key}>
                  <dt>{locale === "de" ? question.questionDe : question.questionEn}</dt>
                  <dd>
                    {given === undefined ? <span className="empty">{t("answers.notAnswered")}</span> : t(given ? "applications.yes" : "applications.no")}
                    {given !== undefined && given !== question.requiredAnswer ? ` · ${t("answers.notEligible")}` : ""}
                  </dd>
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
        <section aria-labelledby={`${idPrefix}-conditions`}>
          <ConditionsHeading id={`${idPrefix}-conditions`}>{t("applications.conditions.title")}</ConditionsHeading>
          <dl className="answers">
            {conditions.map((condition, index) => (
              <div key={index}>
                <dt className="answer-text">{condition.text}</dt>
                <dd className="answer-text">{condition.answer ?? <span className="empty">{t("answers.notAnswered")}</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
