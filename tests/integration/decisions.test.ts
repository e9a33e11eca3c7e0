import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { decideApplication, type DecisionInput } from "../../app/server/decisions/decide-application.server";
import { decideSelection } from "../../app/server/decisions/decide-selection.server";
import { withdrawDecision } from "../../app/server/decisions/withdraw-decision.server";
import { respondToAward } from "../../app/server/decisions/acceptance.server";
import { loadDecisionBoard } from "../../app/server/decisions/decision-board.server";
import { loadDecisionPage } from "../../app/server/decisions/decision-page.server";
import { sharedJuryComments } from "../../app/server/decisions/jury-comments.server";
import { applicationForPage, applicationsOfMember } from "../../app/server/applications/applications.server";
import { createPerson } from "../support/accounts";
import { addMember, createCall, createNetwork } from "../support/application-fixtures";
import { formDataOf, getAs, notFoundFrom, parsed, parseForm, postAs, refusal } from "../support/call-forms";
import { callDetailsSchema } from "../../app/forms/call-schemas";
import { answerOf } from "../support/route-calls";
import { renderRoutePage } from "../support/render-route";
import * as boardRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.decisions";
import * as pageRoute from "../../app/routes/manager.applications.$applicationId_.decision";
import { createReviewWorld, type World } from "../support/review-world";

const NOW = new Date("2026-11-20T10:00:00Z");
const euros = (value: number) => value * 100;

/**
 * The review world (two applications in review; the first has two submitted reviews, 8 and 3
 * points) in a MINT-Cluster-like call: 500,000 € per award, up to 1,000,000 € with a
 * justification, a budget of 1,200,000 €, and `extra` more applications in review.
 */
async function decisionWorld(extra = 2) {
  const world = await createReviewWorld();
  await prisma.call.update({
    where: { id: world.callId },
    data: { maxAwardCents: BigInt(euros(500_000)), awardExceptionMaxCents: BigInt(euros(1_000_000)), totalBudgetCents: BigInt(euros(1_200_000)), plannedAwards: 2 },
  });
  const more: { id: string; network: string; coordinator: CurrentUser }[] = [];
  for (let index = 0; index < extra; index += 1) {
    const network = await createNetwork();
    const row = await prisma.application.create({
      data: { callId: world.callId, stageId: world.stageId, networkId: network.networkId, createdById: network.coordinator.id, state: "inReview", snapshot: { value: "inReview", context: {} } },
    });
    more.push({ id: row.id, network: network.networkName, coordinator: network.coordinator });
  }
  const ids = [...world.applications.map((application) => application.id), ...more.map((application) => application.id)];
  return { ...world, ids, more };
}

async function rowOf(id: string) {
  return prisma.application.findUniqueOrThrow({ where: { id }, select: { state: true, version: true, snapshot: true } });
}

function decision(applicationId: string, version: number, change: Partial<DecisionInput> = {}): DecisionInput {
  return {
    applicationId,
    version,
    outcome: "award",
    amountCents: euros(400_000),
    supportDescription: "",
    conditions: [],
    reason: "",
    feedback: "",
    exceptionJustification: "",
    overBudgetConfirmed: false,
    sharedReviewIds: [],
    ...change,
  };
}

/** Decides with the version the application has now. */
async function decide(manager: CurrentUser, applicationId: string, change: Partial<DecisionInput> = {}) {
  return decideApplication(manager, decision(applicationId, (await rowOf(applicationId)).version, change), { now: NOW });
}

/** What the (not yet built here) release step does to one application: state, decision stamp and acceptance date. */
async function release(world: World, applicationId: string, acceptBy: Date | null = new Date("2026-12-15T23:00:00Z")) {
  const target = { awardDecided: "approved", waitlistDecided: "waitlisted", rejectionDecided: "rejected", invitationDecided: "invitedToNextStage" } as Record<string, string>;
  const row = await rowOf(applicationId);
  const to = target[row.state]!;
  await prisma.application.update({ where: { id: applicationId }, data: { state: to, snapshot: { ...(row.snapshot as object), value: to }, version: { increment: 1 } } });
  await prisma.decision.updateMany({ where: { applicationId, supersededAt: null }, data: { releasedAt: NOW, releasedById: world.manager.id, acceptBy } });
}

