import { parseRowChange, partnerLetterKey } from "~/forms/application-schemas";
import { ConfirmStep, useStepToConfirm } from "../confirm-step";
import { useT } from "../use-t";
import type { FileSummary } from "./answer-view";
import { DRAFT_FORM } from "./field-inputs";

/**
 * Removing a partner row deletes its letter of intent, so the server saved everything else and asked
 * (`?confirm=removePartner:<field>:<row>`). The confirming button submits the draft form again, with
 * whatever was typed since, and confirms exactly this row.
 */
export function PartnerRemovalQuestion({ files }: { files: FileSummary[] }) {
  const t = useT();
  const asked = useStepToConfirm();
  const change = asked ? parseRowChange(asked) : null;
  if (!asked || change?.kind !== "removePartner") return null;
  if (!files.some((file) => file.fieldKey === partnerLetterKey(change.fieldKey, change.row))) return null;
  return (
    <ConfirmStep
      question={t("applications.confirmRemovePartner.question", { number: change.row + 1 })}
      explanation={t("applications.confirmRemovePartner.explained")}
      intent={asked}
      confirmLabel={t("applications.confirmRemovePartner.button")}
      form={DRAFT_FORM}
    />
  );
}
