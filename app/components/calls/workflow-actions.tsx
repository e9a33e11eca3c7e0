import { applicationActionSchema, extensionSchema, type ManagerAction } from "~/forms/call-schemas";
import { useT } from "~/components/use-t";
import { BerlinMomentFields, TextAreaField } from "./fields";
import { SetupForm } from "./setup-form";

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
          {action === "INVITE_TO_NEXT_STAGE" ? (
            <TextAreaField name="conditions" label={`${t("managerApplications.conditions")} ${t("field.optional")}`} hint={t("managerApplications.conditionsHint")} rows={4} />
          ) : null}
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
