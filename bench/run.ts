// `npm run bench`: throughput and latency of the portal's main pages against a bare-Node baseline.
//
// 1. Creates a fresh database `portal_bench` (on the server of BENCH_DATABASE_URL, TEST_DATABASE_URL,
//    DATABASE_URL or the local PostgreSQL), starts the built server on it with PORTAL_MODE=demo (it
//    migrates and seeds) and adds a large closed call: 1,000 submitted applications, 3 reviews each.
// 2. Learns which SQL each benchmarked page runs: a first server instance talks to the database through
//    a recording proxy (bench/pg-capture.ts) while each page is requested once.
// 3. Starts the server to measure (straight to the database) and the baseline (bench/baseline-server.ts:
//    bare node:http running the captured SQL via `pg` and answering with a body of the page's size),
//    and drives both with autocannon from a separate process (bench/load.mjs), 10 connections.
// 4. Prints `bench <scenario>: p50_ms=… p95_ms=… rps=… baseline_ratio=…` per scenario and the
//    server's memory.
//    `bench ranking-page` measures the large stage's ranking at 1 and at 4 connections (`c=` in the line),
//    `bench ranking-queries` counts its SQL statements at 100 and at 1,000 applications (bench/ranking.ts),
//    and `bench ranking-scores` times computing the stage's scores from nothing.
// 5. The deadline surge (bench/surge.ts) and the 200 MB upload (bench/upload.ts) against the same
//    server, then stops every child and drops the database.
//
// Environment: BENCH_SECONDS (default 10) per measurement, BENCH_WARMUP_SECONDS (default 1),
// BENCH_CONNECTIONS (default 10), BENCH_SURGE_PROCESSES (app processes for the surge, default 1: on
// these 2 cores a second one competes with the load driver and PostgreSQL and made p95 worse; the
// pages and the upload are always measured on one), BENCH_TIMEOUT_SECONDS (a hard bound on the whole run),
// BENCH_VERBOSE=1 to list the captured SQL, BENCH_DATABASE_NAME (default portal_bench) so that runs
// side by side do not drop each other's database, BENCH_ONLY=<scenario>,… to run only those
// (e.g. BENCH_ONLY=deadline-surge; without a page scenario there is no large call and no baseline;
// BENCH_ONLY=assignment solves the large automatic assignment alone, without a database or server).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PgCapture, reduceDependencies, type CapturedStatement } from "./pg-capture.ts";
import { generateLargeCall, START_JUROR_EMAIL } from "./generate.ts";
import { runDeadlineSurge } from "./surge.ts";
import { printUploadBench } from "./upload.ts";
import { printAssignmentBench } from "./assignment.ts";
import { RANKING_PATH, shrinkRankingStage, timeStageScores } from "./ranking.ts";
import { connectPostgres } from "../app/server/db.server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const startedAt = performance.now();
const SECONDS = positiveNumber("BENCH_SECONDS", 10);
const WARMUP_SECONDS = positiveNumber("BENCH_WARMUP_SECONDS", 1, true);
const CONNECTIONS = positiveNumber("BENCH_CONNECTIONS", 10);
const SURGE_PROCESSES = positiveNumber("BENCH_SURGE_PROCESSES", 1);
const TIMEOUT_SECONDS = positiveNumber("BENCH_TIMEOUT_SECONDS", 600 + 10 * (SECONDS + WARMUP_SECONDS));
const DATABASE_NAME = process.env.BENCH_DATABASE_NAME || "portal_bench";
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE_NAME)) throw new Error(`BENCH_DATABASE_NAME must be a plain lower-case name, not "${DATABASE_NAME}"`);
const ONLY = new Set((process.env.BENCH_ONLY ?? "").split(",").map((name) => name.trim()).filter(Boolean));
const selected = (scenario: string) => ONLY.size === 0 || ONLY.has(scenario);
const RANKING_SCENARIOS = ["ranking-page", "ranking-queries", "ranking-scores"];
const PAGE_SCENARIOS = ["healthz", "calls", "start-manager", "start-applicant", "start-juror", ...RANKING_SCENARIOS];
/** Scenarios that need the portal running on the bench database. */
const SERVER_SCENARIOS = [...PAGE_SCENARIOS, "deadline-surge", "upload-200mb"];
const DEMO_PASSWORD = "demo-demo-demo";
/** The server's own pool (connectPostgres' default); the baseline gets the same. */
const POOL_SIZE = 10;

