import type { Page } from "@playwright/test";
import { expect, expectAccessible, newContextWithoutJavaScript, openMail, storageStatePath, test } from "./fixtures";

// The eligibility check of the demo's MINT-Cluster special round, whose outline stage closed a few
// days ago with 40 outlines: the manager sets the review up, starts the check, decides one outline
// by itself, a selection at once (without JavaScript) and the rest in bulk, corrects a decision, and
// releases; the demo applicant's network sees "in Prüfung" until then, and the result with the reason after.

const CALL_ID = "seed-call-mint-cluster-sonderrunde-strukturwandel";
const STAGE = `/manager/calls/${CALL_ID}/stages/${CALL_ID}-stage-1`;
const CALL_TITLE = /MINT-Cluster – Sonderrunde Strukturwandel/;
const FREIBURG = "MINT-Region Freiburg";
const REASON = "Der Verbund nennt keinen außerschulischen Lernort; die Ausschreibung verlangt mindestens einen.";

const report = (page: Page) => page.getByRole("status").filter({ hasText: /geändert/ });
const selectBoxes = (page: Page) => page.getByRole("checkbox", { name: / auswählen$/ });

async function applicantRow(page: Page) {
  await page.goto("/applicant");
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: CALL_TITLE }) });
}

test("the manager checks a closed outline stage, decides one, a selection and the rest, corrects and releases; the network sees the reason only then", async ({ managerPage: page, applicantPage, adminPage, browser, baseURL }) => {
  test.setTimeout(180_000);

  await test.step("the review settings keep a wrong value as typed and say what to fix, then save", async () => {
    await page.goto(`/manager/calls/${CALL_ID}`);
    await page.getByRole("navigation", { name: "Begutachtung: Skizze" }).getByRole("link", { name: "Einstellungen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einstellungen der Begutachtung: Skizze");
    await expectAccessible(page);
    await page.getByLabel("Gutachten je Antrag").fill("12");
    await page.getByLabel("Abstand der Gesamtpunkte, ab dem ein Antrag diskutiert wird").fill("2,5");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByText("Diese Zahl ist zu groß.")).toBeVisible();
    await expect(page.getByLabel("Gutachten je Antrag")).toHaveValue("12");
    await expectAccessible(page);
    await page.getByLabel("Gutachten je Antrag").fill("2");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByText("Die Einstellungen sind gespeichert.")).toBeVisible();
    await expect(page.getByLabel("Gutachten je Antrag")).toHaveValue("2");
    await expect(page.getByLabel("Abstand der Gesamtpunkte, ab dem ein Antrag diskutiert wird")).toHaveValue("2,5");
  });

  await test.step("starting the check asks first and moves all 40 outlines into it", async () => {
    await page.getByRole("navigation", { name: "Begutachtung: Skizze" }).getByRole("link", { name: "Formale Prüfung" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formale Prüfung: Skizze");
    await expect(page.getByText("40 eingereichte Anträge warten auf die formale Prüfung.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Formale Prüfung beginnen" }).click();
    const panel = page.getByRole("region", { name: "Formale Prüfung wirklich beginnen?" });
    await expect(panel).toContainText("Die 40 eingereichten Anträge gehen in die formale Prüfung.");
    await expectAccessible(page);
    await panel.getByRole("button", { name: "Formale Prüfung beginnen" }).click();
    await expect(report(page)).toContainText("40 Anträge wurden geändert.");
    await expect(page.getByRole("link", { name: "Noch zu prüfen: 40" })).toBeVisible();
    await expect(selectBoxes(page)).toHaveCount(40);
    await expectAccessible(page);
  });

  await test.step("one outline is found not eligible by itself; its network still sees it 'in Prüfung'", async () => {
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: FREIBURG }) });
    await row.getByText("Nicht förderfähig …").click();
    await row.getByRole("button", { name: `${FREIBURG}: nicht förderfähig` }).click();
    await expect(row.getByText("Bitte geben Sie eine Begründung an")).toBeVisible();
    await row.getByLabel(/^Begründung/).fill(REASON);
    await row.getByRole("button", { name: `${FREIBURG}: nicht förderfähig` }).click();
    await expect(report(page)).toContainText("Ein Antrag wurde geändert.");
    await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: FREIBURG }) })).toContainText(`Begründung: ${REASON}`);

    const own = await applicantRow(applicantPage);
    await expect(own).toContainText("Formale Prüfung");
    await expect(own).not.toContainText("Nicht förderfähig");
    await expect(applicantPage.getByText(REASON)).toHaveCount(0);
  });

  await test.step("a selection is decided without JavaScript: the missing reason is asked for, the ticks stay", async () => {
    const context = await newContextWithoutJavaScript(browser, baseURL, { storageState: storageStatePath("manager") });
    const plain = await context.newPage();
    await plain.goto(`${STAGE}/eligibility?checked=unchecked`);
    const boxes = selectBoxes(plain);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await plain.getByRole("button", { name: "Auswahl nicht förderfähig" }).click();
    await expect(plain.getByText("Bitte geben Sie eine Begründung an").first()).toBeVisible();
    await expect(selectBoxes(plain).nth(0)).toBeChecked();
    await expect(selectBoxes(plain).nth(1)).toBeChecked();
    await plain.getByLabel(/Begründung für „nicht förderfähig“/).fill("Der Finanzplan fehlt.");
    await plain.getByRole("button", { name: "Auswahl nicht förderfähig" }).click();
    await expect(report(plain)).toContainText("2 Anträge wurden geändert.");
    await expectAccessible(plain);
    await context.close();
  });

  await test.step("a decision is corrected, the rest is found eligible in one go", async () => {
    await page.goto(`${STAGE}/eligibility?state=ineligible`);
    const corrections = page.getByRole("button", { name: /^Entscheidung zu .* korrigieren$/ });
    await expect(corrections).toHaveCount(3);
    const corrected = (await corrections.filter({ hasNotText: FREIBURG }).first().getAttribute("aria-label"))!;
    await page.getByRole("button", { name: corrected }).click();
    await expect(page.getByRole("button", { name: /^Entscheidung zu .* korrigieren$/ })).toHaveCount(2);

    await page.goto(`${STAGE}/eligibility?checked=unchecked`);
    await expect(selectBoxes(page)).toHaveCount(38);
    await expect(page.getByText("Freigeben können Sie, sobald jeder Antrag geprüft ist. 38 Anträge sind noch offen.")).toBeVisible();
    for (const box of await selectBoxes(page).all()) await box.check();
    await page.getByRole("button", { name: "Auswahl förderfähig" }).click();
    await expect(report(page)).toContainText("38 Anträge wurden geändert.");
    await expect(page.getByRole("link", { name: "Geprüft: 40" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("releasing asks first, then the network sees the result and the reason, and has a mail", async () => {
    await page.getByRole("button", { name: "Ergebnisse freigeben" }).click();
    const panel = page.getByRole("region", { name: "Ergebnisse wirklich freigeben?" });
    await expect(panel).toContainText("Die Netzwerke der 40 geprüften Anträge");
    await expectAccessible(page);
    await panel.getByRole("button", { name: "Ergebnisse freigeben" }).click();
    await expect(page.getByText(/Die Ergebnisse wurden am .* freigegeben/)).toBeVisible();
    await expect(page.getByRole("button", { name: /korrigieren$/ })).toHaveCount(0);
    await expectAccessible(page);

    const own = await applicantRow(applicantPage);
    await expect(own).toContainText("Nicht förderfähig");
    await expect(own).toContainText(`Begründung: ${REASON}`);
    await expectAccessible(applicantPage);
    await own.getByRole("link", { name: /^Ansehen: MINT-Cluster – Sonderrunde/ }).click();
    await expect(applicantPage.getByRole("heading", { level: 1 })).toContainText("Nicht förderfähig");
    await expect(applicantPage.getByText(`Begründung: ${REASON}`).first()).toBeVisible();
    await expectAccessible(applicantPage);

    await openMail(adminPage, "applicant@example.org", "Ergebnis der formalen Prüfung");
    await expect(adminPage.locator("main")).toContainText(`Begründung: ${REASON}`);
  });
});
