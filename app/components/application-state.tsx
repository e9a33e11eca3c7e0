import type { ApplicationState } from "@workflows/application.machine";
import { useT } from "./use-t";

const states: readonly ApplicationState[] = [
  "draft",
  "submitted",
  "withdrawn",
  "eligibilityCheck",
  "ineligible",
  "inReview",
  "shortlisted",
  "waitlisted",
  "invitedToNextStage",
  "approved",
  "rejected",
];

function isApplicationState(value: string): value is ApplicationState {
  return (states as readonly string[]).includes(value);
}

/** The state of an application in the reader's language. */
export function ApplicationStateLabel({ state }: { state: string }) {
  const t = useT();
  return <span className="badge">{isApplicationState(state) ? t(`applicationState.${state}`) : state}</span>;
}
