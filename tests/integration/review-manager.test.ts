import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import * as progressRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.reviews";
import { loadStageReviewProgress } from "../../app/server/review/review-progress.server";
import { remindLateJuror } from "../../app/server/review/review-reminders.server";
import { reassignReview, reopenReview } from "../../app/server/review/review-corrections.server";
import { createPerson } from "../support/accounts";
import { AFTER_DUE, BEFORE_DUE, createReviewWorld as createWorld, DUE } from "../support/review-world";
import { getAs, notFoundFrom, postAs, refusal } from "../support/call-forms";
import { renderRoutePage } from "../support/render-route";

const context = (now: Date) => ({ now, baseUrl: "http://portal.test" });
const reviewOf = async (assignmentId: string) => prisma.review.findUniqueOrThrow({ where: { assignmentId } });

let otherManager: CurrentUser;
beforeAll(async () => {
  otherManager = await createPerson("MANAGER");
});

describe("the progress of a stage under review", () => {
  it("counts per juror and per application, marks late reviews and strong disagreement, and leaves unreleased assignments out", async () => {
    const world = await createWorld();
    const progress = await loadStageReviewProgress(world.manager, { callId: world.callId, stageId: world.stageId }, AFTER_DUE);
    const juror = (index: number) => progress.byJuror.find((row) => row.id === world.jurors[index]!.id);
    expect(juror(0)).toMatchObject({ assigned: 2, inProgress: 0, submitted: 1, abstained: 0, late: 1 });
    expect(juror(1)).toMatchObject({ assigned: 2, inProgress: 0, submitted: 1, abstained: 1, late: 0 });
    expect(juror(2)).toMatchObject({ assigned: 1, inProgress: 1, submitted: 0, abstained: 0, late: 1 });
    expect(juror(3)).toMatchObject({ assigned: 0, late: 0, lastReminder: null });
    expect(progress.unreleased).toBe(1);
    const application = (index: number) => progress.byApplication.find((row) => row.id === world.applications[index]!.id);
    expect(application(0)).toMatchObject({ submitted: 2, needed: 3, mean: 5.5, spread: 5, forDiscussion: true });
    expect(application(1)).toMatchObject({ submitted: 0, needed: 3, abstained: 1, mean: null, spread: null, forDiscussion: false });
    expect(progress.assignments).toHaveLength(5);
  });

  it("before the deadline nothing is late, and a spread at the threshold is not yet marked", async () => {
    const world = await createWorld();
    await prisma.callStage.update({ where: { id: world.stageId }, data: { disagreementThreshold: 5 } });
    const progress = await loadStageReviewProgress(world.manager, { callId: world.callId, stageId: world.stageId }, BEFORE_DUE);
    expect(progress.byJuror.every((row) => row.late === 0)).toBe(true);
    expect(progress.byApplication.find((row) => row.id === world.applications[0]!.id)).toMatchObject({ spread: 5, forDiscussion: false });
  });

  it("shows the page with both tables to the manager, and answers 404 to another programme's manager and for a guessed stage", async () => {
    const world = await createWorld();
    const data = await progressRoute.loader({ request: await getAs(world.manager, "/"), params: { callId: world.callId, stageId: world.stageId }, context: {} });
    const html = await renderRoutePage(progressRoute.default, data);
    expect(html).toContain("Nach Jurymitglied");
    expect(html).toContain("zur Diskussion");
    expect(html).toContain("1 Zuteilung ist noch nicht freigegeben");
    expect(html).toContain("Juror K an die überfälligen Gutachten erinnern");
    await notFoundFrom(progressRoute.loader({ request: await getAs(otherManager, "/"), params: { callId: world.callId, stageId: world.stageId }, context: {} }));
    await notFoundFrom(progressRoute.loader({ request: await getAs(world.manager, "/"), params: { callId: world.callId, stageId: "guessed" }, context: {} }));
  });
});

