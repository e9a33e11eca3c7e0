import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/server/db.server";
import { composeEmail, queueEmail, type ComposedEmail, type EmailAttachment } from "~/server/mail/outbox.server";
import {
  CLAIM_LEASE_MS,
  DEFAULT_MAIL_FROM,
  deliverDueEmails,
  developmentMailboxTransport,
  eventLoopBusy,
  requeueEmail,
  resendTransport,
  retryDelayMs,
  startOutboxWorker,
  transportFromEnvironment,
  wakeOutboxWorker,
  type MailTransport,
  type OutgoingEmail,
} from "~/server/mail/outbox-worker.server";
import { extractLinks, getMailboxAttachment, getMailboxEmail, listMailboxEmails } from "~/server/mail/mailbox.server";
import { loader as attachmentLoader } from "~/routes/dev.mailbox.$emailId.attachments.$attachmentId";
import { renderApplicationPdf } from "~/server/pdf/application-pdf.server";
import { formDefinition } from "~/forms/form-definition";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { pdfText } from "../support/pdf-text";

const T0 = new Date("2031-03-04T09:00:00.000Z");
const API_KEY = "re_test_0123456789";
const FROM = "MINT-Förderportal Test <portal@test.example>";
const SECOND = 1000;

let fake: FakeResend;
let confirmation: ComposedEmail;

function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

function mail(to: string): ComposedEmail {
  return { ...confirmation, toEmail: to };
}

/** Every byte value, so an encoding that mangles NUL, high or non-UTF-8 bytes shows. */
const binary = Uint8Array.from({ length: 1024 }, (_, index) => (index * 7) % 256);
const receiptPdf: EmailAttachment = { filename: "Eingangsbestätigung MC27-S-000042.pdf", contentType: "application/pdf", content: binary };
const notes: EmailAttachment = { filename: "notes.txt", contentType: "text/plain", content: new TextEncoder().encode("Grüße\n") };

async function queue(email: ComposedEmail, now = T0, attachments: EmailAttachment[] = []): Promise<string> {
  await prisma.$transaction((tx) => queueEmail(tx, email, now, attachments));
  const row = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: email.toEmail }, orderBy: { createdAt: "desc" } });
  return row.id;
}

function resend(): MailTransport {
  return resendTransport(API_KEY, { baseUrl: fake.url, from: FROM });
}

/** Records what it is asked to send; never fails. */
function recordingTransport(delayMs = 0): MailTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      sent.push(email);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { providerMessageId: `recorded-${sent.length}` };
    },
  };
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY });
  confirmation = await composeEmail(
    { email: "clara@example.org", locale: "de" },
    {
      template: "confirm-email",
      props: { name: "Clara Koordinatorin", network: "MINT-Region Freiburg", url: "http://localhost:3000/confirm-email/tok?x=1&y=2" },
    },
  );
});

afterAll(() => fake.close());

