import { useState } from "react";
import type { FormField } from "~/forms/form-definition";
import { budgetTotals } from "~/forms/answers";
import { anchorOf, inputName, parseEuros, type RawBudget, type RawBudgetLine } from "~/forms/application-schemas";
import { useLocale, useT } from "../use-t";
import { formatAmount } from "./answer-view";
import { DRAFT_FORM, ErrorList, RequiredMark, describedBy, helpOf, idFor, labelOf, type InputErrors } from "./field-inputs";

type BudgetField = Extract<FormField, { type: "budget" }>;

/** Sums of what is typed now; an amount that is not one yet counts as nothing. */
function totalsOf(budget: RawBudget) {
  return budgetTotals({
    lines: budget.lines.map((line) => ({ category: line.category, year: Number(line.year), description: line.description, amountCents: parseEuros(line.amount) ?? 0 })),
    ownContributionCents: parseEuros(budget.own) ?? 0,
  });
}

/**
 * The budget table: cost lines by category and year with amounts in euros, the own contribution,
 * and the sums per year, per category and overall with the amount requested. The sums are computed
 * on the server for the first page and follow the typing when JavaScript runs.
 */
export function BudgetInput({ field, value, errors }: { field: BudgetField; value: RawBudget; errors: InputErrors }) {
  const t = useT();
  const locale = useLocale();
  const [budget, setBudget] = useState(value);
  const totals = totalsOf(budget);
  const name = inputName.field(field.key);
  const baseId = idFor(name);
  const help = helpOf(field, locale);
  const change = (row: number, part: keyof RawBudgetLine, text: string) =>
    setBudget((current) => ({ ...current, lines: current.lines.map((line, index) => (index === row ? { ...line, [part]: text } : line)) }));
  const ownName = inputName.ownContribution(field.key);
  const ownErrors = errors[ownName];
  return (
    <div className="field budget" id={anchorOf.field(field.key)}>
      {help ? (
        <p className="hint" id={`${baseId}-hint`}>
          {help}
        </p>
      ) : null}
      <table aria-describedby={describedBy(help && `${baseId}-hint`)}>
        <caption>
          {labelOf(field, locale)}
          <RequiredMark required={field.required} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.budget.category")}</th>
            <th scope="col">{t("applications.budget.year")}</th>
            <th scope="col">{t("applications.budget.description")}</th>
            <th scope="col">{t("applications.budget.amount")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("applications.rows.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {budget.lines.length === 0 ? (
            <tr>
              <td colSpan={5} className="empty">
                {t("applications.budget.none")}
              </td>
            </tr>
          ) : null}
          {budget.lines.map((line, index) => {
            const rowLabel = t("applications.budget.line", { number: index + 1 });
            const cell = (part: keyof RawBudgetLine) => {
              const partName = inputName.budgetLine(field.key, index, part);
              const messages = errors[partName];
              return {
                id: idFor(partName),
                name: partName,
                form: DRAFT_FORM,
                value: line[part],
                onChange: (event: { currentTarget: { value: string } }) => change(index, part, event.currentTarget.value),
                "aria-invalid": messages?.length ? true : undefined,
                "aria-describedby": messages?.length ? `${idFor(partName)}-errors` : undefined,
                messages,
              };
            };
            const { messages: categoryErrors, ...category } = cell("category");
            const { messages: yearErrors, ...year } = cell("year");
            const { messages: descriptionErrors, ...description } = cell("description");
            const { messages: amountErrors, ...amount } = cell("amount");
            return (
              <tr key={index}>
                <td>
                  <label className="visually-hidden" htmlFor={category.id}>
                    {t("applications.budget.category")} ({rowLabel})
                  </label>
                  <select {...category}>
                    {field.categories.map((option) => (
                      <option key={option.value} value={option.value}>
                        {labelOf(option, locale)}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={`${category.id}-errors`} messages={categoryErrors} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={year.id}>
                    {t("applications.budget.year")} ({rowLabel})
                  </label>
                  <select {...year}>
                    {field.years.map((option) => (
                      <option key={option} value={String(option)}>
                        {option}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={`${year.id}-errors`} messages={yearErrors} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={description.id}>
                    {t("applications.budget.description")} ({rowLabel})
                  </label>
                  <input {...description} maxLength={500} />
                  <ErrorList id={`${description.id}-errors`} messages={descriptionErrors} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={amount.id}>
                    {t("applications.budget.amount")} ({rowLabel})
                  </label>
                  <input {...amount} inputMode="decimal" autoComplete="off" size={12} />
                  <ErrorList id={`${amount.id}-errors`} messages={amountErrors} />
                </td>
                <td>
                  <button type="submit" form={DRAFT_FORM} name="intent" value={`removeBudgetLine:${field.key}:${index}`} className="link-button">
                    {t("applications.budget.remove", { number: index + 1 })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorList id={`${baseId}-errors`} messages={errors[name]} />
      <button type="submit" form={DRAFT_FORM} name="intent" value={`addBudgetLine:${field.key}`}>
        {t("applications.budget.add")}
      </button>
      <div className="field">
        <label htmlFor={idFor(ownName)}>
          {t("applications.budget.own")} ({t("applications.field.euros")})
        </label>
        <input
          id={idFor(ownName)}
          name={ownName}
          form={DRAFT_FORM}
          value={budget.own}
          onChange={(event) => {
            const own = event.currentTarget.value;
            setBudget((current) => ({ ...current, own }));
          }}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={ownErrors?.length ? true : undefined}
          aria-describedby={describedBy(field.minOwnContributionPercent > 0 && `${baseId}-own-hint`, !!ownErrors?.length && `${idFor(ownName)}-errors`)}
        />
        {field.minOwnContributionPercent > 0 ? (
          <p className="hint" id={`${baseId}-own-hint`}>
            {t("applications.budget.ownMinimum", { percent: field.minOwnContributionPercent })}
          </p>
        ) : null}
        <ErrorList id={`${idFor(ownName)}-errors`} messages={ownErrors} />
      </div>
      <table className="totals" aria-live="polite">
        <caption>{t("applications.budget.totals")}</caption>
        <tbody>
          {field.years.map((year) => (
            <tr key={year}>
              <th scope="row">{t("applications.budget.yearTotal", { year })}</th>
              <td className="number">{formatAmount(locale, totals.byYear.get(year) ?? 0)}</td>
            </tr>
          ))}
          {field.categories.map((category) => (
            <tr key={category.value}>
              <th scope="row">{t("applications.budget.categoryTotal", { category: labelOf(category, locale) })}</th>
              <td className="number">{formatAmount(locale, totals.byCategory.get(category.value) ?? 0)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("applications.budget.total")}</th>
            <td className="number">{formatAmount(locale, totals.totalCents)}</td>
          </tr>
          <tr>
            <th scope="row">{t("applications.budget.own")}</th>
            <td className="number">{formatAmount(locale, parseEuros(budget.own) ?? 0)}</td>
          </tr>
          <tr>
            <th scope="row">{t("applications.budget.requested")}</th>
            <td className="number">
              <strong>{formatAmount(locale, totals.requestedCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
