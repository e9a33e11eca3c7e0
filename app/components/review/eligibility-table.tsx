import { Form, Link, useActionData } from "@remix-run/react";
import { ApplicationStateLabel } from "~/components/application-state";
import { CsrfField, FieldErrors, FormErrors, TableScroll } from "~/components/forms";
import { useT } from "~/components/use-t";
import type { Bundesland } from "~/forms/call-openness";
import type { FormOutcome } from "~/forms/form-protocol";
import type { MessageKey } from "~/i18n";

/**
 * The eligibility check's list: a checkbox per undecided application for the bulk form below the
 * table (joined to it by the `form` attribute, so each row can carry its own small forms too), and
 * per row the decision, or the way to take it back. Works without JavaScript.
 */
export const BULK_FORM = "bulk";

interface Row {
  id: string;
  title: string;
  state: string;
  version: number;
  network: { name: string; bundesland: Bundesland };
  ineligibleReason: string | null;
  awaitsDeadline: boolean;
  decidable: boolean;
  revisable: boolean;
}

/** What the action answered: a form's refusal, or what a step on several applications did. */
export type EligibilityOutcome = FormOutcome | { formId: string; report: { changed: number; failures: { network: string; messageKey: MessageKey; params?: Record<string, string | number> }[] } };

/** The refusal of the bulk form (or a row's form) with this id, if the action answered one. */
export function useOutcome(formId: string) {
  const outcome = useActionData<EligibilityOutcome | undefined>();
  return outcome && outcome.formId === formId && "result" in outcome ? outcome.result : undefined;
}

