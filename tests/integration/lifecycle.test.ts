import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { ErrorBoundary } from "~/root";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, connectPostgres, database, databaseUnavailable, installDatabase, openPgliteFolder, prisma, UnusableDataFolderError } from "~/server/db.server";
import {
  CLAIM_LEASE_MS,
  UNANSWERED_REPEAT_LIMIT_MS,
  MailTransportError,
  deliverDueEmails,
  requeueEmail,
  resendTransport,
  type MailTransport,
} from "~/server/mail/outbox-worker.server";
import { answeringBusyWhileDatabaseIsAway } from "~/server/web/database-busy.server";
import { shutdownGraceMs } from "~/server/web/graceful-stop.server";
import { prepareDatabase } from "~/server/startup.server";
import { SEED_MARKER_ID } from "@seed/demo";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { createPerson } from "../support/accounts";
import { shutDownCleanly } from "../support/portal-process";

// The root route links its stylesheets by URL; the page's text is what is tested here, and the KERN
// stylesheet lies outside this worktree's root when node_modules is a link, where Vite refuses it.
vi.mock("@kern-ux/native/dist/kern.min.css?url", () => ({ default: "/kern.css" }));

const T0 = new Date("2031-03-04T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function queueMail(toEmail: string): Promise<string> {
  const row = await prisma.outboxEmail.create({ data: { template: "test", locale: "de", toEmail, subject: "Hallo", html: "<p>Hallo</p>", text: "Hallo", nextAttemptAt: T0 } });
  return row.id;
}

/** The row as a crash leaves it: a send began at `since` and nothing was recorded; the lease runs out at `since + CLAIM_LEASE_MS`. */
async function crashedMidSend(id: string, since: Date): Promise<void> {
  await prisma.outboxEmail.update({ where: { id }, data: { status: "PENDING", attempts: 0, lastError: null, unansweredSendAt: since, nextAttemptAt: new Date(since.getTime() + CLAIM_LEASE_MS) } });
}

describe("mail across crashes", () => {
  let fake: FakeResend;
  const resend = (): MailTransport => resendTransport("re_test", { baseUrl: fake.url });
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterEach(async () => {
    fake.reset();
    await prisma.outboxEmail.deleteMany();
  });
  afterAll(() => fake.close());

  it("confirms a send whose confirmation was lost one lease later, without a second mail", async () => {
    const id = await queueMail("verloren@example.org");
    // The provider accepts the mail, then the process dies before it records that.
    const confirmedThenCrashed: MailTransport = {
      async send(email) {
        await resend().send(email);
        throw new Error("process killed");
      },
    };
    await deliverDueEmails({ now: T0, transport: confirmedThenCrashed });
    expect(fake.emails).toHaveLength(1);
    await crashedMidSend(id, T0);

    expect(await deliverDueEmails({ now: at(CLAIM_LEASE_MS - 1), transport: resend() })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails({ now: at(CLAIM_LEASE_MS), transport: resend() })).toEqual({ sent: 1, failed: 0 });
    expect(CLAIM_LEASE_MS).toBeLessThanOrEqual(60_000);
    expect(fake.emails).toHaveLength(1);
    expect(fake.replays).toBe(1);
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", providerMessageId: fake.emails[0]!.id, unansweredSendAt: null });
  });

  it("repeats an unanswered send only within the provider's idempotency window, and fails it for an administrator after", async () => {
    const within = await queueMail("innerhalb@example.org");
    const after = await queueMail("danach@example.org");
    await crashedMidSend(within, T0);
    await crashedMidSend(after, at(-1));
    const transport = resend();

    expect(await deliverDueEmails({ now: at(UNANSWERED_REPEAT_LIMIT_MS), transport })).toEqual({ sent: 1, failed: 0 });
    expect(fake.emails.map((email) => email.to)).toEqual(["innerhalb@example.org"]);
    const failed = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: after } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 0 });
    expect(failed.lastError).toContain("its answer never came");
    expect(failed.lastError).toContain("Check in Resend whether it was delivered");
    expect(UNANSWERED_REPEAT_LIMIT_MS).toBeLessThan(24 * 60 * 60 * 1000);

    // Requeueing is the administrator's decision after checking: the mail then goes out.
    expect(await requeueEmail(after, at(UNANSWERED_REPEAT_LIMIT_MS))).toBe(true);
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: after } })).toMatchObject({ status: "PENDING", unansweredSendAt: null });
    expect(await deliverDueEmails({ now: at(UNANSWERED_REPEAT_LIMIT_MS), transport })).toEqual({ sent: 1, failed: 0 });
  });

  it("keeps the time of a send that got no answer, and forgets it when the provider answers with a refusal", async () => {
    const lost = await queueMail("keine-antwort@example.org");
    const lostConnection: MailTransport = {
      send: async () => {
        throw new MailTransportError("fetch failed: socket hang up", null);
      },
    };
    await deliverDueEmails({ now: T0, transport: lostConnection });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: lost } })).toMatchObject({ status: "PENDING", attempts: 1, unansweredSendAt: T0 });
    await prisma.outboxEmail.delete({ where: { id: lost } });

    const refused = await queueMail("abgelehnt@example.org");
    fake.failNext(1, 500);
    await deliverDueEmails({ now: T0, transport: resend() });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: refused } })).toMatchObject({ status: "PENDING", attempts: 1, unansweredSendAt: null });
  });

  it("when asked to stop, finishes and records the mail being sent and hands the rest of the batch back at once", async () => {
    const ids = [await queueMail("a@example.org"), await queueMail("b@example.org"), await queueMail("c@example.org")];
    let stop = false;
    const stopsWhileSending: MailTransport = {
      async send(email) {
        stop = true;
        return resend().send(email);
      },
    };
    expect(await deliverDueEmails({ now: T0, transport: stopsWhileSending, stopRequested: () => stop })).toEqual({ sent: 1, failed: 0 });
    const rows = await prisma.outboxEmail.findMany({ where: { id: { in: ids } }, orderBy: { toEmail: "asc" } });
    expect(rows.map((row) => [row.toEmail, row.status, row.nextAttemptAt.getTime(), row.unansweredSendAt])).toEqual([
      ["a@example.org", "SENT", at(CLAIM_LEASE_MS).getTime(), null],
      ["b@example.org", "PENDING", T0.getTime(), null],
      ["c@example.org", "PENDING", T0.getTime(), null],
    ]);
  });
});

