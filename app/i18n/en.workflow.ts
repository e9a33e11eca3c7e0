import type { workflowDe } from "./de.workflow";

export const workflowEn: Record<keyof typeof workflowDe, string> = {
  "confirm.error.required": "Please confirm this step; it has not been carried out yet.",
  "confirm.cancel": "Cancel",

  "callWorkflow.already.PUBLISHED": "The call is already published.",
  "callWorkflow.already.CLOSED": "The call is already closed.",
  "callWorkflow.already.ARCHIVED": "The call is already archived.",
  "callWorkflow.confirm.CLOSE.question": "Really close “{title}”?",
  "callWorkflow.confirm.CLOSE.explained":
    "Networks can then no longer start new applications, and texts, stages and forms can no longer be changed. You can reopen the call only as long as the eligibility check of its applications has not begun.",
  "callWorkflow.confirm.CLOSE.button": "Yes, close",
  "callWorkflow.confirm.ARCHIVE.question": "Really archive “{title}”?",
  "callWorkflow.confirm.ARCHIVE.explained": "Archiving ends the round for good. This cannot be undone.",
  "callWorkflow.confirm.ARCHIVE.button": "Yes, archive",
  "callWorkflow.reopen.title": "Closed by mistake?",
  "callWorkflow.reopen.intro": "As long as the eligibility check of its applications has not begun, you can publish the call again. The reason is recorded in the call's history.",
  "callWorkflow.reopen.reason": "Reason for reopening",
  "callWorkflow.reopen.submit": "Reopen call",
  "callWorkflow.reopen.eligibilityStarted": "The eligibility check of the applications has begun; the call can no longer be reopened.",
  "callWorkflow.reopen.notClosed": "Only a closed call can be reopened.",

  "callWorkflow.history.title": "Status history",
  "callWorkflow.history.PUBLISH": "published",
  "callWorkflow.history.CLOSE": "closed",
  "callWorkflow.history.ARCHIVE": "archived",
  "callWorkflow.history.REOPEN": "reopened",
  "callWorkflow.history.by": "by {name}",
  "callWorkflow.history.reason": "Reason: {reason}",

  "applicationWorkflow.confirmWithdraw.question": "Really withdraw the application?",
  "applicationWorkflow.confirmWithdraw.explained":
    "The application then no longer takes part in the competition. Until the deadline you can reopen and submit it again, but not afterwards.",
  "applicationWorkflow.confirmWithdraw.button": "Yes, withdraw",

  "formBuilder.confirmDeleteField.question": "Really delete the field “{label}”?",
  "formBuilder.confirmDeleteField.explained": "The field leaves the form with all its settings. This cannot be undone; you would have to create it again.",
  "formBuilder.confirmDeleteField.button": "Yes, delete field",

  "formBuilder.confirmDeleteSection.question": "Really delete the section “{title}” with {count, plural, one {# field} other {# fields}}?",
  "formBuilder.confirmDeleteSection.explained": "The section leaves the form with all its fields and their settings. This cannot be undone.",
  "formBuilder.confirmDeleteSection.button": "Yes, delete section and fields",

  "applications.confirmRemovePartner.question": "Really remove partner {number}?",
  "applications.confirmRemovePartner.explained": "Its uploaded letter of intent will be deleted; you would have to upload it again. Your other entries are saved.",
  "applications.confirmRemovePartner.button": "Yes, remove partner and letter of intent",
} as const;
