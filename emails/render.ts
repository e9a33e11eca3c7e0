import { createElement } from "react";
import { render } from "@react-email/components";
import ConfirmEmail, { confirmEmailSubject, type ConfirmEmailProps } from "./confirm-email";
import PasswordReset, { passwordResetSubject, type PasswordResetProps } from "./password-reset";
import Invitation, { invitationSubject, type InvitationProps } from "./invitation";
import type { Locale } from "../app/i18n";

/** Every notification the portal sends, by template name, with the props its template takes. */
export type EmailMessage =
  | { template: "confirm-email"; props: Omit<ConfirmEmailProps, "locale"> }
  | { template: "password-reset"; props: Omit<PasswordResetProps, "locale"> }
  | { template: "invitation"; props: Omit<InvitationProps, "locale"> };

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
  }
}

export async function renderEmail(message: EmailMessage, locale: Locale): Promise<RenderedEmail> {
  const { subject, node } = element(message, locale);
  const [html, text] = await Promise.all([render(node), render(node, { plainText: true })]);
  return { subject, html, text };
}
