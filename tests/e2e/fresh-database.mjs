// Runs before the end-to-end server starts (see playwright.config.ts): gives it an empty database,
// so every run starts from the demo seed and nothing a previous run changed (sessions, rate-limit
// counters, new accounts) leaks into it.
//
// - DATABASE_URL set: drops and re-creates that database on its PostgreSQL server (connecting to
//   the server's `postgres` maintenance database to do so).
// - otherwise DATA_DIR set: empties that folder, so the embedded PGlite database starts fresh.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import pg from "pg";

const databaseUrl = process.env.DATABASE_URL;
const dataDirectory = process.env.DATA_DIR;

if (databaseUrl) {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  // A guard against wiping a real database by a mistyped variable: only test databases are dropped.
  if (!/^[a-z0-9_]*e2e[a-z0-9_]*$/i.test(name)) {
    console.error(`fresh-database: refusing to drop "${name}" (the name must contain "e2e").`);
    process.exit(1);
  }
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
  console.log(`fresh-database: PostgreSQL database "${name}" re-created on ${target.host}.`);
} else if (dataDirectory) {
  const folder = path.resolve(dataDirectory);
  const temporary = path.resolve(os.tmpdir());
  if (!folder.startsWith(temporary + path.sep)) {
    console.error(`fresh-database: refusing to empty ${folder} (not inside ${temporary}).`);
    process.exit(1);
  }
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  console.log(`fresh-database: empty PGlite data folder ${folder}.`);
} else {
  console.error("fresh-database: set DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite).");
  process.exit(1);
}
