import pg from "pg";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, newContextWithoutJavaScript, test } from "./fixtures";

// Two jurors score an application each and submit: one with JavaScript and only the keyboard (autosave,
// the total following each score, the confirmation panel taking the focus), one without JavaScript
// (every step a plain form post; an incomplete submission names what is missing and keeps the draft).
// The assignments are written straight into the e2e database, as the assignment step would release
// them; that needs the PostgreSQL the server runs on (CI's TEST_DATABASE_URL), not embedded PGlite.

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

function e2eDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${process.env.E2E_DATABASE_NAME ?? "portal_e2e"}`;
  return parsed.toString();
}

interface Assigned {
  assignmentId: string;
  title: string;
}

/**
 * Releases to each juror one submitted application (with its frozen version and its stage's rubric)
 * that nobody has been assigned yet, and takes back the juror's word on conflicts for it.
 */
async function releaseAssignments(jurorEmails: string[]): Promise<Assigned[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl(serverUrl!) });
  await client.connect();
  try {
    const manager = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'manager@example.org'`);
    const candidates = await client.query<{ id: string; title: string }>(
      `SELECT a.id, a.title FROM "Application" a
         JOIN "Rubric" r ON r."stageId" = a."stageId"
        WHERE a.state NOT IN ('draft', 'withdrawn') AND a.title <> ''
          AND EXISTS (SELECT 1 FROM "ApplicationVersion" v WHERE v."applicationId" = a.id)
          AND EXISTS (SELECT 1 FROM "RubricCriterion" c WHERE c."rubricId" = r.id)
          AND NOT EXISTS (SELECT 1 FROM "ReviewAssignment" x WHERE x."applicationId" = a.id)
          -- The special round belongs to the whole-flow spec (review-flow.spec.ts), which assigns it through the pages.
          AND a."callId" <> 'seed-call-mint-cluster-sonderrunde-strukturwandel'
        ORDER BY a.id LIMIT $1`,
      [jurorEmails.length],
    );
    const assigned: Assigned[] = [];
    for (const [index, email] of jurorEmails.entries()) {
      const application = candidates.rows[index]!;
      const juror = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
      const assignmentId = `e2e-review-${Date.now().toString(36)}-${index}`;
      await client.query(
        `INSERT INTO "ReviewAssignment" (id, "applicationId", "jurorId", "assignedById", "releasedAt") VALUES ($1, $2, $3, $4, now())`,
        [assignmentId, application.id, juror.rows[0]!.id, manager.rows[0]!.id],
      );
      assigned.push({ assignmentId, title: application.title });
    }
    return assigned;
  } finally {
    await client.end();
  }
}

/** Scores every criterion of the rubric with `points` by keyboard: focus the lowest point, Space, then arrow keys. */
async function scoreByKeyboard(page: Page, points: number) {
  const criteria = page.locator("fieldset.criterion");
  for (let index = 0; index < (await criteria.count()); index++) {
    const lowest = criteria.nth(index).getByRole("radio").first();
    await lowest.focus();
    await page.keyboard.press("Space");
    for (let step = 0; step < points; step++) await page.keyboard.press("ArrowRight");
    await expect(criteria.nth(index).getByRole("radio", { name: String(points), exact: true })).toBeChecked();
  }
}

