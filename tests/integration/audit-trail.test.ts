import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { recordAudit } from "../../app/server/audit.server";
import { queueEmail } from "../../app/server/mail/outbox.server";
import { reopenReview } from "../../app/server/review/review-corrections.server";
import { loadApplicationTrail, loadCallTrail, TRAIL_PAGE_SIZE } from "../../app/server/audit-trail/trail.server";
import { trailQuerySchema } from "../../app/forms/audit-trail";
import * as callTrailRoute from "../../app/routes/manager.calls.$callId.audit";
import * as applicationTrailRoute from "../../app/routes/manager.applications.$applicationId_.audit";
import { createPerson } from "../support/accounts";
import { addMember } from "../support/application-fixtures";
import { createReviewWorld, type World } from "../support/review-world";
import { getAs, notFoundFrom } from "../support/call-forms";
import { answerOf } from "../support/route-calls";
import { renderRoutePage } from "../support/render-route";

const REOPENED_AT = new Date("2026-10-22T09:00:00Z");
const RELEASED_AT = new Date("2026-10-03T10:00:00Z");
const CHECKED_AT = new Date("2026-10-02T09:00:00Z");

let world: World;
let coordinators: CurrentUser[];
let otherManager: CurrentUser;

/** A mail as the portal queues it, at the instant of the step it belongs to. */
const mail = (toEmail: string, subject: string) => ({ template: "eligibility-released", locale: "de" as const, toEmail, subject, html: "<p>…</p>", text: "…" });

beforeAll(async () => {
  world = await createReviewWorld();
  otherManager = await createPerson("MANAGER");
  const networks = await prisma.application.findMany({ where: { id: { in: world.applications.map((application) => application.id) } }, select: { id: true, networkId: true } });
  const networkOf = new Map(networks.map((row) => [row.id, row.networkId]));
  coordinators = await Promise.all(world.applications.map((application) => addMember(networkOf.get(application.id)!, "COORDINATOR")));
  // The eligibility check and its release, with one mail to each network, as eligibility.server.ts writes them.
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, { actorId: world.manager.id, entityType: "Application", entityId: world.applications[1]!.id, action: "MARK_INELIGIBLE", fromState: "eligibilityCheck", toState: "ineligible", data: { reason: "Keine koordinierende Stelle" } }, CHECKED_AT);
  });
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, { actorId: world.manager.id, entityType: "CallStage", entityId: world.stageId, action: "RELEASE_ELIGIBILITY", data: { eligible: 1, ineligible: 1 } }, RELEASED_AT);
    for (const coordinator of coordinators) await queueEmail(tx, mail(coordinator.email, "Ergebnis der formalen Prüfung"), RELEASED_AT);
  });
  // A submitted review reopened by the manager, with its mail to the juror (the real step).
  const review = await prisma.review.findUniqueOrThrow({ where: { assignmentId: world.assignments.get("0:0")! } });
  await reopenReview(world.manager, { reviewId: review.id, stageId: world.stageId, reason: "Bitte die Machbarkeit begründen", version: review.version, confirmed: true }, { now: REOPENED_AT, baseUrl: "http://portal.test" });
});

