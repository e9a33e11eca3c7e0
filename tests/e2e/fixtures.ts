import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { storageStatePath, type Role } from "./roles";

export { expect } from "@playwright/test";
export { DEMO_PASSWORD, demoAccounts, roles, storageStatePath, type Role } from "./roles";

/** WCAG 2.0 A and AA plus WCAG 2.1 AA: the level public bodies in Germany must meet (BITV 2.0). */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21aa"];

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

function describeViolations(violations: AxeResults["violations"]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 10)
        .map((node) => {
          const summary = (node.failureSummary ?? "").replace(/\s+/g, " ").trim();
          return `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
        })
        .join("\n");
      const more = violation.nodes.length > 10 ? `\n    … and ${violation.nodes.length - 10} more` : "";
      return `  [${violation.impact ?? "?"}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

/** Contexts made by `newContextWithoutJavaScript`: axe cannot run inside their pages. */
const contextsWithoutJavaScript = new WeakSet<BrowserContext>();

/** A context with JavaScript off, to see what the server alone answers (progressive enhancement); `extra` may log a role in. */
export async function newContextWithoutJavaScript(browser: Browser, baseURL: string | undefined, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(contextOptions(baseURL, { ...extra, javaScriptEnabled: false }));
  contextsWithoutJavaScript.add(context);
  return context;
}

// Frames whose sandbox forbids scripts (the development mailbox shows each mail's HTML in one) cannot
// take axe's script: Playwright's evaluate never returns there. They are left out of the axe run, and
// `expectAccessible` asserts instead that each has a title (axe's frame-title rule).
const scriptlessFrames = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';

async function analyze(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(axeTags).exclude(scriptlessFrames).analyze();
}

/**
 * Runs axe on the page as it is now and fails with a readable list when anything violates WCAG 2.1 AA.
 * A page without JavaScript is checked as a copy: its HTML, without scripts, served at the same
 * address in a context where axe can run.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  let results: AxeResults;
  if (contextsWithoutJavaScript.has(page.context())) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser();
    if (!browser) throw new Error("expectAccessible: the page has no browser");
    const copyContext = await browser.newContext(contextOptions(new URL(page.url()).origin));
    try {
      const copy = await copyContext.newPage();
      const address = page.url();
      await copy.route(address, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
      await copy.goto(address);
      results = await analyze(copy);
    } finally {
      await copyContext.close();
    }
  } else {
    results = await analyze(page);
  }
  for (const frame of await page.locator(scriptlessFrames).all()) {
    expect((await frame.getAttribute("title"))?.trim(), `sandboxed frame on ${page.url()} has a title`).toBeTruthy();
  }
  const violations = results.violations;
  expect(
    violations.map((violation) => violation.id),
    `Accessibility violations on ${page.url()}:\n${describeViolations(violations)}`,
  ).toEqual([]);
}

/** The options every context of a test shares (the project's `use` is not applied to browser.newContext). */
export function contextOptions(baseURL: string | undefined, extra: BrowserContextOptions = {}): BrowserContextOptions {
  return { baseURL, locale: "de-DE", timezoneId: "Europe/Berlin", ...extra };
}

/**
 * Collects what goes wrong inside the page: uncaught exceptions and console errors, which is where
 * React reports a page whose hydration did not match the server's HTML. Left out: a failed resource
 * load (tests open refused and missing pages on purpose, and assert their status codes), and axe's
 * own script being refused by the sandboxed frame that shows a mail in the development mailbox.
 */
function watchForBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() !== "error" || text.startsWith("Failed to load resource") || text.startsWith("Blocked script execution in 'about:srcdoc'")) return;
    errors.push(`${page.url()}: ${text}`);
  });
  return errors;
}

async function providePageWatched(page: Page, provide: (page: Page) => Promise<void>) {
  const errors = watchForBrowserErrors(page);
  await provide(page);
  expect(errors, "errors in the browser").toEqual([]);
}

async function rolePage(browser: Browser, baseURL: string | undefined, role: Role, provide: (page: Page) => Promise<void>) {
  const context: BrowserContext = await browser.newContext(contextOptions(baseURL, { storageState: storageStatePath(role) }));
  try {
    await providePageWatched(await context.newPage(), provide);
  } finally {
    await context.close();
  }
}

interface RolePages {
  applicantPage: Page;
  applicant2Page: Page;
  jurorPage: Page;
  managerPage: Page;
  coordinatorPage: Page;
  adminPage: Page;
}

/** `page` is anonymous; the others are logged in as the demo account of their role. */
export const test = base.extend<RolePages>({
  page: async ({ page }, use) => providePageWatched(page, use),
  applicantPage: async ({ browser, baseURL }, use) => rolePage(browser, baseURL, "applicant", use),
  applicant2Page: async ({ browser, baseURL }, use) => rolePage(browser, baseURL, "applicant2", use),
  jurorPage: async ({ browser, baseURL }, use) => rolePage(browser, baseURL, "juror", use),
  managerPage: async ({ browser, baseURL }, use) => rolePage(browser, baseURL, "manager", use),
  coordinatorPage: async ({ browser, baseURL }, use) => rolePage(browser, baseURL, "coordinator", use),
  adminPage: async ({ browser, baseURL }, use) => rolePage(browser, baseURL, "admin", use),
});

/**
 * Opens the newest mail to `recipient` whose subject contains `subject` in the development mailbox,
 * waiting until it has been queued; checks both mailbox pages for accessibility on the way.
 */
export async function openMail(page: Page, recipient: string, subject: string): Promise<void> {
  const mailLink = () => page.getByRole("row").filter({ hasText: recipient }).getByRole("link", { name: subject }).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(recipient)}`);
    await expect(mailLink()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Entwicklungs-Postfach");
  await expectAccessible(page);
  await mailLink().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(page.getByRole("region", { name: "Kopfzeilen" })).toContainText(recipient);
  await expectAccessible(page);
}

/** A link of the open mail, as the mailbox lists it (a real <a> element with the mail's target). */
export function mailLink(page: Page, name: string | RegExp) {
  return page.getByRole("region", { name: "Links in dieser E-Mail" }).getByRole("link", { name }).first();
}
