import { prisma } from "../db.server";
import { developmentMailboxEnabled } from "../config.server";
import { notFound } from "../http.server";
import { requireRole } from "../accounts/session.server";
import { requestFromThisMachine } from "../web/client-address.server";
import { attachmentSelect, attachmentWithContent } from "./outbox-worker.server";

/**
 * The development mailbox: in demo and development mode no mail leaves the portal, and what it
 * "sent" can be read here (that is how a demo sign-up gets its confirmation link). Outside those
 * modes it does not exist.
 */
export function assertMailboxEnabled(): void {
  if (!developmentMailboxEnabled()) throw notFound();
}

/**
 * Lets through who may read the mailbox: whoever sits at the machine the portal runs on, and
 * administrators from anywhere. The mails hold other people's sign-in links, so a demo reachable from
 * a network must not hand them to every visitor. Where the mailbox does not exist this is a 404 for
 * everyone; elsewhere a visitor is sent to log in and any other role is refused (403).
 */
export async function requireMailboxReader(request: Request, context: { clientAddress?: unknown }): Promise<void> {
  assertMailboxEnabled();
  if (requestFromThisMachine(request, context)) return;
  await requireRole(request, ["ADMIN"]);
}

export interface MailboxEntry {
  id: string;
  toEmail: string;
  subject: string;
  status: "PENDING" | "SENT" | "FAILED";
  createdAt: Date;
  sentAt: Date | null;
}

const LIST_LIMIT = 200;

/** The newest mails first, optionally only those whose recipient contains `recipient` (any case). */
export async function listMailboxEmails(options: { recipient?: string; limit?: number } = {}): Promise<MailboxEntry[]> {
  assertMailboxEnabled();
  const recipient = options.recipient?.trim();
  return prisma.outboxEmail.findMany({
    where: recipient ? { toEmail: { contains: recipient, mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? LIST_LIMIT,
    select: { id: true, toEmail: true, subject: true, status: true, createdAt: true, sentAt: true },
  });
}

export interface MailboxLink {
  href: string;
  text: string;
}

export interface MailboxAttachment {
  id: string;
  filename: string;
  contentType: string;
  /** Null while a version's PDF waits for the outbox worker to render it. */
  sizeBytes: number | null;
}

export interface MailboxEmail extends MailboxEntry {
  template: string;
  locale: "de" | "en";
  html: string;
  text: string;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  links: MailboxLink[];
  attachments: MailboxAttachment[];
}

/** One mail with the links of its HTML, so readers can follow them without opening the frame, and its attachments. */
export async function getMailboxEmail(id: string): Promise<MailboxEmail> {
  assertMailboxEnabled();
  const email = await prisma.outboxEmail.findUnique({ where: { id } });
  if (!email) throw notFound();
  // The size comes from the database, so listing a mail never loads its files.
  const attachments = await prisma.$queryRaw<MailboxAttachment[]>`
    SELECT "id", "filename", "contentType", octet_length("content")::int AS "sizeBytes"
    FROM "OutboxAttachment"
    WHERE "emailId" = ${id}
    ORDER BY "id"`;
  return {
    id: email.id,
    toEmail: email.toEmail,
    subject: email.subject,
    status: email.status,
    createdAt: email.createdAt,
    sentAt: email.sentAt,
    template: email.template,
    locale: email.locale,
    html: email.html,
    text: email.text,
    attempts: email.attempts,
    lastError: email.lastError,
    providerMessageId: email.providerMessageId,
    links: extractLinks(email.html),
    attachments,
  };
}

/** One attachment of one mail, with its bytes (a PDF not rendered yet is rendered now); 404 unless it belongs to that mail. */
export async function getMailboxAttachment(
  emailId: string,
  attachmentId: string,
): Promise<{ filename: string; contentType: string; content: Uint8Array<ArrayBuffer> }> {
  assertMailboxEnabled();
  const attachment = await prisma.outboxAttachment.findFirst({ where: { id: attachmentId, emailId }, select: { ...attachmentSelect, email: { select: { locale: true } } } });
  if (!attachment) throw notFound();
  return attachmentWithContent(attachment, attachment.email.locale);
}

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[entity.toLowerCase()] ?? whole;
  });
}

function plainText(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The targets of the mail's `<a href>` elements, in order and without repeats. Only web and mail
 * addresses: whatever else a mail contains is not turned into a live link on the portal's page.
 */
export function extractLinks(html: string): MailboxLink[] {
  const links: MailboxLink[] = [];
  const seen = new Set<string>();
  const anchor = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
  for (const match of html.matchAll(anchor)) {
    const attributes = match[1] ?? "";
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
    const raw = href?.[1] ?? href?.[2] ?? href?.[3];
    if (raw === undefined) continue;
    const target = decodeEntities(raw).trim();
    if (!/^(https?:|mailto:)/i.test(target) || seen.has(target)) continue;
    seen.add(target);
    links.push({ href: target, text: plainText(match[2] ?? "") || target });
  }
  return links;
}
