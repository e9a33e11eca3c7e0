import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
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

/** Prisma's codes for "cannot reach / lost the server / no connection free in time". */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** The driver adapter's kinds for the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** PostgreSQL shutting down, restarting or starting up (57P01–57P03), and connection failures (class 08). */
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08)/;
/** node-postgres errors that reach Prisma unconverted when the server goes away mid-query or the pool waits in vain. */
const UNAVAILABLE_DRIVER_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether `error` says the database server is away (down, restarting, unreachable) rather than
 * that a query was wrong: such a request failed before anything was saved, and may simply be
 * repeated once the server is back.
 */
export function databaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message, meta } = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } };
    if (typeof code === "string" && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    const cause = meta?.driverAdapterError?.cause;
    if (cause?.kind && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
    if (cause?.kind === "postgres" && cause.code && UNAVAILABLE_SQLSTATE.test(cause.code)) return true;
    if (typeof message === "string" && UNAVAILABLE_DRIVER_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function dataDirectory(): string {
  return process.env.DATA_DIR ?? "./data";
}

/** The embedded database's folder cannot be opened; the message says why and what to do, in plain words. */
export class UnusableDataFolderError extends Error {
  constructor(folder: string, reason: string) {
    super(
      `The embedded database in ${folder} cannot be opened: ${reason}\n` +
        "This usually means that an earlier first start was interrupted while the database was being created.\n" +
        `If the portal has never held data you need, delete the folder ${folder} and start again: a new database is created.\n` +
        "Otherwise put the folder back from your backup, or set DATABASE_URL to use a PostgreSQL server instead.",
    );
    this.name = "UnusableDataFolderError";
  }
}

/** Files a complete cluster has and a creation cut short may lack (PGlite writes PG_VERSION early). */
const CLUSTER_FILES = ["PG_VERSION", "pg_hba.conf", "postgresql.conf", path.join("global", "pg_control")];

function missingClusterFile(folder: string): string | undefined {
  return CLUSTER_FILES.find((file) => {
    const full = path.join(folder, file);
    return !existsSync(full) || statSync(full).size === 0;
  });
}

/**
 * Creates the embedded cluster in a folder beside its place and renames it into place once
 * complete: a start killed while the cluster is being created leaves only the temporary folder,
 * which the next start removes, never a half-made cluster where the database is looked for.
 */
async function createClusterAside(folder: string): Promise<void> {
  const creating = `${folder}.creating`;
  await rm(creating, { recursive: true, force: true });
  await mkdir(creating, { recursive: true });
  const pglite = await PGlite.create(creating);
  await pglite.close();
  // An empty folder where the cluster belongs (made by hand, or by an older version) gives way.
  await rm(folder, { recursive: true, force: true });
  await rename(creating, folder);
}

/** Opens the embedded database in `folder`, creating it on the first start; explains a folder it cannot use. */
export async function openPgliteFolder(folder: string): Promise<Database> {
  const absolute = path.resolve(folder);
  const present = existsSync(absolute) ? readdirSync(absolute) : [];
  if (present.length === 0) await createClusterAside(absolute);
  else if (!present.includes("PG_VERSION")) {
    throw new UnusableDataFolderError(absolute, "the folder is not empty, but it holds no database (PG_VERSION is missing).");
  }
  const missing = missingClusterFile(absolute);
  if (missing) throw new UnusableDataFolderError(absolute, `the database is incomplete (${missing} is missing or empty).`);
  try {
    return await connectPglite({ dataDir: absolute });
  } catch (error) {
    throw new UnusableDataFolderError(absolute, `the embedded PostgreSQL refused it (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export function connectFromEnvironment(): Promise<Database> | Database {
  const url = process.env.DATABASE_URL;
  if (url) return connectPostgres(url);
  return openPgliteFolder(path.join(dataDirectory(), "pglite"));
}

let current: Database | undefined;
let connecting: Promise<Database> | undefined;

/** The process-wide database; tests install their own with `installDatabase`. */
export async function database(): Promise<Database> {
  if (current) return current;
  connecting ??= Promise.resolve(connectFromEnvironment()).then((db) => (current = db));
  return connecting;
}

/**
 * Closes the process-wide database at the end of a stop. For the embedded database this is its
 * clean shutdown: without it every next start begins with a crash recovery.
 */
export async function closeDatabase(): Promise<void> {
  const db = current ?? (await connecting?.catch(() => undefined));
  current = undefined;
  connecting = undefined;
  await db?.close();
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
