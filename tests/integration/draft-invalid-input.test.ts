import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { applicationForPage, applicationsOfMember, saveDraft, startApplication, submitApplication } from "../../app/server/applications/applications.server";
import { action as applicationAction, loader as applicationLoader } from "../../app/routes/applications.$applicationId";
import ApplicationRoute from "../../app/routes/applications.$applicationId";
import { shareDraftWithManagers } from "../../app/server/applications/draft-sharing.server";
import type { InvalidInput } from "../../app/forms/invalid-input";
import { addMember, browserOf, createCall, createNetwork, formPost } from "../support/application-fixtures";
import { renderRoutePage } from "../support/render-route";
import { completeFormPost } from "../support/application-forms";
import { routeOutcome } from "../support/route-outcome";

// One invalid input never stops the others from being saved: "zwölf" in a count is kept as typed
// beside the answers, shown again after a reload, cleared when fixed, and blocks submitting.

const OPEN_FROM = new Date(Date.now() - 365 * 86_400_000);
const OPEN_UNTIL = new Date(Date.now() + 2 * 365 * 86_400_000);

async function openApplication() {
  const call = await createCall({ stages: [{ opensAt: OPEN_FROM, closesAt: OPEN_UNTIL }] });
  const network = await createNetwork();
  const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug });
  const browser = await browserOf(network.coordinator);
  return { ...call, ...network, applicationId, browser, url: `http://portal.test/applications/${applicationId}` };
}

/** Every input of a complete application except the count, as the page posts them. */
const completeButPupils = completeFormPost.filter(([name]) => name !== "fields.pupils");

const post = (app: { url: string; applicationId: string }, browser: { cookie: string; csrf: string }, entries: [string, string][]) =>
  routeOutcome(applicationAction as never, formPost(app.url, browser, entries), { applicationId: app.applicationId });

/** The page after a reload: the loader's data and the HTML the server renders from it. */
async function reload(app: { url: string; applicationId: string }, browser: { cookie: string }, locale: "de" | "en" = "de") {
  const loaded = await routeOutcome(applicationLoader as never, new Request(app.url, { headers: { Cookie: browser.cookie } }), { applicationId: app.applicationId });
  expect(loaded.status).toBe(200);
  return { data: loaded.body as Awaited<ReturnType<typeof applicationForPage>>, html: await renderRoutePage(ApplicationRoute, loaded.body, locale) };
}

const pupilsHeld: InvalidInput = { name: "fields.pupils", raw: "zwölf", problem: "number", rule: { min: 0, integer: true } };

