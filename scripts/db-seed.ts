// `npm run db:seed`: seeds the demo. Against a PostgreSQL server it runs only when asked
// (PORTAL_MODE=demo or SEED_DEMO=1), so it never fills a production database by accident.
import { database } from "../app/server/db.server";
import { applyMigrations } from "../app/server/migrate.server";
import { portalMode } from "../app/server/config.server";
import { hashPassword } from "../app/server/accounts/passwords.server";
import { DEMO_PASSWORD } from "../app/server/startup.server";
import { seedDemo } from "@seed/demo";

if (portalMode() === "production" && process.env.SEED_DEMO !== "1") {
  console.error("Refusing to seed demo data into a production database. Set SEED_DEMO=1 (or PORTAL_MODE=demo) if you mean it.");
  process.exit(1);
}
const db = await database();
await applyMigrations(db);
const { created } = await seedDemo(db.prisma, { now: new Date(), passwordHash: await hashPassword(DEMO_PASSWORD) });
console.log(created ? `Demo seeded. Password for every demo account: ${DEMO_PASSWORD}` : "The demo was already there; nothing changed.");
await db.close();
