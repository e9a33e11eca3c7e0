import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { assignByHand, releaseAssignments, runAutomaticAssignment, unassignByHand } from "../../app/server/review/assignment.server";
import * as assignmentRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.assignment";
import { browserOf, createCall, createNetwork, formPost } from "../support/application-fixtures";
import { createPerson } from "../support/accounts";
import { notFoundFrom, refusal } from "../support/call-forms";
import { routeOutcome } from "../support/route-outcome";

const NOW = new Date("2026-11-02T09:00:00Z");
/** 18:00 Berlin on 30 November (winter time). */
const DUE = new Date("2026-11-30T17:00:00Z");

/** A stage with applications in review and a jury; `blind` for a blind call. */
async function stageInReview(options: { applications: number; jurors: number; reviews?: number; blind?: boolean; due?: Date | null }) {
  const call = await createCall();
  const stageId = call.stageIds[0]!;
  await prisma.callStage.update({ where: { id: stageId }, data: { reviewsPerApplication: options.reviews ?? 2, reviewDueAt: options.due === undefined ? DUE : options.due } });
  if (options.blind) await prisma.call.update({ where: { id: call.callId }, data: { blindReview: true } });
  const applications: { id: string; title: string; networkName: string }[] = [];
  for (let index = 0; index < options.applications; index += 1) {
    const network = await createNetwork();
    const title = `Antrag ${String(index).padStart(2, "0")}`;
    const application = await prisma.application.create({
      data: {
        callId: call.callId,
        stageId,
        networkId: network.networkId,
        createdById: network.coordinator.id,
        title,
        state: "inReview",
        snapshot: { value: "inReview", context: { submissions: 1, ineligibleReason: null } },
        version: 3,
      },
    });
    applications.push({ id: application.id, title, networkName: network.networkName });
  }
  const jurors: CurrentUser[] = [];
  for (let index = 0; index < options.jurors; index += 1) {
    const juror = await createPerson("JUROR", { name: `Juror ${String.fromCharCode(65 + index)}` });
    await prisma.juryMembership.create({ data: { callId: call.callId, stageId, userId: juror.id } });
    jurors.push(juror);
  }
  return { ...call, stageId, target: { callId: call.callId, stageId }, applications, jurors };
}

const assignmentsOf = (stageId: string) =>
  prisma.reviewAssignment.findMany({ where: { application: { stageId } }, include: { review: true }, orderBy: [{ applicationId: "asc" }, { jurorId: "asc" }] });

