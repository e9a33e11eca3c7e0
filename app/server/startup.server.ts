import { database } from "./db.server";
import { applyMigrations } from "./migrate.server";
import { developmentMailboxEnabled, portalMode } from "./config.server";
import { hashPassword } from "./accounts/passwords.server";
import { seedDemo } from "@seed/demo";
import { startOutboxWorker } from "./mail/outbox-worker.server";
import { startReviewReminderSchedule } from "./review/review-reminders.server";

export const DEMO_PASSWORD = "demo-demo-demo";

/**
 * Brings the database to the current schema and, in demo mode or when SEED_DEMO=1, seeds the demo
 * into an empty database. A production database is never seeded unasked.
 */
export async function prepareDatabase(options: { migrationsDirectory?: string } = {}): Promise<{ migrated: string[]; seeded: boolean }> {
  const db = await database();
  const migrated = await applyMigrations(db, options.migrationsDirectory);
  const wantsDemo = portalMode() !== "production" || process.env.SEED_DEMO === "1";
  if (!wantsDemo) return { migrated, seeded: false };
  const empty = (await db.prisma.user.count()) === 0;
  if (!empty) return { migrated, seeded: false };
  await seedDemo(db.prisma, { now: new Date(), passwordHash: await hashPassword(DEMO_PASSWORD) });
  return { migrated, seeded: true };
}

/** Opens the database for an app process whose primary has already prepared it (WEB_CONCURRENCY). */
export async function connectDatabase(): Promise<void> {
  await database();
}

/** The outbox worker and the review reminders' schedule; the returned function stops both. */
export function startBackgroundWork(): () => Promise<void> {
  const stopOutbox = startOutboxWorker({});
  const stopReminders = startReviewReminderSchedule();
  return async () => {
    await Promise.all([stopReminders(), stopOutbox()]);
  };
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
