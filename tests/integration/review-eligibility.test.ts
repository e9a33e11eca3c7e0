import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { decideEligibility, loadEligibility, releaseEligibilityResults, reviseEligibility, startEligibilityCheck } from "../../app/server/review/eligibility.server";
import { applicationForPage, applicationsOfMember } from "../../app/server/applications/applications.server";
import { eligibilityDecisionSchema, parseEligibilityQuery } from "../../app/forms/review-eligibility-schemas";
import * as eligibilityRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.eligibility";
import { createPerson } from "../support/accounts";
import { addMember, CLOSES, createCall, createNetwork, DURING } from "../support/application-fixtures";
import { getAs, notFoundFrom, parsed, postAs, refusal } from "../support/call-forms";
import { answerOf } from "../support/route-calls";

const baseUrl = "http://portal.test";
const after = (minutes: number) => new Date(CLOSES.getTime() + minutes * 60_000);
const noFilter = parseEligibilityQuery(new URLSearchParams());

let manager: CurrentUser;
let otherManager: CurrentUser;

beforeAll(async () => {
  otherManager = await createPerson("MANAGER");
  await prisma.programme.create({ data: { slug: `anderes-${Date.now()}`, name: "Anderes", funder: "Stiftung", managers: { create: { userId: otherManager.id } } } });
});

/** A stage with `count` submitted applications (each its own network with a coordinator), a draft, and one with a running extension. */
async function closedStage(count: number) {
  const call = await createCall();
  manager = call.manager;
  const ref = { callId: call.callId, stageId: call.stageIds[0]! };
  const applications = [];
  for (let index = 0; index < count; index += 1) {
    const network = await createNetwork();
    const row = await prisma.application.create({
      data: {
        callId: ref.callId,
        stageId: ref.stageId,
        networkId: network.networkId,
        createdById: network.coordinator.id,
        state: "submitted",
        snapshot: { value: "submitted", context: { submissions: 1, ineligibleReason: null } },
        version: 1,
        submittedAt: DURING,
      },
    });
    applications.push({ id: row.id, ...network });
  }
  const drafting = await createNetwork();
  const draft = await prisma.application.create({ data: { callId: ref.callId, stageId: ref.stageId, networkId: drafting.networkId, createdById: drafting.coordinator.id } });
  return { ref, applications, draftId: draft.id };
}

async function stateOf(id: string) {
  return (await prisma.application.findUniqueOrThrow({ where: { id }, select: { state: true, version: true } })).state;
}

const selection = async (...ids: string[]) =>
  Promise.all(ids.map(async (id) => ({ applicationId: id, version: (await prisma.application.findUniqueOrThrow({ where: { id } })).version })));

describe("starting the eligibility check", () => {
  it("is refused before the stage's deadline and moves nothing", async () => {
    const { ref, applications } = await closedStage(2);
    expect((await refusal(startEligibilityCheck(manager, { ...ref, confirmed: true }, DURING))).messageKey).toBe("eligibility.error.beforeDeadline");
    expect(await stateOf(applications[0]!.id)).toBe("submitted");
  });

  it("asks first, then moves every submitted application past its own deadline into the check, each with its audit event", async () => {
    const { ref, applications, draftId } = await closedStage(3);
    // The third network got until tomorrow: its check waits.
    await prisma.application.update({ where: { id: applications[2]!.id }, data: { deadlineExtendedUntil: after(24 * 60) } });
    expect((await refusal(startEligibilityCheck(manager, { ...ref, confirmed: false }, after(1)))).messageKey).toBe("confirm.error.required");
    const report = await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    expect(report).toEqual({ changed: 2, failures: [] });
    expect(await Promise.all([applications[0]!.id, applications[1]!.id, applications[2]!.id, draftId].map(stateOf))).toEqual(["eligibilityCheck", "eligibilityCheck", "submitted", "draft"]);
    expect(await prisma.auditEvent.count({ where: { entityId: { in: applications.map((a) => a.id) }, action: "START_ELIGIBILITY_CHECK", actorId: manager.id } })).toBe(2);
    const page = await loadEligibility(manager, ref, noFilter, "de", after(2));
    expect(page).toMatchObject({ total: 3, unchecked: 3, checked: 0, startable: 0, stillOpen: 1, canRelease: false });
    expect(page.applications.find((row) => row.id === applications[2]!.id)).toMatchObject({ awaitsDeadline: true, decidable: false });
    expect((await refusal(startEligibilityCheck(manager, { ...ref, confirmed: true }, after(3)))).messageKey).toBe("eligibility.error.nothingToStart");
  });

  it("is a 404 for a manager of another programme, and the page too", async () => {
    const { ref, applications } = await closedStage(1);
    await notFoundFrom(startEligibilityCheck(otherManager, { ...ref, confirmed: true }, after(1)));
    await notFoundFrom(loadEligibility(otherManager, ref, noFilter, "de"));
    await notFoundFrom(decideEligibility(otherManager, ref, { selected: await selection(applications[0]!.id), decision: "eligible", reason: "" }));
    await notFoundFrom(releaseEligibilityResults(otherManager, { ...ref, confirmed: true }, { baseUrl, now: after(1) }));
    expect(await stateOf(applications[0]!.id)).toBe("submitted");
  });

  it("refuses jurors and networks at the route (403) and guessed stages (404)", async () => {
    const { ref, applications } = await closedStage(1);
    const path = `/manager/calls/${ref.callId}/stages/${ref.stageId}/eligibility`;
    const params = { callId: ref.callId, stageId: ref.stageId };
    for (const person of [await createPerson("JUROR"), applications[0]!.coordinator]) {
      expect((await answerOf(eligibilityRoute.loader, await getAs(person, path), { params })).status).toBe(403);
      expect((await answerOf(eligibilityRoute.action, await postAs(person, path, { intent: "start", confirmed: "1" }), { params })).status).toBe(403);
    }
    const guessed = { callId: ref.callId, stageId: "guessed-stage" };
    expect((await answerOf(eligibilityRoute.loader, await getAs(manager, path), { params: guessed })).status).toBe(404);
  });
});