describe("automatic assignment of a stage", () => {
  it("gives every application its reviews, evenly, never against a conflict, with reviews and one audit event", async () => {
    const stage = await stageInReview({ applications: 6, jurors: 4 });
    const [first, second] = stage.jurors;
    await prisma.conflict.create({ data: { applicationId: stage.applications[0]!.id, jurorId: first!.id, source: "DECLARED", status: "DECLARED", reason: "Ehemalige Kollegin" } });
    await prisma.conflict.create({ data: { applicationId: stage.applications[1]!.id, jurorId: second!.id, source: "DETECTED", status: "SUSPECTED", grounds: ["ORGANISATION"] } });
    // A dismissed conflict is no conflict.
    await prisma.conflict.create({ data: { applicationId: stage.applications[2]!.id, jurorId: first!.id, source: "DETECTED", status: "DISMISSED", grounds: ["BUNDESLAND"] } });
    await prisma.reviewPreference.create({ data: { applicationId: stage.applications[2]!.id, jurorId: first!.id, level: "EAGER" } });

    const summary = await runAutomaticAssignment(stage.manager, stage.target, NOW);
    expect(summary).toEqual({ created: 12, shortfalls: [] });
    const assignments = await assignmentsOf(stage.stageId);
    expect(assignments).toHaveLength(12);
    for (const application of stage.applications) expect(assignments.filter((assignment) => assignment.applicationId === application.id)).toHaveLength(2);
    for (const juror of stage.jurors) expect(assignments.filter((assignment) => assignment.jurorId === juror.id)).toHaveLength(3);
    expect(assignments.some((assignment) => assignment.applicationId === stage.applications[0]!.id && assignment.jurorId === first!.id)).toBe(false);
    expect(assignments.some((assignment) => assignment.applicationId === stage.applications[1]!.id && assignment.jurorId === second!.id)).toBe(false);
    expect(assignments.some((assignment) => assignment.applicationId === stage.applications[2]!.id && assignment.jurorId === first!.id)).toBe(true);
    for (const assignment of assignments) {
      expect(assignment).toMatchObject({ source: "AUTOMATIC", assignedById: stage.manager.id, releasedAt: null, assignedAt: NOW });
      expect(assignment.review?.state).toBe("assigned");
    }
    const audit = await prisma.auditEvent.findMany({ where: { entityId: stage.stageId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "ASSIGNMENT_RUN", actorId: stage.manager.id, data: { created: 12, missing: 0, shortfalls: 0 } });
  });

  it("re-runs incrementally: keeps every assignment, started reviews included, and fills only the gaps a departed juror and a late conflict left", async () => {
    const stage = await stageInReview({ applications: 6, jurors: 4 });
    await runAutomaticAssignment(stage.manager, stage.target, NOW);
    const before = await assignmentsOf(stage.stageId);
    const started = before[0]!;
    await prisma.review.update({ where: { id: started.review!.id }, data: { state: "inProgress", version: 1 } });
    const [leaving] = stage.jurors.filter((juror) => juror.id !== started.jurorId);
    await prisma.juryMembership.deleteMany({ where: { stageId: stage.stageId, userId: leaving!.id } });
    const late = before.find((assignment) => assignment.jurorId !== leaving!.id && assignment.id !== started.id)!;
    await prisma.conflict.create({ data: { applicationId: late.applicationId, jurorId: late.jurorId, source: "DECLARED", status: "DECLARED", reason: "Später erkannt" } });
    // On another application: one that lost two of its reviewers to a conflict and an abstention would have too few jurors left.
    const abstained = before.find((assignment) => assignment.jurorId !== leaving!.id && assignment.id !== started.id && assignment.applicationId !== late.applicationId)!;
    await prisma.review.update({ where: { id: abstained.review!.id }, data: { state: "abstained", version: 1 } });

    // Room enough: with the default maximum (the even share) the three left could run out of it, which another test covers.
    await prisma.juryMembership.updateMany({ where: { stageId: stage.stageId }, data: { maxLoad: 6 } });
    const gaps = before.filter((assignment) => assignment.jurorId === leaving!.id).length + 2;
    const summary = await runAutomaticAssignment(stage.manager, stage.target, NOW);
    expect(summary).toEqual({ created: gaps, shortfalls: [] });
    const after = await assignmentsOf(stage.stageId);
    expect(after.map((assignment) => assignment.id)).toEqual(expect.arrayContaining(before.map((assignment) => assignment.id)));
    expect(after.find((assignment) => assignment.id === started.id)?.review?.state).toBe("inProgress");
    const fresh = after.filter((assignment) => !before.some((old) => old.id === assignment.id));
    expect(fresh).toHaveLength(gaps);
    for (const assignment of fresh) {
      expect(assignment.jurorId).not.toBe(leaving!.id);
      expect(`${assignment.applicationId}|${assignment.jurorId}`).not.toBe(`${late.applicationId}|${late.jurorId}`);
    }
    // Each application has two reviews that count again: not abstained, on the jury, without conflict.
    for (const application of stage.applications) {
      const counting = after.filter(
        (assignment) => assignment.applicationId === application.id && assignment.jurorId !== leaving!.id && assignment.id !== late.id && assignment.review?.state !== "abstained"
      );
      expect(counting).toHaveLength(2);
    }
    expect(await runAutomaticAssignment(stage.manager, stage.target, NOW)).toEqual({ created: 0, shortfalls: [] });
  });

  it("runs one after the other when two managers start it at the same moment: the second finds nothing left to fill", async () => {
    const stage = await stageInReview({ applications: 4, jurors: 3 });
    const runs = await Promise.all([runAutomaticAssignment(stage.manager, stage.target, NOW), runAutomaticAssignment(stage.manager, stage.target, NOW)]);
    expect(runs.map((run) => run.created).sort()).toEqual([0, 8]);
    expect(await prisma.reviewAssignment.count({ where: { application: { stageId: stage.stageId } } })).toBe(8);
  });

  it("reports a shortfall with its reason when the conflicts leave too few jurors", async () => {
    const stage = await stageInReview({ applications: 2, jurors: 2 });
    await prisma.conflict.create({ data: { applicationId: stage.applications[0]!.id, jurorId: stage.jurors[0]!.id, source: "DECLARED", status: "DECLARED", reason: "Nachbarin" } });
    const summary = await runAutomaticAssignment(stage.manager, stage.target, NOW);
    expect(summary.shortfalls).toEqual([{ applicationId: stage.applications[0]!.id, title: "Antrag 00", missing: 1, reason: "TOO_FEW_JURORS_WITHOUT_CONFLICT" }]);
    expect(summary.created).toBe(3);
  });

  it("answers the run button with the summary for the page", async () => {
    const stage = await stageInReview({ applications: 3, jurors: 0 });
    const browser = await browserOf(stage.manager);
    const url = `http://portal.test/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment`;
    const answer = await routeOutcome(assignmentRoute.action, formPost(url, browser, [["intent", "run"]]), stage.target);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ formId: "run", summary: { created: 0 } });
    expect((answer.body as { summary: { shortfalls: { reason: string }[] } }).summary.shortfalls.map((entry) => entry.reason)).toEqual(["NO_JURY", "NO_JURY", "NO_JURY"]);
  });
});

