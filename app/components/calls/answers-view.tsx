import { budgetAnswer, budgetTotals, partnerAnswer, type AnswerValue, type Answers } from "~/forms/answers";
import type { FormDefinition, FormField } from "~/forms/form-definition";
import { plainAnswerText } from "~/forms/answer-text";
import { formatEuros, type Locale } from "~/i18n";
import { FormSections } from "~/components/form-sections";
import { useLocale, useT } from "~/components/use-t";
import { PartnerColumns } from "./form-preview";
import { TableScroll } from "../forms";

export interface AnsweredFile {
  id: string;
  name: string;
  sizeBytes: number;
}

/** An application's answers read-only, section by section, in the reader's language. */
export function AnswersView({ definition, answers, files }: { definition: FormDefinition; answers: Answers; files: AnsweredFile[] }) {
  const t = useT();
  const locale = useLocale();
  const pick = (german: string, english: string) => (locale === "en" ? english : german);
  const given = answers.eligibility ?? {};
  const values = answers.fields ?? {};
  return (
    <div className="answers">
      <FormSections
        definition={definition}
        idPrefix="answers"
        headingLevel={3}
        eligibility={
          <dl className="facts">
            {definition.eligibility.map((question) => {
              const answer = Object.prototype.hasOwnProperty.call(given, question.key) ? given[question.key] : undefined;
              return (
                <div key={question.key} style={{ display: "contents" }}>
                  <dt>{pick(question.questionDe, question.questionEn)}</dt>
                  <dd>
                    {answer === undefined ? <span className="empty">{t("answers.notAnswered")}</span> : t(answer ? "formPreview.yes" : "formPreview.no")}
                    {answer !== undefined && answer !== question.requiredAnswer ? ` · ${t("answers.notEligible")}` : ""}
                  </dd>
                </div>
              );
            })}
          </dl>
        }
        section={(section) => (
          <dl className="facts">
            {section.fields.map((field) => (
              <div key={field.key} style={{ display: "contents" }}>
                <dt>{pick(field.labelDe, field.labelEn)}</dt>
                <dd>
                  <AnswerValueView field={field} value={values[field.key]} files={files} locale={locale} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      />
    </div>
  );
}

function AnswerValueView({ field, value, files, locale }: { field: FormField; value: AnswerValue | undefined; files: AnsweredFile[]; locale: Locale }) {
  const t = useT();
  const pick = (german: string, english: string) => (locale === "en" ? english : german);
  const empty = <span className="empty">{t("answers.notAnswered")}</span>;
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return empty;
  switch (field.type) {
    case "shortText":
    case "longText":
      return <span style={{ whiteSpace: "pre-wrap" }}>{String(value)}</span>;
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
          {ids.map((id) => {
            const file = files.find((candidate) => candidate.id === id);
            return <li key={id}>{file ? t("answers.file", { name: file.name, size: Math.max(1, Math.round(file.sizeBytes / 1024)) }) : t("answers.fileMissing")}</li>;
          })}
        </ul>
      );
    }
    case "partners": {
      const partners = Array.isArray(value) ? value.flatMap((row) => (partnerAnswer.safeParse(row).success ? [partnerAnswer.parse(row)] : [])) : [];
      return (
        <TableScroll label={pick(field.labelDe, field.labelEn)}>
        <table aria-label={pick(field.labelDe, field.labelEn)}>
          <PartnerColumns />
          <tbody>
            {partners.map((partner, index) => {
              const letter = partner.letterFileId ? files.find((file) => file.id === partner.letterFileId) : undefined;
              return (
                <tr key={index}>
                  <td>{partner.name}</td>
                  <td>{t(`formPreview.partnerType.${partner.type}`)}</td>
                  <td>{partner.role}</td>
                  <td>{letter ? letter.name : t("answers.noLetter")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
      );
    }
    case "budget": {
      const parsed = budgetAnswer.safeParse(value);
      if (!parsed.success) return empty;
      const totals = budgetTotals(parsed.data);
      const categoryLabel = (key: string) => {
        const category = field.categories.find((candidate) => candidate.value === key);
        return category ? pick(category.labelDe, category.labelEn) : key;
      };
      return (
        <>
          <TableScroll label={pick(field.labelDe, field.labelEn)}>
          <table aria-label={pick(field.labelDe, field.labelEn)}>
            <thead>
              <tr>
                <th scope="col">{t("formPreview.budgetCategory")}</th>
                <th scope="col">{t("answers.budgetYear")}</th>
                <th scope="col">{t("answers.budgetDescription")}</th>
                <th scope="col">{t("answers.budgetAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {parsed.data.lines.map((line, index) => (
                <tr key={index}>
                  <td>{categoryLabel(line.category)}</td>
                  <td>{line.year}</td>
                  <td>{line.description}</td>
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
            <dd>{formatEuros(locale, parsed.data.ownContributionCents)}</dd>
            <dt>{t("answers.budgetRequested")}</dt>
            <dd>{formatEuros(locale, totals.requestedCents)}</dd>
          </dl>
        </>
      );
    }
  }
}