describe("deciding", () => {
  it("marks a selection eligible and another not eligible with the reason in the machine and the audit event", async () => {
    const { ref, applications } = await closedStage(4);
    await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    const [a, b, c, d] = applications.map((row) => row.id) as [string, string, string, string];
    expect(await decideEligibility(manager, ref, { selected: await selection(a, b), decision: "eligible", reason: "" })).toEqual({ changed: 2, failures: [] });
    expect(await decideEligibility(manager, ref, { selected: await selection(c), decision: "ineligible", reason: "Weniger als drei Partner" })).toEqual({ changed: 1, failures: [] });
    expect(await Promise.all([a, b, c, d].map(stateOf))).toEqual(["inReview", "inReview", "ineligible", "eligibilityCheck"]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: c, action: "MARK_INELIGIBLE" } });
    expect(event).toMatchObject({ fromState: "eligibilityCheck", toState: "ineligible", data: { reason: "Weniger als drei Partner" } });
    const page = await loadEligibility(manager, ref, parseEligibilityQuery(new URLSearchParams("checked=checked")), "de", after(5));
    expect(page.applications.map((row) => row.id).sort()).toEqual([a, b, c].sort());
    expect(page.applications.find((row) => row.id === c)).toMatchObject({ ineligibleReason: "Weniger als drei Partner", revisable: true });
    const unchecked = await loadEligibility(manager, ref, parseEligibilityQuery(new URLSearchParams("checked=unchecked&state=eligibilityCheck&land=BW")), "de", after(5));
    expect(unchecked.applications.map((row) => row.id)).toEqual([d]);
    expect((await loadEligibility(manager, ref, parseEligibilityQuery(new URLSearchParams("land=BY")), "de", after(5))).applications).toEqual([]);
  });

  it("reports each refused application of a selection by its network, and changes the others", async () => {
    const { ref, applications } = await closedStage(3);
    await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    const [a, b, c] = applications as [(typeof applications)[0], (typeof applications)[0], (typeof applications)[0]];
    await decideEligibility(manager, ref, { selected: await selection(a.id), decision: "eligible", reason: "" });
    const stale = { applicationId: b.id, version: 0 };
    const report = await decideEligibility(manager, ref, {
      selected: [{ applicationId: a.id, version: 3 }, stale, ...(await selection(c.id)), { applicationId: "guessed", version: 1 }],
      decision: "ineligible",
      reason: "Frist versäumt",
    });
    expect(report.changed).toBe(1);
    expect(report.failures).toEqual([
      { network: a.networkName, messageKey: "eligibility.error.notInCheck" },
      { network: b.networkName, messageKey: "workflow.stale" },
      { network: "", messageKey: "eligibility.error.gone" },
    ]);
    expect(await Promise.all([a.id, b.id, c.id].map(stateOf))).toEqual(["inReview", "eligibilityCheck", "ineligible"]);
  });

  it("needs a reason for not eligible and at least one ticked application; the route keeps what was typed and ticked", async () => {
    const { ref, applications } = await closedStage(1);
    await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    const path = `/manager/calls/${ref.callId}/stages/${ref.stageId}/eligibility`;
    const params = { callId: ref.callId, stageId: ref.stageId };
    const ticked = `${applications[0]!.id}@2`;
    const noReason = await answerOf(eligibilityRoute.action, await postAs(manager, path, { intent: "decide", formId: "bulk", decision: "ineligible", selected: ticked, reason: " " }), { params });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ formId: "bulk", result: { error: { reason: ["eligibility.error.reasonRequired"] }, initialValue: { selected: ticked } } });
    const nothing = await answerOf(eligibilityRoute.action, await postAs(manager, path, { intent: "decide", formId: "bulk", decision: "ineligible", reason: "Zu spät" }), { params });
    expect(nothing.status).toBe(400);
    expect(nothing.data).toMatchObject({ result: { error: { selected: ["eligibility.error.noneSelected"] }, initialValue: { reason: "Zu spät" } } });
    expect(await stateOf(applications[0]!.id)).toBe("eligibilityCheck");
    const done = await answerOf(eligibilityRoute.action, await postAs(manager, path, { intent: "decide", formId: "bulk", decision: "eligible", selected: ticked }), { params });
    expect(done).toMatchObject({ status: 200, data: { formId: "bulk", report: { changed: 1, failures: [] } } });
    expect(parsed(eligibilityDecisionSchema, { decision: "eligible", selected: [ticked, ticked] }).selected).toHaveLength(2);
    // The demo seed's ids are long and readable.
    const seeded = "seed-application-mint-cluster-sonderrunde-strukturwandel-1-mint-region-freiburg-bw-1gl7n6n";
    expect(parsed(eligibilityDecisionSchema, { decision: "eligible", selected: `${seeded}@2` }).selected).toEqual([{ applicationId: seeded, version: 2 }]);
  });
});

