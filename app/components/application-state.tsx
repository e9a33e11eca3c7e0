import { isApplicationState } from "~/forms/application-list";
import { useT } from "./use-t";

/** The state of an application in the reader's language. */
export function ApplicationStateLabel({ state }: { state: string }) {
  const t = useT();
  return <span className="badge">{isApplicationState(state) ? t(`applicationState.${state}`) : state}</span>;
}
