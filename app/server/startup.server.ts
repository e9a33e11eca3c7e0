import { closeDatabase, database, type Database } from "./db.server";
import { applyMigrations } from "./migrate.server";
import { developmentMailboxEnabled, portalMode } from "./config.server";
import { hashPassword } from "./accounts/passwords.server";
import { SEED_MARKER_ID, seedDemo } from "@seed/demo";
import { startOutboxWorker } from "./mail/outbox-worker.server";
import { startReviewReminderSchedule } from "./review/review-reminders.server";
import { removeUnfinishedUploads } from "./files/storage.server";
import type { RequestDrain } from "./web/graceful-stop.server";

export const DEMO_PASSWORD = "demo-demo-demo";

/** For `npm start`, which explains this error in plain words instead of showing its stack. */
export { UnusableDataFolderError } from "./db.server";

/**
 * Brings the database to the current schema and, in demo mode or when SEED_DEMO=1, seeds the demo
 * until it is complete. A production database is never seeded unasked.
 */
export async function prepareDatabase(options: { migrationsDirectory?: string } = {}): Promise<{ migrated: string[]; seeded: boolean }> {
  const db = await database();
  const migrated = await applyMigrations(db, options.migrationsDirectory);
  const wantsDemo = portalMode() !== "production" || process.env.SEED_DEMO === "1";
  return { migrated, seeded: wantsDemo && (await completeDemoSeed(db)) };
}

// The demo takes seconds, on a slow machine more than the 30 s a transaction gets by default here;
// a transaction past its timeout is rolled back, and the start would fail for no good reason.
const SEED_TRANSACTION = { maxWait: 60_000, timeout: 10 * 60_000 };

/**
 * Seeds the demo unless its completion marker (the seed's last row) is there. The seed runs as one
 * transaction, so a start killed inside it leaves nothing and the next start seeds again; a demo
 * left half-made by an older version without the transaction is completed, as the seed only adds
 * rows that are missing. Not the user count: people without calls would count as "seeded".
 */
async function completeDemoSeed(db: Database): Promise<boolean> {
  const marker = await db.prisma.auditEvent.findUnique({ where: { id: SEED_MARKER_ID }, select: { id: true } });
  if (marker) return false;
  console.log("Demo-Daten werden angelegt …");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { created } = await db.prisma.$transaction((tx) => seedDemo(tx, { now: new Date(), passwordHash }), SEED_TRANSACTION);
  return created;
}

/** Opens the database for an app process whose primary has already prepared it (WEB_CONCURRENCY). */
export async function connectDatabase(): Promise<void> {
  await database();
}

/**
 * The work each app process runs beside its requests. Each entry starts one worker and returns the
 * function that stops it; that function resolves once the worker has finished or handed back what it
 * had taken on (a mail batch, a job), so a stop may close the database after it. A new worker joins
 * with one line here.
 */
const backgroundWorkers: (() => () => Promise<void>)[] = [() => startOutboxWorker(), () => startReviewReminderSchedule()];

/** Starts every background worker; the returned function stops them all and resolves when all have stopped. */
export function startBackgroundWork(): () => Promise<void> {
  const stops = backgroundWorkers.map((start) => start());
  return async () => {
    const results = await Promise.allSettled(stops.map((stop) => stop()));
    for (const result of results) if (result.status === "rejected") console.error("A background worker failed to stop cleanly:", result.reason);
  };
}

/**
 * A stop (SIGTERM, Ctrl-C): no new connections; requests in flight and the background workers
 * finish, both within the grace period; then the database is closed (for the embedded one, its clean
 * shutdown). Returns how many requests were cut off when the grace period ran out.
 */
export async function stopGracefully(options: { requests: RequestDrain; stopBackgroundWork: () => Promise<void>; graceMs: number }): Promise<{ cutOff: number }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const graceOver = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.graceMs);
  });
  const [{ cutOff }] = await Promise.all([options.requests.drain(options.graceMs), Promise.race([options.stopBackgroundWork(), graceOver])]);
  clearTimeout(timer);
  await closeDatabase();
  return { cutOff };
}

/** What an interrupted run may have left behind and nothing will finish: unfinished uploads. */
export async function removeLeftoversOfLastRun(): Promise<void> {
  await removeUnfinishedUploads();
}

/** The demo accounts the start message lists; all share DEMO_PASSWORD. */
export const DEMO_LOGINS: [string, string][] = [
  ["Administration", "admin@example.org"],
  ["Programmleitung", "manager@example.org"],
  ["Jury", "juror1@example.org … juror6@example.org"],
  ["Antragstellende", "applicant@example.org"],
  ["Landeskoordination", "coordinator@example.org"],
];

export function demoLoginsAvailable(): boolean {
  return portalMode() !== "production" || process.env.SEED_DEMO === "1" || developmentMailboxEnabled();
}

/** For /healthz: the database answers a trivial query within two seconds. */
export async function databaseIsHealthy(): Promise<boolean> {
  try {
    const db = await database();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref());
    await Promise.race([db.prisma.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch {
    return false;
  }
}
