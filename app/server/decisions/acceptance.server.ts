import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "../db.server";
import { notFound, RefusedError } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { changeApplicationState, type ApplicationTransition } from "../applications/workflow.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * A released award's answer: the network's coordinators accept or decline it until its `acceptBy`;
 * after that day a manager records that it lapsed (the network did not answer in time), which counts
 * as declined and offers the money to the waiting list. Both ask first (the answer is final).
 */
export type AwardResponse = "ACCEPTED" | "DECLINED" | "LAPSED";

type Actor = Pick<CurrentUser, "id" | "role">;

/** Who may give which answer: the network's coordinators accept or decline, the programme's managers record a lapse. */
function answerers(actor: Actor, response: AwardResponse): Prisma.ApplicationWhereInput {
  if (response === "LAPSED") return managedApplications(actor);
  return actor.role === "APPLICANT" ? { network: { memberships: { some: { userId: actor.id, role: "COORDINATOR" } } } } : { id: { in: [] } };
}

export async function respondToAward(
  actor: Actor,
  input: { applicationId: string; response: AwardResponse; confirmed: boolean; version?: number },
  now = new Date(),
): Promise<ApplicationTransition> {
  const where = answerers(actor, input.response);
  // The released, unanswered award the answer is about (a network sees nothing unreleased: 404).
  const award = await prisma.decision.findFirst({
    where: { applicationId: input.applicationId, application: where, supersededAt: null, outcome: "FUNDED", releasedAt: { not: null } },
    select: { id: true, acceptBy: true, response: true },
  });
  if (!award) throw notFound();
  if (award.response !== null) throw new RefusedError("decisions.error.alreadyAnswered");
  const periodOver = award.acceptBy !== null && now >= award.acceptBy;
  if (input.response === "LAPSED" && !periodOver) throw new RefusedError("decisions.error.notYetLapsed");
  if (input.response !== "LAPSED" && periodOver) throw new RefusedError("decisions.error.acceptancePeriodOver");
  return changeApplicationState({
    applicationId: input.applicationId,
    where,
    event: { type: input.response === "ACCEPTED" ? "ACCEPT_AWARD" : "DECLINE_AWARD" },
    actorId: actor.id,
    now,
    expectedVersion: input.version,
    unconfirmed: !input.confirmed,
    refusal: () => "decisions.error.alreadyAnswered",
    auditData: { response: input.response },
    alsoInTransaction: async (tx) => {
      // Conditional on the award still being the unanswered current one, so two answers cannot both count.
      const answered = await tx.decision.updateMany({ where: { id: award.id, supersededAt: null, response: null }, data: { response: input.response, respondedAt: now } });
      if (answered.count !== 1) throw new RefusedError("decisions.error.alreadyAnswered");
    },
  });
}