beforeEach(async () => {
  fake.reset();
  await prisma.outboxEmail.deleteMany();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("queueing", () => {
  it("never sends mail queued in a transaction that rolled back", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, mail("rolled-back@example.org"), T0);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    const transport = recordingTransport();
    expect(await deliverDueEmails({ now: at(60 * 60 * SECOND), transport })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails({ now: at(60 * 60 * SECOND), transport: resend() })).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it("does not send mail before it is due", async () => {
    await queue(mail("later@example.org"), at(10 * SECOND));
    expect(await deliverDueEmails({ now: T0, transport: resend() })).toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("attachments", () => {
  it("are stored with the mail, in the same transaction, byte for byte", async () => {
    const id = await prisma.$transaction(async (tx) => {
      await queueEmail(tx, mail("with-pdf@example.org"), T0, [receiptPdf, notes]);
      // Visible inside the transaction already: mail and files are written together.
      const row = await tx.outboxEmail.findFirstOrThrow({ where: { toEmail: "with-pdf@example.org" }, include: { attachments: true } });
      expect(row.attachments).toHaveLength(2);
      return row.id;
    });
    const stored = await prisma.outboxAttachment.findMany({ where: { emailId: id }, orderBy: { id: "asc" } });
    expect(stored.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      [receiptPdf.filename, "application/pdf"],
      [notes.filename, "text/plain"],
    ]);
    expect(Buffer.from(stored[0]!.content!).equals(Buffer.from(binary))).toBe(true);
    expect(new TextDecoder().decode(stored[1]!.content!)).toBe("Grüße\n");
  });

  it("roll back with the mail", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, mail("rolled-back-pdf@example.org"), T0, [receiptPdf]);
        throw new Error("the submission failed");
      }),
    ).rejects.toThrow("the submission failed");
    expect(await prisma.outboxEmail.count()).toBe(0);
    expect(await prisma.outboxAttachment.count()).toBe(0);
    expect(await deliverDueEmails({ now: at(60 * SECOND), transport: resend() })).toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toEqual([]);
  });

  it("go to Resend as base64 with name and type, and arrive intact", async () => {
    const id = await queue(mail("pdf@example.org"), T0, [receiptPdf, notes]);
    expect(await deliverDueEmails({ now: T0, transport: resend() })).toEqual({ sent: 1, failed: 0 });

    const body = fake.requests[0]?.body as { attachments?: { filename: string; content: unknown; content_type: string }[] };
    expect(body.attachments?.map((attachment) => [attachment.filename, attachment.content_type, typeof attachment.content])).toEqual([
      [receiptPdf.filename, "application/pdf", "string"],
      [notes.filename, "text/plain", "string"],
    ]);
    expect(body.attachments?.[0]?.content).toBe(Buffer.from(binary).toString("base64"));
    const [sent] = fake.emails;
    expect(sent?.attachments.map((attachment) => attachment.filename)).toEqual([receiptPdf.filename, notes.filename]);
    expect(sent?.attachments[0]?.content.equals(Buffer.from(binary))).toBe(true);
    expect(sent?.attachments[1]?.content.toString("utf8")).toBe("Grüße\n");
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", providerMessageId: sent?.id });
  });

  it("are sent again unchanged after a failed attempt, and a mail without any sends no attachment list", async () => {
    await queue(mail("retry-pdf@example.org"), T0, [receiptPdf]);
    await queue(mail("plain@example.org"), T0);
    fake.failNext(1, 503);
    expect(await deliverDueEmails({ now: T0, transport: resend(), batchSize: 1 })).toEqual({ sent: 0, failed: 1 });
    expect(await deliverDueEmails({ now: at(60 * SECOND), transport: resend() })).toEqual({ sent: 2, failed: 0 });

    const withPdf = fake.emails.find((email) => email.to === "retry-pdf@example.org");
    expect(withPdf?.attachments[0]?.content.equals(Buffer.from(binary))).toBe(true);
    const plain = fake.emails.find((email) => email.to === "plain@example.org");
    expect(plain?.attachments).toEqual([]);
    expect(plain?.body).not.toHaveProperty("attachments");
  });

  it("carry the rendered application PDF to the recipient unchanged", async () => {
    const pdf = await renderApplicationPdf({
      locale: "de",
      callTitle: "MINT-Cluster 2027",
      programmeName: "MINT-Cluster des Bundes",
      stageKind: "SINGLE",
      networkName: "MINT-Region Göttingen",
      bundesland: "NI",
      receiptNumber: "MC27-000007",
      versionNumber: 1,
      submittedAt: T0,
      submittedBy: "Clara Koordinatorin",
      definition: formDefinition.parse({
        sections: [{ key: "about", titleDe: "Vorhaben", titleEn: "Project", fields: [{ key: "goal", type: "shortText", labelDe: "Ziel", labelEn: "Goal", required: true }] }],
      }),
      answers: { fields: { goal: "Mehr Mädchen in MINT" } },
      files: [],
    });
    await queue(mail("receipt@example.org"), T0, [{ filename: "MC27-000007.pdf", contentType: "application/pdf", content: pdf }]);
    await deliverDueEmails({ now: T0, transport: resend() });

    const received = fake.emails[0]?.attachments[0]?.content;
    expect(received?.equals(Buffer.from(pdf))).toBe(true);
    expect(received?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfText(received!).split("\n")).toEqual(expect.arrayContaining(["MC27-000007", "MINT-Region Göttingen", "Mehr Mädchen in MINT"]));
  });

  it("reach the transport with their bytes", async () => {
    await queue(mail("recorded@example.org"), T0, [receiptPdf]);
    const transport = recordingTransport();
    await deliverDueEmails({ now: T0, transport });
    expect(transport.sent[0]?.attachments).toHaveLength(1);
    expect(transport.sent[0]?.attachments[0]).toMatchObject({ filename: receiptPdf.filename, contentType: "application/pdf" });
    expect(Buffer.from(transport.sent[0]!.attachments[0]!.content).equals(Buffer.from(binary))).toBe(true);
  });
});

