import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { startApplication } from "../../app/server/applications/applications.server";
import { SEED_MARKER_ID, demoUsers } from "@seed/demo";
import { demoCalls } from "@seed/calls";
import { browserOf as uploaderOf, createUploadWorld } from "../support/file-uploads";
import { browserOf, createCall, createNetwork } from "../support/application-fixtures";
import { completeFormPost } from "../support/application-forms";
import { sample } from "../support/sample-files";
import { startFakeResend } from "../support/fake-resend";
import { ensureCurrentBuild, shutDownCleanly, startPortal, withDataDir, type PortalProcess } from "../support/portal-process";

/**
 * The real portal process, stopped with SIGTERM (or killed) at awkward moments: what a person was
 * told had worked is there, nothing is half-written, mail is neither lost nor doubled, and the
 * embedded database is shut down so the next start needs no recovery.
 */

/** Each test starts the portal once or twice; on a machine shared with other test runs a start alone can take ten seconds. */
const PROCESS_TEST_TIMEOUT_MS = 120_000;

let root = "";
/** A migrated data folder with the people, calls and drafts below; each test starts from a copy. */
let template = "";
let world: {
  upload: { applicationId: string; cookie: string; csrf: string };
  submission: { applicationId: string; cookie: string; csrf: string };
};

beforeAll(async () => {
  ensureCurrentBuild();
  root = await mkdtemp(path.join(tmpdir(), "portal-lifecycle-"));
  template = path.join(root, "template");
  world = await withDataDir(template, async () => {
    const uploads = await createUploadWorld();
    const uploader = await uploaderOf(uploads.ours.coordinator);
    const openFrom = new Date(Date.now() - 86_400_000);
    const call = await createCall({ stages: [{ opensAt: openFrom, closesAt: new Date(Date.now() + 365 * 86_400_000) }] });
    const network = await createNetwork();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug });
    const submitter = await browserOf(network.coordinator);
    return {
      upload: { applicationId: uploads.application.id, ...uploader },
      submission: { applicationId, cookie: submitter.cookie, csrf: submitter.csrf },
    };
  });
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function copyOfTemplate(name: string): Promise<string> {
  const dataDir = path.join(root, name);
  await cp(template, dataDir, { recursive: true });
  return dataDir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
}

/**
 * A POST whose body goes out in two halves: the first at once, the second only when `between` has
 * run (the stop arrives while the request is in flight). Rejects if the connection is cut.
 */
function postInTwoHalves(port: number, pathname: string, headers: Record<string, string>, body: Buffer, between: () => Promise<void>): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: pathname, method: "POST", headers: { ...headers, "Content-Length": String(body.length) } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on("error", reject);
    const half = Math.floor(body.length / 2);
    request.write(body.subarray(0, half));
    between().then(
      () => request.end(body.subarray(half)),
      (error: unknown) => reject(error),
    );
  });
}

