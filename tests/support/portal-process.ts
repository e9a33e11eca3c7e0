import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { closeDatabase, database, installDatabase, openPgliteFolder } from "../../app/server/db.server";
import { applyMigrations } from "../../app/server/migrate.server";

/**
 * The real portal process (`node scripts/start.mjs`) for tests of starting and stopping: its own
 * port, its own DATA_DIR, its output collected.
 */

const BUILD_ENTRY = path.resolve("build/server/index.js");
const SOURCES = ["app", "emails", "workflows", "prisma/seed", "prisma/migrations", "scripts/start.mjs"];

function newestChange(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    // The generated Prisma client changes with every `db:generate`, not with the source.
    if (child === "generated") continue;
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

/**
 * Builds the portal unless a build newer than every source file exists: a test of the process must
 * never run yesterday's code.
 */
export function ensureCurrentBuild(): void {
  if (existsSync(BUILD_ENTRY) && statSync(BUILD_ENTRY).mtimeMs > Math.max(...SOURCES.map(newestChange))) return;
  const result = spawnSync("npm", ["run", "build"], { encoding: "utf8", timeout: 300_000 });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface PortalProcess {
  port: number;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
  /** Resolves once `text` appears in the output. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Starts the portal on a free port with DATA_DIR `dataDir`, in production mode without real mail
 * unless `env` says otherwise, and resolves once it has printed `until` (by default: it listens).
 */
export async function startPortal(dataDir: string, env: Record<string, string> = {}, until = "läuft auf"): Promise<PortalProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORTAL_MODE: "production",
    // The tests talk plain HTTP: session and CSRF cookies keep the names the fixtures use.
    INSECURE_COOKIES: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ...env,
  };
  delete childEnv.DATABASE_URL;
  if (!env.RESEND_API_KEY) delete childEnv.RESEND_API_KEY;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  const portal: PortalProcess = {
    port,
    child,
    output: () => output,
    waitFor: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`The portal did not print "${text}" within ${timeoutMs} ms. It printed:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`The portal ended before printing "${text}". It printed:\n${output}`));
          }
        });
        check();
      }),
    exited,
  };
  await portal.waitFor(until);
  return portal;
}

/**
 * Whether the embedded cluster in `folder` was shut down cleanly: the state word of
 * `global/pg_control` (offset 16, after the system identifier and two version numbers) is
 * DB_SHUTDOWNED (1). Anything else means the next open starts with a crash recovery.
 */
export function shutDownCleanly(folder: string): boolean {
  const control = readFileSync(path.join(folder, "global", "pg_control"));
  return control.readUInt32LE(16) === 1;
}

/**
 * Runs `work` against the embedded database in `dataDir` (created and migrated if new) in this test
 * process, then closes it cleanly so a portal process can open it. The file's own database is
 * back in place afterwards.
 */
export async function withDataDir<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const own = await database();
  const db = await openPgliteFolder(path.join(dataDir, "pglite"));
  await applyMigrations(db);
  installDatabase(db);
  try {
    return await work();
  } finally {
    await closeDatabase();
    installDatabase(own);
  }
}
