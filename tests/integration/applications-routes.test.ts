import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "../../app/server/db.server";
import { saveDraft, startApplication } from "../../app/server/applications/applications.server";
import { action as applicationAction, loader as applicationLoader } from "../../app/routes/applications.$applicationId";
import { action as receiptAction, loader as receiptLoader } from "../../app/routes/applications.$applicationId_.receipt";
import { action as startAction } from "../../app/routes/calls.$slug.apply";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { addMember, browserOf, createCall, createNetwork, formPost } from "../support/application-fixtures";
import { completeFormPost } from "../support/application-forms";
import { routeOutcome } from "../support/route-outcome";
import type { RouteFunction } from "../support/route-calls";
import { shareDraftWithManagers } from "../../app/server/applications/draft-sharing.server";

// The routes decide by the real clock; these calls stay open from a year ago for the next two years.
const OPEN_FROM = new Date(Date.now() - 365 * 86_400_000);
const OPEN_UNTIL = new Date(Date.now() + 2 * 365 * 86_400_000);

const load = (handler: (args: LoaderFunctionArgs) => Promise<unknown>) => handler as RouteFunction;
const act = (handler: (args: ActionFunctionArgs) => Promise<unknown>) => handler as RouteFunction;

async function openApplication() {
  const call = await createCall({ stages: [{ opensAt: OPEN_FROM, closesAt: OPEN_UNTIL }] });
  const network = await createNetwork();
  const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug });
  return { ...call, ...network, applicationId, url: `http://portal.test/applications/${applicationId}` };
}

describe("the application page's permissions", () => {
  it("sends anonymous visitors to the login page, for reading and for saving", async () => {
    const { url, applicationId } = await openApplication();
    const anonymous = await browserOf(null);
    const read = await routeOutcome(load(applicationLoader), new Request(url), { applicationId });
    expect(read).toMatchObject({ status: 302, location: `/login?redirectTo=${encodeURIComponent(`/applications/${applicationId}`)}` });
    const save = await routeOutcome(act(applicationAction), formPost(url, anonymous, [["intent", "save"], ["revision", "0"]]), { applicationId });
    expect(save.status).toBe(302);
    expect(save.location).toMatch(/^\/login/);
  });

  it("answers 404 to another network's coordinator guessing the id, for reading, saving, submitting, the receipt, withdrawing", async () => {
    const { url, applicationId } = await openApplication();
    const stranger = await browserOf((await createNetwork()).coordinator);
    expect((await routeOutcome(load(applicationLoader), new Request(url, { headers: { Cookie: stranger.cookie } }), { applicationId })).status).toBe(404);
    expect((await routeOutcome(act(applicationAction), formPost(url, stranger, [["intent", "save"], ["revision", "0"], ...completeFormPost]), { applicationId })).status).toBe(404);
    expect((await routeOutcome(act(applicationAction), formPost(url, stranger, [["intent", "submit"], ["revision", "0"], ...completeFormPost]), { applicationId })).status).toBe(404);
    expect((await routeOutcome(load(receiptLoader), new Request(`${url}/receipt`, { headers: { Cookie: stranger.cookie } }), { applicationId })).status).toBe(404);
    expect((await routeOutcome(act(receiptAction), formPost(`${url}/receipt`, stranger, [["intent", "withdraw"]]), { applicationId })).status).toBe(404);
    expect((await routeOutcome(load(applicationLoader), new Request("http://portal.test/applications/does-not-exist", { headers: { Cookie: stranger.cookie } }), { applicationId: "does-not-exist" })).status).toBe(404);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.answersRevision).toBe(0);
  });

  it("lets the call's manager read a shared draft but not save; jurors get 404", async () => {
    const { url, applicationId, manager, coordinator } = await openApplication();
    const managerBrowser = await browserOf(manager);
    expect((await routeOutcome(load(applicationLoader), new Request(url, { headers: { Cookie: managerBrowser.cookie } }), { applicationId })).status).toBe(404);
    await shareDraftWithManagers(coordinator, { applicationId, share: true });
    const read = await routeOutcome(load(applicationLoader), new Request(url, { headers: { Cookie: managerBrowser.cookie } }), { applicationId });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ editable: false, canEdit: false });
    expect((await routeOutcome(act(applicationAction), formPost(url, managerBrowser, [["intent", "save"], ["revision", "0"], ...completeFormPost]), { applicationId })).status).toBe(404);
    const juror = await browserOf(await createPerson("JUROR"));
    expect((await routeOutcome(load(applicationLoader), new Request(url, { headers: { Cookie: juror.cookie } }), { applicationId })).status).toBe(404);
    expect((await routeOutcome(act(applicationAction), formPost(url, juror, [["intent", "save"], ["revision", "0"]]), { applicationId })).status).toBe(404);
  });

  it("refuses a form without the CSRF token", async () => {
    const { url, applicationId, coordinator } = await openApplication();
    const browser = await browserOf(coordinator);
    const forged = formPost(url, { cookie: browser.cookie, csrf: "forged-token-forged-token-forged-token" }, [["intent", "save"], ["revision", "0"]]);
    expect((await routeOutcome(act(applicationAction), forged, { applicationId })).status).toBe(403);
  });
});

