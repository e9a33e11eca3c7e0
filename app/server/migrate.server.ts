import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "./db.server";

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(directory = "prisma/migrations"): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(directory, name, "migration.sql"), "utf8");
      // Prisma's checksum is the SHA-256 of the file's bytes, so `prisma migrate status` agrees with us.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies the hand-written SQL migrations that are not yet recorded, each in its own transaction,
 * and records them the way `prisma migrate deploy` does. Refuses to run over a migration whose
 * file changed after it was applied.
 */
export async function applyMigrations(db: Database, directory?: string): Promise<string[]> {
  await db.execScript(MIGRATIONS_TABLE);
  const applied = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
    `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL AND "finished_at" IS NOT NULL`,
  );
  const appliedChecksums = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const newlyApplied: string[] = [];
  for (const migration of await readMigrations(directory)) {
    const known = appliedChecksums.get(migration.name);
    if (known !== undefined) {
      if (known !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
      }
      continue;
    }
    const id = randomUUID();
    const escapedName = migration.name.replaceAll("'", "''");
    // One simple-protocol message runs as a single implicit transaction: the migration and its record
    // land together or not at all.
    await db.execScript(`${migration.sql}
;
INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
VALUES ('${id}', '${migration.checksum}', '${escapedName}', now(), now(), 1);`);
    newlyApplied.push(migration.name);
  }
  return newlyApplied;
}
