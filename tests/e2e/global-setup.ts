import { mkdirSync } from "node:fs";
import { chromium, expect, type FullConfig } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, roles, storageStateDirectory, storageStatePath } from "./roles";

/**
 * Logs every demo role in once, through the real login form in Chromium, and keeps the cookies
 * (session and CSRF token) as storage state for the tests. Login is rate-limited per account and per
 * address, so the tests reuse these sessions instead of logging in again.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const use = config.projects[0]?.use ?? {};
  const baseURL = use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts must set use.baseURL");
  mkdirSync(storageStateDirectory, { recursive: true });
  const browser = await chromium.launch({ ...use.launchOptions, headless: true });
  try {
    for (const role of roles) {
      const account = demoAccounts[role];
      const context = await browser.newContext({ baseURL, locale: "de-DE" });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("E-Mail-Adresse").fill(account.email);
      await page.getByLabel("Passwort", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      try {
        await page.waitForURL((url) => url.pathname === account.startPage, { timeout: 20_000 });
        await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
      } catch (error) {
        const text = await page.locator("main").innerText().catch(() => "(no page)");
        throw new Error(`Logging in ${account.email} did not reach ${account.startPage} (at ${page.url()}): ${text}`, { cause: error });
      }
      await context.storageState({ path: storageStatePath(role) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
