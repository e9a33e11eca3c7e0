import { performance } from "node:perf_hooks";
import { Resend } from "resend";
import { prisma } from "../db.server";
import { renderVersionPdf } from "../pdf/version-pdf.server";
import type { Locale } from "~/i18n";
import type { EmailAttachment } from "./outbox.server";

/**
 * Sends the outbox (see DESIGN.md "Email" and "Scale"). Mails are queued in the transaction of the
 * change that causes them (`queueEmail`) and sent here after commit. Any number of processes may run
 * `deliverDueEmails` at the same time: rows are claimed with `FOR UPDATE SKIP LOCKED` and leased by
 * moving `nextAttemptAt` forward, so a row is handed to one worker at a time and comes back by itself
 * when that worker dies mid-send. Resend additionally gets the idempotency key `outbox-<id>`, so a
 * send repeated after an expired lease does not reach the recipient twice; a send whose answer never
 * came is repeated only while Resend still knows the key (docs/decisions/016). The PDF of a submitted
 * version is rendered here, not in the request that queued its mail.
 */

export interface OutgoingEmail {
  id: string;
  toEmail: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

/**
 * How long a claimed row stays invisible to other workers while it is being sent. After a crash its
 * mail goes out again (and a send confirmed but not yet recorded is confirmed again) this much later.
 */
export const CLAIM_LEASE_MS = 60 * 1000;
/** After this many failed attempts a mail is FAILED and waits for an administrator. */
export const MAX_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 30 * 1000;
const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;
/** One send never takes longer than this (the SDK's fetch is aborted). */
const SEND_TIMEOUT_MS = 20 * 1000;
/**
 * A worker starts no new mail of its batch later than this after the claim, so that the mail's PDF,
 * its send (SEND_TIMEOUT_MS) and the record of its outcome end before the lease does; the rest of the
 * batch is handed back at once.
 */
const SEND_WINDOW_MS = CLAIM_LEASE_MS - SEND_TIMEOUT_MS - 10 * 1000;
/**
 * Resend answers a repeated idempotency key from its store for 24 hours; after that the same key
 * sends again. A send left unanswered is therefore repeated only within this time after it began
 * (an hour short of the 24, for clocks and a send in progress); later the mail fails for an
 * administrator to check at Resend.
 */
export const UNANSWERED_REPEAT_LIMIT_MS = 23 * 60 * 60 * 1000;
export const DEFAULT_MAIL_FROM = "MINT-Förderportal <portal@example.org>";

/** Delay before the next try after the `attempts`-th failed attempt: 30 s · 2^(attempts−1), at most 6 h. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^20 · 30 s is far beyond the cap already; avoid building huge numbers.
  return exponent >= 20 ? BACKOFF_CAP_MS : Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_CAP_MS);
}

export class MailTransportError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number | null,
  ) {
    super(message);
    this.name = "MailTransportError";
  }
}

/**
 * Resend through its official SDK. `baseUrl` defaults to the SDK's own default (`RESEND_BASE_URL` or
 * https://api.resend.com); `from` to `MAIL_FROM` or the portal's default sender.
 */
export function resendTransport(apiKey: string, options: { baseUrl?: string; from?: string } = {}): MailTransport {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const from = options.from ?? process.env.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  return {
    async send(email) {
      // Resend takes attachment content as base64 in its JSON body.
      const attachments = email.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength).toString("base64"),
      }));
      // The SDK never throws for HTTP or network errors: it returns them in `error`.
      const { data, error } = await resend.emails.send(
        {
          from,
          to: email.toEmail,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(attachments.length > 0 ? { attachments } : {}),
        },
        { idempotencyKey: `outbox-${email.id}`, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
      );
      if (error) {
        const status = error.statusCode ? ` (HTTP ${error.statusCode})` : "";
        throw new MailTransportError(`Resend ${error.name}${status}: ${error.message}`, error.statusCode);
      }
      if (!data?.id) throw new MailTransportError("Resend answered without a message id");
      return { providerMessageId: data.id };
    },
  };
}

/** No mail leaves the portal: the outbox row itself is what the development mailbox shows. */
export function developmentMailboxTransport(): MailTransport {
  return { send: async () => ({ providerMessageId: "dev-mailbox" }) };
}

export function transportFromEnvironment(): MailTransport {
  const apiKey = process.env.RESEND_API_KEY;
  return apiKey ? resendTransport(apiKey) : developmentMailboxTransport();
}

interface ClaimedRow extends Omit<OutgoingEmail, "attachments"> {
  locale: Locale;
  attempts: number;
  unansweredSendAt: Date | null;
}

export const attachmentSelect = { id: true, filename: true, contentType: true, content: true, applicationVersionId: true } as const;

/**
 * The attachment with its bytes. A version's PDF queued without them is rendered now, in the mail's
 * language, and stored: a later attempt sends the same bytes without rendering again.
 */