describe("a call's audit trail", () => {
  it("tells every step newest first, with who, the application, the juror, the states, the reason and the mails", async () => {
    const trail = await loadCallTrail(world.manager, world.callId, {});
    expect(trail.entries.map((entry) => entry.at)).toEqual([...trail.entries.map((entry) => entry.at)].sort().reverse());
    const reopened = trail.entries.find((entry) => entry.entityType === "Review" && entry.action === "REOPEN")!;
    expect(reopened).toMatchObject({
      kind: "reviews",
      actorName: world.manager.name,
      juror: world.jurors[0]!.name,
      fromState: "submitted",
      toState: "reopened",
      reason: "Bitte die Machbarkeit begründen",
      application: { id: world.applications[0]!.id, network: world.applications[0]!.network },
    });
    expect(reopened.mails.map((sent) => [sent.toEmail, sent.status])).toEqual([[world.jurors[0]!.email, "PENDING"]]);
    const released = trail.entries.find((entry) => entry.action === "RELEASE_ELIGIBILITY")!;
    expect(released).toMatchObject({ kind: "eligibility", application: null, stageKind: "SINGLE", counts: { eligible: 1, ineligible: 1 } });
    expect(released.mails.map((sent) => sent.toEmail).sort()).toEqual(coordinators.map((coordinator) => coordinator.email).sort());
    const ineligible = trail.entries.find((entry) => entry.action === "MARK_INELIGIBLE")!;
    expect(ineligible.history).toMatchObject({ action: "MARK_INELIGIBLE", reason: "Keine koordinierende Stelle" });
  });

  it("shows one kind of step when asked", async () => {
    const reviews = await loadCallTrail(world.manager, world.callId, { kind: "reviews" });
    expect(reviews.entries.length).toBeGreaterThan(0);
    expect(new Set(reviews.entries.map((entry) => entry.kind))).toEqual(new Set(["reviews"]));
    const eligibility = await loadCallTrail(world.manager, world.callId, { kind: "eligibility" });
    expect(eligibility.entries.map((entry) => entry.action).sort()).toEqual(["MARK_INELIGIBLE", "RELEASE_ELIGIBILITY"]);
    expect(await loadCallTrail(world.manager, world.callId, { kind: "decisions" })).toMatchObject({ entries: [], older: null });
  });

  it("pages through a long trail without losing or repeating a step, however many steps share an instant", async () => {
    const busy = await createReviewWorld();
    const at = new Date("2026-10-05T08:00:00Z");
    await prisma.auditEvent.createMany({
      data: Array.from({ length: TRAIL_PAGE_SIZE + 30 }, (_, index) => ({
        actorId: busy.manager.id,
        entityType: "ReviewAssignment",
        entityId: `trail-assignment-${index}`,
        action: "ASSIGN",
        data: { applicationId: busy.applications[index % 2]!.id, jurorId: busy.jurors[index % 3]!.id },
        // Thirty steps in the same millisecond, as a bulk step writes them.
        createdAt: new Date(at.getTime() + Math.max(0, index - 29) * 1000),
      })),
    });
    const first = await loadCallTrail(busy.manager, busy.callId, { kind: "jury" });
    expect(first.entries).toHaveLength(TRAIL_PAGE_SIZE);
    expect(first.older).not.toBeNull();
    const second = await loadCallTrail(busy.manager, busy.callId, trailQuerySchema.parse({ kind: "jury", before: first.older }));
    expect(second.entries).toHaveLength(30);
    expect(second.older).toBeNull();
    const ids = [...first.entries, ...second.entries].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(TRAIL_PAGE_SIZE + 30);
    expect(second.entries.every((entry) => entry.juror !== null && entry.application !== null)).toBe(true);
  });

  it("is refused to a manager of another programme (404), and to jurors and networks (403)", async () => {
    await notFoundFrom(loadCallTrail(otherManager, world.callId, {}));
    const path = `/manager/calls/${world.callId}/audit`;
    expect((await answerOf(callTrailRoute.loader, await getAs(otherManager, path), { params: { callId: world.callId } })).status).toBe(404);
    expect((await answerOf(callTrailRoute.loader, await getAs(world.jurors[0]!, path), { params: { callId: world.callId } })).status).toBe(403);
    expect((await answerOf(callTrailRoute.loader, await getAs(coordinators[0]!, path), { params: { callId: world.callId } })).status).toBe(403);
    const anonymous = await answerOf(callTrailRoute.loader, new Request(`http://portal.test${path}`), { params: { callId: world.callId } });
    expect(anonymous.status).toBe(302);
  });

  it("renders as sentences, without internal names, and ignores a kind it does not know", async () => {
    const admin = await createPerson("ADMIN");
    const answer = await answerOf(callTrailRoute.loader, await getAs(admin, `/manager/calls/${world.callId}/audit?kind=nonsense&before=garbage`), { params: { callId: world.callId } });
    expect(answer.status).toBe(200);
    const html = await renderRoutePage(callTrailRoute.default, answer.data);
    expect(html).toContain(`Gutachten von ${world.jurors[0]!.name} zur Überarbeitung wieder geöffnet`);
    expect(html).toContain("Stand: abgegeben → wieder geöffnet");
    expect(html).toContain("Begründung: Bitte die Machbarkeit begründen");
    expect(html).toContain("Ergebnisse der formalen Prüfung veröffentlicht: 1 Antrag förderfähig, 1 Antrag nicht förderfähig");
    expect(html).toContain("2 E-Mails");
    expect(html).toContain("Als nicht förderfähig eingestuft");
    // What a person reads (the page's data for hydration aside).
    expect(html.replace(/<script>.*<\/script>/s, "")).not.toMatch(/REOPEN|RELEASE_ELIGIBILITY|MARK_INELIGIBLE|trail\./);
    const english = await renderRoutePage(callTrailRoute.default, answer.data, "en");
    expect(english).toContain(`Review by ${world.jurors[0]!.name} reopened for revision`);
  });
});

describe("an application's audit trail", () => {
  it("has its own steps and the stage's release, with only the mails to its own network and jurors", async () => {
    const trail = await loadApplicationTrail(world.manager, world.applications[0]!.id, {});
    expect(trail.entries.map((entry) => entry.action).sort()).toEqual(["RELEASE_ELIGIBILITY", "REOPEN"]);
    const released = trail.entries.find((entry) => entry.action === "RELEASE_ELIGIBILITY")!;
    expect(released.mails.map((sent) => sent.toEmail)).toEqual([coordinators[0]!.email]);
    const other = await loadApplicationTrail(world.manager, world.applications[1]!.id, {});
    expect(other.entries.map((entry) => entry.action).sort()).toEqual(["MARK_INELIGIBLE", "RELEASE_ELIGIBILITY"]);
  });

  it("is refused to a manager of another programme, to jurors and to the network itself", async () => {
    const id = world.applications[0]!.id;
    await notFoundFrom(loadApplicationTrail(otherManager, id, {}));
    const path = `/manager/applications/${id}/audit`;
    expect((await answerOf(applicationTrailRoute.loader, await getAs(otherManager, path), { params: { applicationId: id } })).status).toBe(404);
    expect((await answerOf(applicationTrailRoute.loader, await getAs(world.jurors[0]!, path), { params: { applicationId: id } })).status).toBe(403);
    expect((await answerOf(applicationTrailRoute.loader, await getAs(coordinators[0]!, path), { params: { applicationId: id } })).status).toBe(403);
    const answer = await answerOf(applicationTrailRoute.loader, await getAs(world.manager, path), { params: { applicationId: id } });
    const html = await renderRoutePage(applicationTrailRoute.default, answer.data);
    expect(html).toContain(`Verlauf: ${world.applications[0]!.network} · Antrag`);
    expect(html).toContain(coordinators[0]!.email);
    expect(html).not.toContain(coordinators[1]!.email);
  });
});