/** What the refused form carried, so the page shows it again as it was typed and ticked. */
export function submitted(result: FormOutcome["result"] | undefined, name: string): string[] {
  const value = (result?.initialValue as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

/** The value a row's check box posts: its id and the version the page showed. */
export const selectionOf = (row: Pick<Row, "id" | "version">) => `${row.id}@${row.version}`;

/** A row's check box for the bulk form below the table, joined to it by the `form` attribute; ticked again after a refusal. */
export function SelectionBox({ row, form, ticked }: { row: Pick<Row, "id" | "version" | "network">; form: string; ticked: ReadonlySet<string> }) {
  const t = useT();
  return (
    <input
      // A new version is a new box: once a step changed the row, the tick the browser kept goes with the old one.
      key={selectionOf(row)}
      type="checkbox"
      form={form}
      name="selected"
      value={selectionOf(row)}
      defaultChecked={ticked.has(selectionOf(row))}
      aria-label={t("eligibility.row.select", { network: row.network.name })}
    />
  );
}

/** A row's heading in the manager's bulk lists: the network, linked to the application, and its title. */
export function ApplicationRowHeader({ row }: { row: Pick<Row, "id" | "title" | "network"> }) {
  return (
    <th scope="row">
      <Link to={`/manager/applications/${row.id}`}>{row.network.name}</Link>
      {row.title ? <div className="kern-hint">{row.title}</div> : null}
    </th>
  );
}

function RowDecision({ row }: { row: Row }) {
  const t = useT();
  const formId = `row-${row.id}`;
  const result = useOutcome(formId);
  const label = { network: row.network.name };
  const hidden = (
    <>
      <CsrfField />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="selected" value={selectionOf(row)} />
    </>
  );
  return (
    <>
      <Form method="post" className="button-form">
        {hidden}
        <button type="submit" name="decision" value="eligible" className="kern-btn kern-btn--secondary" aria-label={t("eligibility.row.eligibleFor", label)}>
          {t("eligibility.eligible")}
        </button>
      </Form>
      <details open={result ? true : undefined}>
        <summary>{t("eligibility.row.ineligible")}</summary>
        <Form method="post" className="stacked">
          {hidden}
          <FormErrors id={`${formId}-errors`} errors={[...(result?.error?.[""] ?? []), ...(result?.error?.selected ?? [])]} />
          <div className="field">
            <label htmlFor={`${formId}-reason`}>{t("eligibility.reason")}</label>
            <textarea
              id={`${formId}-reason`}
              name="reason"
              rows={3}
              defaultValue={submitted(result, "reason")[0] ?? ""}
              aria-invalid={result?.error?.reason ? true : undefined}
              aria-describedby={result?.error?.reason ? `${formId}-reason-errors` : undefined}
            />
            <FieldErrors id={`${formId}-reason-errors`} errors={result?.error?.reason ?? undefined} />
          </div>
          <button type="submit" name="decision" value="ineligible" className="kern-btn kern-btn--danger" aria-label={t("eligibility.row.ineligibleFor", label)}>
            {t("eligibility.ineligible")}
          </button>
        </Form>
      </details>
    </>
  );
}

function RowRevision({ row }: { row: Row }) {
  const t = useT();
  return (
    <Form method="post" className="button-form">
      <CsrfField />
      <input type="hidden" name="intent" value="revise" />
      <input type="hidden" name="selected" value={selectionOf(row)} />
      <button type="submit" className="kern-btn kern-btn--secondary" aria-label={t("eligibility.row.reviseFor", { network: row.network.name })}>
        {t("eligibility.revise")}
      </button>
    </Form>
  );
}

export function EligibilityTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = useT();
  const bulk = useOutcome(BULK_FORM);
  const ticked = new Set(submitted(bulk, "selected"));
  const decidable = rows.filter((row) => row.decidable);
  return (
    <>
      <TableScroll label={caption}>
        <table className="application-list">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("eligibility.column.select")}</th>
              <th scope="col">{t("applicationList.column.network")}</th>
              <th scope="col">{t("applicationList.column.bundesland")}</th>
              <th scope="col">{t("applicationList.column.state")}</th>
              <th scope="col">{t("eligibility.column.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.decidable ? <SelectionBox row={row} form={BULK_FORM} ticked={ticked} /> : null}
                </td>
                <ApplicationRowHeader row={row} />
                <td>{t(`bundesland.${row.network.bundesland}`)}</td>
                <td>
                  <ApplicationStateLabel state={row.state} />
                  {row.ineligibleReason ? <div className="kern-hint">{t("eligibility.reasonShown", { reason: row.ineligibleReason })}</div> : null}
                  {row.awaitsDeadline ? <div className="kern-hint">{t("eligibility.awaitsDeadline")}</div> : null}
                </td>
                <td>
                  {row.decidable ? <RowDecision row={row} /> : null}
                  {row.revisable ? <RowRevision row={row} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {decidable.length > 0 ? (
        <Form method="post" id={BULK_FORM} className="stacked" aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">{t("eligibility.bulk.heading")}</h2>
          <p className="kern-hint">{t("eligibility.bulk.hint")}</p>
          <CsrfField />
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="formId" value={BULK_FORM} />
          <FormErrors id="bulk-errors" errors={[...(bulk?.error?.[""] ?? []), ...(bulk?.error?.selected ?? [])]} />
          <p>
            <button type="submit" name="decision" value="eligible" className="kern-btn kern-btn--primary">
              {t("eligibility.bulk.eligible")}
            </button>
          </p>
          <div className="field">
            <label htmlFor="bulk-reason">{t("eligibility.bulk.reason")}</label>
            <textarea
              id="bulk-reason"
              name="reason"
              rows={3}
              defaultValue={submitted(bulk, "reason")[0] ?? ""}
              aria-invalid={bulk?.error?.reason ? true : undefined}
              aria-describedby={bulk?.error?.reason ? "bulk-reason-errors" : undefined}
            />
            <FieldErrors id="bulk-reason-errors" errors={bulk?.error?.reason ?? undefined} />
          </div>
          <p>
            <button type="submit" name="decision" value="ineligible" className="kern-btn kern-btn--danger">
              {t("eligibility.bulk.ineligible")}
            </button>
          </p>
        </Form>
      ) : null}
    </>
  );
}

/** What a step on several applications did, in words: how many changed, and each refusal with its reason. */
export function EligibilityReportNotice() {
  const t = useT();
  const outcome = useActionData<EligibilityOutcome | undefined>();
  if (!outcome || !("report" in outcome)) return null;
  const { changed, failures } = outcome.report;
  return (
    <div className={`kern-alert kern-alert--${failures.length > 0 ? "warning" : "success"}`} role="status">
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${failures.length > 0 ? "warning" : "success"}`} aria-hidden="true" />
        <div className="alert-message">
          <p className="kern-body">{t("eligibility.report.changed", { count: changed })}</p>
          {failures.length > 0 ? (
            <>
              <p className="kern-body">{t("eligibility.report.failed", { count: failures.length })}</p>
              <ul>
                {failures.map((failure, index) => (
                  <li key={index}>{failure.network ? t("eligibility.report.failure", { network: failure.network, reason: t(failure.messageKey, failure.params) }) : t(failure.messageKey)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
