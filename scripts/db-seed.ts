// `npm run db:seed`: seeds the demo. Against a PostgreSQL server it runs only when asked
// (PORTAL_MODE=demo or SEED_DEMO=1), so it never fills a production database by accident.
import { closeDatabase } from "../app/server/db.server";
import { portalMode } from "../app/server/config.server";
import { DEMO_PASSWORD, prepareDatabase } from "../app/server/startup.server";

if (portalMode() === "production" && process.env.SEED_DEMO !== "1") {
  console.error("Refusing to seed demo data into a production database. Set SEED_DEMO=1 (or PORTAL_MODE=demo) if you mean it.");
  process.exit(1);
}
// The same path as `npm start`: one transaction, skipped once the seed's completion marker is there.
const { seeded } = await prepareDatabase();
console.log(seeded ? `Demo seeded. Password for every demo account: ${DEMO_PASSWORD}` : "The demo was already there; nothing changed.");
await closeDatabase();
