import type { Prisma } from "~/generated/prisma/client";
import type { Bundesland } from "~/generated/prisma/enums";
import type { MatrixCell } from "~/forms/assignment-schemas";
import { formatDateTime, translator } from "~/i18n";
import { prisma, type Transaction } from "../db.server";
import type { CurrentUser } from "../accounts/session.server";
import { recordAudit } from "../audit.server";
import { requireConfirmation } from "../confirmation.server";
import { notFound, RefusedError } from "../http.server";
import { composeEmail, queueEmail } from "../mail/outbox.server";
import { managedStage } from "./stage-scope.server";
import { evenShare, solveAssignment, type ShortfallReason, type SolverInput } from "./assignment-solver";

type Actor = Pick<CurrentUser, "id" | "role">;
type Reader = Transaction | typeof prisma;

export interface StageTarget {
  callId: string;
  stageId: string;
}

/** Applications of a stage take part in assignment while they are in review. */
const inReview = (stageId: string): Prisma.ApplicationWhereInput => ({
  stageId,
  state: "inReview",
});

/** The stage, if the manager may run its review (404 otherwise). */
async function findManagedStage(db: Reader, actor: Actor, target: StageTarget) {
  const stage = await db.callStage.findFirst({
    where: managedStage(actor, target.callId, target.stageId),
    select: {
      id: true,
      kind: true,
      reviewsPerApplication: true,
      reviewDueAt: true,
      call: {
        select: { id: true, title: true, blindReview: true, programmeId: true },
      },
    },
  });
  if (!stage) throw notFound();
  return stage;
}

/** What deciding about an existing assignment needs: its pair, whether it is released, its review's state. */
const assignmentFacts = {
  id: true,
  applicationId: true,
  jurorId: true,
  releasedAt: true,
  review: { select: { state: true } },
} satisfies Prisma.ReviewAssignmentSelect;

/**
 * Everything assignment decides on, for one stage: jury, applications in review, their assignments,
 * conflicts, preferences and shared expertise. An assignment counts towards its application's reviews
 * and its juror's load while the review is not abstained, the juror still sits on the jury and no
 * conflict stands between them; one that no longer counts stays (a started review is never thrown
 * away), and its gap is filled by the next run.
 */