describe("sending through Resend", () => {
  it("sends once with key, idempotency key, sender, recipient and content, and records the provider id", async () => {
    const id = await queue(mail("clara@example.org"));

    expect(await deliverDueEmails({ now: T0, transport: resend() })).toEqual({ sent: 1, failed: 0 });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: "/emails",
      authorization: `Bearer ${API_KEY}`,
      idempotencyKey: `outbox-${id}`,
      contentType: "application/json",
      status: 200,
    });
    expect(request?.userAgent).toMatch(/^resend-node:/);
    expect(fake.emails).toHaveLength(1);
    const [sent] = fake.emails;
    expect(sent).toMatchObject({
      from: FROM,
      to: "clara@example.org",
      subject: confirmation.subject,
      html: confirmation.html,
      text: confirmation.text,
    });
    expect(sent?.html).toContain("http://localhost:3000/confirm-email/tok?x=1&amp;y=2");

    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: sent?.id, lastError: null });
    expect(row.sentAt).toEqual(T0);

    // Sent is sent: later runs leave it alone.
    expect(await deliverDueEmails({ now: at(24 * 60 * 60 * SECOND), transport: resend() })).toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("uses MAIL_FROM, and the portal's default sender without it", async () => {
    await queue(mail("a@example.org"));
    await deliverDueEmails({ now: T0, transport: resendTransport(API_KEY, { baseUrl: fake.url }) });
    vi.stubEnv("MAIL_FROM", "Förderportal <noreply@foerderportal.example>");
    await queue(mail("b@example.org"));
    await deliverDueEmails({ now: T0, transport: resendTransport(API_KEY, { baseUrl: fake.url }) });

    expect(fake.emails.map((email) => [email.to, email.from])).toEqual([
      ["a@example.org", DEFAULT_MAIL_FROM],
      ["b@example.org", "Förderportal <noreply@foerderportal.example>"],
    ]);
    expect(DEFAULT_MAIL_FROM).toBe("MINT-Förderportal <portal@example.org>");
  });

  it("takes Resend from the environment: RESEND_API_KEY, and RESEND_BASE_URL as the SDK reads it", async () => {
    vi.stubEnv("RESEND_API_KEY", API_KEY);
    vi.stubEnv("RESEND_BASE_URL", fake.url);
    const id = await queue(mail("env@example.org"));

    expect(await deliverDueEmails({ now: T0, transport: transportFromEnvironment() })).toEqual({ sent: 1, failed: 0 });
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests[0]?.idempotencyKey).toBe(`outbox-${id}`);
  });

  it("a repeated send of the same row (an expired lease) creates no second mail at Resend", async () => {
    const id = await queue(mail("twice@example.org"));
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    const transport = resend();
    const first = await transport.send({ ...row, attachments: [] });
    const second = await transport.send({ ...row, attachments: [] });
    expect(second.providerMessageId).toBe(first.providerMessageId);
    expect(fake.requests).toHaveLength(2);
    expect(fake.emails).toHaveLength(1);
    expect(fake.replays).toBe(1);
  });
});