describe("saving and submitting through the page", () => {
  it("saves without JavaScript and comes back by redirect; a collaborator saves too", async () => {
    const { url, applicationId, coordinator, networkId } = await openApplication();
    const browser = await browserOf(coordinator);
    const saved = await routeOutcome(act(applicationAction), formPost(url, browser, [["intent", "save"], ["revision", "0"], ...completeFormPost]), { applicationId });
    expect(saved).toMatchObject({ status: 302, location: `/applications/${applicationId}?saved=1` });
    const collaborator = await browserOf(await addMember(networkId, "COLLABORATOR"));
    const autosaved = await routeOutcome(act(applicationAction), formPost(url, collaborator, [["intent", "autosave"], ["revision", "1"], ...completeFormPost]), { applicationId });
    expect(autosaved).toMatchObject({ status: 200, body: { kind: "saved", revision: 2 } });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.answers).toMatchObject({ eligibility: { registered: true }, fields: { grant: 4_500_000, pupils: 1200, costs: { ownContributionCents: 500_000 } } });
  });

  it("refuses a post no browser sends from the form (an option it does not offer) with 400 and every typed value kept", async () => {
    const { url, applicationId, coordinator } = await openApplication();
    const browser = await browserOf(coordinator);
    const result = await routeOutcome(act(applicationAction), formPost(url, browser, [["intent", "save"], ["revision", "0"], ["fieldsShown", "1"], ["fields.focus", "astrology"], ["fields.pupils", "viele"], ["fields.projectTitle", "Mein Titel"]]), { applicationId });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      kind: "invalid",
      result: { error: { "fields.focus": ["Bitte wählen Sie eine der angebotenen Möglichkeiten."] }, initialValue: { fields: { pupils: "viele", projectTitle: "Mein Titel" } } },
    });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).answersRevision).toBe(0);
  });

  it("refuses a stale save with 409, shows what differs, and saves over it only when asked to", async () => {
    const { url, applicationId, coordinator, networkId } = await openApplication();
    await saveDraft(coordinator, { applicationId, baseRevision: 0, draft: { answers: { eligibility: { registered: true }, fields: { projectTitle: "Titel der Koordination" } }, conditionAnswers: [], fieldsShown: true } });
    const collaborator = await browserOf(await addMember(networkId, "COLLABORATOR"));
    const mine: [string, string][] = [["eligibility.registered", "yes"], ["fieldsShown", "1"], ["fields.projectTitle", "Mein Titel"]];
    const stale = await routeOutcome(act(applicationAction), formPost(url, collaborator, [["intent", "autosave"], ["revision", "0"], ...mine]), { applicationId });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      kind: "conflict",
      theirRevision: 1,
      yourRevision: 0,
      differences: [{ kind: "field", key: "projectTitle", theirs: "Titel der Koordination", yours: "Mein Titel" }],
      result: { initialValue: { fields: { projectTitle: "Mein Titel" } } },
    });
    const overwritten = await routeOutcome(act(applicationAction), formPost(url, collaborator, [["intent", "overwrite:1"], ["revision", "0"], ...mine]), { applicationId });
    expect(overwritten.status).toBe(302);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row).toMatchObject({ answersRevision: 2, answers: { fields: { projectTitle: "Mein Titel" } } });
  });

  it("refuses a body over 2 MB with 413 before reading it, declared or streamed", async () => {
    const { url, applicationId, coordinator } = await openApplication();
    const browser = await browserOf(coordinator);
    const huge = formPost(url, browser, [["intent", "save"], ["revision", "0"], ["fields.summary", "x".repeat(2 * 1024 * 1024 + 10)]]);
    expect((await routeOutcome(act(applicationAction), huge, { applicationId })).status).toBe(413);
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = new Request(url, {
      method: "POST",
      headers: { Cookie: browser.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await routeOutcome(act(applicationAction), streamed, { applicationId })).status).toBe(413);
    expect(sent).toBeLessThan(40);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).answersRevision).toBe(0);
  });

  it("submits from the page and leads to the receipt; an incomplete one is refused with the reason", async () => {
    const { url, applicationId, coordinator } = await openApplication();
    const browser = await browserOf(coordinator);
    const incomplete = await routeOutcome(act(applicationAction), formPost(url, browser, [["intent", "submit"], ["revision", "0"], ["eligibility.registered", "yes"]]), { applicationId });
    expect(incomplete).toMatchObject({ status: 409, body: { kind: "refused", message: "Der Antrag ist noch nicht vollständig. Bitte arbeiten Sie die Checkliste ab." } });
    const submitted = await routeOutcome(act(applicationAction), formPost(url, browser, [["intent", "submit"], ["revision", "1"], ...completeFormPost]), { applicationId });
    expect(submitted).toMatchObject({ status: 302, location: `/applications/${applicationId}/receipt?submitted=1` });
    const receipt = await routeOutcome(load(receiptLoader), new Request(`${url}/receipt`, { headers: { Cookie: browser.cookie } }), { applicationId });
    expect(receipt.body).toMatchObject({ application: { state: "submitted" }, actions: ["WITHDRAW", "REOPEN"] });
    expect((receipt.body as { versions: { receiptNumber: string }[] }).versions[0]!.receiptNumber).toMatch(/^MC4-\d{4}-\d{6}$/);
    const reopened = await routeOutcome(act(receiptAction), formPost(`${url}/receipt`, browser, [["intent", "reopen"]]), { applicationId });
    expect(reopened).toMatchObject({ status: 302, location: `/applications/${applicationId}` });
    const withdrawnDraft = await routeOutcome(act(receiptAction), formPost(`${url}/receipt`, browser, [["intent", "withdraw"]]), { applicationId });
    expect(withdrawnDraft).toMatchObject({ status: 409, body: { message: "Dieser Schritt ist im aktuellen Zustand nicht möglich." } });
  });
});