describe("changing cells by hand", () => {
  it("assigns a juror of the jury, and refuses a conflict, a non-member and a second assignment in words", async () => {
    const stage = await stageInReview({ applications: 2, jurors: 2 });
    const [application] = stage.applications;
    const [juror, conflicted] = stage.jurors;
    await prisma.conflict.create({ data: { applicationId: application!.id, jurorId: conflicted!.id, source: "DETECTED", status: "CONFIRMED", grounds: ["MEMBERSHIP"] } });
    const outsider = await createPerson("JUROR");
    const browser = await browserOf(stage.manager);
    const url = `http://portal.test/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment?page=1`;
    const post = (jurorId: string) =>
      routeOutcome(
        assignmentRoute.action,
        formPost(url, browser, [
          ["intent", "assign"],
          ["applicationId", application!.id],
          ["jurorId", jurorId],
        ]),
        stage.target
      );

    const refusedConflict = await post(conflicted!.id);
    expect(refusedConflict.status).toBe(400);
    // The page shows the catalogue's words for these keys (FormErrors).
    expect(refusedConflict.body).toMatchObject({ formId: "action", result: { error: { "": ["assignment.error.conflict"] } } });
    expect((await post(outsider.id)).body).toMatchObject({ result: { error: { "": ["assignment.error.notMember"] } } });

    const assigned = await post(juror!.id);
    expect(assigned).toMatchObject({ status: 302, location: `/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment?page=1` });
    const created = await prisma.reviewAssignment.findUniqueOrThrow({
      where: { applicationId_jurorId: { applicationId: application!.id, jurorId: juror!.id } },
      include: { review: true },
    });
    expect(created).toMatchObject({ source: "MANUAL", assignedById: stage.manager.id });
    expect(created.review?.state).toBe("assigned");
    expect(await prisma.auditEvent.count({ where: { entityId: created.id, action: "ASSIGN" } })).toBe(1);
    expect((await refusal(assignByHand(stage.manager, { ...stage.target, applicationId: application!.id, jurorId: juror!.id }))).messageKey).toBe(
      "assignment.error.alreadyAssigned"
    );
    expect(await prisma.reviewAssignment.count({ where: { application: { stageId: stage.stageId } } })).toBe(1);
  });

  it("removes an assignment only when confirmed and only while its review has not started", async () => {
    const stage = await stageInReview({ applications: 1, jurors: 2 });
    await runAutomaticAssignment(stage.manager, stage.target, NOW);
    const [open, started] = await assignmentsOf(stage.stageId);
    await prisma.review.update({ where: { id: started!.review!.id }, data: { state: "inProgress" } });

    expect((await refusal(unassignByHand(stage.manager, { ...stage.target, assignmentId: open!.id, confirmed: false }))).messageKey).toBe("confirm.error.required");
    expect((await refusal(unassignByHand(stage.manager, { ...stage.target, assignmentId: started!.id, confirmed: true }))).messageKey).toBe("assignment.error.reviewStarted");

    const browser = await browserOf(stage.manager);
    const url = `http://portal.test/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment?confirm=unassign-${open!.id}`;
    const answer = await routeOutcome(
      assignmentRoute.action,
      formPost(url, browser, [
        ["intent", "unassign"],
        ["assignmentId", open!.id],
        ["confirmed", "1"],
      ]),
      stage.target
    );
    expect(answer).toMatchObject({ status: 302, location: `/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment` });
    expect(await prisma.reviewAssignment.findUnique({ where: { id: open!.id } })).toBeNull();
    expect(await prisma.review.count({ where: { assignmentId: open!.id } })).toBe(0);
    expect(await prisma.auditEvent.findFirst({ where: { entityId: open!.id, action: "UNASSIGN" } })).toMatchObject({
      data: { applicationId: open!.applicationId, jurorId: open!.jurorId, wasReleased: false },
    });
  });
});