describe("correcting a decision", () => {
  it("takes a decision back into the check and forgets the reason, until a juror has the application", async () => {
    const { ref, applications } = await closedStage(2);
    await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    const [a, b] = applications.map((row) => row.id) as [string, string];
    await decideEligibility(manager, ref, { selected: await selection(a), decision: "ineligible", reason: "Kein Vertrag" });
    await reviseEligibility(manager, { ...ref, ...(await selection(a))[0]! }, after(2));
    const row = await prisma.application.findUniqueOrThrow({ where: { id: a } });
    expect(row).toMatchObject({ state: "eligibilityCheck", snapshot: { context: { ineligibleReason: null } } });
    expect(await prisma.auditEvent.count({ where: { entityId: a, action: "REVISE_ELIGIBILITY" } })).toBe(1);

    await decideEligibility(manager, ref, { selected: await selection(b), decision: "eligible", reason: "" });
    const juror = await createPerson("JUROR");
    await prisma.reviewAssignment.create({ data: { applicationId: b, jurorId: juror.id, assignedById: manager.id } });
    expect((await refusal(reviseEligibility(manager, { ...ref, ...(await selection(b))[0]! }, after(3)))).messageKey).toBe("eligibility.error.notRevisable");
    expect(await stateOf(b)).toBe("inReview");
    await notFoundFrom(reviseEligibility(otherManager, { ...ref, ...(await selection(a))[0]! }, after(3)));
  });
});

