import type { StageKind } from "~/generated/prisma/enums";
import type { ReviewState } from "@workflows/review.machine";
import { prisma } from "../db.server";
import type { CurrentUser } from "../accounts/session.server";
import { reviewableApplications } from "../applications/access.server";

/** Review states in which the juror has nothing left to do. */
const finishedStates: readonly ReviewState[] = ["submitted", "abstained"];
/** Applications a juror declares conflicts for: submitted ones, not those withdrawn or found ineligible. */
const notUnderReview = ["draft", "withdrawn", "ineligible"];

interface StageWork {
  stageId: string;
  callTitle: string;
  stageKind: StageKind;
  reviewDueAt: Date | null;
  /** Applications of the stage the juror has said nothing about yet; 0 once they declared none for the whole list. */
  undeclared: number;
  assignments: {
    id: string;
    title: string;
    networkName: string | null;
    bundesland: string;
    dueAt: Date | null;
    state: ReviewState;
  }[];
  done: number;
}

/**
 * The juror's start page: per stage whose jury they sit on (or that they have released assignments
 * in), their assignments with each review's state, progress, the review deadline and how many
 * applications still wait for a word on conflicts. Only released assignments free of any conflict
 * count; in blind review the network's name stays out.
 */
export async function juryWorkOf(actor: Pick<CurrentUser, "id">): Promise<StageWork[]> {
  const [memberships, assignments, declared] = await Promise.all([
    prisma.juryMembership.findMany({
      where: { userId: actor.id },
      select: {
        noConflictsDeclaredAt: true,
        stage: {
          select: {
            id: true,
            kind: true,
            reviewDueAt: true,
            call: { select: { title: true } },
            _count: { select: { applications: { where: { state: { notIn: notUnderReview } } } } },
          },
        },
      },
      orderBy: { createdAt: "asc" },
    }),
    prisma.reviewAssignment.findMany({
      where: { jurorId: actor.id, releasedAt: { not: null }, application: reviewableApplications(actor.id) },
      select: {
        id: true,
        dueAt: true,
        review: { select: { state: true } },
        application: {
          select: {
            title: true,
            network: { select: { name: true, bundesland: true } },
            call: { select: { blindReview: true, title: true } },
            stage: { select: { id: true, kind: true, reviewDueAt: true } },
          },
        },
      },
      orderBy: { assignedAt: "asc" },
    }),
    prisma.conflict.findMany({ where: { jurorId: actor.id, source: "DECLARED" }, select: { application: { select: { stageId: true } } } }),
  ]);
  const declaredPerStage = new Map<string, number>();
  for (const conflict of declared) declaredPerStage.set(conflict.application.stageId, (declaredPerStage.get(conflict.application.stageId) ?? 0) + 1);

  const stages = new Map<string, StageWork>();
  for (const { stage, noConflictsDeclaredAt } of memberships) {
    const undeclared = noConflictsDeclaredAt ? 0 : Math.max(0, stage._count.applications - (declaredPerStage.get(stage.id) ?? 0));
    stages.set(stage.id, { stageId: stage.id, callTitle: stage.call.title, stageKind: stage.kind, reviewDueAt: stage.reviewDueAt, undeclared, assignments: [], done: 0 });
  }
  for (const assignment of assignments) {
    const { application } = assignment;
    const stage = stages.get(application.stage.id) ?? {
      stageId: application.stage.id,
      callTitle: application.call.title,
      stageKind: application.stage.kind,
      reviewDueAt: application.stage.reviewDueAt,
      undeclared: 0,
      assignments: [],
      done: 0,
    };
    stages.set(stage.stageId, stage);
    const state = (assignment.review?.state ?? "assigned") as ReviewState;
    if (finishedStates.includes(state)) stage.done += 1;
    stage.assignments.push({
      id: assignment.id,
      title: application.title,
      networkName: application.call.blindReview ? null : application.network.name,
      bundesland: application.network.bundesland,
      dueAt: assignment.dueAt,
      state,
    });
  }
  return [...stages.values()];
}