describe("a draft with one invalid number beside valid answers", () => {
  it("saves every valid answer without JavaScript, keeps the invalid text with its message, and shows both after a reload", async () => {
    const app = await openApplication();
    const saved = await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "zwölf"]]);
    expect(saved).toMatchObject({ status: 302, location: `/applications/${app.applicationId}?saved=1` });

    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } });
    expect(row.answersRevision).toBe(1);
    expect(row.answers).toMatchObject({ eligibility: { registered: true }, fields: { projectTitle: "MINT für alle", grant: 4_500_000, focus: "informatics", costs: { ownContributionCents: 500_000 } } });
    expect((row.answers as { fields: Record<string, unknown> }).fields).not.toHaveProperty("pupils");
    expect(row.invalidInput).toEqual([pupilsHeld]);

    const { data, html } = await reload(app, app.browser);
    expect(data.invalidInput).toEqual([pupilsHeld]);
    expect(data.checklist).toEqual([{ kind: "invalidInput", input: pupilsHeld, place: { fieldKey: "pupils" } }]);
    expect(html).toMatch(/<input[^>]*name="fields.projectTitle"[^>]*value="MINT für alle"/);
    expect(html).toMatch(/<input[^>]*name="fields.pupils"[^>]*aria-invalid="true"[^>]*value="zwölf"/);
    expect(html).toContain(`<span class="kern-body">Bitte geben Sie eine ganze Zahl ab 0 ein.</span>`);
    expect(html).toContain("Nicht gespeichert: 1 Feld prüfen");
    expect(html).toContain("„zwölf“ ist nicht gespeichert.");
    expect(html).toMatch(/<button[^>]*value="submit"[^>]*disabled=""/);
  });

  it("does the same for the autosave with JavaScript, and a fix clears the invalid input", async () => {
    const app = await openApplication();
    const autosaved = await post(app, app.browser, [["intent", "autosave"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "zwölf"]]);
    expect(autosaved).toMatchObject({ status: 200, body: { kind: "saved", revision: 1 } });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } })).invalidInput).toEqual([pupilsHeld]);

    const fixed = await post(app, app.browser, [["intent", "autosave"], ["revision", "1"], ...completeButPupils, ["fields.pupils", "12"]]);
    expect(fixed).toMatchObject({ status: 200, body: { kind: "saved", revision: 2 } });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } });
    expect(row.invalidInput).toEqual([]);
    expect(row.answers).toMatchObject({ fields: { pupils: 12 } });
    const { data, html } = await reload(app, app.browser);
    expect(data.checklist).toEqual([]);
    expect(html).not.toContain("Nicht gespeichert");
    expect(html).toMatch(/<input[^>]*name="fields.pupils"[^>]*value="12"/);
  });

  it("holds a negative count and negative euros, also in the budget, with messages in the reader's language", async () => {
    const app = await openApplication();
    await post(app, app.browser, [
      ["intent", "save"],
      ["revision", "0"],
      ...completeButPupils.filter(([name]) => name !== "fields.costs.own"),
      ["fields.pupils", "-3"],
      ["fields.costs.own", "-500"],
    ]);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } });
    expect(row.invalidInput).toEqual([
      { name: "fields.pupils", raw: "-3", problem: "number", rule: { min: 0, integer: true } },
      { name: "fields.costs.own", raw: "-500", problem: "amount", rule: {} },
    ]);
    expect(row.answers).toMatchObject({ fields: { costs: { ownContributionCents: 0 } } });
    const { html } = await reload(app, app.browser, "en");
    expect(html).toContain("Please enter a whole number of 0 or more.");
    expect(html).toContain("Please enter an amount of €0 or more");
    expect(html).toContain("Not saved: check 2 fields");
  });

  it("refuses to submit while invalid input stands, even with every answer given before; the stored draft stays as it was saved", async () => {
    const app = await openApplication();
    await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "12"]]);
    const refused = await post(app, app.browser, [["intent", "submit"], ["revision", "1"], ...completeButPupils, ["fields.pupils", "zwölf"]]);
    expect(refused).toMatchObject({ status: 409, body: { kind: "refused", message: "Der Antrag ist noch nicht vollständig. Bitte arbeiten Sie die Checkliste ab." } });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId }, include: { versions: true } });
    expect(row).toMatchObject({ state: "draft", receiptNumber: null, invalidInput: [pupilsHeld] });
    expect(row.versions).toEqual([]);
    await expect(submitApplication({ ...app.coordinator, locale: "de" }, { applicationId: app.applicationId }, { baseUrl: "http://portal.test" })).rejects.toMatchObject({
      messageKey: "applications.error.incomplete",
    });
    // Fixed, the same application goes through, and its version holds no trace of the invalid text.
    await post(app, app.browser, [["intent", "submit"], ["revision", "2"], ...completeButPupils, ["fields.pupils", "12"]]);
    const version = await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId: app.applicationId } });
    expect(version.answers).toMatchObject({ fields: { pupils: 12 } });
    expect(JSON.stringify(version.answers)).not.toContain("zwölf");
  });

  it("counts invalid input as open on the applicant's start page", async () => {
    const app = await openApplication();
    await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "zwölf"]]);
    const [mine] = (await applicationsOfMember(app.coordinator)).filter((application) => application.id === app.applicationId);
    expect(mine?.missing).toBe(1);
  });
});