const current = (applicationId: string) => prisma.decision.findFirst({ where: { applicationId, supersededAt: null } });

describe("deciding one application", () => {
  it("awards an amount: the machine moves to 'award decided' and the decision records the ranking basis, rank and score", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    const change = await decide(world.manager, first!, { reason: "Stark in der Wirkung", feedback: "Überzeugendes Konzept", sharedReviewIds: [] });
    expect(change).toMatchObject({ from: "inReview", to: "awardDecided" });
    expect(await current(first!)).toMatchObject({ outcome: "FUNDED", amountCents: BigInt(euros(400_000)), reason: "Stark in der Wirkung", feedback: "Überzeugendes Konzept", rankingBasis: "RAW", rank: 1, score: 5.5, releasedAt: null, decidedById: world.manager.id });
    expect(await prisma.auditEvent.findFirst({ where: { entityId: first, action: "DECIDE_AWARD" } })).toMatchObject({ fromState: "inReview", toState: "awardDecided", actorId: world.manager.id });
  });

  it("keeps the shared juror comments by review and gives them back as Jury A/B, never with a name", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    const page = await loadDecisionPage(world.manager, first!, NOW);
    expect(page.reviews.map((review) => [review.letter, review.weightedTotal])).toEqual([["A", 8], ["B", 3]]);
    await decide(world.manager, first!, { outcome: "rejection", reason: "Zu wenig Partner", sharedReviewIds: [page.reviews[1]!.id] });
    const stored = await current(first!);
    expect(stored!.sharedReviewIds).toEqual([page.reviews[1]!.id]);
    expect(await sharedJuryComments(prisma, first!, stored!.sharedReviewIds)).toEqual([{ letter: "B", comment: "Gesamteindruck von Juror L" }]);
    // A review of another application (or one not submitted) is not shareable here.
    const other = await prisma.review.findFirstOrThrow({ where: { assignment: { applicationId: world.ids[1] } } });
    expect((await refusal(decide(world.manager, first!, { outcome: "waitlist", sharedReviewIds: [other.id] }))).messageKey).toBe("decisions.error.reviewGone");
  });

  it("invites only in an outline stage, with its conditions, and awards only after it", async () => {
    const world = await decisionWorld(0);
    expect((await refusal(decide(world.manager, world.ids[0]!, { outcome: "invitation" }))).messageKey).toBe("decisions.error.invitationOnlyOutline");
    const call = await createCall({ stages: [{ kind: "OUTLINE" }, { kind: "FULL_PROPOSAL" }] });
    const network = await createNetwork();
    const outline = await prisma.application.create({
      data: { callId: call.callId, stageId: call.stageIds[0]!, networkId: network.networkId, createdById: network.coordinator.id, state: "inReview", snapshot: { value: "inReview", context: {} } },
    });
    expect((await refusal(decide(call.manager, outline.id, { outcome: "award" }))).messageKey).toBe("decisions.error.awardNotInOutline");
    expect(await decide(call.manager, outline.id, { outcome: "invitation", conditions: ["Finanzplan nachreichen", "Partner benennen"], amountCents: undefined })).toMatchObject({ to: "invitationDecided" });
    expect(await current(outline.id)).toMatchObject({ outcome: "INVITED_TO_NEXT_STAGE", conditions: ["Finanzplan nachreichen", "Partner benennen"], amountCents: null });
  });

  it("refuses a stale page, an application not yet in review, one not eligible, and a released decision", async () => {
    const world = await decisionWorld(2);
    const [first, second, third, fourth] = world.ids as [string, string, string, string];
    const version = (await rowOf(first)).version;
    await decide(world.manager, first, { outcome: "waitlist" });
    // The second click of the same form carries the old version.
    expect((await refusal(decideApplication(world.manager, decision(first, version, { outcome: "waitlist" }), { now: NOW }))).messageKey).toBe("workflow.stale");
    await prisma.application.update({ where: { id: second }, data: { state: "eligibilityCheck", snapshot: { value: "eligibilityCheck", context: {} } } });
    expect((await refusal(decide(world.manager, second))).messageKey).toBe("decisions.error.notInReview");
    await prisma.application.update({ where: { id: third }, data: { state: "ineligible", snapshot: { value: "ineligible", context: { ineligibleReason: "x" } } } });
    expect((await refusal(decide(world.manager, third))).messageKey).toBe("decisions.error.ineligible");
    await decide(world.manager, fourth, { outcome: "rejection", reason: "Kein Bezug zur Zielgruppe" });
    await release(world, fourth);
    expect((await refusal(decide(world.manager, fourth, { outcome: "waitlist" }))).messageKey).toBe("decisions.error.released");
    expect(await prisma.decision.count({ where: { applicationId: { in: [second, third] } } })).toBe(0);
  });

  it("holds the maximum: above it only with a justification, above the exception limit never; messages name the limits", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    const unjustified = await refusal(decide(world.manager, first!, { amountCents: euros(750_000) }));
    expect(unjustified).toMatchObject({ messageKey: "decisions.error.justificationRequired", options: { field: "exceptionJustification", params: { max: "500.000\u00a0€", exception: "1.000.000\u00a0€" } } });
    const tooMuch = await refusal(decide(world.manager, first!, { amountCents: euros(1_000_001), exceptionJustification: "Drei Landkreise" }));
    expect(tooMuch).toMatchObject({ messageKey: "decisions.error.overExceptionLimit", options: { field: "amount" } });
    expect(await rowOf(first!)).toMatchObject({ state: "inReview" });
    await decide(world.manager, first!, { amountCents: euros(750_000), exceptionJustification: "Drei Landkreise, doppelte Zielgruppe" });
    expect(await current(first!)).toMatchObject({ amountCents: BigInt(euros(750_000)), exceptionJustification: "Drei Landkreise, doppelte Zielgruppe" });
    // Without an exception limit the maximum is the end.
    await prisma.call.update({ where: { id: world.callId }, data: { awardExceptionMaxCents: null } });
    expect((await refusal(decide(world.manager, world.ids[1]!, { amountCents: euros(500_001), exceptionJustification: "Begründung" }))).messageKey).toBe("decisions.error.overMaximum");
  });

  it("asks for an explicit confirmation of a decision that takes the awarded sum over the budget", async () => {
    const world = await decisionWorld(0);
    const [first, second] = world.ids as [string, string];
    await decide(world.manager, first, { amountCents: euros(800_000), exceptionJustification: "Großer Verbund" });
    const over = await refusal(decide(world.manager, second, { amountCents: euros(500_000) }));
    expect(over).toMatchObject({ messageKey: "decisions.error.overBudget", options: { field: "overBudgetConfirmed", params: { sum: "1.300.000\u00a0€", budget: "1.200.000\u00a0€" } } });
    await decide(world.manager, second, { amountCents: euros(500_000), overBudgetConfirmed: true });
    expect(await current(second)).toMatchObject({ overBudgetConfirmed: true });
    // Changing an award replaces its own amount rather than adding to it.
    await decide(world.manager, first, { amountCents: euros(700_000), exceptionJustification: "Großer Verbund" });
    expect(await current(first)).toMatchObject({ amountCents: BigInt(euros(700_000)), overBudgetConfirmed: false });
    const board = await loadDecisionBoard(world.manager, { callId: world.callId, stageId: world.stageId }, undefined, NOW);
    expect(board.budget).toMatchObject({ awardedCents: String(euros(1_200_000)), budgetCents: String(euros(1_200_000)), remainingCents: "0", awards: 2, plannedAwards: 2 });
  });

  it("lets only one of two managers deciding at once slip under the budget", async () => {
    const world = await decisionWorld(0);
    const colleague = await createPerson("MANAGER");
    const programme = await prisma.call.findUniqueOrThrow({ where: { id: world.callId }, select: { programmeId: true } });
    await prisma.programmeManager.create({ data: { programmeId: programme.programmeId, userId: colleague.id } });
    await prisma.call.update({ where: { id: world.callId }, data: { totalBudgetCents: BigInt(euros(900_000)) } });
    const [first, second] = world.ids as [string, string];
    const [versionA, versionB] = [(await rowOf(first)).version, (await rowOf(second)).version];
    const results = await Promise.allSettled([
      decideApplication(world.manager, decision(first, versionA, { amountCents: euros(500_000) }), { now: NOW }),
      decideApplication(colleague, decision(second, versionB, { amountCents: euros(500_000) }), { now: NOW }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ messageKey: "decisions.error.overBudget" });
    expect(await prisma.decision.count({ where: { applicationId: { in: [first, second] }, supersededAt: null } })).toBe(1);
  });

  it("supersedes a changed decision inside the same change, keeping the history of who decided what when", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    await decide(world.manager, first!, { outcome: "waitlist", reason: "Knapp hinter den Besten" });
    await decide(world.manager, first!, { outcome: "rejection", reason: "Nach der Sitzung doch nicht" });
    await decide(world.manager, first!, { amountCents: euros(300_000) });
    const page = await loadDecisionPage(world.manager, first!, NOW);
    expect(page.current).toMatchObject({ outcome: "FUNDED", amountCents: String(euros(300_000)), supersededAt: null });
    expect(page.history.map((entry) => [entry.outcome, entry.reason, entry.decidedBy.name])).toEqual([
      ["REJECTED", "Nach der Sitzung doch nicht", world.manager.name],
      ["WAITLISTED", "Knapp hinter den Besten", world.manager.name],
    ]);
    expect(page.history.every((entry) => entry.supersededAt !== null)).toBe(true);
    expect(await rowOf(first!)).toMatchObject({ state: "awardDecided" });
  });
});