describe("releasing the assignments", () => {
  it("refuses without a review deadline and without confirmation", async () => {
    const stage = await stageInReview({ applications: 2, jurors: 2, due: null });
    await runAutomaticAssignment(stage.manager, stage.target, NOW);
    expect((await refusal(releaseAssignments(stage.manager, { ...stage.target, confirmed: true }, { baseUrl: "http://portal.test" }, NOW))).messageKey).toBe(
      "assignment.error.noDeadline"
    );
    await prisma.callStage.update({ where: { id: stage.stageId }, data: { reviewDueAt: DUE } });
    expect((await refusal(releaseAssignments(stage.manager, { ...stage.target, confirmed: false }, { baseUrl: "http://portal.test" }, NOW))).messageKey).toBe(
      "confirm.error.required"
    );
    expect(await prisma.reviewAssignment.count({ where: { application: { stageId: stage.stageId }, releasedAt: { not: null } } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { toEmail: { in: stage.jurors.map((juror) => juror.email) } } })).toBe(0);
  });

  it("sets released and due, and sends each juror one mail listing their applications with the deadline in Berlin time", async () => {
    const stage = await stageInReview({ applications: 3, jurors: 3 });
    await runAutomaticAssignment(stage.manager, stage.target, NOW);
    const browser = await browserOf(stage.manager);
    const url = `http://portal.test/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment?confirm=release`;
    const answer = await routeOutcome(
      assignmentRoute.action,
      formPost(url, browser, [
        ["intent", "release"],
        ["confirmed", "1"],
      ]),
      stage.target
    );
    expect(answer).toMatchObject({ status: 302, location: `/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment?released=1` });
    const assignments = await assignmentsOf(stage.stageId);
    for (const assignment of assignments) {
      expect(assignment.releasedAt).not.toBeNull();
      expect(assignment.dueAt).toEqual(DUE);
    }
    for (const juror of stage.jurors) {
      const mails = await prisma.outboxEmail.findMany({ where: { toEmail: juror.email } });
      expect(mails).toHaveLength(1);
      const mine = assignments.filter((assignment) => assignment.jurorId === juror.id);
      expect(mails[0]!.subject).toContain("Ihre Gutachten");
      expect(mails[0]!.text).toContain("30. November 2026 um 18:00");
      expect(mails[0]!.text).toContain("http://portal.test/juror");
      for (const application of stage.applications) {
        const listed = mine.some((assignment) => assignment.applicationId === application.id);
        expect(mails[0]!.text.includes(application.title), `${juror.name} / ${application.title}`).toBe(listed);
        expect(mails[0]!.text.includes(application.networkName)).toBe(listed);
      }
      expect(mails[0]!.text).toContain("Baden-Württemberg");
    }
    expect(await prisma.auditEvent.findFirst({ where: { entityId: stage.stageId, action: "ASSIGNMENTS_RELEASED" } })).toMatchObject({ data: { assignments: 6, jurors: 3 } });
    // Nothing left to release; a later hand-made assignment is released on its own, with one more mail to that juror only.
    expect((await refusal(releaseAssignments(stage.manager, { ...stage.target, confirmed: true }, { baseUrl: "http://portal.test" }, NOW))).messageKey).toBe(
      "assignment.error.nothingToRelease"
    );
    const spare = stage.applications.find(
      (application) => !assignments.some((assignment) => assignment.applicationId === application.id && assignment.jurorId === stage.jurors[0]!.id)
    )!;
    await assignByHand(stage.manager, { ...stage.target, applicationId: spare.id, jurorId: stage.jurors[0]!.id }, NOW);
    expect(await releaseAssignments(stage.manager, { ...stage.target, confirmed: true }, { baseUrl: "http://portal.test" }, NOW)).toEqual({ assignments: 1, jurors: 1 });
    expect(await prisma.outboxEmail.count({ where: { toEmail: stage.jurors[0]!.email } })).toBe(2);
    expect(await prisma.outboxEmail.count({ where: { toEmail: stage.jurors[1]!.email } })).toBe(1);
  });

  it("leaves the network's name out of the mail in a blind call", async () => {
    const stage = await stageInReview({ applications: 2, jurors: 2, blind: true });
    await runAutomaticAssignment(stage.manager, stage.target, NOW);
    await releaseAssignments(stage.manager, { ...stage.target, confirmed: true }, { baseUrl: "http://portal.test" }, NOW);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: stage.jurors[0]!.email } });
    expect(mail.text).toContain("Antrag 00");
    for (const application of stage.applications) {
      expect(mail.text).not.toContain(application.networkName);
      expect(mail.html).not.toContain(application.networkName);
    }
  });
});