function multipart(fields: [string, string][], file: { field: string; name: string; content: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----lifecycle${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The files under the local storage's folder for unfinished uploads. */
function partialFiles(dataDir: string): string[] {
  const folder = path.join(dataDir, "files", ".partial");
  return existsSync(folder) ? readdirSync(folder) : [];
}

async function stopped(portal: PortalProcess, dataDir: string): Promise<void> {
  expect(await portal.exited).toBe(0);
  expect(shutDownCleanly(path.join(dataDir, "pglite")), portal.output()).toBe(true);
}

describe("SIGTERM during an upload", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("lets the upload finish within the grace period: the file is stored whole and recorded", async () => {
    const dataDir = await copyOfTemplate("upload-finished");
    const portal = await startPortal(dataDir);
    const content = sample.pdf(400_000);
    const { body, contentType } = multipart(
      [
        ["csrf", world.upload.csrf],
        ["fieldKey", "anlage"],
      ],
      { field: "file", name: "konzept.pdf", content },
    );
    const answer = await postInTwoHalves(portal.port, `/applications/${world.upload.applicationId}/files`, { Cookie: world.upload.cookie, "Content-Type": contentType }, body, async () => {
      await sleep(200);
      portal.child.kill("SIGTERM");
      await portal.waitFor("SIGTERM: finishing the requests in flight");
      await sleep(200);
    });
    expect(answer.status).toBe(303);
    // The answer during a stop tells the browser not to reuse the connection.
    expect(answer.headers.connection).toBe("close");
    await stopped(portal, dataDir);

    const files = await withDataDir(dataDir, () => prisma.storedFile.findMany({ where: { applicationId: world.upload.applicationId } }));
    expect(files.map((file) => Number(file.sizeBytes))).toEqual([content.length]);
    expect(statSync(path.join(dataDir, "files", ...files[0]!.storageKey.split("/"))).size).toBe(content.length);
    expect(partialFiles(dataDir)).toEqual([]);
  });

  it("cuts off an upload still arriving when the grace period ends: nothing recorded, no partial file after the next start", async () => {
    const dataDir = await copyOfTemplate("upload-cut-off");
    const portal = await startPortal(dataDir, { SHUTDOWN_GRACE_SECONDS: "1" });
    const { body, contentType } = multipart(
      [
        ["csrf", world.upload.csrf],
        ["fieldKey", "anlage"],
      ],
      { field: "file", name: "konzept.pdf", content: sample.pdf(400_000) },
    );
    const upload = postInTwoHalves(portal.port, `/applications/${world.upload.applicationId}/files`, { Cookie: world.upload.cookie, "Content-Type": contentType }, body, async () => {
      await sleep(200);
      portal.child.kill("SIGTERM");
      // The second half never comes in time.
      await portal.exited;
    });
    await expect(upload).rejects.toThrow();
    await stopped(portal, dataDir);
    expect(portal.output()).toContain("1 request did not finish within SHUTDOWN_GRACE_SECONDS and was cut off.");
    // Whatever the cut left in the folder for unfinished uploads, and one planted as a crash would leave it.
    await mkdir(path.join(dataDir, "files", ".partial"), { recursive: true });
    await writeFile(path.join(dataDir, "files", ".partial", "left-by-a-crash.part"), "half a file");

    const next = await startPortal(dataDir);
    expect(partialFiles(dataDir)).toEqual([]);
    next.child.kill("SIGTERM");
    await stopped(next, dataDir);
    expect(await withDataDir(dataDir, () => prisma.storedFile.count({ where: { applicationId: world.upload.applicationId } }))).toBe(0);
    // No recovery was needed after the stop: the embedded database does not report one.
    expect(next.output()).not.toMatch(/not properly shut down|recovery/i);
  });
});

describe("SIGTERM during a submission", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  const submissionState = (dataDir: string) =>
    withDataDir(dataDir, async () => ({
      state: (await prisma.application.findUniqueOrThrow({ where: { id: world.submission.applicationId }, select: { state: true } })).state,
      versions: await prisma.applicationVersion.count({ where: { applicationId: world.submission.applicationId } }),
    }));
  /** The complete form's submit, posted in two halves with `between` in the middle. */
  const submitInTwoHalves = (port: number, between: () => Promise<void>) =>
    postInTwoHalves(
      port,
      `/applications/${world.submission.applicationId}`,
      { Cookie: world.submission.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      Buffer.from(new URLSearchParams([["csrf", world.submission.csrf], ["intent", "submit"], ["revision", "0"], ...completeFormPost]).toString()),
      between,
    );

  it("finishes the submission in flight: submitted once, with its version and receipt", async () => {
    const dataDir = await copyOfTemplate("submission-finished");
    const portal = await startPortal(dataDir);
    const answer = await submitInTwoHalves(portal.port, async () => {
      portal.child.kill("SIGTERM");
      await portal.waitFor("SIGTERM: finishing the requests in flight");
    });
    expect(answer).toMatchObject({ status: 302, headers: { location: `/applications/${world.submission.applicationId}/receipt?submitted=1` } });
    await stopped(portal, dataDir);
    expect(await submissionState(dataDir)).toEqual({ state: "submitted", versions: 1 });
  });

  it("refuses a submission whose form has not fully arrived when the grace period ends: still a draft, no version", async () => {
    const dataDir = await copyOfTemplate("submission-cut-off");
    const portal = await startPortal(dataDir, { SHUTDOWN_GRACE_SECONDS: "1" });
    const submission = submitInTwoHalves(portal.port, async () => {
      portal.child.kill("SIGTERM");
      await portal.exited;
    });
    await expect(submission).rejects.toThrow();
    await stopped(portal, dataDir);
    expect(await submissionState(dataDir)).toEqual({ state: "draft", versions: 0 });
  });
});

describe("SIGTERM during a mail batch", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("finishes the mail being sent, records it as sent, hands the rest back at once; the next start sends each remaining mail once", async () => {
    const dataDir = await copyOfTemplate("mail-batch");
    const addresses = Array.from({ length: 6 }, (_, index) => `empfaenger${index}@example.org`);
    await withDataDir(dataDir, () =>
      prisma.outboxEmail.createMany({
        data: addresses.map((toEmail) => ({ template: "test", locale: "de" as const, toEmail, subject: "Hallo", html: "<p>Hallo</p>", text: "Hallo" })),
      }),
    );
    const resend = await startFakeResend({ answerDelayMs: 400 });
    const mailEnv = { RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url };
    try {
      const portal = await startPortal(dataDir, mailEnv);
      const started = Date.now();
      while (resend.requests.length < 2 && Date.now() - started < 20_000) await sleep(20);
      portal.child.kill("SIGTERM");
      await stopped(portal, dataDir);

      const confirmed = resend.emails.length;
      expect(confirmed).toBeGreaterThanOrEqual(1);
      expect(confirmed).toBeLessThan(addresses.length);
      const rows = await withDataDir(dataDir, () => prisma.outboxEmail.findMany({ orderBy: { toEmail: "asc" } }));
      const sent = rows.filter((row) => row.status === "SENT");
      // Every send the provider confirmed is recorded before the process ended.
      expect(sent.map((row) => row.providerMessageId).sort()).toEqual(resend.emails.map((email) => email.id).sort());
      // The rest were handed back: due now, not leased for a minute, and no send of theirs left unanswered.
      for (const row of rows.filter((row) => row.status !== "SENT")) {
        expect(row).toMatchObject({ status: "PENDING", attempts: 0, unansweredSendAt: null });
        expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      }

      const next = await startPortal(dataDir, mailEnv);
      const restarted = Date.now();
      while (resend.emails.length < addresses.length && Date.now() - restarted < 20_000) await sleep(20);
      // Released mail goes out right after the start, not after a lease.
      expect(Date.now() - restarted).toBeLessThan(10_000);
      next.child.kill("SIGTERM");
      await stopped(next, dataDir);
      expect(resend.emails.map((email) => email.to).sort()).toEqual(addresses);
      expect(resend.replays).toBe(0);
    } finally {
      await resend.close();
    }
  });
});

describe("stopping with idle keep-alive connections", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("is not held up by ten browsers keeping their connections open", async () => {
    const dataDir = await copyOfTemplate("keep-alive");
    const portal = await startPortal(dataDir);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
    try {
      await Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<void>((resolve, reject) => {
              http.get({ host: "127.0.0.1", port: portal.port, path: "/healthz", agent }, (response) => response.resume().on("end", resolve)).on("error", reject);
            }),
        ),
      );
      const sockets = Object.values(agent.freeSockets).flat().length;
      expect(sockets).toBe(10);
      const before = performance.now();
      portal.child.kill("SIGTERM");
      await stopped(portal, dataDir);
      const stopMs = performance.now() - before;
      console.log(`Stop with 10 idle keep-alive connections: ${Math.round(stopMs)} ms`);
      // Left alone, Node ends an idle keep-alive connection after 5 s (keepAliveTimeout): a stop that
      // waited for them would take at least that. Unloaded, the stop takes a few hundred milliseconds.
      expect(stopMs).toBeLessThan(4000);
    } finally {
      agent.destroy();
    }
  });
});

