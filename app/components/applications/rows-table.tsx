import type { ReactNode } from "react";
import type { FormField } from "~/forms/form-definition";
import { anchorOf, inputName } from "~/forms/application-schemas";
import { useLocale, useT } from "../use-t";
import { DRAFT_FORM, ErrorList, RequiredMark, describedBy, helpOf, idFor, labelOf, type InputErrors } from "./field-inputs";
import { TableScroll } from "../forms";

/**
 * A field answered in rows of a table (partners, budget lines): its help, the table captioned with
 * its label, a remove button at the end of each row and an add button below. The buttons save the
 * draft, so rows come and go without JavaScript. `children` follow the add button.
 */
export function RowsTable<Row>(props: {
  field: Extract<FormField, { type: "partners" | "budget" }>;
  columns: ReactNode[];
  rows: Row[];
  empty: string;
  cells: (row: Row, index: number) => ReactNode;
  removeIntent: (index: number) => string;
  removeLabel: (number: number) => string;
  addIntent: string;
  addLabel: string;
  errors: InputErrors;
  children?: ReactNode;
}) {
  const { field } = props;
  const t = useT();
  const locale = useLocale();
  const name = inputName.field(field.key);
  const help = helpOf(field, locale);
  const hintId = `${idFor(name)}-hint`;
  return (
    <div className={`field ${field.type}`} id={anchorOf.field(field.key)}>
      {help ? (
        <p className="kern-hint" id={hintId}>
          {help}
        </p>
      ) : null}
      <TableScroll label={labelOf(field, locale)}>
      <table aria-describedby={describedBy(help && hintId)}>
        <caption>
          {labelOf(field, locale)}
          <RequiredMark required={field.required} />
        </caption>
        <thead>
          <tr>
            {props.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t("applications.rows.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length + 1} className="empty">
                {props.empty}
              </td>
            </tr>
          ) : null}
          {props.rows.map((row, index) => (
            <tr key={index}>
              {props.cells(row, index)}
              <td>
                <button type="submit" form={DRAFT_FORM} name="intent" value={props.removeIntent(index)} className="kern-btn kern-btn--danger kern-btn--small">
                  {props.removeLabel(index + 1)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <ErrorList id={`${idFor(name)}-errors`} messages={props.errors[name]} />
      <button type="submit" className="kern-btn kern-btn--secondary" form={DRAFT_FORM} name="intent" value={props.addIntent}>
        {props.addLabel}
      </button>
      {props.children}
    </div>
  );
}

/** The attributes an input of a row needs: its name, id and form, and whether it has messages. */
export interface RowInputProps {
  id: string;
  name: string;
  form: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** One cell of a row: the input, labelled with its column and row for screen readers, and its messages. */
export function RowCell(props: { name: string; label: string; rowLabel: string; errors: InputErrors; children: (input: RowInputProps) => ReactNode }) {
  const id = idFor(props.name);
  const messages = props.errors[props.name];
  const invalid = !!messages?.length;
  return (
    <td>
      <label className="visually-hidden" htmlFor={id}>
        {props.label} ({props.rowLabel})
      </label>
      {props.children({ id, name: props.name, form: DRAFT_FORM, "aria-invalid": invalid ? true : undefined, "aria-describedby": invalid ? `${id}-errors` : undefined })}
      <ErrorList id={`${id}-errors`} messages={messages} />
    </td>
  );
}
