// The deadline surge (issue 3): 300 networks submit in the last minute, 50 at a time, each uploading a
// 2 MB PDF and then submitting through the real routes. Compare DESIGN.md: HotCRP accepted 251 of 300
// such submissions at 2.9 s p50; ours must accept all 300 with p95 under 2 s.
//
// 1. Creates, straight in the database, one open single-stage call with a small form (four text
//    fields and a required PDF of at most 5 MB), 300 networks with a confirmed coordinator each and
//    a session and a complete draft (all but the file) per network.
// 2. A second process (bench/surge-driver.ts) uploads and submits for all 300, 50 at a time.
// 3. Checks every application in the database: submitted exactly once with one version, one
//    receipt, one confirmation mail with the PDF (rendered by the server's outbox worker after the
//    submission; the check waits for it), one audit event; or untouched after a clear error.
//
// Prints `bench deadline-surge: submitted=… lost=… duplicates=… p95_ms=…` and a line of details.
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "../app/generated/prisma/client";
import { formDefinition } from "../app/forms/form-definition.ts";
import { hashPassword } from "../app/server/accounts/passwords.server.ts";
import type { SurgeAttempt as DriverResult, SurgePlan } from "./surge-driver.ts";

const NETWORKS = positiveInteger("BENCH_SURGE_NETWORKS", 300);
const CONCURRENCY = positiveInteger("BENCH_SURGE_CONCURRENCY", 50);
const FILE_BYTES = 2 * 1024 * 1024;
const CALL_ID = "bench-surge-call";
const CALL_SLUG = "bench-fristende";
const STAGE_ID = "bench-surge-stage";
const FILE_FIELD = "antrag";
const PASSWORD = "bench-surge-password";

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

const pad = (n: number) => String(n).padStart(3, "0");

const definition = formDefinition.parse({
  eligibility: [],
  sections: [
    {
      key: "vorhaben",
      titleDe: "Das Vorhaben",
      titleEn: "The project",
      fields: [
        { key: "projekttitel", type: "shortText", labelDe: "Titel des Vorhabens", labelEn: "Project title", required: true, maxLength: 200 },
        { key: "zusammenfassung", type: "longText", labelDe: "Zusammenfassung", labelEn: "Summary", required: true, maxLength: 3000 },
        { key: "ziele", type: "longText", labelDe: "Ziele", labelEn: "Goals", required: true, maxLength: 3000 },
        { key: "ansprechperson", type: "shortText", labelDe: "Ansprechperson", labelEn: "Contact person", required: true, maxLength: 200 },
        { key: FILE_FIELD, type: "file", labelDe: "Antrag (PDF)", labelEn: "Proposal (PDF)", required: true, accept: ["pdf"], maxSizeMb: 5, maxFiles: 1 },
      ],
    },
  ],
});