function positiveNumber(name: string, fallback: number, zeroAllowed = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Databases

const sourceUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const benchUrl = new URL(sourceUrl);
benchUrl.pathname = `/${DATABASE_NAME}`;
const adminUrl = new URL(sourceUrl);
if (adminUrl.pathname === "/" || adminUrl.pathname === `/${DATABASE_NAME}`) adminUrl.pathname = "/postgres";

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Set once this run made the database: a run without server scenarios leaves any database of that name alone. */
let databaseCreated = false;
const recreateDatabase = () =>
  withAdmin(async (client) => {
    databaseCreated = true;
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  });
const dropDatabase = () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`));

// ---------------------------------------------------------------------------------------------
// Children

const children = new Set<ChildProcess>();

interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startChild(args: string[], env: NodeJS.ProcessEnv, input?: string): Child {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  if (input !== undefined) child.stdin!.end(input);
  return { process: child, output: () => output, exited };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), 8000);
  await child.exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, child: Child, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${what} exited (${child.process.exitCode ?? child.process.signalCode}):\n${child.output()}`);
    }
    if (await ready().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${child.output()}`);
}

async function startPortal(databaseUrl: string, processes = 1): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORTAL_MODE: "demo",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: String(processes),
  };
  delete env.RESEND_API_KEY; // no mail leaves the machine; the demo's mailbox keeps it
  delete env.REBUILD;
  const child = startChild(["scripts/start.mjs"], env);
  const base = `http://127.0.0.1:${port}`;
  // Generous: without build/ the server builds first.
  await waitFor("the portal", child, async () => (await fetch(`${base}/healthz`)).ok, 300_000);
  return { child, base };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

function cookiesFrom(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    const index = pair.indexOf("=");
    if (index > 0) jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Logs in through the real form; returns the browser's cookies afterwards (CSRF and session). */
async function logIn(base: string, email: string, startPage: string): Promise<string> {
  const jar = new Map<string, string>();
  const page = await fetch(`${base}/login`, { redirect: "manual" });
  cookiesFrom(page, jar);
  const html = await page.text();
  const input = /<input[^>]*name="csrf"[^>]*>/.exec(html)?.[0];
  const csrf = input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
  if (!csrf) throw new Error(`No CSRF field on /login (status ${page.status})`);
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrf, redirectTo: "" }),
  });
  cookiesFrom(response, jar);
  if (response.status !== 302 && response.status !== 303) throw new Error(`Login of ${email} failed: HTTP ${response.status}`);
  const cookie = cookieHeader(jar);
  const check = await fetch(`${base}${startPage}`, { redirect: "manual", headers: { Cookie: cookie } });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`${email} is not let onto ${startPage} after logging in: HTTP ${check.status}`);
  return cookie;
}

interface Scenario {
  name: string;
  path: string;
  headers: Record<string, string>;
}

interface CapturedRoute {
  status: number;
  contentType: string;
  bodyBytes: number;
  statements: CapturedStatement[];
}

async function request(base: string, scenario: Scenario): Promise<{ status: number; contentType: string; bodyBytes: number }> {
  // As autocannon asks: no Accept-Encoding, so the size is that of the uncompressed page.
  const response = await fetch(`${base}${scenario.path}`, { redirect: "manual", headers: { ...scenario.headers, "Accept-Encoding": "identity" } });
  const body = await response.arrayBuffer();
  return { status: response.status, contentType: response.headers.get("Content-Type") ?? "text/plain", bodyBytes: body.byteLength };
}