describe("who may assign", () => {
  it("is a 404 for another programme's manager and for a stage of another call, in the page and in every server function", async () => {
    const stage = await stageInReview({ applications: 2, jurors: 2 });
    const other = await stageInReview({ applications: 1, jurors: 1 });
    const stranger = await createPerson("MANAGER");
    const browser = await browserOf(stranger);
    const url = `http://portal.test/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment`;
    expect((await routeOutcome(assignmentRoute.loader, new Request(url, { headers: { Cookie: browser.cookie } }), stage.target)).status).toBe(404);
    expect((await routeOutcome(assignmentRoute.action, formPost(url, browser, [["intent", "run"]]), stage.target)).status).toBe(404);
    await notFoundFrom(runAutomaticAssignment(stranger, stage.target, NOW));
    await notFoundFrom(assignByHand(stranger, { ...stage.target, applicationId: stage.applications[0]!.id, jurorId: stage.jurors[0]!.id }, NOW));
    await notFoundFrom(releaseAssignments(stranger, { ...stage.target, confirmed: true }, { baseUrl: "http://portal.test" }, NOW));
    // The own manager with a stage id of someone else's call, or an application of another stage: 404 too.
    await notFoundFrom(runAutomaticAssignment(stage.manager, { callId: stage.callId, stageId: other.stageId }, NOW));
    await notFoundFrom(assignByHand(stage.manager, { ...stage.target, applicationId: other.applications[0]!.id, jurorId: stage.jurors[0]!.id }, NOW));
    await runAutomaticAssignment(other.manager, other.target, NOW);
    const foreign = (await assignmentsOf(other.stageId))[0]!;
    await notFoundFrom(unassignByHand(stage.manager, { ...stage.target, assignmentId: foreign.id, confirmed: true }, NOW));
    expect(await prisma.reviewAssignment.count({ where: { application: { stageId: stage.stageId } } })).toBe(0);
  });

  it("shows the matrix a page of 50 applications at a time, with loads, conflicts and preferences", async () => {
    const stage = await stageInReview({ applications: 52, jurors: 2, reviews: 1 });
    await prisma.conflict.create({ data: { applicationId: stage.applications[50]!.id, jurorId: stage.jurors[1]!.id, source: "DECLARED", status: "DECLARED", reason: "Verwandt" } });
    await prisma.reviewPreference.create({ data: { applicationId: stage.applications[51]!.id, jurorId: stage.jurors[1]!.id, level: "RATHER_NOT" } });
    await prisma.juryMembership.updateMany({ where: { stageId: stage.stageId, userId: stage.jurors[0]!.id }, data: { maxLoad: 40 } });
    // An assignment that a conflict overtook stays, marked, until the manager removes it.
    await assignByHand(stage.manager, { ...stage.target, applicationId: stage.applications[0]!.id, jurorId: stage.jurors[0]!.id }, NOW);
    await prisma.conflict.create({
      data: { applicationId: stage.applications[0]!.id, jurorId: stage.jurors[0]!.id, source: "DECLARED", status: "DECLARED", reason: "Später erkannt" },
    });
    const browser = await browserOf(stage.manager);
    const page = async (number: string) => {
      const url = `http://portal.test/manager/calls/${stage.callId}/stages/${stage.stageId}/assignment?page=${number}`;
      return (
        await routeOutcome<Awaited<ReturnType<typeof assignmentRoute.loader>>>(assignmentRoute.loader, new Request(url, { headers: { Cookie: browser.cookie } }), stage.target)
      ).body;
    };
    const first = await page("1");
    expect(first.rows).toHaveLength(50);
    expect(first.page).toEqual({ current: 1, count: 2, from: 1, to: 50 });
    expect(first.rows[0]!.cells[0]).toMatchObject({ kind: "assigned", reviewState: "assigned", released: false, inConflict: true });
    expect(first.rows[0]!.reviews).toBe(0);
    expect(first.jurors.map((juror) => [juror.name, juror.effectiveMax])).toEqual([
      ["Juror A", 40],
      ["Juror B", 26],
    ]);
    const second = await page("2");
    expect(second.rows.map((row) => row.title)).toEqual(["Antrag 50", "Antrag 51"]);
    expect(second.rows[0]!.cells[1]).toEqual({ kind: "conflict" });
    expect(second.rows[1]!.cells[1]).toEqual({ kind: "open", preference: "RATHER_NOT" });
    expect((await page("99")).page.current).toBe(2);
    expect((await page("x")).page.current).toBe(1);
  });
});
