import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eDatabaseUrl } from "./tests/e2e/database";

// End-to-end tests against the built portal (`npm run test:e2e` builds first). Every run starts the
// server on a fresh database: a re-created PostgreSQL database `portal_e2e` when TEST_DATABASE_URL or
// DATABASE_URL names a server, else an empty PGlite data folder in the temp directory.

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

const databaseUrl = e2eDatabaseUrl();

const databaseEnvironment: Record<string, string> = databaseUrl
  ? { DATABASE_URL: databaseUrl }
  : // A fixed name (this file is loaded by every worker too, so nothing random here); the
    // fresh-database script empties it before the server starts.
    { DATA_DIR: path.join(os.tmpdir(), `mint-portal-e2e-${port}`) };

// Debian's Chromium where it is installed (Playwright cannot download its own browser here).
const systemChromium = "/usr/bin/chromium";
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  // Keep other results in test-results/ (unit tests, the JSON summary) when Playwright empties its own folder.
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: "./tests/e2e/global-setup.ts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node tests/e2e/fresh-database.mjs && node scripts/start.mjs",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...databaseEnvironment,
      PORT: String(port),
      HOST: "127.0.0.1",
      PORTAL_MODE: "demo",
      // No real mail may leave a test run: without a Resend key mail goes to the development mailbox.
      RESEND_API_KEY: "",
      // Links in mails point at this server.
      PUBLIC_URL: baseURL,
    },
  },
});