/** The SQL one request of the page runs: the fewest statements of three tries (background work only adds). */
async function captureRoute(base: string, scenario: Scenario, capture: PgCapture): Promise<CapturedRoute> {
  for (let i = 0; i < 3; i++) await request(base, scenario); // warm: first-use queries are not the page's
  let best: CapturedRoute | undefined;
  for (let i = 0; i < 3; i++) {
    capture.start();
    const answer = await request(base, scenario);
    await sleep(20);
    const statements = reduceDependencies(capture.stop());
    if (answer.status !== 200) throw new Error(`${scenario.path} answered HTTP ${answer.status}`);
    if (!best || statements.length < best.statements.length) best = { ...answer, statements };
  }
  return best!;
}

interface LoadResult {
  rps: number;
  p50: number | null;
  p95: number | null;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
}

async function load(url: string, headers: Record<string, string>, connections = CONNECTIONS): Promise<LoadResult> {
  const child = startChild(
    ["bench/load.mjs", JSON.stringify({ url, connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, headers })],
    process.env,
  );
  const timer = setTimeout(() => child.process.kill("SIGKILL"), (SECONDS + WARMUP_SECONDS) * 3000 + 30_000);
  const code = await child.exited;
  clearTimeout(timer);
  const line = child.output().trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !line.startsWith("{")) throw new Error(`The load generator failed (${code}):\n${child.output()}`);
  const result = JSON.parse(line) as LoadResult;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    console.warn(`  warning: ${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ${JSON.stringify(result.statusCodes)}`);
  }
  return result;
}

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

const ms = (value: number | null) => (value === null ? "n/a" : value < 10 ? value.toFixed(2) : value.toFixed(1));

// ---------------------------------------------------------------------------------------------
// The run

let capture: PgCapture | undefined;
let cleaningUp: Promise<void> | undefined;

function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const child of children) child.kill("SIGKILL");
    await capture?.close().catch(() => undefined);
    if (databaseCreated) await dropDatabase().catch((error: unknown) => console.error(`Could not drop ${DATABASE_NAME}:`, error));
  })();
  return cleaningUp;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.error(`bench: did not finish within ${TIMEOUT_SECONDS} s (BENCH_TIMEOUT_SECONDS), giving up`);
  void cleanUp().finally(() => process.exit(1));
}, TIMEOUT_SECONDS * 1000);
watchdog.unref();