export async function attachmentWithContent(
  attachment: { id: string; filename: string; contentType: string; content: Uint8Array<ArrayBuffer> | null; applicationVersionId: string | null },
  locale: Locale,
): Promise<EmailAttachment & { content: Uint8Array<ArrayBuffer> }> {
  const { filename, contentType } = attachment;
  if (attachment.content) return { filename, contentType, content: attachment.content };
  if (!attachment.applicationVersionId) throw new Error(`Attachment ${attachment.id} has neither content nor a version to render`);
  const content = await renderVersionPdf(attachment.applicationVersionId, locale);
  await prisma.outboxAttachment.update({ where: { id: attachment.id }, data: { content } });
  return { filename, contentType, content };
}

/** A mail's attachments, read one mail at a time so a batch never holds every file in memory. */
async function attachmentsOf(emailId: string, locale: Locale): Promise<EmailAttachment[]> {
  const stored = await prisma.outboxAttachment.findMany({ where: { emailId }, orderBy: { id: "asc" }, select: attachmentSelect });
  const attachments: EmailAttachment[] = [];
  for (const attachment of stored) attachments.push(await attachmentWithContent(attachment, locale));
  return attachments;
}

/**
 * Claims up to `batchSize` due rows for this worker, leasing them until `now + CLAIM_LEASE_MS`. A
 * row whose unanswered send is too old to repeat safely fails instead of being claimed.
 */