describe("withdrawing an unreleased decision", () => {
  it("asks first, then returns the application to review with no current decision", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    await decide(world.manager, first!);
    const { version } = await rowOf(first!);
    expect((await refusal(withdrawDecision(world.manager, { applicationId: first!, version, confirmed: false }, NOW))).messageKey).toBe("confirm.error.required");
    expect(await withdrawDecision(world.manager, { applicationId: first!, version, confirmed: true }, NOW)).toMatchObject({ from: "awardDecided", to: "inReview" });
    expect(await current(first!)).toBeNull();
    expect(await prisma.decision.count({ where: { applicationId: first } })).toBe(1);
    expect((await refusal(withdrawDecision(world.manager, { applicationId: first!, version: version + 1, confirmed: true }, NOW))).messageKey).toBe("decisions.error.nothingToWithdraw");
  });

  it("returns a decision taken on a released waiting-list place to that place, which is current again", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    await decide(world.manager, first!, { outcome: "waitlist" });
    await release(world, first!, null);
    expect((await refusal(decide(world.manager, first!, { outcome: "waitlist" }))).messageKey).toBe("decisions.error.alreadyWaitlisted");
    expect(await decide(world.manager, first!, { amountCents: euros(500_000) })).toMatchObject({ from: "waitlisted", to: "awardDecided" });
    const { version } = await rowOf(first!);
    expect(await withdrawDecision(world.manager, { applicationId: first!, version, confirmed: true }, NOW)).toMatchObject({ to: "waitlisted" });
    expect(await current(first!)).toMatchObject({ outcome: "WAITLISTED", releasedAt: NOW });
  });

  it("is refused once released", async () => {
    const world = await decisionWorld(0);
    const [first] = world.ids;
    await decide(world.manager, first!);
    await release(world, first!);
    const { version } = await rowOf(first!);
    expect((await refusal(withdrawDecision(world.manager, { applicationId: first!, version, confirmed: true }, NOW))).messageKey).toBe("decisions.error.released");
  });
});

