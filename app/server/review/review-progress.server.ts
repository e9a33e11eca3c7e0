import { reviewStatesOpenForEditing, type ReviewState } from "@workflows/review.machine";
import { prisma } from "../db.server";
import { notFound } from "../http.server";
import { managedStage } from "./stage-scope.server";
import type { CurrentUser } from "../accounts/session.server";
import { REMINDER_ACTION, REMINDER_ENTITY } from "./review-reminders.server";

/** A review row is made with its assignment; an assignment without one counts as not begun. */
const stateOf = (review: { state: string } | null): ReviewState => (review?.state ?? "assigned") as ReviewState;
const isOpen = (state: ReviewState) => (reviewStatesOpenForEditing as readonly ReviewState[]).includes(state);

/**
 * Mean and spread (highest minus lowest) of the submitted reviews' weighted totals; an application
 * whose spread exceeds the stage's threshold is marked for discussion. One review has no spread.
 */
export function agreementOf(totals: number[], threshold: number) {
  if (totals.length === 0) return { mean: null, spread: null, forDiscussion: false };
  const mean = totals.reduce((sum, total) => sum + total, 0) / totals.length;
  const spread = Math.max(...totals) - Math.min(...totals);
  return { mean, spread: totals.length > 1 ? spread : null, forDiscussion: totals.length > 1 && spread > threshold };
}

/**
 * The manager's view of a stage under review: per juror how many reviews are assigned, in progress,
 * submitted, abstained and late (past their due date and still open), with the last reminder; per
 * application the submitted reviews against the number needed, the mean and spread of their
 * weighted totals and whether they disagree enough to discuss; and every released assignment with
 * what the manager may do with it. Only the stage's released assignments count: what is not yet
 * released is still being planned on the assignment page.
 */
export async function loadStageReviewProgress(actor: CurrentUser, input: { callId: string; stageId: string }, now: Date) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, input.callId, input.stageId),
    select: {
      id: true,
      kind: true,
      reviewDueAt: true,
      reviewsPerApplication: true,
      disagreementThreshold: true,
      call: { select: { id: true, title: true } },
      jury: { select: { id: true, user: { select: { id: true, name: true } } } },
    },
  });
  if (!stage) throw notFound();
  const [assignments, unreleased, reminders] = await Promise.all([
    prisma.reviewAssignment.findMany({
      where: { application: { stageId: stage.id }, releasedAt: { not: null } },
      select: {
        id: true,
        jurorId: true,
        dueAt: true,
        juror: { select: { name: true } },
        application: { select: { id: true, title: true, network: { select: { name: true } } } },
        review: { select: { id: true, state: true, version: true, weightedTotal: true } },
      },
      orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
    }),
    prisma.reviewAssignment.count({ where: { application: { stageId: stage.id }, releasedAt: null } }),
    prisma.auditEvent.findMany({
      where: { entityType: REMINDER_ENTITY, action: REMINDER_ACTION, entityId: { in: stage.jury.map((membership) => membership.id) } },
      select: { entityId: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);

  const rows = assignments.map((assignment) => {
    const state = stateOf(assignment.review);
    return { ...assignment, state, late: isOpen(state) && assignment.dueAt !== null && assignment.dueAt < now };
  });

  const jurors = new Map<string, { id: string; name: string; onJury: boolean; lastReminder: Date | null }>();
  for (const membership of stage.jury) {
    const lastReminder = reminders.find((reminder) => reminder.entityId === membership.id)?.createdAt ?? null;
    jurors.set(membership.user.id, { id: membership.user.id, name: membership.user.name, onJury: true, lastReminder });
  }
  // A juror who has left the jury may still hold reviews.
  for (const row of rows) if (!jurors.has(row.jurorId)) jurors.set(row.jurorId, { id: row.jurorId, name: row.juror.name, onJury: false, lastReminder: null });

  const count = (list: typeof rows, test: (row: (typeof rows)[number]) => boolean) => list.filter(test).length;
  const byJuror = [...jurors.values()]
    .map((juror) => {
      const own = rows.filter((row) => row.jurorId === juror.id);
      return {
        ...juror,
        assigned: own.length,
        inProgress: count(own, (row) => row.state === "inProgress" || row.state === "reopened"),
        submitted: count(own, (row) => row.state === "submitted"),
        abstained: count(own, (row) => row.state === "abstained"),
        late: count(own, (row) => row.late),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "de"));

  const applications = new Map<string, { id: string; title: string; network: string; rows: typeof rows }>();
  for (const row of rows) {
    const entry = applications.get(row.application.id) ?? { id: row.application.id, title: row.application.title, network: row.application.network.name, rows: [] };
    entry.rows.push(row);
    applications.set(row.application.id, entry);
  }
  const byApplication = [...applications.values()]
    .map(({ rows: reviews, ...application }) => {
      const totals = reviews.filter((row) => row.state === "submitted" && row.review?.weightedTotal != null).map((row) => row.review!.weightedTotal!);
      return { ...application, submitted: totals.length, needed: stage.reviewsPerApplication, abstained: count(reviews, (row) => row.state === "abstained"), ...agreementOf(totals, stage.disagreementThreshold) };
    })
    .sort((a, b) => a.network.localeCompare(b.network, "de"));

  return {
    stage: { id: stage.id, kind: stage.kind, reviewDueAt: stage.reviewDueAt, disagreementThreshold: stage.disagreementThreshold, call: stage.call },
    unreleased,
    byJuror,
    byApplication,
    assignments: rows.map((row) => ({
      id: row.id,
      jurorId: row.jurorId,
      jurorName: row.juror.name,
      application: { id: row.application.id, title: row.application.title, network: row.application.network.name },
      state: row.state,
      dueAt: row.dueAt,
      late: row.late,
      review: row.review ? { id: row.review.id, version: row.review.version } : null,
    })),
    jury: stage.jury.map((membership) => membership.user).sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}