describe("reminding a late juror", () => {
  it("queues one mail listing the juror's open reviews, records it, and shows when", async () => {
    const world = await createWorld();
    await remindLateJuror(world.manager, { callId: world.callId, stageId: world.stageId, jurorId: world.jurors[0]!.id }, context(AFTER_DUE));
    const mails = await prisma.outboxEmail.findMany({ where: { toEmail: world.jurors[0]!.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Ihre Gutachten sind überfällig");
    expect(mails[0]!.text).toContain("Schülerlabor am Rhein");
    expect(mails[0]!.text).toContain(world.applications[1]!.network);
    // The submitted review is not open any more.
    expect(mails[0]!.text).not.toContain("Robotik für alle");
    const audit = await prisma.auditEvent.findMany({ where: { action: "REVIEW_REMINDER", actorId: world.manager.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ jurorId: world.jurors[0]!.id, reviews: 1 });
    const progress = await loadStageReviewProgress(world.manager, { callId: world.callId, stageId: world.stageId }, AFTER_DUE);
    expect(progress.byJuror.find((row) => row.id === world.jurors[0]!.id)?.lastReminder).toEqual(AFTER_DUE);
  });

  it("names no network in a blind call's reminder", async () => {
    const world = await createWorld({ blindReview: true });
    await remindLateJuror(world.manager, { callId: world.callId, stageId: world.stageId, jurorId: world.jurors[0]!.id }, context(AFTER_DUE));
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: world.jurors[0]!.email } });
    expect(mail.text).toContain("Schülerlabor am Rhein");
    expect(mail.html + mail.text).not.toContain(world.applications[1]!.network);
  });

  it("refuses a juror with nothing late, in words, through the page; another programme's manager gets 404", async () => {
    const world = await createWorld();
    const params = { callId: world.callId, stageId: world.stageId };
    // Before the deadline nobody is late.
    expect(await refusal(remindLateJuror(world.manager, { ...params, jurorId: world.jurors[0]!.id }, context(BEFORE_DUE)))).toMatchObject({ messageKey: "reviewManager.remind.notLate" });
    const answer = (await progressRoute.action({ request: await postAs(world.manager, "/", { intent: "remind", jurorId: world.jurors[1]!.id }), params, context: {} })) as unknown as {
      data: { formId: string; result: { error: Record<string, string[]> } };
      init: ResponseInit;
    };
    expect(answer.init.status).toBe(400);
    expect(answer.data).toMatchObject({ formId: "action", result: { error: { "": ["reviewManager.remind.notLate"] } } });
    await notFoundFrom(remindLateJuror(otherManager, { ...params, jurorId: world.jurors[0]!.id }, context(AFTER_DUE)));
    expect(await prisma.outboxEmail.count({ where: { toEmail: { in: world.jurors.map((juror) => juror.email) } } })).toBe(0);
  });
});

describe("reopening a submitted review", () => {
  it("moves it to reopened with the reason in the audit event and a mail to the juror, once confirmed", async () => {
    const world = await createWorld();
    const assignmentId = world.assignments.get("0:0")!;
    const review = await reviewOf(assignmentId);
    const input = { reviewId: review.id, stageId: world.stageId, reason: "  Bitte Kriterium 2 begründen.  ", version: review.version };
    expect(await refusal(reopenReview(world.manager, { ...input, confirmed: false }, context(AFTER_DUE)))).toMatchObject({ messageKey: "confirm.error.required" });
    await reopenReview(world.manager, { ...input, confirmed: true }, context(AFTER_DUE));
    expect(await reviewOf(assignmentId)).toMatchObject({ state: "reopened", version: review.version + 1 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Review", entityId: review.id } });
    expect(audit).toMatchObject({ action: "REOPEN", fromState: "submitted", toState: "reopened", actorId: world.manager.id, data: { reason: "Bitte Kriterium 2 begründen." } });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: world.jurors[0]!.email } });
    expect(mail.subject).toBe("Ihr Gutachten wurde wieder geöffnet");
    expect(mail.text).toContain("Bitte Kriterium 2 begründen.");
    expect(mail.text).toContain(`/juror/reviews/${assignmentId}`);
  });

  it("refuses a review that is not submitted, and a second reopening, in words", async () => {
    const world = await createWorld();
    const inProgress = await reviewOf(world.assignments.get("0:2")!);
    expect(
      await refusal(reopenReview(world.manager, { reviewId: inProgress.id, stageId: world.stageId, reason: "x", version: inProgress.version, confirmed: true }, context(AFTER_DUE))),
    ).toMatchObject({ messageKey: "reviewManager.reopen.notSubmitted" });
    const submitted = await reviewOf(world.assignments.get("0:1")!);
    const input = { reviewId: submitted.id, stageId: world.stageId, reason: "x", version: submitted.version, confirmed: true };
    await reopenReview(world.manager, input, context(AFTER_DUE));
    expect(await refusal(reopenReview(world.manager, input, context(AFTER_DUE)))).toMatchObject({ messageKey: "reviewManager.reopen.alreadyReopened" });
    await notFoundFrom(reopenReview(otherManager, input, context(AFTER_DUE)));
  });

  it("requires a reason: the page's form comes back with the message and the review stays submitted", async () => {
    const world = await createWorld();
    const review = await reviewOf(world.assignments.get("0:0")!);
    const answer = (await progressRoute.action({
      request: await postAs(world.manager, "/", { intent: "reopen", reviewId: review.id, version: String(review.version), reason: "   ", confirmed: "1" }),
      params: { callId: world.callId, stageId: world.stageId },
      context: {},
    })) as unknown as { data: { formId: string; result: { error: Record<string, string[]> } }; init: ResponseInit };
    expect(answer.init.status).toBe(400);
    expect(answer.data).toMatchObject({ formId: "reopen", result: { error: { reason: ["reviewManager.reopen.reasonRequired"] } } });
    // The domain refuses an empty reason too, should a caller skip the form.
    expect(
      await refusal(reopenReview(world.manager, { reviewId: review.id, stageId: world.stageId, reason: " ", version: review.version, confirmed: true }, context(AFTER_DUE))),
    ).toMatchObject({ messageKey: "reviewManager.reopen.reasonRequired", options: { field: "reason" } });
    expect(await reviewOf(world.assignments.get("0:0")!)).toMatchObject({ state: "submitted" });
  });
});