describe("deciding a selection on the board", () => {
  it("decides what it can and names each refused network with the reason", async () => {
    const world = await decisionWorld(2);
    const [first, second, third, fourth] = world.ids as [string, string, string, string];
    const stale = (await rowOf(second)).version;
    await decide(world.manager, second, { outcome: "waitlist" });
    await prisma.application.update({ where: { id: third }, data: { state: "ineligible", snapshot: { value: "ineligible", context: {} } } });
    const selected = await Promise.all([first, third, fourth].map(async (applicationId) => ({ applicationId, version: (await rowOf(applicationId)).version })));
    const report = await decideSelection(
      world.manager,
      { callId: world.callId, stageId: world.stageId },
      { selected: [...selected, { applicationId: second, version: stale }], outcome: "rejection", reason: "Nicht unter den Besten", feedback: "", supportDescription: "", conditions: [], exceptionJustification: "", overBudgetConfirmed: false },
      { locale: "de", now: NOW },
    );
    expect(report.changed).toBe(2);
    expect(report.failures).toEqual([
      { network: world.more[0]!.network, messageKey: "decisions.error.ineligible", params: undefined },
      { network: world.applications[1]!.network, messageKey: "workflow.stale", params: undefined },
    ]);
    expect((await rowOf(first)).state).toBe("rejectionDecided");
    expect((await rowOf(fourth)).state).toBe("rejectionDecided");
    const board = await loadDecisionBoard(world.manager, { callId: world.callId, stageId: world.stageId }, "rejection", NOW);
    expect(board.applications.map((row) => row.id).sort()).toEqual([first, fourth].sort());
  });

  it("checks the whole batch against the budget: over it only with one confirmation", async () => {
    const world = await decisionWorld(1);
    const ref = { callId: world.callId, stageId: world.stageId };
    const selected = await Promise.all(world.ids.slice(0, 3).map(async (applicationId) => ({ applicationId, version: (await rowOf(applicationId)).version })));
    const batch = { selected, outcome: "award" as const, amount: euros(500_000), reason: "", feedback: "", supportDescription: "", conditions: [], exceptionJustification: "", overBudgetConfirmed: false };
    expect((await refusal(decideSelection(world.manager, ref, batch, { locale: "de", now: NOW }))).options.params).toEqual({ sum: "1.500.000\u00a0€", budget: "1.200.000\u00a0€" });
    expect(await prisma.decision.count({ where: { applicationId: { in: world.ids } } })).toBe(0);
    expect(await decideSelection(world.manager, ref, { ...batch, overBudgetConfirmed: true }, { locale: "de", now: NOW })).toEqual({ changed: 3, failures: [] });
  });
});

