import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, contextOptions, demoAccounts, expect, expectAccessible, mailLink, newContextWithoutJavaScript, openMail, test, type Role } from "./fixtures";

// Account journeys through the real pages, in German unless a test switches the language.
// Each test uses its own accounts, so the tests do not depend on one another's order.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
}

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

/** The messages listed under a field (its aria-describedby points at them). */
async function fieldMessages(page: Page, label: string): Promise<string> {
  const input = field(page, label);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(" | ");
}

test.describe("accounts", () => {
  test("the login page hydrates and checks the form in the browser before sending it", async ({ page }) => {
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.goto("/login");
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    expect(await fieldMessages(page, "E-Mail-Adresse")).toContain("Bitte");
    expect(posts, "an incomplete form is not sent").toEqual([]);
    await expect(field(page, "E-Mail-Adresse")).toBeFocused();
  });

  test("a new network coordinator signs up, confirms the address, logs in and logs out", async ({ page }) => {
    const id = unique();
    const email = `koordination-${id}@example.net`;
    const network = `MINT-Netzwerk Teststadt ${id}`;
    const password = `sicheres-passwort-${id}`;

    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("banner").getByRole("link", { name: "Registrieren" }).click();
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Netzwerk registrieren");
    await expectAccessible(page);

    await field(page, "Name").fill("Sabine Sommer");
    await field(page, "E-Mail-Adresse").fill(email);
    await field(page, "Passwort").fill(password);
    await field(page, "Passwort wiederholen").fill(password);
    await field(page, "Name des Netzwerks").fill(network);
    await field(page, "Bundesland").selectOption({ label: "Sachsen" });
    await field(page, "Region").fill("Landkreis Leipzig");
    await page.getByRole("button", { name: "Registrieren" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fast geschafft");
    await expect(page.getByRole("status")).toContainText("Wir haben Ihnen eine E-Mail geschickt");
    await expectAccessible(page);

    await openMail(page, email, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
    await mailLink(page, "E-Mail-Adresse bestätigen").click();
    await expect(page).toHaveURL(/\/confirm-email\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-Mail-Adresse bestätigen");
    await expectAccessible(page);
    await page.getByRole("button", { name: "E-Mail-Adresse bestätigen" }).click();

    await expect(page).toHaveURL(/\/login\?confirmed=1$/);
    await expect(page.getByRole("status")).toHaveText("Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.");
    await expectAccessible(page);

    await logIn(page, email, password);
    await expect(page).toHaveURL(/\/applicant$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Anträge");
    await expect(page.getByRole("heading", { level: 2, name: network })).toBeVisible();
    await expect(page.getByRole("region", { name: network })).toContainText("Sachsen");
    await expect(page.getByRole("banner")).toContainText("Sabine Sommer");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page).toHaveURL(/\/login\?loggedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("Sie sind abgemeldet.");
    await expectAccessible(page);

    // The session is over on the server, not just forgotten by the browser.
    await page.goto("/applicant");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fapplicant$/);
    await expect(page.getByText("Bitte melden Sie sich an.")).toBeVisible();
    await expectAccessible(page);
  });

  for (const javaScript of [true, false]) {
    test(`an invalid sign-up shows German field messages and keeps the input (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser, baseURL }) => {
      const context = javaScript ? await browser.newContext(contextOptions(baseURL)) : await newContextWithoutJavaScript(browser, baseURL);
      const page = await context.newPage();
      await page.goto("/signup");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Netzwerk registrieren");
      await expectAccessible(page);

      await field(page, "Name").fill("Paula Prüfer");
      await field(page, "E-Mail-Adresse").fill("keine-adresse");
      await field(page, "Passwort").fill("erstes-passwort-123");
      await field(page, "Passwort wiederholen").fill("zweites-passwort-456");
      await field(page, "Name des Netzwerks").fill("zdi-Netzwerk Fehlerfall");
      await field(page, "Bundesland").selectOption({ label: "Nordrhein-Westfalen" });
      await field(page, "Region").fill("Kreis Kleve");

      const submit = page.getByRole("button", { name: "Registrieren" });
      if (javaScript) {
        await submit.click();
      } else {
        // Without JavaScript the browser posts the form and the server answers with the page and its messages.
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => new URL(candidate.url()).pathname === "/signup" && candidate.request().method() === "POST"),
          submit.click(),
        ]);
        expect(response.status()).toBe(400);
        await page.waitForLoadState("load");
      }

      await expect.poll(() => fieldMessages(page, "E-Mail-Adresse")).toBe("Bitte geben Sie eine gültige E-Mail-Adresse ein.");
      await expect.poll(() => fieldMessages(page, "Passwort wiederholen")).toBe("Die Passwörter stimmen nicht überein.");
      await expect(field(page, "Name")).not.toHaveAttribute("aria-invalid", "true");
      await expect(field(page, "Name")).toHaveValue("Paula Prüfer");
      await expect(field(page, "Name des Netzwerks")).toHaveValue("zdi-Netzwerk Fehlerfall");
      await expect(field(page, "E-Mail-Adresse")).toHaveValue("keine-adresse");
      await expect(field(page, "Bundesland")).toHaveValue("NW");
      await expect(field(page, "Region")).toHaveValue("Kreis Kleve");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Netzwerk registrieren");
      await expectAccessible(page);
      await context.close();
    });
  }

  test("a forgotten password is reset through the mailed link", async ({ page }) => {
    const email = "juror5@example.org";
    const password = `neues-passwort-${unique()}`;

    await page.goto("/login");
    await page.getByRole("link", { name: "Passwort vergessen?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Passwort zurücksetzen");
    await expectAccessible(page);
    await field(page, "E-Mail-Adresse").fill(email);
    await page.getByRole("button", { name: "Link anfordern" }).click();
    await expect(page.getByRole("status")).toContainText("Falls ein Konto zu dieser Adresse gehört");
    await expectAccessible(page);

    await openMail(page, email, "Passwort zurücksetzen");
    await mailLink(page, "Neues Passwort setzen").click();
    await expect(page).toHaveURL(/\/reset-password\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neues Passwort setzen");
    await expectAccessible(page);
    await field(page, "Neues Passwort").fill(password);
    await field(page, "Passwort wiederholen").fill(password);
    await page.getByRole("button", { name: "Passwort speichern" }).click();

    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.getByRole("status")).toHaveText("Ihr Passwort ist geändert. Bitte melden Sie sich an.");
    await expectAccessible(page);
    await logIn(page, email, password);
    await expect(page).toHaveURL(/\/juror$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Begutachtungen");
    await expectAccessible(page);
  });

  test("a manager invites a juror, who accepts once", async ({ managerPage, browser, baseURL }) => {
    const id = unique();
    const email = `jurorin-${id}@example.net`;
    const name = `Jutta Jurorin ${id}`;
    const password = `jury-passwort-${id}`;

    await managerPage.goto("/manager");
    await managerPage.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Einladungen" }).click();
    await expect(managerPage).toHaveURL(/\/invitations$/);
    await expect(managerPage.getByRole("heading", { level: 1 })).toHaveText("Person einladen");
    await expectAccessible(managerPage);
    await field(managerPage, "Name").fill(name);
    await field(managerPage, "E-Mail-Adresse").fill(email);
    await field(managerPage, "Rolle").selectOption("JUROR");
    await managerPage.getByRole("button", { name: "Einladung senden" }).click();
    await expect(managerPage.getByRole("status")).toHaveText(`Die Einladung an ${email} ist verschickt.`);
    await expect(managerPage.getByRole("row").filter({ hasText: email })).toContainText("Jury");
    await expectAccessible(managerPage);

    await openMail(managerPage, email, "Einladung in das MINT-Förderportal");
    const href = await mailLink(managerPage, "Einladung annehmen").getAttribute("href");
    expect(href).toMatch(/\/invitation\/[^/]+$/);

    const invited = await browser.newContext(contextOptions(baseURL));
    const page = await invited.newPage();
    await page.goto(href!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einladung annehmen");
    await expect(page.getByText("Sie wurden als Jury eingeladen.")).toBeVisible();
    await expect(page.getByText(email, { exact: true })).toBeVisible();
    await expectAccessible(page);
    await field(page, "Passwort").fill(password);
    await field(page, "Passwort wiederholen").fill(password);
    await page.getByRole("button", { name: "Konto anlegen" }).click();
    await expect(page).toHaveURL(/\/juror$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Begutachtungen");
    await expect(page.getByRole("banner")).toContainText(name);
    await expectAccessible(page);
    await invited.close();

    const again = await browser.newContext(contextOptions(baseURL));
    const second = await again.newPage();
    await second.goto(href!);
    await expect(second.getByRole("alert")).toHaveText("Diese Einladung ist ungültig, schon benutzt oder abgelaufen.");
    await expect(second.getByRole("button", { name: "Konto anlegen" })).toHaveCount(0);
    await expectAccessible(second);
    await again.close();

    await managerPage.goto("/invitations");
    await expect(managerPage.getByRole("row").filter({ hasText: email })).toContainText("angenommen");
  });

  test("the language switch changes to English, is remembered, and switches back", async ({ page }) => {
    await page.goto("/calls");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausschreibungen");
    await expectAccessible(page);

    await page.getByRole("banner").getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/calls$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calls");
    await expect(page.getByRole("heading", { level: 2, name: "Open calls" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("banner").getByRole("link", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
    await expectAccessible(page);

    // Remembered across a fresh page load, not only in the client's state.
    await page.goto("/signup");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register a network");
    await expectAccessible(page);

    await page.getByRole("banner").getByRole("button", { name: "Deutsch" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Netzwerk registrieren");
    await expectAccessible(page);
    await page.goto("/calls");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausschreibungen");
  });

  const startPages: Record<Role, { heading: string; navigation: string[]; check?: (page: Page) => Promise<void> }> = {
    applicant: {
      heading: "Meine Anträge",
      navigation: ["Meine Anträge", "Profil"],
      check: async (page) => {
        await expect(page.getByRole("heading", { level: 2, name: "MINT-Region Freiburg" })).toBeVisible();
        await expect(page.getByRole("heading", { level: 2, name: "MINT-Region Südhessen" })).toHaveCount(0);
      },
    },
    applicant2: {
      heading: "Meine Anträge",
      navigation: ["Meine Anträge", "Profil"],
      check: async (page) => {
        await expect(page.getByRole("heading", { level: 2, name: "MINT-Region Südhessen" })).toBeVisible();
        await expect(page.getByRole("heading", { level: 2, name: "MINT-Region Freiburg" })).toHaveCount(0);
      },
    },
    juror: { heading: "Meine Begutachtungen", navigation: ["Meine Begutachtungen", "Profil"] },
    manager: {
      heading: "Programmleitung",
      navigation: ["Programmleitung", "Einladungen", "Profil"],
      check: async (page) => {
        const programmes = page.getByRole("main").getByRole("region");
        expect(await programmes.count()).toBeGreaterThan(0);
        await expect(programmes.first().getByRole("heading", { level: 2 })).toBeVisible();
        await expect(page.getByRole("table").first()).toBeVisible();
      },
    },
    coordinator: { heading: "Landeskoordination Baden-Württemberg", navigation: ["Landeskoordination", "Profil"] },
    admin: {
      heading: "Administration",
      navigation: ["Administration", "Einladungen", "Profil"],
      check: async (page) => {
        await expect(page.getByRole("heading", { level: 2, name: "Konten" })).toBeVisible();
        const accounts = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "E-Mail" }) });
        await expect(accounts.getByRole("row").filter({ hasText: "admin@example.org" })).toContainText("Administration");
        await expect(accounts.getByRole("row").filter({ hasText: "juror1@example.org" })).toContainText("Jury");
      },
    },
  };

  for (const [role, expected] of Object.entries(startPages) as [Role, (typeof startPages)[Role]][]) {
    test(`${role} lands on ${demoAccounts[role].startPage} after logging in`, async ({ browser, baseURL }) => {
      const context = await browser.newContext(contextOptions(baseURL));
      const page = await context.newPage();
      await logIn(page, demoAccounts[role].email, DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`${demoAccounts[role].startPage}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.heading);
      const navigation = page.getByRole("navigation", { name: "Hauptnavigation" });
      for (const item of ["Ausschreibungen", ...expected.navigation]) {
        await expect(navigation.getByRole("link", { name: item, exact: true })).toBeVisible();
      }
      await expect(navigation.getByRole("link", { name: expected.navigation[0], exact: true })).toHaveAttribute("aria-current", "page");
      await expected.check?.(page);
      await expectAccessible(page);
      await context.close();
    });
  }

  test("the public list of calls shows an open call and a past round", async ({ page }) => {
    await page.goto("/calls");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausschreibungen");
    const open = page.locator("h2:text-is('Offene Ausschreibungen') + ul > li");
    const past = page.locator("h2:text-is('Abgeschlossene Runden') + ul > li");
    expect(await open.count()).toBeGreaterThan(0);
    expect(await past.count()).toBeGreaterThan(0);
    await expectAccessible(page);

    const openCall = open.first().getByRole("heading").getByRole("link");
    const title = (await openCall.innerText()).trim();
    await openCall.click();
    await expect(page).toHaveURL(/\/calls\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("Veröffentlicht", { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/calls");
    const pastCall = past.first().getByRole("heading").getByRole("link");
    const pastTitle = (await pastCall.innerText()).trim();
    await pastCall.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(pastTitle);
    await expectAccessible(page);
  });
});