async function claimDueEmails(now: Date, batchSize: number): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const repeatableSince = now.getTime() - UNANSWERED_REPEAT_LIMIT_MS;
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<ClaimedRow[]>`
      SELECT "id", "toEmail", "subject", "html", "text", "locale", "attempts", "unansweredSendAt"
      FROM "OutboxEmail"
      WHERE "status" = 'PENDING'::"OutboxStatus" AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    const tooLate = rows.filter((row) => row.unansweredSendAt && row.unansweredSendAt.getTime() < repeatableSince);
    for (const row of tooLate) {
      await tx.outboxEmail.update({
        where: { id: row.id },
        data: { status: "FAILED", lastError: unansweredTooLongMessage(row.unansweredSendAt!) },
      });
    }
    const claimed = rows.filter((row) => !tooLate.includes(row));
    if (claimed.length > 0) {
      await tx.outboxEmail.updateMany({
        where: { id: { in: claimed.map((row) => row.id) } },
        data: { nextAttemptAt: leaseUntil },
      });
    }
    return claimed;
  });
}

function unansweredTooLongMessage(since: Date): string {
  return (
    `A send began at ${since.toISOString()} and its answer never came; Resend no longer recognises a repeat ` +
    "after 24 hours, so the portal does not send it again by itself. Check in Resend whether it was delivered before requeueing it."
  );
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}

/**
 * Sends the due mails of one batch. `now` is the clock of this run (tests fix it); each mail is sent
 * outside any transaction and its outcome written afterwards.
 */
export async function deliverDueEmails(
  options: { now?: Date; batchSize?: number; transport?: MailTransport; stopRequested?: () => boolean } = {},
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 20;
  const transport = options.transport ?? transportFromEnvironment();
  const claimed = await claimDueEmails(now, batchSize);
  const claimedAt = Date.now();
  let sent = 0;
  let failed = 0;
  for (const [index, row] of claimed.entries()) {
    if (Date.now() - claimedAt > SEND_WINDOW_MS || options.stopRequested?.()) {
      // Slow provider, or the process is stopping: release what is left at once instead of letting
      // it wait out the lease.
      await prisma.outboxEmail.updateMany({
        where: { id: { in: claimed.slice(index).map((rest) => rest.id) }, status: "PENDING" },
        data: { nextAttemptAt: now },
      });
      break;
    }
    const attempts = row.attempts + 1;
    let providerMessageId: string;
    try {
      // A PDF that fails to render fails the attempt like a failed send: backoff, error kept.
      const attachments = await attachmentsOf(row.id, row.locale);
      if (!row.unansweredSendAt) await prisma.outboxEmail.update({ where: { id: row.id }, data: { unansweredSendAt: options.now ?? new Date() } });
      ({ providerMessageId } = await transport.send({ id: row.id, toEmail: row.toEmail, subject: row.subject, html: row.html, text: row.text, attachments }));
    } catch (error) {
      failed++;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await prisma.outboxEmail.update({
        where: { id: row.id },
        data: {
          attempts,
          lastError: errorMessage(error),
          status: giveUp ? "FAILED" : "PENDING",
          nextAttemptAt: giveUp ? now : new Date(now.getTime() + retryDelayMs(attempts)),
          // A refusal with an HTTP status is an answer: nothing went out. A lost connection or a
          // timeout is not, so its time stays.
          ...(error instanceof MailTransportError && error.statusCode ? { unansweredSendAt: null } : {}),
        },
      });
      continue;
    }
    sent++;
    await prisma.outboxEmail.update({
      where: { id: row.id },
      data: { status: "SENT", attempts, sentAt: options.now ?? new Date(), providerMessageId, unansweredSendAt: null },
    });
  }
  return { sent, failed };
}

/**
 * Puts a mail back into the queue to be sent at once (an administrator's action for FAILED mail;
 * for a PENDING mail it skips the remaining wait). The attempt counter restarts, so the mail gets
 * the full series of retries again; `lastError` stays until the next attempt. An unanswered send is
 * forgotten: requeueing is the administrator's decision to send again (the failure text asks them to
 * check Resend first). Sent mail is left alone. Returns whether the mail was requeued.
 */
export async function requeueEmail(id: string, now = new Date()): Promise<boolean> {
  const { count } = await prisma.outboxEmail.updateMany({
    where: { id, status: { in: ["FAILED", "PENDING"] } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now, unansweredSendAt: null },
  });
  if (count > 0) wakeOutboxWorker();
  return count > 0;
}

// ---------------------------------------------------------------------------------------------
// The in-process poller. Every app process may run one; the database decides who sends what.

interface WorkerState {
  transport: MailTransport;
  batchSize: number;
  isBusy: () => Promise<boolean>;
  interval: ReturnType<typeof setInterval>;
  wakeTimer?: ReturnType<typeof setTimeout>;
  running?: Promise<void>;
  /** Since when mail has been held back for a busy process. */
  busySince?: number;
  again: boolean;
  stopped: boolean;
}

let worker: WorkerState | undefined;
const WAKE_DEBOUNCE_MS = 50;
const BUSY_SAMPLE_MS = 50;
const BUSY_UTILIZATION = 0.75;
const BUSY_RECHECK_MS = 1000;
/** Under lasting load a batch still goes out this often. */
const MAX_HOLD_BACK_MS = 10_000;

/** Whether this process's event loop spent most of a short moment running other work, such as answering requests. */
export async function eventLoopBusy(): Promise<boolean> {
  const before = performance.eventLoopUtilization();
  await new Promise((resolve) => setTimeout(resolve, BUSY_SAMPLE_MS));
  return performance.eventLoopUtilization(before).utilization > BUSY_UTILIZATION;
}

/**
 * A batch renders PDFs, each holding the event loop for tens of milliseconds, which every request
 * waiting in a deadline surge would feel. So mail waits while the process is busy, for at most
 * MAX_HOLD_BACK_MS at a time.
 */
async function holdsBack(state: WorkerState): Promise<boolean> {
  if (!(await state.isBusy())) {
    state.busySince = undefined;
    return false;
  }
  const now = Date.now();
  state.busySince ??= now;
  if (now - state.busySince < MAX_HOLD_BACK_MS) return true;
  state.busySince = now;
  return false;
}

async function runUntilDrained(state: WorkerState): Promise<void> {
  do {
    state.again = false;
    try {
      // Keep going while whole batches come back: there is more due mail.
      for (;;) {
        if (await holdsBack(state)) {
          scheduleRun(state, BUSY_RECHECK_MS);
          return;
        }
        const { sent, failed } = await deliverDueEmails({ transport: state.transport, batchSize: state.batchSize, stopRequested: () => state.stopped });
        if (state.stopped || sent + failed < state.batchSize) break;
      }
    } catch (error) {
      console.error("[outbox] delivery run failed:", error);
    }
  } while (state.again && !state.stopped);
}

function triggerRun(state: WorkerState): void {
  if (state.stopped) return;
  if (state.running) {
    // One run at a time per process; a wake during a run means "look once more afterwards".
    state.again = true;
    return;
  }
  state.running = runUntilDrained(state).finally(() => {
    state.running = undefined;
  });
}

function scheduleRun(state: WorkerState, delayMs: number): void {
  if (state.stopped || state.wakeTimer) return;
  state.wakeTimer = setTimeout(() => {
    state.wakeTimer = undefined;
    triggerRun(state);
  }, delayMs);
  state.wakeTimer.unref();
}

/**
 * Starts polling the outbox every `intervalMs` (the timer does not keep the process alive) and
 * returns a function that stops it: a run in progress finishes the mail it is sending, records its
 * outcome and hands the rest of its batch back, then the returned promise resolves.
 */
export function startOutboxWorker(
  options: { intervalMs?: number; transport?: MailTransport; batchSize?: number; isBusy?: () => Promise<boolean> } = {},
): () => Promise<void> {
  const { intervalMs = 5000, batchSize = 20 } = options;
  if (worker) void stopWorker(worker);
  const state: WorkerState = {
    transport: options.transport ?? transportFromEnvironment(),
    batchSize,
    isBusy: options.isBusy ?? eventLoopBusy,
    interval: setInterval(() => triggerRun(state), intervalMs),
    again: false,
    stopped: false,
  };
  state.interval.unref();
  worker = state;
  triggerRun(state);
  return () => stopWorker(state);
}

async function stopWorker(state: WorkerState): Promise<void> {
  state.stopped = true;
  clearInterval(state.interval);
  if (state.wakeTimer) clearTimeout(state.wakeTimer);
  if (worker === state) worker = undefined;
  await state.running;
}

/**
 * Asks the worker of this process to deliver soon (debounced), e.g. right after a route committed a
 * change that queued mail. A no-op when no worker runs in this process: the mail then waits for the
 * next poll of any worker.
 */
export function wakeOutboxWorker(): void {
  if (worker) scheduleRun(worker, WAKE_DEBOUNCE_MS);
}