/** The page scenarios against the baseline; returns the measured server, still running. */
async function benchPages(): Promise<{ child: Child; base: string }> {
  // First instance, behind the recording proxy: migrates, seeds, and shows which SQL each page runs.
  capture = new PgCapture(
    { host: benchUrl.hostname, port: Number(benchUrl.port || 5432) },
    (text) => text.includes('"OutboxEmail"'),
  );
  const capturePort = await capture.listen();
  const captureUrl = new URL(benchUrl);
  captureUrl.hostname = "127.0.0.1";
  captureUrl.port = String(capturePort);
  captureUrl.searchParams.delete("sslmode"); // the proxy reads the protocol, so no TLS on this leg
  const seedStarted = performance.now();
  const first = await startPortal(captureUrl.toString());
  console.log(`bench setup: migrated and seeded the demo in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const generateStarted = performance.now();
  const db = connectPostgres(benchUrl.toString());
  let generated;
  try {
    generated = await generateLargeCall(db.prisma, new Date(), process.env.BENCH_VERBOSE === "1" ? (step) => console.log(`  generate: ${step}`) : undefined);
    await db.prisma.$executeRawUnsafe("ANALYZE");
  } finally {
    await db.close();
  }
  console.log(
    `bench generate: ${generated.applications} applications from ${generated.applications} networks, ${generated.reviews} reviews by ${generated.jurors} jurors in ${((performance.now() - generateStarted) / 1000).toFixed(2)} s`,
  );

  const managerCookie = await logIn(first.base, "manager@example.org", "/manager");
  const applicantCookie = await logIn(first.base, "applicant@example.org", "/applicant");
  const jurorCookie = await logIn(first.base, START_JUROR_EMAIL, "/juror");
  const scenarios = ([
    { name: "healthz", path: "/healthz", headers: {} },
    // An anonymous visitor, as most readers of the public list are.
    { name: "calls", path: "/calls", headers: {} },
    { name: "start-manager", path: "/manager", headers: { Cookie: managerCookie } },
    { name: "start-applicant", path: "/applicant", headers: { Cookie: applicantCookie } },
    // A juror with fifty assignments in the 1,000-application call.
    { name: "start-juror", path: "/juror", headers: { Cookie: jurorCookie } },
  ] as Scenario[]).filter((scenario) => selected(scenario.name));
  const routes: Record<string, CapturedRoute> = {};
  for (const scenario of scenarios) routes[scenario.path] = await captureRoute(first.base, scenario, capture);
  const ranking: Scenario = { name: "ranking-page", path: RANKING_PATH, headers: { Cookie: managerCookie } };
  if (selected("ranking-page") || selected("ranking-queries")) routes[RANKING_PATH] = await captureRoute(first.base, ranking, capture);
  if (selected("ranking-queries")) {
    // The same stage cut down to its first hundred applications: the count must not change with the size.
    const db = connectPostgres(benchUrl.toString(), 2);
    try {
      const shrunk = await shrinkRankingStage(db.prisma, 100);
      const small = await captureRoute(first.base, ranking, capture);
      await shrunk.restore();
      console.log(`bench ranking-queries: apps_100=${small.statements.length} apps_1000=${routes[RANKING_PATH]!.statements.length}`);
    } finally {
      await db.close();
    }
  }
  if (process.env.BENCH_VERBOSE === "1") {
    for (const scenario of scenarios) {
      const route = routes[scenario.path]!;
      console.log(`  ${scenario.path}: HTTP ${route.status}, ${route.bodyBytes} bytes, ${route.statements.length} statements`);
      route.statements.forEach((statement, index) =>
        console.log(`    #${index} conn ${statement.connection} after [${statement.after.join(",")}] types [${statement.types.join(",")}]: ${statement.text.slice(0, 160)} ${JSON.stringify(statement.values).slice(0, 120)}`),
      );
    }
  }
  await stopChild(first.child);
  await capture.close();
  capture = undefined;

  // The instance to measure (its sessions are in the database, so the cookies stay valid) and the baseline.
  const portal = await startPortal(benchUrl.toString());
  const baselinePort = await freePort();
  const baseline = startChild(
    ["--import", "tsx", "bench/baseline-server.ts"],
    process.env,
    JSON.stringify({ databaseUrl: benchUrl.toString(), port: baselinePort, poolSize: POOL_SIZE, routes }),
  );
  await waitFor("the baseline server", baseline, async () => baseline.output().includes(`listening ${baselinePort}`), 60_000);
  const baselineBase = `http://127.0.0.1:${baselinePort}`;

  for (const scenario of scenarios) {
    const route = routes[scenario.path]!;
    const ours = await load(`${portal.base}${scenario.path}`, scenario.headers);
    const theirs = await load(`${baselineBase}${scenario.path}`, scenario.headers);
    console.log(
      `bench ${scenario.name}: p50_ms=${ms(ours.p50)} p95_ms=${ms(ours.p95)} rps=${ours.rps.toFixed(0)} baseline_ratio=${(theirs.rps > 0 ? ours.rps / theirs.rps : 0).toFixed(3)}`,
    );
    console.log(
      `  baseline ${scenario.name}: p50_ms=${ms(theirs.p50)} p95_ms=${ms(theirs.p95)} rps=${theirs.rps.toFixed(0)} (${route.statements.length} SQL statements, ${route.bodyBytes} bytes)`,
    );
  }

  if (selected("ranking-page")) {
    // HotCRP's score list for the same data takes 82 ms at one client and serves about 10 pages/s at four (DESIGN.md).
    const route = routes[RANKING_PATH]!;
    for (const connections of [1, 4]) {
      const ours = await load(`${portal.base}${RANKING_PATH}`, ranking.headers, connections);
      const theirs = await load(`${baselineBase}${RANKING_PATH}`, ranking.headers, connections);
      console.log(
        `bench ranking-page: c=${connections} p50_ms=${ms(ours.p50)} p95_ms=${ms(ours.p95)} rps=${ours.rps.toFixed(1)} baseline_ratio=${(theirs.rps > 0 ? ours.rps / theirs.rps : 0).toFixed(3)}`,
      );
      console.log(`  baseline ranking-page: c=${connections} p50_ms=${ms(theirs.p50)} p95_ms=${ms(theirs.p95)} rps=${theirs.rps.toFixed(1)} (${route.statements.length} SQL statements, ${route.bodyBytes} bytes)`);
    }
  }
  if (selected("ranking-scores")) {
    const scores = await timeStageScores(benchUrl.toString());
    console.log(`bench ranking-scores: apps=${scores.applications} cold_ms=${ms(scores.coldMs)} cached_ms=${ms(scores.warmMs)}`);
  }

  const memory = portal.child.process.pid ? memoryOf(portal.child.process.pid) : null;
  console.log(
    memory ? `bench server_rss_mb=${memory.rssMb.toFixed(1)} peak_rss_mb=${memory.peakRssMb.toFixed(1)}` : "bench server_rss_mb=n/a",
  );
  await stopChild(baseline);
  return portal;
}

