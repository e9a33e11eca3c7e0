import { defineConfig } from "prisma/config";

// The CLI is used for `generate` (and `migrate deploy`/`status` where the schema engine can be downloaded).
// Our own migration step (scripts/db-migrate.ts) applies the hand-written SQL everywhere else.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/portal" },
});
