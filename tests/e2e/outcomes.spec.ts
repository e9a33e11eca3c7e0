import type { Page } from "@playwright/test";
import { prisma } from "../../app/server/db.server";
import { coordinatorsOf, decidedWorld } from "../support/decision-fixtures";
import { expect, expectAccessible, openMail, test } from "./fixtures";
import { loggedIn, withServerDatabase } from "./world-database";

/**
 * Outcome notices from the manager's template to the network's answer. The decisions are written
 * straight into the e2e server's database (the decision screens are built elsewhere), which needs
 * the server on PostgreSQL: the embedded PGlite database belongs to the server process alone.
 */
withServerDatabase();

const PHONE = { width: 390, height: 844 };

async function fitsThePhone(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${page.url()} at 390 px`).toBeLessThanOrEqual(PHONE.width);
}

test("the manager edits the award mail, previews and releases a selection; the network reads its outcome and accepts the award", async ({ browser, baseURL, page: mailbox }) => {
  // Four roles' pages, each checked by axe, on a shared two-core machine.
  test.setTimeout(240_000);
  const { world, funded } = await decidedWorld();
  const [coordinator] = await coordinatorsOf(funded);
  const network = world.applications[0]!.network;
  const manager = await loggedIn(browser, baseURL, world.manager.email);

  await manager.goto(`/manager/calls/${world.callId}`);
  await manager.getByRole("link", { name: "Texte der Bescheid-Mails bearbeiten" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Bescheid-Mails");
  await expectAccessible(manager);
  const german = manager.getByRole("form", { name: "Deutsch" });
  await german.getByLabel("Betreff").fill("Ihre Förderung: {{call}} ({{betrag}})");
  await german.getByRole("button", { name: "Deutsch speichern" }).click();
  await expect(german.getByText("Den Platzhalter {{betrag}} kennt diese Mail nicht.")).toBeVisible();
  await expect(german.getByLabel("Betreff")).toHaveValue("Ihre Förderung: {{call}} ({{betrag}})");
  await expectAccessible(manager);
  await german.getByLabel("Betreff").fill("Ihre Förderung: {{call}} ({{amount}})");
  await german.getByRole("button", { name: "Deutsch speichern" }).click();
  await expect(manager.getByRole("status")).toContainText("Der Text (Deutsch) ist gespeichert.");
  await expect(manager.getByText(/Ihre Förderung: .* \(500\.000\s€\)/).first()).toBeVisible();
  await expectAccessible(manager);
  await fitsThePhone(manager);
  await manager.setViewportSize({ width: 1280, height: 900 });

  await manager.goto(`/manager/calls/${world.callId}/stages/${world.stageId}/release`);
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Bescheide freigeben: Antrag");
  await expect(manager.getByRole("heading", { name: "2 Entscheidungen warten auf die Freigabe" })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByRole("checkbox", { name: `${network} auswählen` }).check();
  await manager.getByRole("button", { name: "Mails der Auswahl ansehen" }).click();
  const preview = manager.getByRole("region", { name: /Vorschau: 2 Mails an 1 Netzwerk/ });
  await expect(preview).toContainText(coordinator!.email);
  await expect(preview).toContainText("Jury A: Gesamteindruck von Juror K");
  await expect(preview).toContainText("Ein starkes Konzept für die Region.");
  await expect(preview).not.toContainText("Platz 1 der Rangliste");
  await expectAccessible(manager);
  await fitsThePhone(manager);
  await manager.setViewportSize({ width: 1280, height: 900 });
  await manager.getByRole("button", { name: "Freigeben und 2 Mails senden" }).click();
  const question = manager.getByRole("region", { name: "Entscheidung wirklich freigeben?" });
  await expect(question).toContainText("Es gehen 2 Mails hinaus.");
  await expectAccessible(manager);
  await question.getByRole("button", { name: "Freigeben und 2 Mails senden" }).click();
  await expect(manager.getByRole("status")).toContainText("1 Entscheidung freigegeben, 2 Mails verschickt.");
  await expect(manager.getByRole("heading", { name: "1 Entscheidung wartet auf die Freigabe" })).toBeVisible();
  await expectAccessible(manager);
  await manager.context().close();

  await openMail(mailbox, coordinator!.email, "Ihre Förderung");
  await expect(mailbox.getByText("Jury B: Gesamteindruck von Juror L").first()).toBeVisible();

  // The network, without JavaScript: the answer asks first and works by plain forms.
  const applicant = await loggedIn(browser, baseURL, coordinator!.email, { javaScript: false });
  await applicant.goto("/applicant");
  const panel = applicant.getByRole("region", { name: /Ihr Antrag wird gefördert/ });
  await expect(panel).toContainText("Fördersumme: 500.000 €");
  await expect(panel).toContainText("Ein starkes Konzept für die Region.");
  // The world's review comments quote their juror's name; the panel itself names only letters.
  await expect(panel.getByRole("term")).toHaveText(["Jury A", "Jury B"]);
  await expectAccessible(applicant);
  await applicant.goto(`/applications/${funded}`);
  const onPage = applicant.getByRole("region", { name: "Ihr Antrag wird gefördert" });
  await expect(onPage).toContainText("Bitte nehmen Sie die Förderung bis zum");
  await expectAccessible(applicant);
  await fitsThePhone(applicant);
  await onPage.getByRole("button", { name: "Förderung annehmen" }).click();
  const accept = applicant.getByRole("region", { name: "Förderung wirklich annehmen?" });
  await expectAccessible(applicant);
  await accept.getByRole("button", { name: "Förderung annehmen" }).click();
  await expect(applicant).toHaveURL(new RegExp(`/applications/${funded}$`));
  await expect(applicant.getByRole("region", { name: "Ihr Antrag wird gefördert" })).toContainText("Sie haben die Förderung am");
  await expect(applicant.getByRole("button", { name: "Förderung annehmen" })).toHaveCount(0);
  await expectAccessible(applicant);
  expect((await prisma.application.findUniqueOrThrow({ where: { id: funded } })).state).toBe("awardAccepted");
  await applicant.context().close();
});

test("the network of an unreleased rejection still reads 'in review' and nothing of the decision", async ({ browser, baseURL }) => {
  const { rejected } = await decidedWorld();
  const [coordinator] = await coordinatorsOf(rejected);
  const applicant = await loggedIn(browser, baseURL, coordinator!.email);
  await applicant.goto(`/applications/${rejected}`);
  await expect(applicant.getByRole("heading", { level: 1 })).toContainText("In Begutachtung");
  await expect(applicant.getByText("Absage beschlossen")).toHaveCount(0);
  await expect(applicant.getByText("INTERN: zu teuer")).toHaveCount(0);
  await expectAccessible(applicant);
  await applicant.context().close();
});
