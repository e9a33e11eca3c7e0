import type { Transaction } from "../db.server";
import { renderEmail, type EmailMessage } from "../../../emails/render";
import type { Locale } from "~/i18n";

export interface ComposedEmail {
  template: string;
  locale: Locale;
  toEmail: string;
  subject: string;
  html: string;
  text: string;
}

/** Renders a mail ahead of the transaction that queues it, so rendering never holds a transaction open. */
export async function composeEmail(to: { email: string; locale: Locale }, message: EmailMessage): Promise<ComposedEmail> {
  const rendered = await renderEmail(message, to.locale);
  return { template: message.template, locale: to.locale, toEmail: to.email, ...rendered };
}

/** Queues the mail in the caller's transaction: it is sent after commit, or never if the change rolls back. */
export async function queueEmail(tx: Transaction, email: ComposedEmail, now = new Date()): Promise<void> {
  await tx.outboxEmail.create({ data: { ...email, createdAt: now, nextAttemptAt: now } });
}
