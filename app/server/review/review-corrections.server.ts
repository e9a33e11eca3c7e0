import type { Locale } from "~/i18n";
import { formatDateTime } from "~/i18n";
import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { requireConfirmation } from "../confirmation.server";
import { managedApplications } from "../applications/access.server";
import { composeEmail, queueEmail } from "../mail/outbox.server";
import type { CurrentUser } from "../accounts/session.server";
import { changeReviewState } from "./review-workflow.server";
import { applicationForJuror } from "./review-reminders.server";

/**
 * What a manager corrects while a stage is being reviewed: a submitted review goes back to its juror
 * with a reason, and an assignment moves to another juror of the jury.
 */

const applicationForMail = { title: true, network: { select: { name: true, bundesland: true } }, call: { select: { title: true, blindReview: true } } } as const;

/** REOPEN through the review machine; the juror gets a mail with the reason and a link to the review. */
export async function reopenReview(
  actor: CurrentUser,
  input: { reviewId: string; stageId: string; reason: string; version: number; confirmed: boolean },
  context: { now: Date; baseUrl: string },
) {
  // The machine refuses an empty reason as well; this says which field to fill in.
  if (input.reason.trim() === "") throw new RefusedError("reviewManager.reopen.reasonRequired", { field: "reason" });
  const where = { assignment: { application: { AND: [{ stageId: input.stageId }, managedApplications(actor)] } } };
  const review = await prisma.review.findFirst({
    where: { id: input.reviewId, ...where },
    select: { assignment: { select: { id: true, juror: { select: { name: true, email: true, locale: true } }, application: { select: applicationForMail } } } },
  });
  if (!review) throw notFound();
  const { juror, application } = review.assignment;
  const mail = await composeEmail(juror, {
    template: "review-reopened",
    props: { name: juror.name, reason: input.reason.trim(), ...applicationForJuror(application), url: `${context.baseUrl}/juror/reviews/${review.assignment.id}` },
  });
  await changeReviewState({
    reviewId: input.reviewId,
    where,
    event: { type: "REOPEN", reason: input.reason },
    actorId: actor.id,
    now: context.now,
    expectedVersion: input.version,
    unconfirmed: !input.confirmed,
    auditData: { reason: input.reason.trim() },
    refusal: (state) => (state === "reopened" ? "reviewManager.reopen.alreadyReopened" : "reviewManager.reopen.notSubmitted"),
    alsoInTransaction: (tx) => queueEmail(tx, mail, context.now),
  });
}

/**
 * Moves an assignment to another juror of the stage's jury. Refused for a juror in conflict with the
 * application (declared, confirmed or found and not dismissed) and for one already assigned to it.
 * A review already submitted stays (its scores count); otherwise the old assignment and its draft
 * go. The new assignment is released at once with the stage's review deadline, and its juror gets a mail.
 */
export async function reassignReview(
  actor: CurrentUser,
  input: { assignmentId: string; stageId: string; jurorId: string; confirmed: boolean },
  context: { now: Date; baseUrl: string },
) {
  const assignment = await prisma.reviewAssignment.findFirst({
    where: { id: input.assignmentId, application: { AND: [{ stageId: input.stageId }, managedApplications(actor)] } },
    select: {
      id: true,
      jurorId: true,
      applicationId: true,
      review: { select: { state: true, submittedAt: true } },
      application: { select: { ...applicationForMail, stage: { select: { id: true, reviewDueAt: true } } } },
    },
  });
  if (!assignment) throw notFound();
  const stage = assignment.application.stage;
  const newJuror = await prisma.juryMembership.findUnique({
    where: { stageId_userId: { stageId: stage.id, userId: input.jurorId } },
    select: { user: { select: { id: true, name: true, email: true, locale: true } } },
  });
  if (!newJuror) throw new RefusedError("reviewManager.reassign.notOnJury", { status: 400 });
  const juror = newJuror.user;
  const mail = await composeEmail(juror, {
    template: "review-reassigned",
    props: { name: juror.name, ...applicationForJuror(assignment.application), dueAt: stage.reviewDueAt ? formatDateTime(juror.locale as Locale, stage.reviewDueAt) : null, url: `${context.baseUrl}/juror` },
  });
  // A review that was ever submitted keeps its scores, also while reopened.
  const keepOld = Boolean(assignment.review?.submittedAt);
  await prisma.$transaction(async (tx) => {
    const conflict = await tx.conflict.findFirst({ where: { applicationId: assignment.applicationId, jurorId: juror.id, status: { not: "DISMISSED" } }, select: { id: true } });
    if (conflict) throw new RefusedError("reviewManager.reassign.conflict");
    const existing = await tx.reviewAssignment.findUnique({ where: { applicationId_jurorId: { applicationId: assignment.applicationId, jurorId: juror.id } }, select: { id: true } });
    if (existing) throw new RefusedError("reviewManager.reassign.alreadyAssigned");
    // Asked only once the move is possible, so an impossible one says why instead of asking.
    requireConfirmation(input.confirmed);
    if (!keepOld) {
      // Conditional on the state read above: a juror who submitted meanwhile keeps the review.
      const { count } = await tx.reviewAssignment.deleteMany({ where: { id: assignment.id, OR: [{ review: null }, { review: { submittedAt: null } }] } });
      if (count !== 1) throw new RefusedError("workflow.stale");
    }
    const created = await tx.reviewAssignment.create({
      data: { applicationId: assignment.applicationId, jurorId: juror.id, source: "MANUAL", assignedById: actor.id, assignedAt: context.now, releasedAt: context.now, dueAt: stage.reviewDueAt, review: { create: {} } },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "ReviewAssignment",
        entityId: created.id,
        action: "REASSIGN",
        data: { applicationId: assignment.applicationId, fromAssignmentId: assignment.id, fromJurorId: assignment.jurorId, toJurorId: juror.id, oldAssignmentKept: keepOld, oldReviewState: assignment.review?.state ?? null },
      },
      context.now,
    );
    await queueEmail(tx, mail, context.now);
  });
}
