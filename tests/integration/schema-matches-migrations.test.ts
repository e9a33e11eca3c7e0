import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPglite, connectPostgres, type Database } from "../../app/server/db.server";
import { applyMigrations } from "../../app/server/migrate.server";
import { describeDefault, introspectDatabase, MIGRATIONS_TABLE, type ActualDatabase } from "../support/database-structure";
import { expectedDatabase, readPrismaDatamodel, type ExpectedDatabase, type ExpectedDefault } from "../support/prisma-schema";
import { serverUrl, testDatabaseServer } from "../support/test-database";

/**
 * The hand-written SQL in prisma/migrations must build exactly the database `prisma migrate` would
 * build from prisma/schema.prisma (the schema engine cannot be downloaded here, so nothing else
 * checks that). The expectation comes from Prisma's own schema parser (its DMMF), not from a copy.
 */

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const migrationsDirectory = path.join(repositoryRoot, "prisma", "migrations");
const expected: ExpectedDatabase = expectedDatabase(readPrismaDatamodel(path.join(repositoryRoot, "prisma", "schema.prisma")));

async function migrationNames(directory = migrationsDirectory): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Prisma's checksum: SHA-256 of the file's bytes, as 64 lowercase hex digits. */
async function prismaChecksum(name: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path.join(migrationsDirectory, name, "migration.sql")))
    .digest("hex");
}

function withoutMigrationsTable<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([table]) => table !== MIGRATIONS_TABLE));
}

interface OpenedDatabase {
  db: Database;
  dispose(): Promise<void>;
}

async function openPglite(): Promise<OpenedDatabase> {
  const db = await connectPglite();
  return { db, dispose: () => db.close() };
}

