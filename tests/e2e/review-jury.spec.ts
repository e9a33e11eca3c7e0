import type { Page } from "@playwright/test";
import { expect, expectAccessible, newContextWithoutJavaScript, storageStatePath, test } from "./fixtures";

// The jury of a stage: the manager keeps the programme's expertise list, builds the jury of a past
// round's stage, the portal finds a conflict between a
// juror's organisation and an applying network, the manager confirms it, and the juror declares
// another conflict and that there is none with the rest. Axe on every page.

/** A rejected application of the past MINT-Cluster round (its stage's jury list holds it): its network, stage and call page. */
async function pastApplication(page: Page): Promise<{ network: string; stageName: string; callUrl: string }> {
  await page.goto("/manager");
  const row = page.locator("tr", { has: page.getByRole("link", { name: /MINT-Cluster – Förderrunde 3/ }) }).first();
  await row.getByRole("link", { name: /(Antrag|Anträge) zu MINT-Cluster – Förderrunde 3/ }).click();
  await expect(page).toHaveURL(/\/applications/);
  await page.goto(`${page.url().split("?")[0]}?state=rejected`);
  await page.locator("table.application-list tbody th[scope=row] a").first().click();
  await expect(page).toHaveURL(/\/manager\/applications\//);
  const [network, stageName] = (await page.getByRole("heading", { level: 1 }).innerText()).split(" · ");
  const callUrl = (await page.locator("main p a").first().getAttribute("href"))!.replace(/\/applications$/, "");
  return { network: network!.trim(), stageName: stageName!.trim(), callUrl };
}

test("the manager builds a jury, finds and confirms a conflict, and the juror declares", async ({ managerPage: manager, jurorPage: juror, browser, baseURL }) => {
  test.slow();
  // The expertise list of the programme, linked from the start page.
  await manager.goto("/manager");
  await manager
    .locator("section", { has: manager.getByRole("heading", { level: 2, name: "MINT-Cluster", exact: true }) })
    .getByRole("link", { name: "Fachgebiete des Programms" })
    .click();
  await expect(manager.getByRole("heading", { level: 1, name: /^Fachgebiete:/ })).toBeVisible();
  await manager.getByLabel("Bezeichnung", { exact: true }).fill("Robotik");
  await manager.getByRole("button", { name: "Fachgebiet hinzufügen" }).click();
  await expect(manager.getByRole("heading", { level: 2, name: "Robotik" })).toBeVisible();
  await expectAccessible(manager);

  const first = await pastApplication(manager);
  // The application's topics, on its page.
  await manager.getByRole("checkbox", { name: "Robotik" }).check();
  const saved = manager.waitForResponse((response) => response.request().method() === "POST");
  await manager.getByRole("button", { name: "Themen speichern" }).click();
  await saved;
  await manager.reload();
  await expect(manager.getByRole("checkbox", { name: "Robotik" })).toBeChecked();
  await expectAccessible(manager);

  // The juror works for the first network's own organisation.
  await juror.goto("/profile");
  await juror.getByLabel("Organisation, für die Sie arbeiten").fill(`${first.network} e. V.`);
  await juror.getByLabel("E-Mail-Domains Ihrer Organisation").fill("Netzwerk-Beispiel.de");
  await juror.getByRole("button", { name: "Profil für die Jury speichern" }).click();
  await expect(juror.getByText("Ihr Profil für die Jury ist gespeichert.")).toBeVisible();
  await expect(juror.getByLabel("E-Mail-Domains Ihrer Organisation")).toHaveValue("netzwerk-beispiel.de");
  await expectAccessible(juror);

  // The jury of the stage: add the juror from the existing accounts.
  await manager.goto(first.callUrl);
  await manager.getByRole("navigation", { name: `Begutachtung: ${first.stageName}` }).getByRole("link", { name: "Jury" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `Jury: ${first.stageName}` })).toBeVisible();
  const stageUrl = manager.url().replace(/\/jury$/, "");
  const stageId = stageUrl.split("/").at(-1)!;
  await manager.getByLabel("Jurorin oder Juror").selectOption({ label: `Julia Jung (${first.network} e. V.)` });
  await manager.getByRole("button", { name: "Zur Jury hinzufügen" }).click();
  const member = manager.getByRole("row", { name: /Julia Jung/ });
  await expect(member).toContainText("netzwerk-beispiel.de");
  await member.getByLabel("Höchstzahl Gutachten für Julia Jung").fill("5");
  await member.getByRole("button", { name: "Höchstzahl speichern" }).click();
  await expect(manager.getByRole("row", { name: /Julia Jung/ }).getByLabel("Höchstzahl Gutachten für Julia Jung")).toHaveValue("5");
  await expectAccessible(manager);

  // The conflict the portal found on joining; the search button finds nothing new.
  await manager.goto(`${stageUrl}/conflicts`);
  await manager.getByRole("button", { name: "Nach möglichen Befangenheiten suchen" }).click();
  await expect(manager.getByText(/Suche beendet: keine neuen möglichen Befangenheiten/)).toBeVisible();
  const toCheck = manager.locator("section", { has: manager.getByRole("heading", { level: 2, name: "Zu prüfen" }) });
  const found = toCheck.getByRole("row", { name: /Julia Jung/ });
  await expect(found).toContainText("Gleiche Organisation");
  await expect(found).toContainText(first.network);
  await expectAccessible(manager);
  await found.getByRole("button", { name: "Bestätigen" }).click();
  const confirmed = manager.locator("section", { has: manager.getByRole("heading", { level: 2, name: "Bestätigt" }) });
  await expect(confirmed.getByRole("row", { name: /Julia Jung/ })).toContainText("Gleiche Organisation");

  // The juror's list: the confirmed conflict, a declaration with a reason, and none for the rest.
  await juror.goto(`/juror/stages/${stageId}`);
  await expect(juror.getByRole("row", { name: new RegExp(first.network) })).toContainText("Befangen (von der Programmleitung festgestellt)");
  const other = juror.locator("tbody tr", { has: juror.locator("summary", { hasText: "Befangenheit erklären" }) }).first();
  const otherTitle = await other.locator("th").innerText();
  await other.locator("summary").click();
  await other.getByRole("button", { name: "Befangenheit erklären" }).click();
  await expect(other.getByText("Bitte geben Sie eine Begründung an.")).toBeVisible();
  await other.getByRole("textbox").fill("Ich berate das Netzwerk ehrenamtlich.");
  await other.getByRole("button", { name: "Befangenheit erklären" }).click();
  await expect(juror.locator("tbody tr", { has: juror.locator("th", { hasText: otherTitle }) })).toContainText("Von Ihnen erklärt: Ich berate das Netzwerk ehrenamtlich.");
  await juror.getByRole("button", { name: "Ich habe bei keinem dieser Anträge eine Befangenheit" }).click();
  await expect(juror.getByText(/erklärt, bei keinem weiteren Antrag dieser Liste befangen zu sein/)).toBeVisible();
  await expectAccessible(juror);

  // The manager sees the declaration and who has answered.
  await manager.goto(`${stageUrl}/conflicts`);
  const declared = manager.locator("section", { has: manager.getByRole("heading", { level: 2, name: "Von der Jury erklärt" }) });
  await expect(declared.getByRole("row", { name: /Julia Jung/ })).toContainText("Ich berate das Netzwerk ehrenamtlich.");
  await expect(manager.locator("section", { has: manager.getByRole("heading", { level: 2, name: "Erklärungen der Jury" }) })).toContainText("Julia Jung (am");

  // Without JavaScript: a declaration without reason comes back with its message and the form open.
  const context = await newContextWithoutJavaScript(browser, baseURL, { storageState: storageStatePath("juror") });
  const plain = await context.newPage();
  await plain.goto(`/juror/stages/${stageId}`);
  const next = plain.locator("tbody tr", { has: plain.locator("summary", { hasText: "Befangenheit erklären" }) }).first();
  const nextTitle = await next.locator("th").innerText();
  await next.locator("summary").click();
  await next.getByRole("button", { name: "Befangenheit erklären" }).click();
  const again = plain.locator("tbody tr", { has: plain.locator("th", { hasText: nextTitle }) });
  await expect(again.getByText("Bitte geben Sie eine Begründung an.")).toBeVisible();
  await expect(again.locator("details")).toHaveAttribute("open", "");
  await expectAccessible(plain);
  await again.getByRole("textbox").fill("Mein Bruder koordiniert das Netzwerk.");
  await again.getByRole("button", { name: "Befangenheit erklären" }).click();
  await expect(plain.locator("tbody tr", { has: plain.locator("th", { hasText: nextTitle }) })).toContainText("Von Ihnen erklärt: Mein Bruder koordiniert das Netzwerk.");
  await context.close();
});