describe("failures and retries", () => {
  it("backs off exponentially from 30 seconds, capped at six hours", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30, 60, 120, 240, 480].map((s) => s * SECOND));
    expect(retryDelayMs(10)).toBe(30 * 2 ** 9 * SECOND);
    expect(retryDelayMs(11)).toBe(6 * 60 * 60 * SECOND);
    expect(retryDelayMs(1000)).toBe(6 * 60 * 60 * SECOND);
  });

  it("keeps a mail whose send failed, with the error, and sends it after the backoff", async () => {
    const id = await queue(mail("retry@example.org"));
    fake.failNext(1, 500);

    expect(await deliverDueEmails({ now: T0, transport: resend() })).toEqual({ sent: 0, failed: 1 });
    let row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null, providerMessageId: null });
    expect(row.lastError).toMatch(/500/);
    expect(row.nextAttemptAt).toEqual(at(30 * SECOND));

    // Not before the backoff has passed.
    expect(await deliverDueEmails({ now: at(29 * SECOND), transport: resend() })).toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);

    // Rate limited on the second try: the wait doubles.
    fake.failNext(1, 429);
    expect(await deliverDueEmails({ now: at(30 * SECOND), transport: resend() })).toEqual({ sent: 0, failed: 1 });
    row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(row.lastError).toMatch(/rate_limit_exceeded/);
    expect(row.nextAttemptAt).toEqual(at((30 + 60) * SECOND));

    expect(await deliverDueEmails({ now: at(90 * SECOND), transport: resend() })).toEqual({ sent: 1, failed: 0 });
    row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 3, providerMessageId: fake.emails[0]?.id });
    expect(row.sentAt).toEqual(at(90 * SECOND));

    expect(fake.requests.map((request) => [request.status, request.idempotencyKey])).toEqual([
      [500, `outbox-${id}`],
      [429, `outbox-${id}`],
      [200, `outbox-${id}`],
    ]);
    expect(fake.emails).toHaveLength(1);
  });

  it("records a network failure (Resend unreachable) like any other", async () => {
    const id = await queue(mail("offline@example.org"));
    const unreachable = resendTransport(API_KEY, { baseUrl: "http://127.0.0.1:9", from: FROM });
    expect(await deliverDueEmails({ now: T0, transport: unreachable })).toEqual({ sent: 0, failed: 1 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toBeTruthy();
  });

  it("gives up after ten failed attempts, and a requeued mail goes out", async () => {
    const id = await queue(mail("stubborn@example.org"));
    fake.failNext(10, 500);

    let now = T0;
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await deliverDueEmails({ now, transport: resend() })).toEqual({ sent: 0, failed: 1 });
      const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < 10) {
        expect(row.status).toBe("PENDING");
        expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(30 * SECOND * 2 ** (attempt - 1));
        now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe("FAILED");
      }
    }
    expect(fake.requests).toHaveLength(10);
    expect(fake.emails).toHaveLength(0);

    // Failed mail waits for a person, however long.
    const muchLater = new Date(now.getTime() + 30 * 24 * 60 * 60 * SECOND);
    expect(await deliverDueEmails({ now: muchLater, transport: resend() })).toEqual({ sent: 0, failed: 0 });

    expect(await requeueEmail(id, muchLater)).toBe(true);
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await deliverDueEmails({ now: muchLater, transport: resend() })).toEqual({ sent: 1, failed: 0 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", providerMessageId: fake.emails[0]?.id });
    expect(fake.emails).toHaveLength(1);

    // Sent mail is not requeued.
    expect(await requeueEmail(id, muchLater)).toBe(false);
    expect(await requeueEmail("no-such-mail")).toBe(false);
  });
});

