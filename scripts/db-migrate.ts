// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { database } from "../app/server/db.server";
import { applyMigrations } from "../app/server/migrate.server";

const db = await database();
const applied = await applyMigrations(db);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
await db.close();
