import type { Transaction } from "../db.server";
import { renderEmail, type EmailMessage } from "@emails/render";
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

/** A file sent with a mail. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * A file to send with a queued mail: its bytes, or the submitted version whose PDF the outbox worker
 * renders before the first attempt (rendering is too slow for the request that queues the mail).
 */
export type QueuedAttachment = EmailAttachment | { filename: string; contentType: string; applicationVersionId: string };

/**
 * Queues the mail and its attachments in the caller's transaction: it is sent after commit, or never
 * if the change rolls back.
 */
export async function queueEmail(tx: Transaction, email: ComposedEmail, now = new Date(), attachments: QueuedAttachment[] = []): Promise<void> {
  // Two plain inserts: a nested create would read the mail back as well.
  const { id } = await tx.outboxEmail.create({ data: { ...email, createdAt: now, nextAttemptAt: now }, select: { id: true } });
  if (attachments.length === 0) return;
  await tx.outboxAttachment.createMany({
    data: attachments.map((attachment) => ({
      emailId: id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      // Prisma wants bytes backed by a plain ArrayBuffer; a Node Buffer may share a pooled one.
      ...("content" in attachment ? { content: new Uint8Array(attachment.content) } : { applicationVersionId: attachment.applicationVersionId }),
    })),
  });
}