describe("answering a released award", () => {
  async function releasedAward() {
    const world = await decisionWorld(2);
    const [first, , third, fourth] = world.ids as [string, string, string, string];
    await decide(world.manager, first, { amountCents: euros(500_000) });
    await release(world, first, new Date("2026-12-15T23:00:00Z"));
    for (const id of [third, fourth]) {
      await decide(world.manager, id, { outcome: "waitlist" });
      await release(world, id);
    }
    const coordinator = (await prisma.networkMembership.findFirstOrThrow({ where: { network: { applications: { some: { id: first } } }, role: "COORDINATOR" }, include: { user: true } })).user;
    const asCurrent = { id: coordinator.id, role: coordinator.role } as CurrentUser;
    return { world, award: first, coordinator: asCurrent, waiting: [third, fourth] };
  }

  it("lets the network's coordinator accept before the date, and nobody else", async () => {
    const { world, award, coordinator } = await releasedAward();
    await notFoundFrom(respondToAward(world.more[0]!.coordinator, { applicationId: award, response: "ACCEPTED", confirmed: true }, NOW));
    await notFoundFrom(respondToAward(world.jurors[0]!, { applicationId: award, response: "ACCEPTED", confirmed: true }, NOW));
    await notFoundFrom(respondToAward(world.manager, { applicationId: award, response: "ACCEPTED", confirmed: true }, NOW));
    const collaborator = await addMember((await prisma.application.findUniqueOrThrow({ where: { id: award } })).networkId, "COLLABORATOR");
    await notFoundFrom(respondToAward(collaborator, { applicationId: award, response: "DECLINED", confirmed: true }, NOW));
    expect((await refusal(respondToAward(coordinator, { applicationId: award, response: "ACCEPTED", confirmed: false }, NOW))).messageKey).toBe("confirm.error.required");
    expect(await respondToAward(coordinator, { applicationId: award, response: "ACCEPTED", confirmed: true }, NOW)).toMatchObject({ from: "approved", to: "awardAccepted" });
    expect(await current(award)).toMatchObject({ response: "ACCEPTED", respondedAt: NOW });
    expect((await refusal(respondToAward(coordinator, { applicationId: award, response: "DECLINED", confirmed: true }, NOW))).messageKey).toBe("decisions.error.alreadyAnswered");
  });

  it("refuses the network after the date and the manager's lapse before it; a lapse frees the money and offers the next on the waiting list", async () => {
    const { world, award, coordinator, waiting } = await releasedAward();
    const late = new Date("2026-12-16T08:00:00Z");
    expect((await refusal(respondToAward(coordinator, { applicationId: award, response: "DECLINED", confirmed: true }, late))).messageKey).toBe("decisions.error.acceptancePeriodOver");
    expect((await refusal(respondToAward(world.manager, { applicationId: award, response: "LAPSED", confirmed: true }, NOW))).messageKey).toBe("decisions.error.notYetLapsed");
    await notFoundFrom(respondToAward(coordinator, { applicationId: award, response: "LAPSED", confirmed: true }, late));
    const ref = { callId: world.callId, stageId: world.stageId };
    expect((await loadDecisionBoard(world.manager, ref, undefined, late)).lapsed.map((row) => row.id)).toEqual([award]);
    expect(await respondToAward(world.manager, { applicationId: award, response: "LAPSED", confirmed: true }, late)).toMatchObject({ to: "awardDeclined" });
    const board = await loadDecisionBoard(world.manager, ref, undefined, late);
    expect(board.budget).toMatchObject({ awardedCents: "0", awards: 0 });
    // Both waiting-list places have no reviews, so they rank by name after the reviewed ones.
    const waitingRows = board.applications.filter((row) => waiting.includes(row.id));
    expect(board.offers).toEqual([
      { declined: { applicationId: award, network: world.applications[0]!.network, amountCents: String(euros(500_000)) }, next: { applicationId: waitingRows[0]!.id, network: waitingRows[0]!.network.name, rank: waitingRows[0]!.rank } },
    ]);
    // Once a waiting-list place is awarded, the offer is taken up.
    await decide(world.manager, waitingRows[0]!.id, { amountCents: euros(500_000) });
    expect((await loadDecisionBoard(world.manager, ref, undefined, late)).offers).toEqual([]);
  });
});