/** A new, empty database on the server of `server` (an admin URL), dropped by `dispose`. */
async function openFreshPostgres(server: string): Promise<OpenedDatabase> {
  const name = `schema_check_${process.pid}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const db = connectPostgres(serverUrl(server, name), 2);
  return {
    db,
    dispose: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

type ColumnsAsText = Record<string, Record<string, { type: string; nullable: boolean; default: string | null }>>;

async function columnsAsText(
  db: Database,
  columns: Record<string, Record<string, { type: string; nullable: boolean; default: ExpectedDefault | string | null }>>,
): Promise<ColumnsAsText> {
  const result: ColumnsAsText = {};
  for (const [table, tableColumns] of Object.entries(columns)) {
    result[table] = {};
    for (const [column, shape] of Object.entries(tableColumns)) {
      result[table][column] = { type: shape.type, nullable: shape.nullable, default: await describeDefault(db, shape.default) };
    }
  }
  return result;
}

function migrationSuite(open: () => Promise<OpenedDatabase>) {
  let opened: OpenedDatabase | undefined;
  let db: Database;
  let appliedOnFirstRun: string[];
  let actual: ActualDatabase;

  beforeAll(async () => {
    opened = await open();
    db = opened.db;
    appliedOnFirstRun = await applyMigrations(db);
    actual = await introspectDatabase(db);
  }, 120_000);

  afterAll(async () => {
    await opened?.dispose();
  }, 60_000);

  it("applies every migration in prisma/migrations, in order", async () => {
    expect(appliedOnFirstRun).toEqual(await migrationNames());
  });

  it("has one table per model and no other table, view or foreign table (besides _prisma_migrations)", () => {
    expect(actual.tables).toEqual([...expected.tables, MIGRATIONS_TABLE].sort());
  });

  it("has every enum with exactly the schema's values, in order, and no other enum", () => {
    expect(actual.enums).toEqual(expected.enums);
  });

  it("has every field as a column of the right type, nullability and default, and no other column", async () => {
    const actualColumns = await columnsAsText(db, withoutMigrationsTable(actual.columns));
    const expectedColumns = await columnsAsText(db, expected.columns);
    expect(actualColumns).toEqual(expectedColumns);
  });

  it("has the primary keys (@id, @@id) under Prisma's names", () => {
    expect(withoutMigrationsTable(actual.primaryKeys)).toEqual(expected.primaryKeys);
  });

  it("has the @unique, @@unique and @@index indexes under Prisma's names, and no other index", () => {
    expect(withoutMigrationsTable(actual.indexes)).toEqual(expected.indexes);
  });

  it("has a foreign key per relation with Prisma's name, columns and referential actions, and no other", () => {
    expect(withoutMigrationsTable(actual.foreignKeys)).toEqual(expected.foreignKeys);
  });

  it("keeps _prisma_migrations in the shape Prisma creates it", async () => {
    expect(await columnsAsText(db, { [MIGRATIONS_TABLE]: actual.columns[MIGRATIONS_TABLE] ?? {} })).toEqual({
      [MIGRATIONS_TABLE]: {
        id: { type: "character varying(36)", nullable: false, default: null },
        checksum: { type: "character varying(64)", nullable: false, default: null },
        finished_at: { type: "timestamp with time zone", nullable: true, default: null },
        migration_name: { type: "character varying(255)", nullable: false, default: null },
        logs: { type: "text", nullable: true, default: null },
        rolled_back_at: { type: "timestamp with time zone", nullable: true, default: null },
        started_at: { type: "timestamp with time zone", nullable: false, default: "now()" },
        applied_steps_count: { type: "integer", nullable: false, default: "= \"0\"" },
      },
    });
    expect(actual.primaryKeys[MIGRATIONS_TABLE]).toEqual({ name: `${MIGRATIONS_TABLE}_pkey`, columns: ["id"] });
  });

  it("records each migration the way `prisma migrate deploy` does", async () => {
    const rows = await db.prisma.$queryRawUnsafe<
      {
        id: string;
        checksum: string;
        finished_at: Date | string | null;
        started_at: Date | string;
        migration_name: string;
        logs: string | null;
        rolled_back_at: Date | string | null;
        applied_steps_count: number;
      }[]
    >(`SELECT * FROM "${MIGRATIONS_TABLE}" ORDER BY "migration_name"`);
    const names = await migrationNames();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(await prismaChecksum(row.migration_name));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(new Date(row.finished_at!).getTime()).toBeGreaterThanOrEqual(new Date(row.started_at).getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it("applies nothing when run a second time", async () => {
    const recordsBefore = await db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${MIGRATIONS_TABLE}" ORDER BY "id"`);
    expect(await applyMigrations(db)).toEqual([]);
    expect(await db.prisma.$queryRawUnsafe(`SELECT "id" FROM "${MIGRATIONS_TABLE}" ORDER BY "id"`)).toEqual(recordsBefore);
    expect(await introspectDatabase(db)).toEqual(actual);
  });

  describe("refuses a migration file changed after it was applied", () => {
    let copy: string;
    beforeAll(async () => {
      copy = await mkdtemp(path.join(tmpdir(), "migrations-copy-"));
    });
    afterAll(async () => {
      await rm(copy, { recursive: true, force: true });
    });

    async function freshCopy(): Promise<string> {
      const directory = path.join(copy, randomBytes(4).toString("hex"));
      await cp(migrationsDirectory, directory, { recursive: true });
      return directory;
    }

    it("accepts an unchanged copy of the migrations (and applies nothing)", async () => {
      expect(await applyMigrations(db, await freshCopy())).toEqual([]);
    });

    it.each([
      ["a statement appended", `\nCREATE TABLE "MustNotExist" ("id" TEXT);\n`],
      ["one newline appended", "\n"],
    ])("with %s, before running anything", async (_change, appended) => {
      const directory = await freshCopy();
      const [changed] = await migrationNames(directory);
      await appendFile(path.join(directory, changed!, "migration.sql"), appended);
      // A later, new migration must not run either.
      await mkdir(path.join(directory, "99991231235959_after_the_changed_one"));
      await writeFile(
        path.join(directory, "99991231235959_after_the_changed_one", "migration.sql"),
        `CREATE TABLE "MustNotExistEither" ("id" TEXT);\n`,
      );
      const recordsBefore = await db.prisma.$queryRawUnsafe(`SELECT * FROM "${MIGRATIONS_TABLE}" ORDER BY "id"`);

      await expect(applyMigrations(db, directory)).rejects.toThrow(changed);

      expect(await db.prisma.$queryRawUnsafe(`SELECT * FROM "${MIGRATIONS_TABLE}" ORDER BY "id"`)).toEqual(recordsBefore);
      expect((await introspectDatabase(db)).tables).toEqual(actual.tables);
    });
  });
}

describe("migrations on an in-memory PGlite", () => {
  migrationSuite(openPglite);
});

const server = testDatabaseServer();
describe.skipIf(!server)("migrations on a fresh PostgreSQL database (TEST_DATABASE_URL / DATABASE_URL's server)", () => {
  migrationSuite(() => openFreshPostgres(server!));
});