describe("reassigning a review", () => {
  it("moves an open review to another juror: the old one goes, the new one is released with the stage's deadline and its juror gets a mail", async () => {
    const world = await createWorld();
    const from = world.assignments.get("0:2")!;
    const redirect = (await progressRoute.action({
      request: await postAs(world.manager, "/", { intent: "reassign", assignmentId: from, jurorId: world.jurors[3]!.id, confirmed: "1" }),
      params: { callId: world.callId, stageId: world.stageId },
      context: {},
    })) as Response;
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toContain("done=reassign");
    expect(await prisma.reviewAssignment.findUnique({ where: { id: from } })).toBeNull();
    const moved = await prisma.reviewAssignment.findUniqueOrThrow({
      where: { applicationId_jurorId: { applicationId: world.applications[0]!.id, jurorId: world.jurors[3]!.id } },
      include: { review: true },
    });
    expect(moved).toMatchObject({ dueAt: DUE, assignedById: world.manager.id, source: "MANUAL", review: { state: "assigned" } });
    expect(moved.releasedAt).not.toBeNull();
    expect(await prisma.outboxEmail.count({ where: { toEmail: world.jurors[3]!.email, subject: "Ein weiteres Gutachten für Sie" } })).toBe(1);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "ReviewAssignment", entityId: moved.id } })).toMatchObject({
      action: "REASSIGN",
      data: { fromAssignmentId: from, fromJurorId: world.jurors[2]!.id, oldAssignmentKept: false, oldReviewState: "inProgress" },
    });
  });

  it("keeps a submitted review and adds the new juror", async () => {
    const world = await createWorld();
    const from = world.assignments.get("0:0")!;
    await reassignReview(world.manager, { assignmentId: from, stageId: world.stageId, jurorId: world.jurors[3]!.id, confirmed: true }, context(AFTER_DUE));
    expect(await reviewOf(from)).toMatchObject({ state: "submitted" });
    expect(await prisma.reviewAssignment.count({ where: { applicationId: world.applications[0]!.id } })).toBe(4);
  });

  it("refuses a juror in conflict, one already assigned and one not on the jury, in words, changing nothing", async () => {
    const world = await createWorld();
    const from = world.assignments.get("1:0")!;
    const input = { assignmentId: from, stageId: world.stageId, confirmed: true };
    await prisma.conflict.create({ data: { applicationId: world.applications[1]!.id, jurorId: world.jurors[3]!.id, source: "DECLARED", status: "DECLARED", reason: "Mitglied im Netzwerk" } });
    expect(await refusal(reassignReview(world.manager, { ...input, jurorId: world.jurors[3]!.id }, context(AFTER_DUE)))).toMatchObject({ messageKey: "reviewManager.reassign.conflict" });
    // A found conflict blocks until the manager dismisses it.
    await prisma.conflict.update({ where: { applicationId_jurorId: { applicationId: world.applications[1]!.id, jurorId: world.jurors[3]!.id } }, data: { source: "DETECTED", status: "SUSPECTED" } });
    expect(await refusal(reassignReview(world.manager, { ...input, jurorId: world.jurors[3]!.id }, context(AFTER_DUE)))).toMatchObject({ messageKey: "reviewManager.reassign.conflict" });
    expect(await refusal(reassignReview(world.manager, { ...input, jurorId: world.jurors[1]!.id }, context(AFTER_DUE)))).toMatchObject({ messageKey: "reviewManager.reassign.alreadyAssigned" });
    const outsider = await createPerson("JUROR");
    expect(await refusal(reassignReview(world.manager, { ...input, jurorId: outsider.id }, context(AFTER_DUE)))).toMatchObject({ messageKey: "reviewManager.reassign.notOnJury" });
    // An impossible move says why; a possible one still asks first.
    await prisma.juryMembership.create({ data: { callId: world.callId, stageId: world.stageId, userId: outsider.id } });
    expect(await refusal(reassignReview(world.manager, { ...input, jurorId: outsider.id, confirmed: false }, context(AFTER_DUE)))).toMatchObject({ messageKey: "confirm.error.required" });
    expect(await prisma.reviewAssignment.findUnique({ where: { id: from } })).not.toBeNull();
    expect(await prisma.outboxEmail.count({ where: { toEmail: { in: world.jurors.map((juror) => juror.email) } } })).toBe(0);
    await notFoundFrom(reassignReview(otherManager, { ...input, jurorId: outsider.id }, context(AFTER_DUE)));
    // A dismissed conflict no longer stands in the way.
    await prisma.conflict.update({ where: { applicationId_jurorId: { applicationId: world.applications[1]!.id, jurorId: world.jurors[3]!.id } }, data: { status: "DISMISSED" } });
    await reassignReview(world.manager, { ...input, jurorId: world.jurors[3]!.id }, context(AFTER_DUE));
    expect(await prisma.reviewAssignment.findUnique({ where: { id: from } })).toBeNull();
  });
});