test.describe("jurors score and submit", () => {
  test.skip(!serverUrl, "writes the assignments into the e2e database: needs PostgreSQL (TEST_DATABASE_URL)");

  test("with JavaScript, by keyboard only: autosave, live total, confirm, submitted", async ({ jurorPage: page }) => {
    const [assigned] = await releaseAssignments(["juror1@example.org"]);
    await page.goto("/juror");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Begutachtungen");
    await expectAccessible(page);
    const link = page.getByRole("link", { name: new RegExp(assigned!.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/juror/reviews/${assigned!.assignmentId}$`));
    await expect(page.getByRole("heading", { level: 2, name: "Ihre Bewertung" })).toBeVisible();
    await expectAccessible(page);

    await scoreByKeyboard(page, 7);
    await expect(page.locator(".review-total output")).toHaveText("7 von 10 Punkten");
    await page.getByLabel("Gesamteinschätzung").focus();
    await page.keyboard.type("Gut durchdacht, die Partner sind stark eingebunden.");
    await expect(page.getByText(/Entwurf gespeichert/)).toBeVisible();
    await page.getByRole("radio", { name: "Mit Änderungen fördern" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("radio", { name: "Ziemlich sicher" }).focus();
    await page.keyboard.press("Space");

    await page.getByRole("button", { name: "Begutachtung abschicken" }).focus();
    await page.keyboard.press("Enter");
    const question = page.getByRole("region", { name: "Begutachtung wirklich abschicken?" });
    await expect(question).toBeFocused();
    await expectAccessible(page);
    await question.getByRole("button", { name: "Ja, endgültig abschicken" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/Sie haben Ihre Begutachtung am .* abgeschickt/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Zu den anderen Begutachtungen und zur Diskussion" })).toHaveAttribute("href", `/juror/reviews/${assigned!.assignmentId}/discussion`);
    await expect(page.locator(".review-total output")).toHaveText("7 von 10 Punkten");
    await expectAccessible(page);

    await page.goto("/juror");
    await expect(page.getByRole("row").filter({ hasText: assigned!.title })).toContainText("Abgeschickt");
  });

  test("without JavaScript: an incomplete submission names what is missing, then the juror completes and submits", async ({ browser, baseURL }) => {
    const [assigned] = await releaseAssignments(["juror2@example.org"]);
    const context = await newContextWithoutJavaScript(browser, baseURL);
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await page.getByLabel("E-Mail-Adresse").fill("juror2@example.org");
      await page.getByLabel("Passwort", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await expect(page).toHaveURL(/\/juror$/);
      await expectAccessible(page);
      await page.goto(`/juror/reviews/${assigned!.assignmentId}`);
      // On a 375 px phone the application and the rubric stack and nothing scrolls sideways.
      await page.setViewportSize({ width: 375, height: 800 });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);

      const criteria = page.locator("fieldset.criterion");
      await criteria.first().getByRole("radio", { name: "9", exact: true }).check();
      await page.getByLabel("Gesamteinschätzung").fill("Noch unvollständig, aber gespeichert.");
      await page.getByRole("button", { name: "Begutachtung abschicken" }).click();
      const refusal = page.locator("#review-refused");
      await expect(refusal).toContainText("zum Abschicken fehlt noch");
      await expect(refusal).toContainText("Ihre Empfehlung");
      await expect(refusal).toContainText("Wie sicher Sie sich sind");
      // What was typed is kept (saved as the draft before submitting was refused).
      await expect(page.getByLabel("Gesamteinschätzung")).toHaveValue("Noch unvollständig, aber gespeichert.");
      await expect(criteria.first().getByRole("radio", { name: "9", exact: true })).toBeChecked();
      await expectAccessible(page);

      for (let index = 1; index < (await criteria.count()); index++) await criteria.nth(index).getByRole("radio", { name: "6", exact: true }).check();
      await page.getByRole("radio", { name: "Fördern", exact: true }).check();
      await page.getByRole("radio", { name: "Sehr sicher" }).check();
      await page.getByRole("button", { name: "Entwurf speichern" }).click();
      await expect(page.getByText("Ihr Entwurf ist gespeichert.")).toBeVisible();
      await expect(page.locator(".review-total output")).not.toHaveText("noch kein Kriterium bewertet");

      await page.getByRole("button", { name: "Begutachtung abschicken" }).click();
      await page.getByRole("button", { name: "Ja, endgültig abschicken" }).click();
      await expect(page.getByText(/Sie haben Ihre Begutachtung am .* abgeschickt/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Begutachtung abschicken" })).toHaveCount(0);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
