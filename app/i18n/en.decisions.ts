import type { decisionsDe } from "./de.decisions";

export const decisionsEn: Record<keyof typeof decisionsDe, string> = {
  "reviewSteps.decisions": "Decisions",

  "decisions.error.chooseOutcome": "Please choose a decision.",
  "decisions.error.reasonRequired": "Please write an internal reason for the rejection.",
  "decisions.error.amountRequired": "Please enter an amount in euros (or a support package, if the call offers one).",
  "decisions.error.overMaximum": "The amount is above this call's maximum: at most {max} per award.",
  "decisions.error.overExceptionLimit": "The amount is above the exception limit: at most {max}; up to {exception} with a written justification, no more.",
  "decisions.error.justificationRequired": "An amount above {max} needs a written justification of the exception (possible up to {exception}).",
  "decisions.error.overBudget": "With this decision {sum} would be awarded, more than the budget of {budget}. Confirm the overrun explicitly if you mean it.",
  "decisions.error.invitationOnlyOutline": "Invitations to the full proposal exist only in the outline stage.",
  "decisions.error.awardNotInOutline": "The outline stage does not award: invite to the full proposal.",
  "decisions.error.notInReview": "This application is not in review yet; decisions come after the eligibility check.",
  "decisions.error.ineligible": "This application is not eligible; it is not decided on.",
  "decisions.error.alreadyWaitlisted": "This application is already on the waiting list.",
  "decisions.error.released": "The decision is already released and therefore final.",
  "decisions.error.nothingToWithdraw": "There is no unreleased decision to withdraw here.",
  "decisions.error.reviewGone": "A ticked review is not (or no longer) one of this application's submitted reviews. Please reload the page.",
  "decisions.error.alreadyAnswered": "This award has already been answered.",
  "decisions.error.notYetLapsed": "The acceptance period is still running; only after it can you record that the award was not accepted.",
  "decisions.error.acceptancePeriodOver": "The acceptance period is over.",
  "decisions.error.gone": "No longer in this stage or no longer visible.",
};