/** The child process runner of bench/run.ts, so its clean-up also stops the driver. */
export type StartChild = (args: string[], env: NodeJS.ProcessEnv, input?: string) => {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

interface Entrant {
  applicationId: string;
  email: string;
  sessionToken: string;
  csrf: string;
  answers: Record<string, string>;
}


export interface SurgeResult {
  submitted: number;
  refused: number;
  lost: number;
  duplicates: number;
  halfWritten: number;
  p50Ms: number | null;
  p95Ms: number | null;
  elapsedSeconds: number;
}

async function createEntrants(prisma: PrismaClient, now: Date): Promise<Entrant[]> {
  const programme = await prisma.programme.findFirstOrThrow({ orderBy: { name: "asc" }, select: { id: true, funder: true } });
  await prisma.call.create({
    data: {
      id: CALL_ID,
      programmeId: programme.id,
      slug: CALL_SLUG,
      title: "Fristende (Bench)",
      summary: "Viele Netzwerke reichen in der letzten Minute ein.",
      funder: programme.funder,
      awardType: "MONEY",
      maxAwardCents: 50_000_000n,
      status: "PUBLISHED",
      publishedAt: new Date(now.getTime() - 30 * 86_400_000),
      stages: {
        create: {
          id: STAGE_ID,
          position: 1,
          kind: "SINGLE",
          opensAt: new Date(now.getTime() - 30 * 86_400_000),
          // Open long enough for the slowest run; the surge is about load, not about the deadline.
          closesAt: new Date(now.getTime() + 6 * 3_600_000),
          form: { create: { definition: definition as object, publishedAt: new Date(now.getTime() - 30 * 86_400_000) } },
        },
      },
    },
  });
  const passwordHash = await hashPassword(PASSWORD);
  const entrants: Entrant[] = [];
  const users = [];
  const networks = [];
  const memberships = [];
  const applications = [];
  const sessions = [];
  for (let i = 1; i <= NETWORKS; i++) {
    const userId = `bench-surge-user-${pad(i)}`;
    const networkId = `bench-surge-network-${pad(i)}`;
    const applicationId = `bench-surge-application-${pad(i)}`;
    const email = `bench-surge-${pad(i)}@example.org`;
    const name = `Koordinatorin ${pad(i)} Fristende`;
    const networkName = `MINT-Netzwerk Fristende ${pad(i)}`;
    const answers = {
      projekttitel: `MINT für alle im Netzwerk ${pad(i)}`,
      zusammenfassung: `Das Netzwerk ${pad(i)} bündelt die MINT-Angebote von Schulen, Hochschulen und Unternehmen. `.repeat(8).trim(),
      ziele: "Mehr Mädchen für Technik gewinnen, Lehrkräfte fortbilden und Angebote im ländlichen Raum ausbauen. ".repeat(6).trim(),
      ansprechperson: name,
    };
    users.push({ id: userId, email, name, passwordHash, role: "APPLICANT" as const, emailVerifiedAt: now, createdAt: now });
    networks.push({ id: networkId, name: networkName, bundesland: "NW" as const, region: `Region ${pad(i)}`, createdAt: now });
    memberships.push({ userId, networkId, role: "COORDINATOR" as const, createdAt: now });
    applications.push({
      id: applicationId,
      callId: CALL_ID,
      stageId: STAGE_ID,
      networkId,
      title: answers.projekttitel,
      answers: { eligibility: {}, fields: answers },
      answersUpdatedAt: now,
      createdById: userId,
      createdAt: now,
    });
    const sessionToken = randomBytes(32).toString("base64url");
    sessions.push({
      id: createHash("sha256").update(sessionToken).digest("hex"),
      userId,
      userAgent: "bench deadline-surge",
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    entrants.push({ applicationId, email, sessionToken, csrf: randomBytes(32).toString("base64url"), answers });
  }
  await prisma.user.createMany({ data: users });
  await prisma.network.createMany({ data: networks });
  await prisma.networkMembership.createMany({ data: memberships });
  await prisma.application.createMany({ data: applications });
  await prisma.session.createMany({ data: sessions });
  return entrants;
}

/** The cookie names the server uses (they carry `__Host-` when it sets secure cookies). */
async function cookieNames(base: string): Promise<{ session: string; csrf: string }> {
  const response = await fetch(`${base}/login`, { redirect: "manual" });
  await response.arrayBuffer();
  const csrf = response.headers
    .getSetCookie()
    .map((header) => header.slice(0, header.indexOf("=")).trim())
    .find((name) => name.endsWith("portal_csrf"));
  if (!csrf) throw new Error(`/login set no CSRF cookie (HTTP ${response.status})`);
  return { csrf, session: csrf.replace(/portal_csrf$/, "portal_session") };
}

/** User and system CPU time so far of a process and its children (the app processes it forked; Linux), or null. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    return (Number(fields[11]) + Number(fields[12])) / 100 + children.reduce((sum, child) => sum + (cpuSecondsOf(child) ?? 0), 0);
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

interface Stored {
  id: string;
  state: string;
  receiptNumber: string | null;
  submittedAt: Date | null;
  versions: { receiptNumber: string; answers: unknown }[];
  files: { id: string }[];
}

const MAIL_DRAIN_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * The confirmation mails' PDFs are rendered by the server's outbox worker after the submissions:
 * waits until none of the surge's mails is pending any more (or the timeout), returning the seconds
 * that took.
 */
async function waitForConfirmations(prisma: PrismaClient, emails: string[]): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < MAIL_DRAIN_TIMEOUT_MS) {
    const pending = await prisma.outboxEmail.count({ where: { template: "submission-received", toEmail: { in: emails }, status: "PENDING" } });
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (performance.now() - started) / 1000;
}

/** What the database holds for one application, judged against what its client was told. */
function judge(
  stored: Stored,
  mails: { attachments: { filename: string; contentType: string; bytes: number }[] }[],
  submitEvents: number,
  told: DriverResult["outcome"] | undefined,
): { verdict: "submitted" | "untouched" | "halfWritten"; duplicate: boolean; lost: boolean; problem: string | null } {
  const duplicate = stored.versions.length > 1 || mails.length > 1 || submitEvents > 1;
  const version = stored.versions[0];
  const mail = mails[0];
  const attachment = mail?.attachments[0];
  const frozenFiles = (version?.answers as { fields?: Record<string, unknown> } | undefined)?.fields?.[FILE_FIELD];
  let problem: string | null = null;
  let verdict: "submitted" | "untouched" | "halfWritten";
  if (stored.state === "submitted") {
    if (stored.versions.length !== 1) problem = `${stored.versions.length} versions`;
    else if (!stored.receiptNumber || version!.receiptNumber !== stored.receiptNumber) problem = `receipt ${stored.receiptNumber} vs version ${version!.receiptNumber}`;
    else if (!stored.submittedAt) problem = "no submittedAt";
    else if (mails.length !== 1) problem = `${mails.length} confirmation mails`;
    else if (mail!.attachments.length !== 1) problem = `${mail!.attachments.length} mail attachments`;
    else if (attachment!.filename !== `${stored.receiptNumber}.pdf` || attachment!.contentType !== "application/pdf" || attachment!.bytes < 100) {
      problem = `attachment ${attachment!.filename} ${attachment!.contentType} ${attachment!.bytes} bytes`;
    } else if (submitEvents !== 1) problem = `${submitEvents} SUBMIT audit events`;
    else if (stored.files.length !== 1 || !Array.isArray(frozenFiles) || frozenFiles.length !== 1 || frozenFiles[0] !== stored.files[0]!.id) {
      problem = `frozen file ${JSON.stringify(frozenFiles)} vs stored ${stored.files.map((file) => file.id).join(",")}`;
    }
    verdict = problem ? "halfWritten" : "submitted";
  } else {
    if (stored.state !== "draft") problem = `state ${stored.state}`;
    else if (stored.versions.length > 0 || stored.receiptNumber || stored.submittedAt || mails.length > 0 || submitEvents > 0) {
      problem = `draft with ${stored.versions.length} versions, receipt ${stored.receiptNumber}, ${mails.length} mails, ${submitEvents} SUBMIT events`;
    }
    verdict = problem ? "halfWritten" : "untouched";
  }
  // Told "submitted" but not (wholly) in the database, or never told anything clear: the network
  // cannot know where it stands.
  const lost = (told === "submitted" && verdict !== "submitted") || told === "unclear" || told === undefined || verdict === "halfWritten";
  return { verdict, duplicate, lost, problem };
}

/**
 * Runs the surge against the portal at `base`, whose database `prisma` is connected to; prints the
 * figures and returns them.
 */
export async function runDeadlineSurge(input: {
  base: string;
  prisma: PrismaClient;
  startChild: StartChild;
  /** Where the portal keeps uploaded files (its DATA_DIR, resolved), to remove the surge's afterwards. */
  filesRoot: string;
  /** The server's output so far, to show why it answered with errors. */
  serverOutput?: () => string;
  /** The server's process, to report the CPU time the surge cost it (independent of other load). */
  serverPid?: number;
  /** How many app processes serve (WEB_CONCURRENCY), for the report. */
  processes?: number;
  log?: (line: string) => void;
}): Promise<SurgeResult> {
  const { base, prisma } = input;
  const log = input.log ?? ((line: string) => console.log(line));
  const setupStarted = performance.now();
  const entrants = await createEntrants(prisma, new Date());
  const names = await cookieNames(base);
  log(`bench surge setup: ${entrants.length} networks, coordinators, sessions and drafts in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

  const workDirectory = await mkdtemp(path.join(tmpdir(), "bench-surge-"));
  const resultsFile = path.join(workDirectory, "results.json");
  try {
    const plan: SurgePlan = {
      base,
      concurrency: CONCURRENCY,
      fileBytes: FILE_BYTES,
      resultsFile,
      items: entrants.map((entrant) => ({
        applicationId: entrant.applicationId,
        cookie: `${names.session}=${entrant.sessionToken}; ${names.csrf}=${entrant.csrf}`,
        upload: { path: `/applications/${entrant.applicationId}/files`, fields: [["csrf", entrant.csrf], ["fieldKey", FILE_FIELD]], fileName: `Antrag ${entrant.applicationId}.pdf` },
        // As the page's form posts it when "submit" is pressed: every answer, the revision it was
        // loaded at (the upload does not change it) and the intent.
        submit: {
          path: `/applications/${entrant.applicationId}`,
          fields: [
            ["csrf", entrant.csrf],
            ["revision", "0"],
            ["fieldsShown", "1"],
            ...Object.entries(entrant.answers).map(([key, value]): [string, string] => [`fields.${key}`, value]),
            ["intent", "submit"],
          ],
        },
      })),
    };
    const cpuBefore = cpuSecondsOf(input.serverPid);
    const driver = input.startChild(["--import", "tsx", "bench/surge-driver.ts"], process.env, JSON.stringify(plan));
    const code = await driver.exited;
    if (code !== 0) throw new Error(`The surge driver failed (${code}):\n${driver.output()}`);
    const cpuAfter = cpuSecondsOf(input.serverPid);
    const serverCpu = cpuBefore !== null && cpuAfter !== null ? `server_cpu_s=${(cpuAfter - cpuBefore).toFixed(1)} ` : "";
    const report = JSON.parse(await readFile(resultsFile, "utf8")) as { elapsedMs: number; results: DriverResult[] };
    const told = new Map(report.results.map((result) => [result.applicationId, result]));
    const mailDrainSeconds = await waitForConfirmations(prisma, entrants.map((entrant) => entrant.email));

    const ids = entrants.map((entrant) => entrant.applicationId);
    const stored: Stored[] = await prisma.application.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        state: true,
        receiptNumber: true,
        submittedAt: true,
        versions: { select: { receiptNumber: true, answers: true } },
        files: { select: { id: true } },
      },
    });
    const mails = await prisma.outboxEmail.findMany({
      where: { template: "submission-received", toEmail: { in: entrants.map((entrant) => entrant.email) } },
      select: { toEmail: true, attachments: { select: { id: true, filename: true, contentType: true } } },
    });
    const attachmentSizes = new Map(
      (
        await prisma.$queryRaw<{ id: string; bytes: number }[]>`SELECT a."id", octet_length(a."content")::int AS bytes FROM "OutboxAttachment" a JOIN "OutboxEmail" e ON e."id" = a."emailId" WHERE e."template" = 'submission-received'`
      ).map((row) => [row.id, row.bytes]),
    );
    const submitEvents = await prisma.auditEvent.groupBy({
      by: ["entityId"],
      where: { entityType: "Application", entityId: { in: ids }, action: "SUBMIT" },
      _count: { _all: true },
    });
    const eventsOf = new Map(submitEvents.map((row) => [row.entityId, row._count._all]));
    const emailOf = new Map(entrants.map((entrant) => [entrant.applicationId, entrant.email]));

    let submitted = 0;
    let refused = 0;
    let lost = 0;
    let duplicates = 0;
    let halfWritten = 0;
    let contradicted = 0;
    const problems: string[] = [];
    for (const application of stored) {
      const result = told.get(application.id);
      const own = mails
        .filter((mail) => mail.toEmail === emailOf.get(application.id))
        .map((mail) => ({ attachments: mail.attachments.map((attachment) => ({ ...attachment, bytes: attachmentSizes.get(attachment.id) ?? 0 })) }));
      const judged = judge(application, own, eventsOf.get(application.id) ?? 0, result?.outcome);
      if (judged.verdict === "submitted") submitted++;
      if (judged.verdict === "halfWritten") halfWritten++;
      if (result?.outcome === "refused") refused++;
      // Refused, yet submitted: nothing is lost, but the network was told the wrong thing.
      if (result?.outcome === "refused" && judged.verdict === "submitted") contradicted++;
      if (judged.lost) lost++;
      if (judged.duplicate) duplicates++;
      if ((judged.lost || judged.duplicate || judged.problem) && problems.length < 10) {
        problems.push(`${application.id}: told ${result?.outcome ?? "nothing"} ${JSON.stringify({ upload: result?.upload, submit: result?.submit })}; stored ${judged.verdict}${judged.problem ? ` (${judged.problem})` : ""}`);
      }
    }
    lost += ids.length - stored.length;

    const latencies = report.results.filter((result) => result.outcome === "submitted").map((result) => result.latencyMs).sort((a, b) => a - b);
    const part = (pick: (result: DriverResult) => number | null) =>
      report.results
        .filter((result) => result.outcome === "submitted")
        .map(pick)
        .filter((value): value is number => value !== null)
        .sort((a, b) => a - b);
    const uploads = part((result) => result.uploadMs);
    const submits = part((result) => result.submitMs);
    const ms = (value: number | null) => (value === null ? "n/a" : value.toFixed(0));
    const p95Ms = percentile(latencies, 95);
    const figures: SurgeResult = {
      submitted,
      refused,
      lost,
      duplicates,
      halfWritten,
      p50Ms: percentile(latencies, 50),
      p95Ms,
      elapsedSeconds: report.elapsedMs / 1000,
    };
    log(`bench deadline-surge: submitted=${submitted} lost=${lost} duplicates=${duplicates} p95_ms=${ms(p95Ms)} processes=${input.processes ?? 1}`);
    const errors = new Map<string, number>();
    for (const result of report.results.filter((candidate) => candidate.outcome !== "submitted")) {
      const reply = result.submit ?? result.upload;
      const key = `${result.outcome} ${result.submit ? "submit" : "upload"} ${reply?.status ?? reply?.error ?? "?"}${reply?.message ? ` "${reply.message}"` : ""}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    log(
      `  deadline-surge: ${entrants.length} networks, ${CONCURRENCY} at a time, ${figures.elapsedSeconds.toFixed(1)} s ${serverCpu}(load average ${loadavg()[0]!.toFixed(1)}); ` +
        `confirmations with their PDFs sent ${mailDrainSeconds.toFixed(1)} s after the last reply; ` +
        `refused=${refused} half_written=${halfWritten} refused_but_submitted=${contradicted}; ` +
        `latency p50_ms=${ms(figures.p50Ms)} max_ms=${ms(latencies.at(-1) ?? null)}; upload p50_ms=${ms(percentile(uploads, 50))} p95_ms=${ms(percentile(uploads, 95))}; ` +
        `submit p50_ms=${ms(percentile(submits, 50))} p95_ms=${ms(percentile(submits, 95))}`,
    );
    for (const [key, count] of errors) log(`  deadline-surge error: ${count} × ${key}`);
    for (const problem of problems) log(`  deadline-surge problem: ${problem}`);
    if (report.results.some((result) => result.outcome === "unclear") && input.serverOutput) {
      const errorLines = new Map<string, number>();
      for (const line of input.serverOutput().split("\n")) {
        if (/error|exception|timed out|timeout/i.test(line)) errorLines.set(line.slice(0, 300), (errorLines.get(line.slice(0, 300)) ?? 0) + 1);
      }
      for (const [line, count] of [...errorLines].slice(0, 15)) log(`  deadline-surge server: ${count} × ${line}`);
    }
    return figures;
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
    await Promise.all(
      entrants.map((entrant) => rm(path.join(input.filesRoot, "applications", entrant.applicationId), { recursive: true, force: true })),
    );
  }
}
