import { useState } from "react";
import type { FormField } from "~/forms/form-definition";
import { budgetTotals } from "~/forms/answers";
import { inputName, parseEuros, type RawBudget, type RawBudgetLine } from "~/forms/application-schemas";
import { formatEuros } from "~/i18n";
import { useLocale, useT } from "../use-t";
import { DRAFT_FORM, ErrorList, describedBy, idFor, labelOf, type InputErrors } from "./field-inputs";
import { RowCell, RowsTable } from "./rows-table";
import { TableScroll } from "../forms";

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
  const baseId = idFor(inputName.field(field.key));
  const change = (row: number, part: keyof RawBudgetLine, text: string) =>
    setBudget((current) => ({ ...current, lines: current.lines.map((line, index) => (index === row ? { ...line, [part]: text } : line)) }));
  const ownName = inputName.ownContribution(field.key);
  const ownErrors = errors[ownName];
  const parts = ["category", "year", "description", "amount"] as const;
  return (
    <RowsTable
      field={field}
      columns={parts.map((part) => t(`applications.budget.${part}`))}
      rows={budget.lines}
      empty={t("applications.budget.none")}
      removeIntent={(index) => `removeBudgetLine:${field.key}:${index}`}
      removeLabel={(number) => t("applications.budget.remove", { number })}
      addIntent={`addBudgetLine:${field.key}`}
      addLabel={t("applications.budget.add")}
      errors={errors}
      cells={(line, index) => {
        const rowLabel = t("applications.budget.line", { number: index + 1 });
        const cell = (part: keyof RawBudgetLine) => ({ name: inputName.budgetLine(field.key, index, part), label: t(`applications.budget.${part}`), rowLabel, errors });
        const bound = (part: keyof RawBudgetLine) => ({ value: line[part], onChange: (event: { currentTarget: { value: string } }) => change(index, part, event.currentTarget.value) });
        return (
          <>
            <RowCell {...cell("category")}>
              {(input) => (
                <select {...input} {...bound("category")}>
                  {field.categories.map((option) => (
                    <option key={option.value} value={option.value}>
                      {labelOf(option, locale)}
                    </option>
                  ))}
                </select>
              )}
            </RowCell>
            <RowCell {...cell("year")}>
              {(input) => (
                <select {...input} {...bound("year")}>
                  {field.years.map((option) => (
                    <option key={option} value={String(option)}>
                      {option}
                    </option>
                  ))}
                </select>
              )}
            </RowCell>
            <RowCell {...cell("description")}>{(input) => <input {...input} {...bound("description")} maxLength={500} />}</RowCell>
            <RowCell {...cell("amount")}>{(input) => <input {...input} {...bound("amount")} inputMode="decimal" autoComplete="off" size={12} />}</RowCell>
          </>
        );
      }}
    >
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
          <p className="kern-hint" id={`${baseId}-own-hint`}>
            {t("applications.budget.ownMinimum", { percent: field.minOwnContributionPercent })}
          </p>
        ) : null}
        <ErrorList id={`${idFor(ownName)}-errors`} messages={ownErrors} />
      </div>
      <TableScroll label={t("applications.budget.totals")}>
      <table className="totals" aria-live="polite">
        <caption>{t("applications.budget.totals")}</caption>
        <tbody>
          {field.years.map((year) => (
            <tr key={year}>
              <th scope="row">{t("applications.budget.yearTotal", { year })}</th>
              <td className="number">{formatEuros(locale, totals.byYear.get(year) ?? 0)}</td>
            </tr>
          ))}
          {field.categories.map((category) => (
            <tr key={category.value}>
              <th scope="row">{t("applications.budget.categoryTotal", { category: labelOf(category, locale) })}</th>
              <td className="number">{formatEuros(locale, totals.byCategory.get(category.value) ?? 0)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("applications.budget.total")}</th>
            <td className="number">{formatEuros(locale, totals.totalCents)}</td>
          </tr>
          <tr>
            <th scope="row">{t("applications.budget.own")}</th>
            <td className="number">{formatEuros(locale, parseEuros(budget.own) ?? 0)}</td>
          </tr>
          <tr>
            <th scope="row">{t("applications.budget.requested")}</th>
            <td className="number">
              <strong>{formatEuros(locale, totals.requestedCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      </TableScroll>
    </RowsTable>
  );
}
