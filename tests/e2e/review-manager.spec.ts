import { createReviewWorld, type World } from "../support/review-world";
import { expect, expectAccessible, openMail, test } from "./fixtures";
import { loggedIn, withServerDatabase } from "./world-database";

/**
 * The manager during review and the discussion. The reviews are written straight into the e2e
 * server's database (the screens that make them are built elsewhere), which needs the server on
 * PostgreSQL: the embedded PGlite database belongs to the server process alone.
 */
withServerDatabase();

const progressUrl = (world: World) => `/manager/calls/${world.callId}/stages/${world.stageId}/reviews`;

test("the manager follows the progress, reminds a late juror and reopens a submitted review with a reason", async ({ browser, baseURL, page: mailbox }) => {
  const world = await createReviewWorld();
  const page = await loggedIn(browser, baseURL, world.manager.email);
  await page.goto(progressUrl(world));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fortschritt der Begutachtung: Antrag");
  const jurors = page.getByRole("table", { name: /Gutachten je Jurymitglied/ });
  await expect(jurors.getByRole("row", { name: /Juror K/ })).toContainText("1");
  await expect(page.getByRole("table", { name: /Abgegebene Gutachten je Antrag/ }).getByRole("row", { name: new RegExp(world.applications[0]!.network) })).toContainText("zur Diskussion");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Juror K an die überfälligen Gutachten erinnern" }).click();
  await expect(page.getByRole("status")).toContainText("Die Erinnerung ist verschickt.");
  await expect(jurors.getByRole("row", { name: /Juror K/ })).toContainText("erinnert am");
  await openMail(mailbox, world.jurors[0]!.email, "Ihre Gutachten sind überfällig");

  await page.getByRole("button", { name: `Gutachten von Juror L zu ${world.applications[0]!.network} wieder öffnen …` }).click();
  const question = page.getByRole("region", { name: `Gutachten von Juror L zu ${world.applications[0]!.network} wirklich wieder öffnen?` });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await question.getByRole("button", { name: "Ja, wieder öffnen" }).click();
  await expect(question.getByText("Bitte schreiben Sie, warum Sie das Gutachten wieder öffnen.")).toBeVisible();
  await question.getByLabel("Begründung").fill("Bitte begründen Sie die Punkte zur Machbarkeit.");
  await question.getByRole("button", { name: "Ja, wieder öffnen" }).click();
  await expect(page.getByRole("status")).toContainText("Das Gutachten ist wieder geöffnet");
  await expect(page.getByRole("table", { name: /Jedes freigegebene Gutachten/ }).getByRole("row", { name: /Juror L/ }).first()).toContainText("Wieder geöffnet");
  await expectAccessible(page);
  await openMail(mailbox, world.jurors[1]!.email, "Ihr Gutachten wurde wieder geöffnet");
  await expect(mailbox.getByText("Bitte begründen Sie die Punkte zur Machbarkeit.").first()).toBeVisible();
  await page.context().close();
});

test("a juror who has submitted reads the others' reviews and writes; the manager reads every name and answers", async ({ browser, baseURL }) => {
  const world = await createReviewWorld();
  const discussion = `/juror/reviews/${world.assignments.get("0:0")}/discussion`;

  // A juror still writing sees nothing, however the address is guessed.
  const writing = await loggedIn(browser, baseURL, world.jurors[2]!.email);
  for (const address of [`/juror/reviews/${world.assignments.get("0:2")}/discussion`, discussion]) {
    const response = await writing.goto(address);
    expect(response?.status()).toBe(404);
  }
  await writing.context().close();

  const juror = await loggedIn(browser, baseURL, world.jurors[0]!.email);
  await juror.goto(discussion);
  await expect(juror.getByRole("heading", { level: 1 })).toHaveText("Diskussion: Robotik für alle");
  await expect(juror.getByRole("heading", { level: 3, name: "Jury A (Ihr Gutachten)" })).toBeVisible();
  await expect(juror.getByRole("heading", { level: 3, name: "Jury B" })).toBeVisible();
  await expect(juror.getByRole("heading", { name: /Juror/ })).toHaveCount(0);
  await expectAccessible(juror);
  await juror.getByLabel("Ihr Beitrag").fill("Ich sehe die Wirkung höher als Jury B.");
  await juror.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
  await expect(juror.getByRole("listitem").filter({ hasText: "Ich sehe die Wirkung höher als Jury B." })).toContainText("Jury A (Sie)");
  await expectAccessible(juror);

  const manager = await loggedIn(browser, baseURL, world.manager.email);
  await manager.goto(`/manager/applications/${world.applications[0]!.id}`);
  await manager.getByRole("link", { name: "Gutachten und Diskussion" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText(`Gutachten und Diskussion: ${world.applications[0]!.network}`);
  await expect(manager.getByRole("heading", { level: 3, name: "Jury C: Juror M" })).toBeVisible();
  await expect(manager.getByText("zur Diskussion").first()).toBeVisible();
  await manager.getByLabel("Ihr Beitrag").fill("Bitte einigen Sie sich bis Freitag.");
  await manager.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
  await expect(manager.getByRole("listitem").filter({ hasText: "Ich sehe die Wirkung höher" })).toContainText("Jury A: Juror K");
  await expectAccessible(manager);

  await juror.reload();
  await expect(juror.getByRole("listitem").filter({ hasText: "Bitte einigen Sie sich bis Freitag." })).toContainText(`Programmleitung: ${world.manager.name}`);
  await manager.context().close();
  await juror.context().close();
});

test("without JavaScript the manager reassigns a review: a juror already on it is refused in words, another gets it after the question", async ({ browser, baseURL }) => {
  const world = await createReviewWorld();
  const network = world.applications[0]!.network;
  const page = await loggedIn(browser, baseURL, world.manager.email, { javaScript: false });
  await page.goto(progressUrl(world));
  const reassignTo = (juror: string) => page.getByLabel(`Gutachten von Juror M zu ${network}: Neu zuteilen an`).selectOption({ label: juror });
  const askToReassign = () => page.getByRole("row", { name: /Juror M/ }).filter({ hasText: "In Arbeit" }).getByRole("button", { name: "Neu zuteilen …" }).click();

  await reassignTo("Juror K");
  await askToReassign();
  const refusedQuestion = page.getByRole("region", { name: `Gutachten zu ${network} wirklich von Juror M an Juror K geben?` });
  await refusedQuestion.getByRole("button", { name: "Ja, neu zuteilen" }).click();
  await expect(page.getByRole("alert")).toContainText("Diese Person begutachtet diesen Antrag bereits.");

  await page.goto(progressUrl(world));
  await reassignTo("Juror N");
  await askToReassign();
  const question = page.getByRole("region", { name: `Gutachten zu ${network} wirklich von Juror M an Juror N geben?` });
  await expect(question).toContainText("wird gelöscht");
  await expectAccessible(page);
  await question.getByRole("button", { name: "Ja, neu zuteilen" }).click();
  await expect(page.getByRole("status")).toContainText("Das Gutachten ist neu zugeteilt");
  const all = page.getByRole("table", { name: /Jedes freigegebene Gutachten/ });
  await expect(all.getByRole("row", { name: /Juror N/ })).toContainText("Noch nicht begonnen");
  await expect(all.getByRole("row", { name: /Juror M/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});
