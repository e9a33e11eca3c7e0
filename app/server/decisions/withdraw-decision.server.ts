import { managedApplications } from "../applications/access.server";
import { changeApplicationState, type ApplicationTransition } from "../applications/workflow.server";
import type { CurrentUser } from "../accounts/session.server";
import { withdrawRefusal } from "./decision-rules";

/**
 * Takes an unreleased decision back (asks first): the application returns to review, or to its
 * released waiting-list place when it was decided from there. The withdrawn decision is superseded
 * with no successor; a waiting-list place becomes current again, so the board and the release see
 * the application as what it is.
 */
export async function withdrawDecision(actor: Pick<CurrentUser, "id" | "role">, input: { applicationId: string; version: number; confirmed: boolean }, now = new Date()): Promise<ApplicationTransition> {
  return changeApplicationState({
    applicationId: input.applicationId,
    where: managedApplications(actor),
    event: { type: "WITHDRAW_DECISION" },
    actorId: actor.id,
    now,
    expectedVersion: input.version,
    unconfirmed: !input.confirmed,
    refusal: withdrawRefusal,
    alsoInTransaction: async (tx, change) => {
      const withdrawn = await tx.decision.updateMany({ where: { applicationId: change.applicationId, supersededAt: null, releasedAt: null }, data: { supersededAt: now } });
      if (withdrawn.count !== 1) throw new Error(`application ${change.applicationId} had no unreleased decision to withdraw`);
      if (change.to === "waitlisted") {
        const place = await tx.decision.findFirst({
          where: { applicationId: change.applicationId, outcome: "WAITLISTED", releasedAt: { not: null } },
          orderBy: { decidedAt: "desc" },
          select: { id: true },
        });
        if (place) await tx.decision.update({ where: { id: place.id }, data: { supersededAt: null } });
      }
    },
  });
}