async function main(): Promise<void> {
  console.log(`bench: ${SECONDS} s per measurement (+${WARMUP_SECONDS} s warm-up), ${CONNECTIONS} connections, database ${DATABASE_NAME} on ${benchUrl.host}`);
  const load1 = loadavg()[0] ?? 0;
  if (load1 > availableParallelism()) {
    console.warn(`bench: warning: the machine is busy (load average ${load1.toFixed(1)} on ${availableParallelism()} cores); figures will be low and noisy`);
  }
  if (selected("assignment")) printAssignmentBench();
  if (!SERVER_SCENARIOS.some(selected)) return;
  await recreateDatabase();
  let portal: { child: Child; base: string };
  if (PAGE_SCENARIOS.some(selected)) {
    portal = await benchPages();
  } else {
    const started = performance.now();
    portal = await startPortal(benchUrl.toString());
    console.log(`bench setup: migrated and seeded the demo in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  if (selected("deadline-surge")) {
    // With BENCH_SURGE_PROCESSES > 1 the rush meets several app processes on one database (DESIGN.md
    // "Scale"), which also shows that none of them submits or mails twice.
    const surgePortal = SURGE_PROCESSES === 1 ? portal : await startPortal(benchUrl.toString(), SURGE_PROCESSES);
    const db = connectPostgres(benchUrl.toString());
    try {
      await runDeadlineSurge({
        base: surgePortal.base,
        prisma: db.prisma,
        startChild,
        filesRoot: path.resolve(root, process.env.DATA_DIR ?? "data", "files"),
        serverOutput: surgePortal.child.output,
        serverPid: surgePortal.child.process.pid,
        processes: SURGE_PROCESSES,
      });
    } finally {
      await db.close();
      if (surgePortal !== portal) await stopChild(surgePortal.child);
    }
  }

  if (selected("upload-200mb")) {
    const cookie = await logIn(portal.base, "applicant@example.org", "/applicant");
    await printUploadBench({ base: portal.base, pid: portal.child.process.pid!, databaseUrl: benchUrl.toString(), cookie, applicantEmail: "applicant@example.org" });
  }
  await stopChild(portal.child);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
console.log(`bench total_s=${((performance.now() - startedAt) / 1000).toFixed(1)}`);
process.exit(failed ? 1 : 0);