describe("a request that arrives with the stop", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("is answered, not reset, on a keep-alive connection that was idle a moment before", async () => {
    const dataDir = await copyOfTemplate("arrives-with-the-stop");
    const portal = await startPortal(dataDir);
    const socket = connect(portal.port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    const closed = new Promise<string>((resolve) => {
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      socket.once("close", () => resolve("closed"));
    });
    // A page, not /healthz: its answer takes several turns of the event loop, as most requests do.
    const get = "GET /calls HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    socket.write(get);
    while (!received.includes("</html>")) await sleep(10);
    // The connection is idle now. With the process paused, the next request lands in its socket
    // unread and the stop waits beside it: on waking, the process finds both at once.
    received = "";
    portal.child.kill("SIGSTOP");
    await new Promise<void>((resolve) => socket.write(get, () => resolve()));
    await sleep(50);
    portal.child.kill("SIGTERM");
    portal.child.kill("SIGCONT");
    expect(await closed).toBe("closed");
    expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(received).toContain("</html>");
    await stopped(portal, dataDir);
  });
});

describe("the first start", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("killed inside the demo seed, is completed by the next start", async () => {
    const dataDir = path.join(root, "first-start");
    const demo = { PORTAL_MODE: "demo" };
    const first = await startPortal(dataDir, demo, "Demo-Daten werden angelegt");
    await sleep(300);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    expect(first.output()).not.toContain("läuft auf");

    const second = await startPortal(dataDir, demo);
    expect(second.output()).toContain("Demo-Daten werden angelegt");
    expect(second.output()).toContain("(Demo-Daten angelegt)");
    second.child.kill("SIGTERM");
    await stopped(second, dataDir);

    const demoState = await withDataDir(dataDir, async () => ({
      marker: await prisma.auditEvent.count({ where: { id: SEED_MARKER_ID } }),
      users: await prisma.user.count({ where: { email: { in: demoUsers.map((user) => user.email) } } }),
      calls: await prisma.call.count(),
      callsWithoutStages: await prisma.call.count({ where: { stages: { none: {} } } }),
      applications: await prisma.application.count(),
    }));
    expect(demoState).toMatchObject({ marker: 1, users: demoUsers.length, calls: demoCalls(new Date()).length, callsWithoutStages: 0 });
    expect(demoState.applications).toBeGreaterThan(0);
  });

  it("explains a data folder left unusable by an interrupted creation, instead of failing with a TypeError", async () => {
    const dataDir = path.join(root, "unusable");
    await mkdir(path.join(dataDir, "pglite"), { recursive: true });
    await writeFile(path.join(dataDir, "pglite", "PG_VERSION"), "17\n");
    const portal = await startPortal(dataDir, {}, "cannot be opened");
    expect(await portal.exited).toBe(1);
    expect(portal.output()).toContain(`The embedded database in ${path.join(dataDir, "pglite")} cannot be opened: the database is incomplete (pg_hba.conf is missing or empty).`);
    expect(portal.output()).toContain("delete the folder");
    expect(portal.output()).not.toContain("TypeError");
  });

  it("stops a second start on the port in use before it opens the database, in words, and leaves the running portal alone", async () => {
    const dataDir = await copyOfTemplate("second-start");
    const running = await startPortal(dataDir);
    const second = await startPortal(dataDir, { PORT: String(running.port) }, "already in use");
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Port ${running.port} on 127.0.0.1 is already in use — is the portal running already?`);
    expect(second.output()).not.toMatch(/EADDRINUSE|at Server|Migrat/);
    const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(health.status).toBe(200);
    running.child.kill("SIGTERM");
    await stopped(running, dataDir);
  });
});
