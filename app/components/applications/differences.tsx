import { fieldsOf, type FormDefinition } from "~/forms/form-definition";
import type { AnswerDifference } from "~/forms/application-schemas";
import { useLocale, useT } from "../use-t";
import { AnswerText } from "./answer-view";
import { DRAFT_FORM, labelOf } from "./field-inputs";
import { TableScroll } from "../forms";

function YesNoText({ value }: { value: boolean | undefined }) {
  const t = useT();
  return <>{value === true ? t("applications.yes") : value === false ? t("applications.no") : t("applications.answer.none")}</>;
}

/**
 * Shown when a save was refused because someone saved meanwhile: field by field, their stored value
 * next to the one typed here. The typed values stay in the form; the person either saves theirs over
 * the stored version on purpose, or loads the stored version.
 */
export function Differences(props: { applicationId: string; definition: FormDefinition; differences: AnswerDifference[]; theirRevision: number }) {
  const t = useT();
  const locale = useLocale();
  const fields = new Map(fieldsOf(props.definition).map((field) => [field.key, field]));
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t("applications.stale.title")}</h2>
      <p>{t("applications.stale.message")}</p>
      {props.differences.length > 0 ? (
        <TableScroll label={t("applications.stale.caption")}>
        <table>
          <caption>{t("applications.stale.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("applications.stale.field")}</th>
              <th scope="col">{t("applications.stale.theirs")}</th>
              <th scope="col">{t("applications.stale.yours")}</th>
            </tr>
          </thead>
          <tbody>
            {props.differences.map((difference) => {
              if (difference.kind === "eligibility") {
                const question = props.definition.eligibility.find((candidate) => candidate.key === difference.key);
                return (
                  <tr key={`eligibility-${difference.key}`}>
                    <th scope="row">{question ? (locale === "de" ? question.questionDe : question.questionEn) : difference.key}</th>
                    <td>
                      <YesNoText value={difference.theirs} />
                    </td>
                    <td>
                      <YesNoText value={difference.yours} />
                    </td>
                  </tr>
                );
              }
              if (difference.kind === "condition") {
                return (
                  <tr key={`condition-${difference.index}`}>
                    <th scope="row">{t("applications.conditions.item", { number: difference.index + 1 })}</th>
                    <td className="answer-text">{difference.theirs || t("applications.answer.none")}</td>
                    <td className="answer-text">{difference.yours || t("applications.answer.none")}</td>
                  </tr>
                );
              }
              const field = fields.get(difference.key);
              if (!field) return null;
              return (
                <tr key={`field-${difference.key}`}>
                  <th scope="row">{labelOf(field, locale)}</th>
                  <td>
                    <AnswerText field={field} value={difference.theirs} />
                  </td>
                  <td>
                    <AnswerText field={field} value={difference.yours} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
      ) : null}
      <div className="actions">
        <button type="submit" form={DRAFT_FORM} name="intent" value={`overwrite:${props.theirRevision}`} className="kern-btn kern-btn--primary">
          {t("applications.stale.keepMine")}
        </button>{" "}
        {/* A full page load on purpose: the form's inputs must be rebuilt from the stored version. */}
        <a className="kern-btn kern-btn--secondary" href={`/applications/${props.applicationId}`}>
          {t("applications.stale.takeTheirs")}
        </a>
      </div>
    </section>
  );
}
