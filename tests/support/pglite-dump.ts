import type { Database } from "../../app/server/db.server";

export async function dumpPglite(db: Database): Promise<Blob> {
  if (!db.pglite) throw new Error("not a PGlite database");
  const dump = await db.pglite.dumpDataDir("gzip");
  return dump instanceof Blob ? dump : new Blob([dump]);
}
