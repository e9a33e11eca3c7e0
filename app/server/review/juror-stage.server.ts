import { prisma } from "../db.server";
import { notFound } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { preferencesOpen } from "./preferences.server";
import { juryApplicationsOf } from "./stage-scope.server";

/**
 * A juror's list for one stage whose jury they sit on (anyone else: 404): the applications from the
 * eligibility check on, with nothing of their content but title, Land and, unless the call is blind,
 * the network's name; their own conflict, preference and expertise match per application. What a
 * found conflict matched is not shown: it could name the network in a blind review.
 */
export async function loadJurorStage(juror: Pick<CurrentUser, "id">, stageId: string) {
  const seat = await prisma.juryMembership.findUnique({
    where: { stageId_userId: { stageId, userId: juror.id } },
    select: {
      noConflictsDeclaredAt: true,
      stage: { select: { id: true, kind: true, preferencesOpen: true, call: { select: { title: true, blindReview: true } } } },
    },
  });
  if (!seat) throw notFound();
  const { stage } = seat;
  const [applications, myAreas, assignmentCount, preferencePhase] = await Promise.all([
    prisma.application.findMany({
      where: juryApplicationsOf(stage.id),
      select: {
        id: true,
        title: true,
        network: { select: { name: true, bundesland: true } },
        topics: { select: { areaId: true, area: { select: { name: true } } } },
        conflicts: { where: { jurorId: juror.id, status: { not: "DISMISSED" } }, select: { status: true, reason: true } },
        preferences: { where: { jurorId: juror.id }, select: { level: true } },
      },
      orderBy: [{ title: "asc" }, { id: "asc" }],
    }),
    prisma.jurorExpertise.findMany({ where: { userId: juror.id }, select: { areaId: true } }),
    prisma.reviewAssignment.count({ where: { application: { stageId: stage.id } } }),
    preferencesOpen(prisma, stage),
  ]);
  const mine = new Set(myAreas.map((chosen) => chosen.areaId));
  return {
    stage: { id: stage.id, kind: stage.kind, callTitle: stage.call.title, blind: stage.call.blindReview },
    noConflictsDeclaredAt: seat.noConflictsDeclaredAt,
    preferencesOpen: preferencePhase,
    /** Own declarations can be withdrawn until the first assignment of the stage exists. */
    declarationsWithdrawable: assignmentCount === 0,
    applications: applications.map((application) => ({
      id: application.id,
      title: application.title,
      bundesland: application.network.bundesland,
      networkName: stage.call.blindReview ? null : application.network.name,
      conflict: application.conflicts[0] ?? null,
      preference: application.preferences[0]?.level ?? null,
      matches: application.topics.filter((topic) => mine.has(topic.areaId)).map((topic) => topic.area.name),
    })),
  };
}
