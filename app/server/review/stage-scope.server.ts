import type { Prisma } from "~/generated/prisma/client";
import { statesBeforeEligibilityCheck } from "@workflows/application.machine";
import type { Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import type { ReviewState } from "@workflows/review.machine";
import type { CurrentUser } from "../accounts/session.server";
import { managedCalls } from "../applications/access.server";

/** A stage of a call the manager looks after (admins: any); with the call's id from the address, so a mixed-up pair is a 404. */
export function managedStage(actor: Pick<CurrentUser, "id" | "role">, callId: string, stageId: string): Prisma.CallStageWhereInput {
  return { id: stageId, callId, call: managedCalls(actor) };
}

/**
 * The applications a stage's jury deals with: from the eligibility check on, except those found not
 * eligible. Conflicts are looked for (and declared) before the check is finished, so the jury is
 * ready when the results are released.
 */
export function juryApplicationsOf(stageId: string): Prisma.ApplicationWhereInput {
  return { stageId, state: { notIn: [...statesBeforeEligibilityCheck, "ineligible"] } };
}

/** Reviews not yet begun in earnest: their assignment can go without losing a juror's judgement. */
const unstartedReviewStates: ReviewState[] = ["assigned", "inProgress"];

/**
 * Deletes a juror's assignments (to the given applications) whose review is not submitted, each
 * with an audit event saying why; submitted, reopened and abstained reviews stay on record.
 */
export async function dropUnstartedAssignments(
  tx: Transaction,
  target: { jurorId: string; applications: Prisma.ApplicationWhereInput },
  audit: { actorId: string; reason: string; now: Date },
): Promise<number> {
  const doomed = await tx.reviewAssignment.findMany({
    where: { jurorId: target.jurorId, application: target.applications, OR: [{ review: null }, { review: { state: { in: unstartedReviewStates } } }] },
    select: { id: true, applicationId: true, review: { select: { state: true } } },
  });
  if (doomed.length === 0) return 0;
  await tx.reviewAssignment.deleteMany({ where: { id: { in: doomed.map((assignment) => assignment.id) } } });
  for (const assignment of doomed) {
    await recordAudit(
      tx,
      {
        actorId: audit.actorId,
        entityType: "ReviewAssignment",
        entityId: assignment.id,
        action: "assignment-removed",
        data: { applicationId: assignment.applicationId, jurorId: target.jurorId, reviewState: assignment.review?.state ?? null, reason: audit.reason },
      },
      audit.now,
    );
  }
  return doomed.length;
}
