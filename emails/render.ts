import { createElement } from "react";
import { render, toPlainText } from "@react-email/components";
import ConfirmEmail, { confirmEmailSubject, type ConfirmEmailProps } from "./confirm-email";
import PasswordReset, { passwordResetSubject, type PasswordResetProps } from "./password-reset";
import Invitation, { invitationSubject, type InvitationProps } from "./invitation";
import SubmissionReceived, { submissionReceivedSubject, type SubmissionReceivedProps } from "./submission-received";
import CollaboratorInvitation, { collaboratorInvitationSubject, type CollaboratorInvitationProps } from "./collaborator-invitation";
import Outcome, { type OutcomeProps } from "./outcome";
import EligibilityResult, { eligibilityResultSubject, type EligibilityResultProps } from "./eligibility-result";
import ReviewAssignment, { reviewAssignmentSubject, type ReviewAssignmentProps } from "./review-assignment";
import ReviewReminder, { reviewReminderSubject, type ReviewReminderProps } from "./review-reminder";
import ReviewReopened, { reviewReopenedSubject, type ReviewReopenedProps } from "./review-reopened";
import ReviewReassigned, { reviewReassignedSubject, type ReviewReassignedProps } from "./review-reassigned";
import ReviewAbstained, { reviewAbstainedSubject, type ReviewAbstainedProps } from "./review-abstained";
import type { Locale } from "../app/i18n";

/** Every notification the portal sends, by template name, with the props its template takes. */
export type EmailMessage =
  | { template: "confirm-email"; props: Omit<ConfirmEmailProps, "locale"> }
  | { template: "password-reset"; props: Omit<PasswordResetProps, "locale"> }
  | { template: "invitation"; props: Omit<InvitationProps, "locale"> }
  | { template: "submission-received"; props: Omit<SubmissionReceivedProps, "locale"> }
  | { template: "collaborator-invitation"; props: Omit<CollaboratorInvitationProps, "locale"> }
  | { template: "outcome"; props: Omit<OutcomeProps, "locale"> }
  | { template: "eligibility-result"; props: Omit<EligibilityResultProps, "locale"> }
  | { template: "review-assignment"; props: Omit<ReviewAssignmentProps, "locale"> }
  | { template: "review-reminder"; props: Omit<ReviewReminderProps, "locale"> }
  | { template: "review-reopened"; props: Omit<ReviewReopenedProps, "locale"> }
  | { template: "review-reassigned"; props: Omit<ReviewReassignedProps, "locale"> }
  | { template: "review-abstained"; props: Omit<ReviewAbstainedProps, "locale"> };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

function element(message: EmailMessage, locale: Locale) {
  switch (message.template) {
    case "confirm-email":
      return { subject: confirmEmailSubject(locale), node: createElement(ConfirmEmail, { ...message.props, locale }) };
    case "password-reset":
      return { subject: passwordResetSubject(locale), node: createElement(PasswordReset, { ...message.props, locale }) };
    case "invitation":
      return { subject: invitationSubject(locale), node: createElement(Invitation, { ...message.props, locale }) };
    case "submission-received":
      return {
        subject: submissionReceivedSubject(locale, message.props.receiptNumber),
        node: createElement(SubmissionReceived, { ...message.props, locale }),
      };
    case "collaborator-invitation":
      return {
        subject: collaboratorInvitationSubject(locale, message.props.network),
        node: createElement(CollaboratorInvitation, { ...message.props, locale }),
      };
    case "outcome":
      return { subject: message.props.subject, node: createElement(Outcome, { ...message.props, locale }) };
    case "eligibility-result":
      return { subject: eligibilityResultSubject(locale, message.props.call), node: createElement(EligibilityResult, { ...message.props, locale }) };
    case "review-assignment":
      return { subject: reviewAssignmentSubject(locale, message.props.call), node: createElement(ReviewAssignment, { ...message.props, locale }) };
    case "review-reminder":
      return { subject: reviewReminderSubject(locale, message.props.kind), node: createElement(ReviewReminder, { ...message.props, locale }) };
    case "review-reopened":
      return { subject: reviewReopenedSubject(locale), node: createElement(ReviewReopened, { ...message.props, locale }) };
    case "review-reassigned":
      return { subject: reviewReassignedSubject(locale), node: createElement(ReviewReassigned, { ...message.props, locale }) };
    case "review-abstained":
      return { subject: reviewAbstainedSubject(locale, message.props.network), node: createElement(ReviewAbstained, { ...message.props, locale }) };
  }
}

export async function renderEmail(message: EmailMessage, locale: Locale): Promise<RenderedEmail> {
  const { subject, node } = element(message, locale);
  // React's web-stream renderer can leave NUL bytes where its buffer chunks meet (react-email strips
  // them only on its Node-stream path); PostgreSQL refuses them in text columns, and no mail needs one.
  const html = (await render(node)).replaceAll("\u0000", "");
  // The text part is the same markup as text: what render's plainText option returns, without
  // rendering the tree a second time (a mail is rendered in the request that queues it).
  return { subject, html, text: toPlainText(html) };
}
