/**
 * The end-to-end server's database when it runs on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL
 * names a server): the database `portal_e2e` (or E2E_DATABASE_NAME) there. Null on embedded PGlite,
 * which only the server's own process can open.
 */
export function e2eDatabaseUrl(): string | null {
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) return null;
  const parsed = new URL(server);
  parsed.pathname = `/${process.env.E2E_DATABASE_NAME ?? "portal_e2e"}`;
  return parsed.toString();
}
