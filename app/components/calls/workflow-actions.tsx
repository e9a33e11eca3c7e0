import { applicationActionSchema, extensionSchema, type ManagerAction } from "~/forms/call-schemas";
import { callReopenSchema } from "~/forms/workflow-schemas";
import { useLocale, useT } from "~/components/use-t";
import { formatDateTime } from "~/i18n";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import type { CallEvent, CallState } from "@workflows/call.machine";
import { BerlinMomentFields, TextAreaField } from "./fields";
import { ButtonForm, SetupForm } from "./setup-form";

/**
 * One form per workflow step the machine accepts now. Each carries the version the manager saw, so a
 * step someone else took meanwhile makes this one fail with a message instead of acting twice.
 */
export function WorkflowActions({ actions, version }: { actions: ManagerAction[]; version: number }) {
  const t = useT();
  if (actions.length === 0) return <p className="empty">{t("managerApplications.noActions")}</p>;
  return (
    <div className="workflow-actions">
      {actions.map((action) => (
        <SetupForm
          key={action}
          id={`act-${action}`}
          intent="act"
          schema={applicationActionSchema}
          hidden={{ action, version: String(version) }}
          submitLabel={t(`managerApplications.action.${action}`)}
          labelledBy={`act-${action}-explained`}
        >
          <p id={`act-${action}-explained`}>{t(`managerApplications.explain.${action}`)}</p>
          {action === "MARK_INELIGIBLE" ? <TextAreaField name="reason" label={t("managerApplications.reason")} rows={3} /> : null}
        </SetupForm>
      ))}
    </div>
  );
}

export function ExtensionForm({ defaultValue }: { defaultValue: Record<string, string> }) {
  const t = useT();
  return (
    <SetupForm id="extension" intent="extend" schema={extensionSchema} labelledBy="extension-heading" submitLabel={t("managerApplications.extend")} defaultValue={defaultValue}>
      <BerlinMomentFields dateName="untilDate" timeName="untilTime" legend={t("managerApplications.extendUntil")} dateLabel={t("callSetup.field.day")} timeLabel={t("callSetup.field.time")} />
      <TextAreaField name="reason" label={t("managerApplications.extensionReason")} hint={t("managerApplications.extensionReasonHint")} rows={3} />
    </SetupForm>
  );
}

/** The status each call step leads to, as the status form names it. */
const targetOf = { PUBLISH: "PUBLISHED", CLOSE: "CLOSED", ARCHIVE: "ARCHIVED" } as const;

/**
 * The buttons for the steps the call's machine accepts now. Publishing is the constructive step and
 * the primary button; closing and archiving look destructive and ask first; a call closed by mistake
 * offers reopening with a reason. Every form carries the version the page showed.
 */
export function CallStatusActions({ call }: { call: { title: string; status: CallState; version: number; statusSteps: CallEvent["type"][] } }) {
  const t = useT();
  const asked = useStepToConfirm();
  const steps = call.statusSteps;
  const version = String(call.version);
  const pending = (["CLOSE", "ARCHIVE"] as const).find((step) => step === asked && steps.includes(step));
  return (
    <>
      {pending ? (
        <ConfirmStep
          question={t(`callWorkflow.confirm.${pending}.question`, { title: call.title })}
          explanation={t(`callWorkflow.confirm.${pending}.explained`)}
          intent="status"
          hidden={{ target: targetOf[pending], version }}
          confirmLabel={t(`callWorkflow.confirm.${pending}.button`)}
        />
      ) : null}
      {steps.includes("PUBLISH") ? <ButtonForm intent="status" hidden={{ target: targetOf.PUBLISH, version }} label={t("callSetup.move.PUBLISHED")} className="primary" /> : null}
      {steps.includes("CLOSE") && !pending ? <AskFirstButton step="CLOSE" label={t("callSetup.move.CLOSED")} /> : null}
      {steps.includes("ARCHIVE") && !pending ? <AskFirstButton step="ARCHIVE" label={t("callSetup.move.ARCHIVED")} /> : null}
      {steps.includes("REOPEN") ? (
        <section aria-labelledby="reopen-heading">
          <h3 id="reopen-heading">{t("callWorkflow.reopen.title")}</h3>
          <p>{t("callWorkflow.reopen.intro")}</p>
          <SetupForm id="reopen" intent="reopen" schema={callReopenSchema} hidden={{ version }} submitLabel={t("callWorkflow.reopen.submit")} labelledBy="reopen-heading">
            <TextAreaField name="reason" label={t("callWorkflow.reopen.reason")} rows={3} />
          </SetupForm>
        </section>
      ) : call.status === "CLOSED" ? (
        <p className="kern-hint">{t("callWorkflow.reopen.eligibilityStarted")}</p>
      ) : null}
    </>
  );
}

/** The call's status changes in words, newest first: when, what, by whom, and why it was reopened. */
export function CallStatusHistory({ entries }: { entries: { id: string; step: CallEvent["type"]; at: Date | string; actorName: string | null; reason: string | null }[] }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="status-history-heading">
      <h3 id="status-history-heading">{t("callWorkflow.history.title")}</h3>
      <ul className="status-history">
        {entries.map((entry) => (
          <li key={entry.id}>
            {formatDateTime(locale, entry.at)}: {t(`callWorkflow.history.${entry.step}`)}
            {entry.actorName ? ` ${t("callWorkflow.history.by", { name: entry.actorName })}` : ""}
            {entry.reason ? (
              <>
                <br />
                {t("callWorkflow.history.reason", { reason: entry.reason })}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
