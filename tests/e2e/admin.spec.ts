import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, contextOptions, demoAccounts, expect, expectAccessible, mailLink, newContextWithoutJavaScript, openMail, test } from "./fixtures";

// An administrator's path through the browser: a programme, its manager, a role and a deactivation.
// The person acted on is invited fresh, so no other test's demo account changes.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

test("an administrator creates a programme, makes a new person its manager, deactivates and reactivates them", async ({
  adminPage: admin,
  browser,
  baseURL,
}) => {
  const id = unique();
  const email = `mara-${id}@example.net`;
  const name = `Mara Mustermann ${id}`;
  const password = `mara-passwort-${id}`;
  const programme = `Ökologie-Cluster ${id}`;

  // The person: invited by the administrator, accepted in a browser of their own.
  await admin.goto("/invitations");
  await field(admin, "Name").fill(name);
  await field(admin, "E-Mail-Adresse").fill(email);
  await field(admin, "Rolle").selectOption("JUROR");
  await admin.getByRole("button", { name: "Einladung senden" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Die Einladung an ${email} ist verschickt.`);
  await openMail(admin, email, "Einladung in das MINT-Förderportal");
  const invitation = await mailLink(admin, "Einladung annehmen").getAttribute("href");
  const personContext = await browser.newContext(contextOptions(baseURL));
  const person = await personContext.newPage();
  await person.goto(invitation!);
  await field(person, "Passwort").fill(password);
  await field(person, "Passwort wiederholen").fill(password);
  await person.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(person).toHaveURL(/\/juror$/);

  // A programme: an empty form is refused field by field, a filled one leads to the programme's page.
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Programm anlegen" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Neues Programm");
  await admin.getByRole("button", { name: "Programm anlegen" }).click();
  await expect(field(admin, "Name des Programms")).toHaveAttribute("aria-invalid", "true");
  await field(admin, "Name des Programms").fill(programme);
  await field(admin, "Fördergeber").fill("Stiftung Naturbildung");
  await admin.getByRole("button", { name: "Programm anlegen" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(programme);
  await expect(admin.getByRole("status")).toContainText("Das Programm ist angelegt.");
  await expect(admin.getByText("Diesem Programm ist noch keine Programmleitung zugeordnet.")).toBeVisible();
  await expectAccessible(admin);
  const programmePage = admin.url();

  // The person becomes a manager: found by the search, given the role on their page.
  await admin.goto("/admin");
  await admin.getByRole("search", { name: "Konten suchen" }).getByLabel("Name oder E-Mail-Adresse enthält").fill(id);
  await admin.getByRole("button", { name: "Suchen" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 Konto gefunden");
  await admin.getByRole("link", { name }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(admin.getByRole("region", { name: "Angaben" })).toContainText("1 laufende Sitzung");
  await expectAccessible(admin);
  await field(admin, "Rolle").selectOption("MANAGER");
  await admin.getByRole("button", { name: "Rolle speichern" }).click();
  await expect(admin.getByRole("status")).toHaveText("Die Rolle ist geändert.");
  const accountPage = admin.url();

  await admin.goto(programmePage);
  await field(admin, "Person").selectOption({ label: `${name} (${email})` });
  await admin.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(admin.getByRole("status")).toHaveText(`${name} gehört jetzt zur Programmleitung.`);
  await expect(
    admin
      .getByRole("table", { name: `Programmleitung von ${programme}` })
      .getByRole("row")
      .filter({ hasText: email }),
  ).toBeVisible();
  await expectAccessible(admin);
  await person.goto("/manager");
  await expect(person.getByRole("main")).toContainText(programme);

  // Deactivated, the person's open session ends at once; reactivated, they log in again.
  await admin.goto(accountPage);
  await admin.getByRole("button", { name: "Konto deaktivieren" }).click();
  await expect(admin.getByRole("status")).toHaveText("Das Konto ist deaktiviert. 1 Sitzung wurde beendet.");
  await expect(admin.getByRole("region", { name: "Angaben" })).toContainText("deaktiviert");
  await expectAccessible(admin);
  await person.goto("/manager");
  await expect(person).toHaveURL(/\/login\?redirectTo=%2Fmanager$/);
  await field(person, "E-Mail-Adresse").fill(email);
  await field(person, "Passwort").fill(password);
  await person.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(person.getByRole("alert")).toBeVisible();
  await expect(person).toHaveURL(/\/login/);

  await admin.getByRole("button", { name: "Konto wieder aktivieren" }).click();
  await expect(admin.getByRole("status")).toHaveText("Das Konto ist wieder aktiv. Die Person kann sich wieder anmelden.");
  await expectAccessible(admin);
  await field(person, "Passwort").fill(password);
  await person.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(person).toHaveURL(/\/manager$/);
  await personContext.close();
});

test("without JavaScript, a programme's form comes back with its message and keeps what was typed, then saves", async ({ browser, baseURL }) => {
  const context = await newContextWithoutJavaScript(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/login");
  await field(page, "E-Mail-Adresse").fill(demoAccounts.admin.email);
  await field(page, "Passwort").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const name = `Zukunftswerkstatt ${unique()}`;
  await page.getByRole("link", { name: "Programm anlegen" }).click();
  await field(page, "Fördergeber").fill("Landesstiftung");
  await field(page, "Beschreibung (optional)").fill("Für Schülerlabore im ländlichen Raum.");
  await page.getByRole("button", { name: "Programm anlegen" }).click();
  await expect(field(page, "Name des Programms")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Fördergeber")).toHaveValue("Landesstiftung");
  await expect(field(page, "Beschreibung (optional)")).toHaveValue("Für Schülerlabore im ländlichen Raum.");
  await expectAccessible(page);
  await field(page, "Name des Programms").fill(name);
  await page.getByRole("button", { name: "Programm anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  await field(page, "Fördergeber").fill("Ministerium für Bildung");
  await page.getByRole("button", { name: "Angaben speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Die Angaben sind gespeichert.");
  await expect(field(page, "Fördergeber")).toHaveValue("Ministerium für Bildung");
  await expectAccessible(page);
  await page.goto("/admin");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Ministerium für Bildung");
  await context.close();
});