describe("starting from the call page", () => {
  it("starts and redirects to the new application; the second start shows the existing one", async () => {
    const call = await createCall({ stages: [{ opensAt: OPEN_FROM, closesAt: OPEN_UNTIL }] });
    const network = await createNetwork();
    const browser = await browserOf(network.coordinator);
    const url = `http://portal.test/calls/${call.slug}/apply`;
    const first = await routeOutcome(act(startAction), formPost(url, browser, []), { slug: call.slug });
    const application = await prisma.application.findFirstOrThrow({ where: { networkId: network.networkId } });
    expect(first).toMatchObject({ status: 302, location: `/applications/${application.id}` });
    const again = await routeOutcome(act(startAction), formPost(url, browser, []), { slug: call.slug });
    expect(again).toMatchObject({ status: 409, body: { message: "Ihr Netzwerk hat für diese Phase schon einen Antrag.", existingId: application.id } });
  });

  it("refuses jurors and managers (403) and sends anonymous visitors to log in", async () => {
    const call = await createCall({ stages: [{ opensAt: OPEN_FROM, closesAt: OPEN_UNTIL }] });
    const url = `http://portal.test/calls/${call.slug}/apply`;
    for (const role of ["JUROR", "MANAGER"] as const) {
      const person: CurrentUser = await createPerson(role);
      expect((await routeOutcome(act(startAction), formPost(url, await browserOf(person), []), { slug: call.slug })).status).toBe(403);
    }
    expect((await routeOutcome(act(startAction), formPost(url, await browserOf(null), []), { slug: call.slug })).status).toBe(302);
    expect(await prisma.application.count({ where: { callId: call.callId } })).toBe(0);
  });
});

