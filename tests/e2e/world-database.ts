import type { Browser, Page } from "@playwright/test";
import { connectPostgres, installDatabase, type Database } from "../../app/server/db.server";
import { contextOptions, expect, newContextWithoutJavaScript, test } from "./fixtures";

/**
 * Specs whose fixtures (a review world) are written straight into the e2e server's database, which
 * needs the server on PostgreSQL: the embedded PGlite database belongs to the server process alone.
 * Call once at the top of the spec: it skips the spec without PostgreSQL and opens the database
 * for the fixtures around the spec's tests.
 */
export function withServerDatabase(): void {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  test.skip(!serverUrl, "writes reviews into the e2e server's database: run with TEST_DATABASE_URL (PostgreSQL)");
  let db: Database | undefined;
  test.beforeAll(() => {
    const url = new URL(serverUrl!);
    url.pathname = `/${process.env.E2E_DATABASE_NAME ?? "portal_e2e"}`;
    db = connectPostgres(url.toString(), 2);
    installDatabase(db);
  });
  test.afterAll(async () => db?.close());
}

/** A person of a fresh world logs in through the form (their password is the test accounts' default). */
export async function loggedIn(browser: Browser, baseURL: string | undefined, email: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = options.javaScript === false ? await newContextWithoutJavaScript(browser, baseURL) : await browser.newContext(contextOptions(baseURL));
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill("correct horse battery");
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  return page;
}