describe("while the database is away", () => {
  const unreachable = () => connectPostgres("postgresql://nobody@127.0.0.1:9/none", 1);

  it("tells an unreachable server apart from a query's own error", async () => {
    const away = unreachable();
    try {
      const error = await away.prisma.user.count().catch((caught: unknown) => caught);
      expect(databaseUnavailable(error)).toBe(true);
      const raw = await away.prisma.$queryRaw`SELECT 1`.catch((caught: unknown) => caught);
      expect(databaseUnavailable(raw)).toBe(true);
    } finally {
      await away.close();
    }
    const duplicate = await prisma.programme
      .createMany({ data: [{ slug: "doppelt", name: "A", funder: "F" }, { slug: "doppelt", name: "B", funder: "F" }] })
      .catch((caught: unknown) => caught);
    expect(databaseUnavailable(duplicate)).toBe(false);
    expect(databaseUnavailable(new Error("boom"))).toBe(false);
  });

  it("answers 503 from any loader or action, other errors unchanged, and recovers by itself when the database is back", async () => {
    const countUsers = async () => ({ users: await prisma.user.count() });
    const build = {
      routes: {
        root: { id: "root", path: "", module: { loader: countUsers } },
        "routes/x": { id: "routes/x", parentId: "root", path: "x", module: { action: countUsers, default: () => null } },
        "routes/y": { id: "routes/y", parentId: "root", path: "y", module: { loader: () => Promise.reject(new Error("a bug")) } },
      },
    } as unknown as ServerBuild;
    const guarded = answeringBusyWhileDatabaseIsAway(build);
    const args = { request: new Request("http://portal.test/x", { method: "POST" }), params: {}, context: {} };
    const loader = guarded.routes.root!.module.loader!;
    const action = guarded.routes["routes/x"]!.module.action!;

    const working = await database();
    const away = unreachable();
    installDatabase(away);
    try {
      for (const handler of [loader, action]) {
        const thrown = await Promise.resolve(handler(args)).catch((caught: unknown) => caught);
        expect(thrown).toBeInstanceOf(Response);
        expect((thrown as Response).status).toBe(503);
        expect((thrown as Response).headers.get("Retry-After")).toBe("5");
      }
    } finally {
      installDatabase(working);
      await away.close();
    }
    expect(await loader(args)).toEqual({ users: await prisma.user.count() });
    await expect(Promise.resolve(guarded.routes["routes/y"]!.module.loader!(args))).rejects.toThrow("a bug");
    // The route's other exports stay as they were.
    expect(guarded.routes["routes/x"]!.module.default).toBe(build.routes["routes/x"]!.module.default);
  });
});

describe("the page while the database is away", () => {
  /** The root error page for a loader that answered 503, in `locale`, with the status the response gets. */
  async function busyPage(locale: "de" | "en"): Promise<{ status: number; text: string }> {
    const handler = createStaticHandler([
      {
        id: "root",
        path: "/",
        loader: () => ({ locale, csrf: "token" }),
        element: createElement(Outlet),
        children: [{ id: "routes/page", index: true, loader: () => Promise.reject(new Response(null, { status: 503 })), errorElement: createElement(ErrorBoundary) }],
      },
    ]);
    const context = await handler.query(new Request("http://portal.test/"));
    if (context instanceof Response) throw new Error("unexpected redirect");
    const html = renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
    return { status: context.statusCode, text: html.replaceAll("<!-- -->", "").replace(/<[^>]+>/g, " ") };
  }

  it("says in plain words that nothing was saved and to try again, in German and English", async () => {
    const german = await busyPage("de");
    expect(german.status).toBe(503);
    expect(german.text).toContain("Das Portal ist gerade nicht erreichbar");
    expect(german.text).toContain("Es wurde nichts gespeichert. Bitte versuchen Sie es in einer Minute noch einmal");
    expect((await busyPage("en")).text).toContain("Nothing was saved. Please try again in a minute");
  });
});

