import type { DecisionChoice } from "~/forms/decision-schemas";
import type { MessageKey } from "~/i18n";
import { statesBeforeEligibilityCheck, unreleasedDecisionStates, type ApplicationEvent, type ApplicationState } from "@workflows/application.machine";

export function decideEvent(choice: DecisionChoice, isOutline: boolean): ApplicationEvent {
  switch (choice) {
    case "award":
      return { type: "DECIDE_AWARD", isOutline };
    case "invitation":
      return { type: "DECIDE_INVITATION", isOutline };
    case "waitlist":
      return { type: "DECIDE_WAITLIST" };
    case "rejection":
      return { type: "DECIDE_REJECTION" };
  }
}

/** Every decision event, for asking the machine which the page may offer. */
export function decideEvents(isOutline: boolean): { choice: DecisionChoice; event: ApplicationEvent }[] {
  return (["award", "invitation", "waitlist", "rejection"] as const).map((choice) => ({ choice, event: decideEvent(choice, isOutline) }));
}

const unreleased: readonly string[] = unreleasedDecisionStates;
const notYetReviewed: readonly string[] = [...statesBeforeEligibilityCheck, "eligibilityCheck"];

/** Why the machine refused a decision in this state, in the manager's words. */
export function decisionRefusal(state: ApplicationState): MessageKey {
  if (notYetReviewed.includes(state)) return "decisions.error.notInReview";
  if (state === "ineligible") return "decisions.error.ineligible";
  // The only decision refused on a waiting-list place (released or just decided from it): the waiting list again.
  if (state === "waitlisted" || unreleased.includes(state)) return "decisions.error.alreadyWaitlisted";
  return "decisions.error.released";
}

/** Why there is no decision to withdraw in this state. */
export function withdrawRefusal(state: ApplicationState): MessageKey {
  if (state === "inReview" || state === "waitlisted" || notYetReviewed.includes(state) || state === "ineligible") return "decisions.error.nothingToWithdraw";
  return "decisions.error.released";
}
