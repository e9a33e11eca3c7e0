import { describe, expect, it } from "vitest";
import { connectPostgres, database, installDatabase } from "../../app/server/db.server";
import { databaseIsHealthy } from "../../app/server/startup.server";

describe("health check", () => {
  it("is healthy while the database answers", async () => {
    expect(await databaseIsHealthy()).toBe(true);
  });

  it("is unhealthy when the database does not answer", async () => {
    const working = await database();
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const unreachable = connectPostgres("postgresql://nobody@127.0.0.1:9/none", 1);
    installDatabase(unreachable);
    try {
      expect(await databaseIsHealthy()).toBe(false);
    } finally {
      installDatabase(working);
      await unreachable.close();
    }
  });
});
