import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connectPglite, connectPostgres } from "../../app/server/db.server";
import { applyMigrations } from "../../app/server/migrate.server";
import { serverUrl, testDatabaseServer } from "./test-database";

/**
 * Migrates one template database per run; every test file then starts from a copy of it
 * (PostgreSQL: CREATE DATABASE … TEMPLATE; PGlite: a dumped data directory).
 */
export default async function setup(project: TestProject) {
  const server = testDatabaseServer();
  if (server) {
    const templateName = `portal_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${templateName}"`);
    await admin.query(`CREATE DATABASE "${templateName}"`);
    const template = connectPostgres(serverUrl(server, templateName), 1);
    await applyMigrations(template);
    await template.close();
    project.provide("templateDatabase", templateName);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const template = await connectPglite();
  await applyMigrations(template);
  const dump = await (await import("./pglite-dump")).dumpPglite(template);
  const file = path.join(tmpdir(), `portal-template-${process.pid}.tar.gz`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  project.provide("templateDatabase", file);
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
