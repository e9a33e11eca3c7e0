// `npm test`: every suite — Vitest (unit + integration) and Playwright (end-to-end) — even when an
// earlier one fails, then one line with the totals of all of them (CI reads that line).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const VITEST_RESULTS = "test-results/vitest-results.json";
const PLAYWRIGHT_RESULTS = "test-results/e2e-results.json";
for (const file of [VITEST_RESULTS, PLAYWRIGHT_RESULTS]) rmSync(file, { force: true });

function run(script) {
  return spawnSync("npm", ["run", script], { stdio: "inherit" }).status ?? 1;
}

const statuses = [run("test:unit"), run("test:e2e")];

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const vitest = readJson(VITEST_RESULTS);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitest.numFailedTestSuites ?? 0);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else totals.failed += 1;
const playwright = readJson(PLAYWRIGHT_RESULTS);
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
} else totals.failed += 1;

const failed = statuses.some((status) => status !== 0) || totals.failed > 0;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