describe("releasing the results", () => {
  it("waits until every application is checked, asks first, then tells every coordinator by mail once", async () => {
    const { ref, applications } = await closedStage(2);
    const [a, b] = applications as [(typeof applications)[0], (typeof applications)[0]];
    const english = await addMember(b.networkId, "COORDINATOR");
    await prisma.user.update({ where: { id: english.id }, data: { locale: "en" } });
    await addMember(a.networkId, "COLLABORATOR");
    expect((await refusal(releaseEligibilityResults(manager, { ...ref, confirmed: true }, { baseUrl, now: DURING }))).messageKey).toBe("eligibility.error.beforeDeadline");
    await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    await decideEligibility(manager, ref, { selected: await selection(a.id), decision: "eligible", reason: "" });
    expect((await refusal(releaseEligibilityResults(manager, { ...ref, confirmed: true }, { baseUrl, now: after(2) }))).messageKey).toBe("eligibility.error.uncheckedLeft");
    await decideEligibility(manager, ref, { selected: await selection(b.id), decision: "ineligible", reason: "Kooperationsvertrag fehlt" });
    expect((await loadEligibility(manager, ref, noFilter, "de", after(3))).canRelease).toBe(true);
    expect((await refusal(releaseEligibilityResults(manager, { ...ref, confirmed: false }, { baseUrl, now: after(3) }))).messageKey).toBe("confirm.error.required");
    expect(await prisma.callStage.findUniqueOrThrow({ where: { id: ref.stageId } })).toMatchObject({ eligibilityReleasedAt: null });

    expect(await releaseEligibilityResults(manager, { ...ref, confirmed: true }, { baseUrl, now: after(4) })).toEqual({ mails: 3 });
    expect(await prisma.callStage.findUniqueOrThrow({ where: { id: ref.stageId } })).toMatchObject({ eligibilityReleasedAt: after(4) });
    // The not eligible network gets the call's NOT_ELIGIBLE outcome notice, the eligible one the jury's news.
    const mails = await prisma.outboxEmail.findMany({ where: { template: { in: ["eligibility-result", "outcome"] } }, orderBy: { toEmail: "asc" } });
    expect(mails.map((mail) => mail.toEmail).sort()).toEqual([a.coordinator.email, b.coordinator.email, english.email].sort());
    const toB = mails.find((mail) => mail.toEmail === b.coordinator.email)!;
    expect(toB.subject).toContain("Ergebnis der formalen Prüfung");
    expect(toB.text).toContain("Kooperationsvertrag fehlt");
    expect(toB.text).toContain(`${baseUrl}/applications/${b.id}`);
    expect(mails.find((mail) => mail.toEmail === english.email)!.text).toContain("does not meet the formal requirements");
    expect(mails.find((mail) => mail.toEmail === a.coordinator.email)!.text).toContain("geht nun zur Begutachtung an die Jury");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: ref.stageId, action: "RELEASE_ELIGIBILITY" } })).toMatchObject({ data: { eligible: 1, ineligible: 1 } });

    expect((await refusal(releaseEligibilityResults(manager, { ...ref, confirmed: true }, { baseUrl, now: after(5) }))).messageKey).toBe("eligibility.error.alreadyReleased");
    expect(await prisma.outboxEmail.count({ where: { template: { in: ["eligibility-result", "outcome"] } } })).toBe(3);
    expect((await refusal(reviseEligibility(manager, { ...ref, ...(await selection(b.id))[0]! }, after(6)))).messageKey).toBe("eligibility.error.notRevisable");
  });
});

describe("what the network sees", () => {
  it("sees 'in the check' and no reason or decision in the history until the release, then the result and the reason", async () => {
    const { ref, applications } = await closedStage(2);
    const [a, b] = applications as [(typeof applications)[0], (typeof applications)[0]];
    await startEligibilityCheck(manager, { ...ref, confirmed: true }, after(1));
    await decideEligibility(manager, ref, { selected: await selection(a.id), decision: "eligible", reason: "" });
    await decideEligibility(manager, ref, { selected: await selection(b.id), decision: "ineligible", reason: "Kooperationsvertrag fehlt" });

    const before = await applicationForPage(b.coordinator, b.id);
    expect(before.application).toMatchObject({ state: "eligibilityCheck", ineligibleReason: null });
    expect(before.history.map((entry) => entry.action)).not.toContain("MARK_INELIGIBLE");
    expect(JSON.stringify(before)).not.toContain("Kooperationsvertrag fehlt");
    expect((await applicationForPage(a.coordinator, a.id)).application.state).toBe("eligibilityCheck");
    expect((await applicationsOfMember(b.coordinator)).find((row) => row.id === b.id)).toMatchObject({ state: "eligibilityCheck", ineligibleReason: null });
    // The managers see the decision all along.
    expect((await applicationForPage(manager, b.id)).application.state).toBe("ineligible");

    await releaseEligibilityResults(manager, { ...ref, confirmed: true }, { baseUrl, now: after(4) });
    const afterRelease = await applicationForPage(b.coordinator, b.id);
    expect(afterRelease.application).toMatchObject({ state: "ineligible", ineligibleReason: "Kooperationsvertrag fehlt" });
    expect(afterRelease.history.find((entry) => entry.action === "MARK_INELIGIBLE")).toMatchObject({ reason: "Kooperationsvertrag fehlt" });
    expect((await applicationsOfMember(b.coordinator)).find((row) => row.id === b.id)).toMatchObject({ state: "ineligible", ineligibleReason: "Kooperationsvertrag fehlt" });
    expect((await applicationForPage(a.coordinator, a.id)).application).toMatchObject({ state: "inReview", ineligibleReason: null });
  });
});
