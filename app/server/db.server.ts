import { mkdirSync } from "node:fs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";

/** A connected database: Prisma for queries, `execScript` for multi-statement SQL (migrations). */
export interface Database {
  prisma: PrismaClient;
  kind: "postgresql" | "pglite";
  /** The embedded engine itself, for dumping it (tests) — absent on PostgreSQL. */
  pglite?: PGlite;
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
}

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Prisma gives up on starting a transaction after 2 s by default. At a deadline surge every pool
// connection is busy for a while; waiting longer turns a would-be failure into a slower success.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function connectPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, failover, DROP DATABASE) raises an error event on
  // the pool; unhandled, it would crash the process. The pool replaces the connection by itself.
  pool.on("error", (error) => console.error("PostgreSQL connection lost:", error.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
  return {
    prisma,
    kind: "postgresql",
    // A query without parameters uses the simple protocol, which accepts many statements.
    execScript: async (sql) => void (await pool.query(sql)),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Embedded PostgreSQL (WebAssembly) in `dataDir`, or in memory; `loadDataDir` starts from a dumped database. */
export async function connectPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const pglite = await PGlite.create(options.dataDir, { loadDataDir: options.loadDataDir });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
  return {
    prisma,
    kind: "pglite",
    pglite,
    execScript: async (sql) => void (await pglite.exec(sql)),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export function dataDirectory(): string {
  return process.env.DATA_DIR ?? "./data";
}

export function connectFromEnvironment(): Promise<Database> | Database {
  const url = process.env.DATABASE_URL;
  if (url) return connectPostgres(url);
  const dataDir = `${dataDirectory()}/pglite`;
  mkdirSync(dataDir, { recursive: true });
  return connectPglite({ dataDir });
}

let current: Database | undefined;
let connecting: Promise<Database> | undefined;

/** The process-wide database; tests install their own with `installDatabase`. */
export async function database(): Promise<Database> {
  if (current) return current;
  connecting ??= Promise.resolve(connectFromEnvironment()).then((db) => (current = db));
  return connecting;
}

export function installDatabase(db: Database): void {
  current = db;
  connecting = Promise.resolve(db);
}

/**
 * The Prisma client of the process-wide database. Domain modules import this and stay unaware of
 * which database they talk to; `database()` must have resolved once before (the server and the
 * test setup do that at start).
 */
export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (!current) throw new Error("The database is not connected yet: await database() at start-up.");
    const value = Reflect.get(current.prisma, property);
    return typeof value === "function" ? value.bind(current.prisma) : value;
  },
});