describe("who sees decisions", () => {
  it("shows the network 'in review' and no decision step before release", async () => {
    const world = await decisionWorld(1);
    const { id, coordinator } = world.more[0]!;
    await decide(world.manager, id, { outcome: "rejection", reason: "Intern: zu teuer" });
    const page = await applicationForPage(coordinator, id, NOW);
    expect(page.application.state).toBe("inReview");
    expect(page.history.map((entry) => entry.action)).not.toContain("DECIDE_REJECTION");
    expect(JSON.stringify(page)).not.toContain("zu teuer");
    expect((await applicationsOfMember(coordinator)).find((row) => row.id === id)?.state).toBe("inReview");
  });

  it("is a 404 for a manager of another programme, a juror and a network", async () => {
    const world = await decisionWorld(1);
    const other = await createPerson("MANAGER");
    await prisma.programme.create({ data: { slug: `andere-${Date.now()}`, name: "Andere", funder: "Stiftung", managers: { create: { userId: other.id } } } });
    const [first] = world.ids;
    for (const person of [other, world.jurors[0]!, world.more[0]!.coordinator]) {
      await notFoundFrom(decide(person, first!));
      await notFoundFrom(loadDecisionPage(person, first!, NOW));
    }
    await notFoundFrom(loadDecisionBoard(other, { callId: world.callId, stageId: world.stageId }, undefined, NOW));
    expect(await prisma.decision.count({ where: { applicationId: first } })).toBe(0);
  });
});