describe("several workers", () => {
  it("deliver each mail exactly once when running at the same time", async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 25; index++) ids.add(await queue(mail(`person${index}@example.org`)));

    const transport = resend();
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const result = await deliverDueEmails({ now: T0, batchSize: 4, transport });
        if (result.sent + result.failed === 0) return sent;
        sent += result.sent;
      }
    };
    const totals = await Promise.all([worker(), worker(), worker()]);

    expect(totals.reduce((sum, count) => sum + count, 0)).toBe(25);
    // Count requests, not mails: the fake's idempotency would hide a double send among the mails.
    expect(fake.requests).toHaveLength(25);
    const keys = fake.requests.map((request) => request.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([...ids].map((id) => `outbox-${id}`)));
    expect(await prisma.outboxEmail.count({ where: { status: "SENT" } })).toBe(25);
  });

  it("two single batches in parallel split the mail between them", async () => {
    for (let index = 0; index < 6; index++) await queue(mail(`split${index}@example.org`));
    const transport = recordingTransport(5);
    const results = await Promise.all([
      deliverDueEmails({ now: T0, batchSize: 10, transport }),
      deliverDueEmails({ now: T0, batchSize: 10, transport }),
    ]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(6);
    expect(new Set(transport.sent.map((email) => email.id)).size).toBe(6);
    expect(transport.sent).toHaveLength(6);
  });

  it("a mail being sent is leased: others skip it until the lease ends (a crashed worker's mail comes back)", async () => {
    const id = await queue(mail("leased@example.org"));
    const during: Array<{ sent: number; failed: number }> = [];
    const other = recordingTransport();
    const slow: MailTransport = {
      async send() {
        // While this worker is sending, another one looks at the outbox.
        during.push(await deliverDueEmails({ now: T0, transport: other }));
        during.push(await deliverDueEmails({ now: at(CLAIM_LEASE_MS - 1), transport: other }));
        throw new Error("worker crashed");
      },
    };
    // The "crash" shows as a failure here; model a real crash by resetting the row to its leased state.
    await deliverDueEmails({ now: T0, transport: slow });
    expect(during).toEqual([
      { sent: 0, failed: 0 },
      { sent: 0, failed: 0 },
    ]);
    await prisma.outboxEmail.update({ where: { id }, data: { attempts: 0, lastError: null, nextAttemptAt: at(CLAIM_LEASE_MS) } });

    expect(await deliverDueEmails({ now: at(CLAIM_LEASE_MS - 1), transport: other })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails({ now: at(CLAIM_LEASE_MS), transport: other })).toEqual({ sent: 1, failed: 0 });
    expect(other.sent.map((email) => email.id)).toEqual([id]);
  });
  it("a worker whose provider is slow hands the rest of its batch back before its lease runs out", async () => {
    for (let index = 0; index < 3; index++) await queue(mail(`slow${index}@example.org`));
    const realNow = Date.now.bind(Date);
    const transport = recordingTransport();
    const slow: MailTransport = {
      async send(email) {
        // The first send takes (or seems to take) longer than the sending window.
        vi.spyOn(Date, "now").mockImplementation(() => realNow() + CLAIM_LEASE_MS);
        return transport.send(email);
      },
    };
    try {
      expect(await deliverDueEmails({ now: T0, batchSize: 10, transport: slow })).toEqual({ sent: 1, failed: 0 });
    } finally {
      vi.restoreAllMocks();
    }
    const rest = await prisma.outboxEmail.findMany({ where: { status: "PENDING" } });
    expect(rest).toHaveLength(2);
    for (const row of rest) expect(row).toMatchObject({ attempts: 0, nextAttemptAt: T0 });
    expect(await deliverDueEmails({ now: T0, batchSize: 10, transport })).toEqual({ sent: 2, failed: 0 });
    expect(new Set(transport.sent.map((email) => email.id)).size).toBe(3);
  });
});

