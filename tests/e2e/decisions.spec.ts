import type { Page } from "@playwright/test";
import { prisma } from "../../app/server/db.server";
import { createNetwork } from "../support/application-fixtures";
import { createReviewWorld } from "../support/review-world";
import { expect, expectAccessible, test } from "./fixtures";
import { loggedIn, withServerDatabase } from "./world-database";

/**
 * The manager's decisions: one award above the maximum with its justification, a selection
 * rejected at once on the board, the budget following, one decision withdrawn; both pages axe-clean
 * and usable on a phone. The review world is written into the e2e server's database, which needs
 * the server on PostgreSQL.
 */
withServerDatabase();

/** The page does not scroll sideways (wide tables scroll inside their own frame). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("the manager awards above the maximum with a justification, rejects a selection, watches the budget and withdraws one", async ({ browser, baseURL }) => {
  const world = await createReviewWorld();
  await prisma.call.update({
    where: { id: world.callId },
    data: { maxAwardCents: 50_000_000n, awardExceptionMaxCents: 100_000_000n, totalBudgetCents: 200_000_000n, plannedAwards: 3 },
  });
  const others: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    const network = await createNetwork();
    await prisma.application.create({
      data: { callId: world.callId, stageId: world.stageId, networkId: network.networkId, createdById: network.coordinator.id, state: "inReview", snapshot: { value: "inReview", context: {} } },
    });
    others.push(network.networkName);
  }
  const [best] = world.applications;
  const boardUrl = `/manager/calls/${world.callId}/stages/${world.stageId}/decisions`;
  const page = await loggedIn(browser, baseURL, world.manager.email);

  await page.goto(boardUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Entscheidungen: Antrag");
  const table = page.getByRole("table", { name: /Anträge nach Rang/ });
  await expect(table.getByRole("row").nth(1)).toContainText(best!.network);
  await expectAccessible(page);

  // One award above the maximum: refused without a justification, naming the limits.
  await table.getByRole("link", { name: best!.network }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Entscheidung: ${best!.network}`);
  await expect(page.getByText("Gesamteindruck von Juror K")).toBeVisible();
  await page.getByLabel("Fördern").check();
  await page.getByLabel("Förderbetrag in Euro").fill("750.000");
  await expect(page.getByText("Nach dieser Entscheidung: 750.000 € von 2.000.000 € Budget")).toBeVisible();
  await page.getByLabel("Gesamteindruck von Jury A teilen").check();
  await page.getByRole("button", { name: "Entscheidung speichern" }).click();
  await expect(page.getByText("Ein Betrag über 500.000 € braucht eine schriftliche Begründung der Ausnahme (bis 1.000.000 € möglich).")).toBeVisible();
  await expect(page.getByLabel("Förderbetrag in Euro")).toHaveValue("750.000");
  await page.getByLabel("Begründung der Ausnahme").fill("Drei Landkreise, doppelte Zielgruppe");
  await page.getByRole("button", { name: "Entscheidung speichern" }).click();
  const currentDecision = page.getByRole("region", { name: "Aktuelle Entscheidung" });
  await expect(currentDecision).toContainText("Förderung · 750.000 €");
  await expect(currentDecision).toContainText("intern, noch nicht freigegeben");
  await expectAccessible(page);

  // The board: the budget follows, and two applications are rejected at once.
  await page.goto(boardUrl);
  const budget = page.getByRole("region", { name: "Budget" });
  await expect(budget).toContainText("750.000 €");
  await expect(budget).toContainText("1.250.000 €");
  await expect(budget).toContainText("1 von 3 geplanten");
  for (const network of others) await page.getByLabel(`${network} auswählen`).check();
  const bulk = page.getByRole("region", { name: "Für die angekreuzten Anträge entscheiden" });
  await bulk.getByLabel("Ablehnen").check();
  await bulk.getByLabel("Interne Begründung").fill("Nicht unter den Besten");
  await bulk.getByRole("button", { name: "Für die Auswahl entscheiden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 Anträge wurden geändert." })).toBeVisible();
  for (const network of others) await expect(table.getByRole("row", { name: new RegExp(network) })).toContainText("Ablehnung");
  await expect(budget).toContainText("750.000 €");
  await expectAccessible(page);

  // Withdraw one rejection (it asks first).
  await table.getByRole("link", { name: others[0]! }).click();
  await page.getByRole("button", { name: "Entscheidung zurücknehmen" }).click();
  const question = page.getByRole("region", { name: "Entscheidung wirklich zurücknehmen?" });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await question.getByRole("button", { name: "Entscheidung zurücknehmen" }).click();
  await expect(currentDecision).toContainText("Noch nicht entschieden");
  await expect(page.getByRole("heading", { name: "Frühere Entscheidungen" })).toBeVisible();

  // On a phone both pages fit the width and stay accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const address of [boardUrl, `/manager/applications/${best!.id}/decision`]) {
    await page.goto(address);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
  await page.context().close();
});