describe("the pages", () => {
  async function pageOf(route: { loader: (args: never) => Promise<unknown>; default: ComponentType }, user: CurrentUser, path: string, params: Record<string, string>) {
    const data = await route.loader({ request: await getAs(user, path), params, context: {} } as never);
    return { data, html: await renderRoutePage(route.default, data) };
  }

  it("render the board and the decision page with the budget and the limits in words, and refuse jurors and networks", async () => {
    const world = await decisionWorld(1);
    const [first] = world.ids;
    await decide(world.manager, first!, { amountCents: euros(500_000) });
    const params = { callId: world.callId, stageId: world.stageId };
    const boardPath = `/manager/calls/${world.callId}/stages/${world.stageId}/decisions`;
    const board = await pageOf(boardRoute, world.manager, boardPath, params);
    expect(board.html).toContain("Entscheidungen: Antrag");
    expect(board.html).toContain("500.000\u00a0€");
    expect(board.html).toContain("1 von 2 geplanten");
    expect(board.html).toContain("Für die Auswahl entscheiden");
    const page = await pageOf(pageRoute, world.manager, `/manager/applications/${first}/decision`, { applicationId: first! });
    expect(page.html).toContain("Höchstens 500.000\u00a0€; bis 1.000.000\u00a0€ mit schriftlicher Begründung.");
    expect(page.html).toContain("Gesamteindruck von Jury A teilen");
    expect(page.html).toContain("Entscheidung zurücknehmen");
    for (const person of [world.jurors[0]!, world.more[0]!.coordinator]) {
      expect((await answerOf(boardRoute.loader, await getAs(person, boardPath), { params })).status).toBe(403);
      expect((await answerOf(pageRoute.action, await postAs(person, "/", { intent: "decide", outcome: "rejection", reason: "x", version: "1" }), { params: { applicationId: first! } })).status).toBe(403);
    }
  });

  it("answer a refused amount with the limits named in German and every typed value kept", async () => {
    const world = await decisionWorld(0);
    const [, second] = world.ids;
    const { version } = await rowOf(second!);
    const answer = await answerOf(pageRoute.action, await postAs(world.manager, "/", { intent: "decide", outcome: "award", amount: "750.000", feedback: "Schön", version: String(version) }), { params: { applicationId: second! } });
    expect(answer.status).toBe(400);
    const result = (answer.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.exceptionJustification).toEqual(["Ein Betrag über 500.000\u00a0€ braucht eine schriftliche Begründung der Ausnahme (bis 1.000.000\u00a0€ möglich)."]);
    expect(result.initialValue).toMatchObject({ amount: "750.000", feedback: "Schön" });
  });

  it("decide a selection from the board's bulk form without JavaScript", async () => {
    const world = await decisionWorld(1);
    const selected = await Promise.all(world.ids.slice(1).map(async (id) => `${id}@${(await rowOf(id)).version}`));
    const body = formDataOf({ csrf: "c".repeat(43), intent: "decide", outcome: "rejection", reason: "Nicht unter den Besten", selected });
    const request = new Request("http://portal.test/", { method: "POST", headers: (await getAs(world.manager, "/")).headers, body });
    const answer = await answerOf(boardRoute.action, request, { params: { callId: world.callId, stageId: world.stageId } });
    expect(answer.data).toEqual({ formId: "bulk", report: { changed: 2, failures: [] } });
  });
});

describe("the call's exception limit and acceptance period", () => {
  const details = { title: "MINT-Cluster 4", funder: "BMFTR", awardType: "MONEY", maxAward: "500.000" };

  it("keeps an exception limit at least the maximum, and the acceptance period in days", () => {
    expect(parsed(callDetailsSchema, { ...details, awardExceptionMax: "1.000.000", acceptanceDays: "28" })).toMatchObject({ maxAwardCents: 50_000_000, awardExceptionMaxCents: 100_000_000, acceptanceDays: 28 });
    expect(parsed(callDetailsSchema, details)).toMatchObject({ awardExceptionMaxCents: null, acceptanceDays: 21 });
    expect(parseForm(callDetailsSchema, { ...details, awardExceptionMax: "400.000" }).error).toEqual({ awardExceptionMax: ["decisions.setup.error.exceptionBelowMax"] });
    expect(parseForm(callDetailsSchema, { ...details, acceptanceDays: "0" }).error).toEqual({ acceptanceDays: ["decisions.setup.error.acceptanceDays"] });
    // A support award has no money limits to keep.
    expect(parsed(callDetailsSchema, { ...details, awardType: "SUPPORT", supportDescription: "Zwei Jahre Beratung", awardExceptionMax: "1" })).toMatchObject({ awardExceptionMaxCents: null });
  });
});