describe("development mailbox", () => {
  it("the development transport marks mail SENT with the provider id dev-mailbox", async () => {
    const id = await queue(mail("dev@example.org"));
    expect(await deliverDueEmails({ now: T0, transport: developmentMailboxTransport() })).toEqual({ sent: 1, failed: 0 });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      providerMessageId: "dev-mailbox",
    });
  });

  it("is the transport without RESEND_API_KEY", async () => {
    vi.stubEnv("RESEND_API_KEY", "");
    const id = await queue(mail("env-dev@example.org"));
    expect(await deliverDueEmails({ now: T0, transport: transportFromEnvironment() })).toEqual({ sent: 1, failed: 0 });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).providerMessageId).toBe("dev-mailbox");
    expect(fake.requests).toHaveLength(0);
  });

  it("lists mail newest first, filters by recipient, and shows the links of a mail", async () => {
    vi.stubEnv("PORTAL_MODE", "demo");
    vi.stubEnv("RESEND_API_KEY", "");
    const first = await queue(mail("Clara@Example.org"), T0);
    const second = await queue(mail("bernd@example.org"), at(SECOND));
    await deliverDueEmails({ now: at(SECOND), transport: developmentMailboxTransport() });

    expect((await listMailboxEmails()).map((email) => email.id)).toEqual([second, first]);
    expect((await listMailboxEmails({ recipient: "clara@" })).map((email) => email.id)).toEqual([first]);
    expect(await listMailboxEmails({ recipient: "nobody" })).toEqual([]);

    const email = await getMailboxEmail(first);
    expect(email).toMatchObject({ toEmail: "Clara@Example.org", status: "SENT", subject: confirmation.subject });
    expect(email.links.map((link) => link.href)).toContain("http://localhost:3000/confirm-email/tok?x=1&y=2");

    await expect(getMailboxEmail("no-such-mail")).rejects.toMatchObject({ status: 404 });
  });

  it("lists a mail's attachments and serves each as a download, only with its own mail", async () => {
    vi.stubEnv("PORTAL_MODE", "demo");
    vi.stubEnv("RESEND_API_KEY", "");
    const id = await queue(mail("mailbox-pdf@example.org"), T0, [receiptPdf, notes]);
    const other = await queue(mail("other@example.org"), T0);

    const email = await getMailboxEmail(id);
    expect(email.attachments.map(({ filename, contentType, sizeBytes }) => ({ filename, contentType, sizeBytes }))).toEqual([
      { filename: receiptPdf.filename, contentType: "application/pdf", sizeBytes: 1024 },
      { filename: notes.filename, contentType: "text/plain", sizeBytes: 8 },
    ]);
    expect((await getMailboxEmail(other)).attachments).toEqual([]);

    const pdfId = email.attachments[0]!.id;
    const download = (emailId: string, attachmentId: string) =>
      // Asked from the machine itself, as a developer does.
      attachmentLoader({ request: new Request(`http://localhost/dev/mailbox/${emailId}/attachments/${attachmentId}`), params: { emailId, attachmentId }, context: { clientAddress: "127.0.0.1" } });
    const response = await download(id, pdfId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Length")).toBe("1024");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Eingangsbestatigung MC27-S-000042.pdf"; filename*=UTF-8''Eingangsbest%C3%A4tigung%20MC27-S-000042.pdf`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(binary))).toBe(true);

    // An attachment is found only under its own mail.
    await expect(download(other, pdfId)).rejects.toMatchObject({ status: 404 });
    await expect(download(id, "no-such-attachment")).rejects.toMatchObject({ status: 404 });
    await expect(getMailboxAttachment(other, pdfId)).rejects.toMatchObject({ status: 404 });

    vi.stubEnv("PORTAL_MODE", "production");
    await expect(download(id, pdfId)).rejects.toMatchObject({ status: 404 });
    vi.stubEnv("PORTAL_MODE", "demo");
    vi.stubEnv("RESEND_API_KEY", API_KEY);
    await expect(download(id, pdfId)).rejects.toMatchObject({ status: 404 });
  });

  it("does not exist in production or when Resend sends the mail", async () => {
    vi.stubEnv("PORTAL_MODE", "production");
    await expect(listMailboxEmails()).rejects.toMatchObject({ status: 404 });
    vi.stubEnv("PORTAL_MODE", "demo");
    vi.stubEnv("RESEND_API_KEY", API_KEY);
    await expect(listMailboxEmails()).rejects.toMatchObject({ status: 404 });
    await expect(getMailboxEmail("anything")).rejects.toBeInstanceOf(Response);
  });

  it("extracts web and mail links, decoded, without repeats, and nothing else", () => {
    const html = `<p><a href="https://a.example/x?y=1&amp;z=2" style="c">Confirm <b>now</b></a>
      <a class='k' href='mailto:help@example.org'>help</a><a href="javascript:alert(1)">bad</a>
      <a name="anchor">no href</a><a href=https://a.example/x?y=1&amp;z=2>again</a><a href="https://b.example/"></a></p>`;
    expect(extractLinks(html)).toEqual([
      { href: "https://a.example/x?y=1&z=2", text: "Confirm now" },
      { href: "mailto:help@example.org", text: "help" },
      { href: "https://b.example/", text: "https://b.example/" },
    ]);
  });
});

