import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { connectPglite, connectPostgres, installDatabase, type Database } from "../../app/server/db.server";
import { serverUrl, testDatabaseServer } from "./test-database";

/** Gives this test file a database of its own, copied from the migrated template. */
async function databaseForThisFile(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const template = inject("templateDatabase");
  const server = testDatabaseServer();
  if (!server) {
    const dump = new Blob([await readFile(template)]);
    const db = await connectPglite({ loadDataDir: dump });
    return { db, drop: () => db.close() };
  }
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const db = connectPostgres(serverUrl(server, name), 4);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const { db, drop } = await databaseForThisFile();
installDatabase(db);
afterAll(drop);
