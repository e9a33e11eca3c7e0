import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/server/db.server";
import { requestPasswordReset } from "../../app/server/accounts/accounts.server";
import { isLoopbackAddress, requestFromThisMachine } from "../../app/server/web/client-address.server";
import { loader as mailboxLoader } from "../../app/routes/dev.mailbox._index";
import { loader as mailLoader } from "../../app/routes/dev.mailbox.$emailId";
import { loader as attachmentLoader } from "../../app/routes/dev.mailbox.$emailId.attachments.$attachmentId";
import { createPerson } from "../support/accounts";
import { browserOf } from "../support/application-fixtures";
import { answerOf, type RouteFunction } from "../support/route-calls";
import type { UserRole } from "../../app/generated/prisma/enums";

const recipient = "postfach-leserin@example.test";
let emailId: string;
let attachmentId: string;

beforeAll(async () => {
  const person = await createPerson("APPLICANT", { email: recipient });
  await requestPasswordReset(person.email, { baseUrl: "http://portal.test", clientAddress: "198.51.100.1" });
  const email = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: recipient }, select: { id: true } });
  emailId = email.id;
  const attachment = await prisma.outboxAttachment.create({
    data: { emailId, filename: "Eingangsbestätigung.txt", contentType: "text/plain", content: new TextEncoder().encode("Hallo") },
    select: { id: true },
  });
  attachmentId = attachment.id;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function demoMode() {
  vi.stubEnv("PORTAL_MODE", "demo");
  vi.stubEnv("RESEND_API_KEY", "");
}

async function cookieOf(role: UserRole | null): Promise<string> {
  return (await browserOf(role ? await createPerson(role) : null)).cookie;
}

const pages: [string, RouteFunction, () => string, () => Record<string, string>][] = [
  ["the list", mailboxLoader as RouteFunction, () => "/dev/mailbox", () => ({})],
  ["a mail", mailLoader as RouteFunction, () => `/dev/mailbox/${emailId}`, () => ({ emailId })],
  ["an attachment", attachmentLoader as RouteFunction, () => `/dev/mailbox/${emailId}/attachments/${attachmentId}`, () => ({ emailId, attachmentId })],
];

function open(page: (typeof pages)[number], options: { cookie?: string; clientAddress: string; headers?: Record<string, string> }) {
  const [, loader, path, params] = page;
  const request = new Request(`http://portal.test${path()}`, { headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers } });
  return answerOf(loader, request, { params: params(), clientAddress: options.clientAddress });
}

describe("the development mailbox", () => {
  it("opens for anyone on the machine itself, whatever the loopback address looks like", async () => {
    demoMode();
    for (const page of pages) {
      for (const clientAddress of ["127.0.0.1", "127.0.1.1", "::1", "::ffff:127.0.0.1"]) {
        const answer = await open(page, { clientAddress });
        expect(answer.status, `${page[0]} from ${clientAddress}`).toBe(200);
      }
    }
    const list = await open(pages[0]!, { clientAddress: "127.0.0.1" });
    expect((list.data as { emails: { toEmail: string }[] }).emails.map((email) => email.toEmail)).toContain(recipient);
  });

  it("opens for an administrator from anywhere", async () => {
    demoMode();
    const admin = await cookieOf("ADMIN");
    for (const page of pages) expect((await open(page, { cookie: admin, clientAddress: "192.0.2.44" })).status, page[0]).toBe(200);
  });

  it("sends a visitor from elsewhere to the login and refuses every other role (403)", async () => {
    demoMode();
    for (const page of pages) {
      const visitor = await open(page, { clientAddress: "192.0.2.44" });
      expect(visitor.status, page[0]).toBe(302);
      expect(visitor.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(page[2]())}`);
      for (const role of ["APPLICANT", "JUROR", "MANAGER", "STATE_COORDINATOR"] as const) {
        expect((await open(page, { cookie: await cookieOf(role), clientAddress: "192.0.2.44" })).status, `${page[0]} for ${role}`).toBe(403);
      }
    }
  });

  it("treats a request relayed by a proxy on the same machine as somebody else's", async () => {
    demoMode();
    const relayed: Record<string, string>[] = [
      { "X-Forwarded-For": "192.0.2.44" },
      { "X-Forwarded-For": "127.0.0.1" },
      { Forwarded: "for=192.0.2.44" },
      { "X-Real-IP": "192.0.2.44" },
    ];
    for (const headers of relayed) {
      const answer = await open(pages[0]!, { clientAddress: "127.0.0.1", headers });
      expect(answer.status, JSON.stringify(headers)).toBe(302);
      const manager = await open(pages[1]!, { cookie: await cookieOf("MANAGER"), clientAddress: "127.0.0.1", headers });
      expect(manager.status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("does not exist in production, nor when Resend delivers the mail: 404 even on the machine and for administrators", async () => {
    const admin = await cookieOf("ADMIN");
    for (const settings of [
      { PORTAL_MODE: "production", RESEND_API_KEY: "" },
      { PORTAL_MODE: "demo", RESEND_API_KEY: "re_test_key" },
    ]) {
      for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
      for (const page of pages) {
        expect((await open(page, { clientAddress: "127.0.0.1" })).status, `${page[0]} in ${JSON.stringify(settings)}`).toBe(404);
        expect((await open(page, { cookie: admin, clientAddress: "192.0.2.44" })).status).toBe(404);
      }
      vi.unstubAllEnvs();
    }
  });
});

describe("the machine itself", () => {
  it("is a loopback address without a forwarding header", () => {
    for (const address of ["127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["10.0.0.1", "192.168.1.127", "::ffff:10.0.0.1", "1127.0.0.1", "127.0.0.1.example", "::2", "unknown", ""]) {
      expect(isLoopbackAddress(address), address).toBe(false);
    }
    const plain = new Request("http://portal.test/");
    expect(requestFromThisMachine(plain, { clientAddress: "127.0.0.1" })).toBe(true);
    expect(requestFromThisMachine(plain, {})).toBe(false);
    expect(requestFromThisMachine(new Request("http://portal.test/", { headers: { "X-Forwarded-For": "127.0.0.1" } }), { clientAddress: "127.0.0.1" })).toBe(
      false,
    );
  });
});