describe("the in-process worker", () => {
  it("delivers on start, and soon after a wake", async () => {
    const early = await queue(mail("early@example.org"), new Date());
    const transport = recordingTransport();
    const stop = startOutboxWorker({ intervalMs: 60 * 60 * SECOND, transport });
    try {
      await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: early } })).status).toBe("SENT"));
      const woken = await queue(mail("woken@example.org"), new Date());
      wakeOutboxWorker();
      wakeOutboxWorker(); // debounced: one run
      await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: woken } })).status).toBe("SENT"));
      expect(transport.sent.map((email) => email.id)).toEqual([early, woken]);
    } finally {
      await stop();
    }
  });

  it("holds mail back while the process is busy answering requests, and sends it when the rush is over", async () => {
    let busy = true;
    const transport = recordingTransport();
    const id = await queue(mail("after-the-rush@example.org"), new Date());
    const stop = startOutboxWorker({ intervalMs: 60 * 60 * SECOND, transport, isBusy: async () => busy });
    try {
      wakeOutboxWorker();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(transport.sent).toEqual([]);
      busy = false;
      await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT"), { timeout: 5000 });
    } finally {
      await stop();
    }
  });

  it("under lasting load still sends a batch every ten seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const transport = recordingTransport();
    const stop = startOutboxWorker({ intervalMs: 60 * 60 * SECOND, transport, isBusy: async () => true });
    try {
      const id = await queue(mail("under-load@example.org"), new Date());
      wakeOutboxWorker();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(transport.sent).toEqual([]);
      vi.setSystemTime(Date.now() + 10 * SECOND);
      await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT"), { timeout: 5000 });
    } finally {
      await stop();
      vi.useRealTimers();
    }
  });

  it("sees a busy event loop as busy and an idle one as idle", async () => {
    expect(await eventLoopBusy()).toBe(false);
    let spinning = true;
    const spin = () => {
      const until = performance.now() + 10;
      while (performance.now() < until);
      if (spinning) setImmediate(spin);
    };
    spin();
    try {
      expect(await eventLoopBusy()).toBe(true);
    } finally {
      spinning = false;
    }
  });

  it("logs errors instead of crashing, and keeps polling", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const sent: string[] = [];
    const transport: MailTransport = {
      async send(email) {
        sent.push(email.toEmail);
        // A provider id the database refuses: recording the outcome throws inside the run.
        if (sent.length === 1) return { providerMessageId: 42 as unknown as string };
        return { providerMessageId: "ok" };
      },
    };
    const broken = await queue(mail("broken@example.org"), new Date());
    const stop = startOutboxWorker({ intervalMs: 20, transport });
    try {
      await vi.waitFor(() => expect(errors).toHaveBeenCalled());
      const id = await queue(mail("after-error@example.org"), new Date());
      await vi.waitFor(async () => expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT"));
      expect(sent).toEqual(["broken@example.org", "after-error@example.org"]);
      // The mail whose outcome was lost is still leased, not lost: it comes back when the lease ends.
      const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: broken } });
      expect(row.status).toBe("PENDING");
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + CLAIM_LEASE_MS / 2);
    } finally {
      await stop();
      errors.mockRestore();
    }
  });
});
