/** The PostgreSQL server the tests use, if any; PGlite otherwise. */
export function testDatabaseServer(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** The same server URL pointing at another database. */
export function serverUrl(server: string, databaseName: string): string {
  const url = new URL(server);
  url.pathname = `/${databaseName}`;
  return url.toString();
}