async function readStageAssignment(db: Reader, actor: Actor, target: StageTarget) {
  const stage = await findManagedStage(db, actor, target);
  // One query after the other: in a transaction they share one connection.
  const jury = await db.juryMembership.findMany({
    where: { stageId: stage.id },
    select: {
      maxLoad: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          locale: true,
          expertise: { select: { areaId: true } },
        },
      },
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  const applications = await db.application.findMany({
    where: inReview(stage.id),
    select: {
      id: true,
      title: true,
      network: { select: { name: true, bundesland: true } },
      topics: { select: { areaId: true } },
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
  const assignments = await db.reviewAssignment.findMany({
    where: { application: inReview(stage.id) },
    select: assignmentFacts,
  });
  const conflicts = await db.conflict.findMany({
    where: {
      application: inReview(stage.id),
      status: { not: "DISMISSED" },
    },
    select: { applicationId: true, jurorId: true },
  });
  const preferences = await db.reviewPreference.findMany({
    where: { application: inReview(stage.id) },
    select: { applicationId: true, jurorId: true, level: true },
  });
  const pair = (applicationId: string, jurorId: string) => `${applicationId}|${jurorId}`;
  const conflicted = new Set(conflicts.map((conflict) => pair(conflict.applicationId, conflict.jurorId)));
  const members = new Set(jury.map((membership) => membership.user.id));
  const counts = (assignment: (typeof assignments)[number]) =>
    assignment.review?.state !== "abstained" && members.has(assignment.jurorId) && !conflicted.has(pair(assignment.applicationId, assignment.jurorId));
  const reviewsOf = new Map<string, number>();
  const loadOf = new Map<string, number>();
  for (const assignment of assignments.filter(counts)) {
    reviewsOf.set(assignment.applicationId, (reviewsOf.get(assignment.applicationId) ?? 0) + 1);
    loadOf.set(assignment.jurorId, (loadOf.get(assignment.jurorId) ?? 0) + 1);
  }
  const areasOf = new Map(jury.map((membership) => [membership.user.id, new Set(membership.user.expertise.map((entry) => entry.areaId))]));
  const solverInput: SolverInput = {
    jurors: jury.map((membership) => ({
      id: membership.user.id,
      maxLoad: membership.maxLoad,
      currentLoad: loadOf.get(membership.user.id) ?? 0,
    })),
    applications: applications.map((application) => ({
      id: application.id,
      needed: Math.max(0, stage.reviewsPerApplication - (reviewsOf.get(application.id) ?? 0)),
    })),
    forbidden: [
      ...conflicts,
      ...assignments.map((assignment) => ({
        applicationId: assignment.applicationId,
        jurorId: assignment.jurorId,
      })),
    ],
    preferences,
    expertise: applications.flatMap((application) =>
      jury
        .map((membership) => ({
          applicationId: application.id,
          jurorId: membership.user.id,
          matches: application.topics.filter((topic) => areasOf.get(membership.user.id)!.has(topic.areaId)).length,
        }))
        .filter((entry) => entry.matches > 0)
    ),
  };
  return {
    stage,
    jury,
    applications,
    assignments,
    conflicted,
    counts,
    reviewsOf,
    loadOf,
    solverInput,
    pair,
  };
}

/** Serialises the changes to one stage's assignments (two managers running it at once, a run during a release). */
async function lockStage(tx: Transaction, stageId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "CallStage" WHERE id = ${stageId} FOR UPDATE`;
}

const ASSIGNMENT_PAGE_SIZE = 50;

/** The assignment page: the run's settings, the matrix (one page of applications) and what a release would do. */
export async function loadAssignmentMatrix(actor: Actor, target: StageTarget, page: number) {
  const data = await readStageAssignment(prisma, actor, target);
  const { stage, jury, applications, assignments, conflicted, counts, reviewsOf, loadOf, solverInput, pair } = data;
  const share = evenShare(solverInput);
  const pageCount = Math.max(1, Math.ceil(applications.length / ASSIGNMENT_PAGE_SIZE));
  const currentPage = Math.min(Math.max(1, page), pageCount);
  const shown = applications.slice((currentPage - 1) * ASSIGNMENT_PAGE_SIZE, currentPage * ASSIGNMENT_PAGE_SIZE);
  const assignmentOf = new Map(assignments.map((assignment) => [pair(assignment.applicationId, assignment.jurorId), assignment]));
  const preferenceOf = new Map(solverInput.preferences.map((entry) => [pair(entry.applicationId, entry.jurorId), entry.level]));
  const releasable = assignments.filter((assignment) => assignment.releasedAt === null && counts(assignment));
  return {
    call: { id: stage.call.id, title: stage.call.title },
    stage: {
      id: stage.id,
      kind: stage.kind,
      reviewsPerApplication: stage.reviewsPerApplication,
      reviewDueAt: stage.reviewDueAt,
    },
    evenShare: share,
    jurors: jury.map((membership) => ({
      id: membership.user.id,
      name: membership.user.name,
      maxLoad: membership.maxLoad,
      load: loadOf.get(membership.user.id) ?? 0,
      effectiveMax: membership.maxLoad ?? share,
    })),
    applicationCount: applications.length,
    missingReviews: solverInput.applications.reduce((sum, application) => sum + application.needed, 0),
    page: {
      current: currentPage,
      count: pageCount,
      from: (currentPage - 1) * ASSIGNMENT_PAGE_SIZE + 1,
      to: (currentPage - 1) * ASSIGNMENT_PAGE_SIZE + shown.length,
    },
    rows: shown.map((application) => ({
      id: application.id,
      title: application.title,
      bundesland: application.network.bundesland,
      reviews: reviewsOf.get(application.id) ?? 0,
      cells: jury.map((membership): MatrixCell => {
        const key = pair(application.id, membership.user.id);
        const assignment = assignmentOf.get(key);
        if (assignment)
          return {
            kind: "assigned",
            assignmentId: assignment.id,
            reviewState: assignment.review?.state ?? "assigned",
            released: assignment.releasedAt !== null,
            inConflict: conflicted.has(key),
          };
        if (conflicted.has(key)) return { kind: "conflict" };
        return { kind: "open", preference: preferenceOf.get(key) ?? null };
      }),
    })),
    release: {
      assigned: assignments.filter(counts).length,
      assignments: releasable.length,
      jurors: new Set(releasable.map((assignment) => assignment.jurorId)).size,
    },
  };
}

export interface AssignmentRunSummary {
  created: number;
  shortfalls: {
    applicationId: string;
    title: string;
    missing: number;
    reason: ShortfallReason;
  }[];
}

/**
 * The automatic run: keeps every assignment there is and fills the gaps (docs/decisions/011). New
 * assignments are AUTOMATIC, made by the manager, each with its review in `assigned`; one audit event
 * records the run.
 */
export async function runAutomaticAssignment(actor: Actor, target: StageTarget, now = new Date()): Promise<AssignmentRunSummary> {
  return prisma.$transaction(
    async (tx) => {
      await lockStage(tx, target.stageId);
      const { stage, applications, solverInput } = await readStageAssignment(tx, actor, target);
      const result = solveAssignment(solverInput);
      if (result.assignments.length > 0) {
        const created = await tx.reviewAssignment.createManyAndReturn({
          data: result.assignments.map((pair) => ({
            ...pair,
            source: "AUTOMATIC" as const,
            assignedById: actor.id,
            assignedAt: now,
          })),
          select: { id: true },
        });
        await tx.review.createMany({
          data: created.map((assignment) => ({ assignmentId: assignment.id })),
        });
      }
      const titleOf = new Map(applications.map((application) => [application.id, application.title]));
      const shortfalls = result.shortfalls.map((entry) => ({
        ...entry,
        title: titleOf.get(entry.applicationId) ?? "",
      }));
      await recordAudit(
        tx,
        {
          actorId: actor.id,
          entityType: "CallStage",
          entityId: stage.id,
          action: "ASSIGNMENT_RUN",
          data: {
            created: result.assignments.length,
            missing: shortfalls.reduce((sum, entry) => sum + entry.missing, 0),
            shortfalls: shortfalls.length,
          },
        },
        now
      );
      return { created: result.assignments.length, shortfalls };
    },
    // A thousand applications with their expertise pairs take a moment to read and solve.
    { timeout: 30_000 }
  );
}

/** A cell set by hand: only a member of the stage's jury, never against a conflict, never twice. */
export async function assignByHand(actor: Actor, target: StageTarget & { applicationId: string; jurorId: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockStage(tx, target.stageId);
    const stage = await findManagedStage(tx, actor, target);
    const application = await tx.application.findFirst({
      where: { id: target.applicationId, ...inReview(stage.id) },
      select: { id: true },
    });
    if (!application) throw notFound();
    const member = await tx.juryMembership.findUnique({
      where: {
        stageId_userId: { stageId: stage.id, userId: target.jurorId },
      },
      select: { id: true },
    });
    const conflict = await tx.conflict.findFirst({
      where: {
        applicationId: application.id,
        jurorId: target.jurorId,
        status: { not: "DISMISSED" },
      },
      select: { id: true },
    });
    const existing = await tx.reviewAssignment.findUnique({
      where: {
        applicationId_jurorId: {
          applicationId: application.id,
          jurorId: target.jurorId,
        },
      },
      select: { id: true },
    });
    if (!member) throw new RefusedError("assignment.error.notMember");
    if (conflict) throw new RefusedError("assignment.error.conflict");
    if (existing) throw new RefusedError("assignment.error.alreadyAssigned");
    const assignment = await tx.reviewAssignment.create({
      data: {
        applicationId: application.id,
        jurorId: target.jurorId,
        source: "MANUAL",
        assignedById: actor.id,
        assignedAt: now,
        review: { create: {} },
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "ReviewAssignment",
        entityId: assignment.id,
        action: "ASSIGN",
        data: { applicationId: application.id, jurorId: target.jurorId },
      },
      now
    );
  });
}

/** Removes an assignment whose review has not started (asked first: a released one disappears from the juror's list). */
export async function unassignByHand(actor: Actor, target: StageTarget & { assignmentId: string; confirmed: boolean }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockStage(tx, target.stageId);
    const stage = await findManagedStage(tx, actor, target);
    const assignment = await tx.reviewAssignment.findFirst({
      where: { id: target.assignmentId, application: inReview(stage.id) },
      select: assignmentFacts,
    });
    if (!assignment) throw notFound();
    if (assignment.review && assignment.review.state !== "assigned") throw new RefusedError("assignment.error.reviewStarted");
    requireConfirmation(target.confirmed);
    await tx.reviewAssignment.delete({ where: { id: assignment.id } });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "ReviewAssignment",
        entityId: assignment.id,
        action: "UNASSIGN",
        data: {
          applicationId: assignment.applicationId,
          jurorId: assignment.jurorId,
          wasReleased: assignment.releasedAt !== null,
        },
      },
      now
    );
  });
}

/**
 * Releases every assignment of the stage not released yet that counts (see readStageAssignment): the
 * jurors see them from now on, due at the stage's review deadline, and each juror gets one mail
 * listing their newly released applications (the network's name only when the call is not blind).
 */
export async function releaseAssignments(actor: Actor, target: StageTarget & { confirmed: boolean }, options: { baseUrl: string }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await lockStage(tx, target.stageId);
    const { stage, applications, assignments, counts, jury } = await readStageAssignment(tx, actor, target);
    if (!stage.reviewDueAt) throw new RefusedError("assignment.error.noDeadline");
    const releasing = assignments.filter((assignment) => assignment.releasedAt === null && counts(assignment));
    if (releasing.length === 0) throw new RefusedError("assignment.error.nothingToRelease");
    requireConfirmation(target.confirmed);
    await tx.reviewAssignment.updateMany({
      where: { id: { in: releasing.map((assignment) => assignment.id) } },
      data: { releasedAt: now, dueAt: stage.reviewDueAt },
    });
    const applicationOf = new Map(applications.map((application) => [application.id, application]));
    const jurors = jury.map((membership) => membership.user).filter((juror) => releasing.some((assignment) => assignment.jurorId === juror.id));
    for (const juror of jurors) {
      const t = translator(juror.locale);
      const listed = releasing
        .filter((assignment) => assignment.jurorId === juror.id)
        .map((assignment) => applicationOf.get(assignment.applicationId)!)
        .map((application) => ({
          title: application.title || t("assignment.untitled"),
          land: t(`bundesland.${application.network.bundesland satisfies Bundesland}`),
          ...(stage.call.blindReview ? {} : { network: application.network.name }),
        }));
      const props = {
        name: juror.name,
        call: stage.call.title,
        applications: listed,
        deadline: formatDateTime(juror.locale, stage.reviewDueAt),
        url: `${options.baseUrl}/juror`,
      };
      await queueEmail(tx, await composeEmail({ email: juror.email, locale: juror.locale }, { template: "review-assignment", props }), now);
    }
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "CallStage",
        entityId: stage.id,
        action: "ASSIGNMENTS_RELEASED",
        data: { assignments: releasing.length, jurors: jurors.length },
      },
      now
    );
    return { assignments: releasing.length, jurors: jurors.length };
  });
}
