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

/** Runs axe on the page as it is now and fails with a readable list when anything violates WCAG 2.1 AA. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
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

async function rolePage(browser: Browser, baseURL: string | undefined, role: Role, use: (page: Page) => Promise<void>) {
  const context: BrowserContext = await browser.newContext(contextOptions(baseURL, { storageState: storageStatePath(role) }));
  const page = await context.newPage();
  await use(page);
  await context.close();
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