describe("the embedded database's folder", () => {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "portal-pglite-folder-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("is created aside and moved into place, replacing what an interrupted creation left; closing it shuts it down cleanly", async () => {
    const folder = path.join(root, "created", "pglite");
    // An earlier creation was killed half-way: its temporary folder is there, the database is not.
    await mkdir(`${folder}.creating`, { recursive: true });
    await writeFile(path.join(`${folder}.creating`, "PG_VERSION"), "17\n");
    const working = await database();
    const db = await openPgliteFolder(folder);
    installDatabase(db);
    try {
      expect(existsSync(`${folder}.creating`)).toBe(false);
      expect(readdirSync(folder)).toContain("pg_hba.conf");
      await db.execScript(`CREATE TABLE "kept" ("id" INTEGER); INSERT INTO "kept" VALUES (1);`);
    } finally {
      await closeDatabase();
      installDatabase(working);
    }
    expect(shutDownCleanly(folder)).toBe(true);
    const reopened = await openPgliteFolder(folder);
    try {
      expect((await reopened.pglite!.query<{ id: number }>(`SELECT "id" FROM "kept"`)).rows).toEqual([{ id: 1 }]);
    } finally {
      await reopened.close();
    }
  });

  it("that is half-made or holds something else is refused with what happened and what to do", async () => {
    const halfMade = path.join(root, "half-made");
    await mkdir(halfMade, { recursive: true });
    await writeFile(path.join(halfMade, "PG_VERSION"), "17\n");
    await writeFile(path.join(halfMade, "pg_hba.conf"), "");
    const refusal = await openPgliteFolder(halfMade).catch((caught: unknown) => caught);
    expect(refusal).toBeInstanceOf(UnusableDataFolderError);
    expect((refusal as Error).message).toBe(
      `The embedded database in ${halfMade} cannot be opened: the database is incomplete (pg_hba.conf is missing or empty).\n` +
        "This usually means that an earlier first start was interrupted while the database was being created.\n" +
        `If the portal has never held data you need, delete the folder ${halfMade} and start again: a new database is created.\n` +
        "Otherwise put the folder back from your backup, or set DATABASE_URL to use a PostgreSQL server instead.",
    );

    const somethingElse = path.join(root, "something-else");
    await mkdir(somethingElse, { recursive: true });
    await writeFile(path.join(somethingElse, "notizen.txt"), "nicht löschen");
    const other = await openPgliteFolder(somethingElse).catch((caught: unknown) => caught);
    expect((other as Error).message).toContain("the folder is not empty, but it holds no database (PG_VERSION is missing).");
    expect(readdirSync(somethingElse)).toEqual(["notizen.txt"]);
  });
});

describe("the demo seed at start-up", () => {
  const mode = process.env.PORTAL_MODE;
  beforeAll(() => {
    process.env.PORTAL_MODE = "demo";
  });
  afterAll(() => {
    if (mode === undefined) delete process.env.PORTAL_MODE;
    else process.env.PORTAL_MODE = mode;
  });

  it("runs as one transaction: a seed that fails half-way leaves nothing behind", async () => {
    // Calls cannot be written: the seed fails after its people and programmes.
    await prisma.$executeRawUnsafe(`ALTER TABLE "Call" ADD CONSTRAINT "lifecycle_no_calls" CHECK (false)`);
    try {
      await expect(prepareDatabase()).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "Call" DROP CONSTRAINT "lifecycle_no_calls"`);
    }
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.programme.count()).toBe(0);
  });

  it("completes a demo an older version left with people but no calls (the marker decides, not the user count), then leaves it be", async () => {
    await createPerson("ADMIN", { email: "admin@example.org" });
    expect(await prepareDatabase()).toMatchObject({ seeded: true });
    expect(await prisma.call.count()).toBeGreaterThan(0);
    expect(await prisma.user.count({ where: { email: "admin@example.org" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { id: SEED_MARKER_ID } })).toBe(1);
    const calls = await prisma.call.count();
    expect(await prepareDatabase()).toMatchObject({ seeded: false });
    expect(await prisma.call.count()).toBe(calls);
  });
});

describe("the grace period of a stop", () => {
  it("is 60 seconds unless SHUTDOWN_GRACE_SECONDS says otherwise, and refuses what is not a number of seconds", () => {
    expect(shutdownGraceMs(undefined)).toBe(60_000);
    expect(shutdownGraceMs("")).toBe(60_000);
    expect(shutdownGraceMs("1.5")).toBe(1500);
    expect(shutdownGraceMs("0")).toBe(0);
    for (const wrong of ["-1", "lang", "Infinity"]) expect(() => shutdownGraceMs(wrong)).toThrow(`SHUTDOWN_GRACE_SECONDS must be a number of seconds, not "${wrong}"`);
  });
});