describe("invalid input and the rest of the draft's life", () => {
  it("follows its budget line when a line above it is removed with the row button", async () => {
    const app = await openApplication();
    const twoLines: [string, string][] = [
      ...completeButPupils,
      ["fields.pupils", "12"],
      ["fields.costs.lines[1].category", "material"],
      ["fields.costs.lines[1].year", "2027"],
      ["fields.costs.lines[1].amount", "zehntausend"],
    ];
    await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...twoLines]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } })).invalidInput).toEqual([
      { name: "fields.costs.lines[1].amount", raw: "zehntausend", problem: "amount", rule: {} },
    ]);
    const removed = await post(app, app.browser, [["intent", "removeBudgetLine:costs:0"], ["revision", "1"], ...twoLines]);
    expect(removed.status).toBe(302);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } });
    expect(row.invalidInput).toEqual([{ name: "fields.costs.lines[0].amount", raw: "zehntausend", problem: "amount", rule: {} }]);
    expect(row.answers).toMatchObject({ fields: { costs: { lines: [{ category: "material", year: 2027, amountCents: 0 }] } } });
    const { html } = await reload(app, app.browser);
    expect(html).toMatch(/<input[^>]*name="fields.costs.lines\[0\].amount"[^>]*value="zehntausend"/);
  });

  it("keeps the fields' invalid input while a save comes from the eligibility questions alone", async () => {
    const app = await openApplication();
    await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "zwölf"]]);
    // The questions answered "no" hide the fields: that page posts no field at all.
    await post(app, app.browser, [["intent", "save"], ["revision", "1"], ["eligibility.registered", "no"]]);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } });
    expect(row.answersRevision).toBe(2);
    expect(row.invalidInput).toEqual([pupilsHeld]);
    expect(row.answers).toMatchObject({ eligibility: { registered: false }, fields: { projectTitle: "MINT für alle" } });
  });

  it("writes a stale save that changes only invalid input; a stale save that changes answers is a conflict that keeps the input marked", async () => {
    const app = await openApplication();
    const collaborator = await browserOf(await addMember(app.networkId, "COLLABORATOR"));
    await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "zwölf"]]);
    // The collaborator's page still stands on revision 0 and sends the same answers with other invalid text.
    const stale = await post(app, collaborator, [["intent", "autosave"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "dreizehn"]]);
    expect(stale).toMatchObject({ status: 200, body: { kind: "saved", revision: 2 } });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } })).invalidInput).toEqual([{ ...pupilsHeld, raw: "dreizehn" }]);
    // The same post again changes nothing: nothing is written.
    expect(await post(app, collaborator, [["intent", "autosave"], ["revision", "0"], ...completeButPupils, ["fields.pupils", "dreizehn"]])).toMatchObject({ body: { kind: "saved", revision: 2 } });

    const conflicting = await post(app, collaborator, [
      ["intent", "autosave"],
      ["revision", "0"],
      ...completeButPupils.map(([name, value]): [string, string] => (name === "fields.projectTitle" ? [name, "Anderer Titel"] : [name, value])),
      ["fields.pupils", "vierzehn"],
    ]);
    expect(conflicting).toMatchObject({
      status: 409,
      body: { kind: "conflict", theirRevision: 2, invalidInput: [{ ...pupilsHeld, raw: "vierzehn" }], differences: [{ kind: "field", key: "projectTitle", theirs: "MINT für alle", yours: "Anderer Titel" }] },
    });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } });
    expect(row).toMatchObject({ answersRevision: 2, invalidInput: [{ ...pupilsHeld, raw: "dreizehn" }], answers: { fields: { projectTitle: "MINT für alle" } } });
  });

  it("still refuses, whole and with 400, what no browser sends: an option the form does not offer; nothing is saved", async () => {
    const app = await openApplication();
    const forged = await post(app, app.browser, [["intent", "save"], ["revision", "0"], ...completeButPupils.filter(([name]) => name !== "fields.focus"), ["fields.focus", "astrology"]]);
    expect(forged).toMatchObject({ status: 400, body: { kind: "invalid", result: { error: { "fields.focus": ["Bitte wählen Sie eine der angebotenen Möglichkeiten."] } } } });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: app.applicationId } })).toMatchObject({ answersRevision: 0, invalidInput: [] });
  });

  it("is never shown to readers who cannot edit: the manager sees the field as missing, not what was typed", async () => {
    const app = await openApplication();
    // A manager reads a draft only once the network shares it.
    await shareDraftWithManagers(app.coordinator, { applicationId: app.applicationId, share: true });
    await saveDraft(app.coordinator, {
      applicationId: app.applicationId,
      baseRevision: 0,
      draft: { answers: { eligibility: { registered: true }, fields: { projectTitle: "Titel" } }, conditionAnswers: [], fieldsShown: true, invalidInput: [pupilsHeld] },
    });
    const managerPage = await applicationForPage(app.manager, app.applicationId);
    expect(managerPage).toMatchObject({ canEdit: false, invalidInput: [] });
    expect(managerPage.checklist).toContainEqual({ kind: "field", fieldKey: "pupils", sectionKey: "basics", problem: "missing" });
    const html = await renderRoutePage(ApplicationRoute, { ...managerPage, now: new Date() });
    expect(html).not.toContain("zwölf");
  });
});
