import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import type { DecisionOutcome } from "../../app/generated/prisma/enums";
import type { ApplicationEvent } from "../../workflows/application.machine";
import { changeApplicationState } from "../../app/server/applications/workflow.server";
import { addMember } from "./application-fixtures";
import { createReviewWorld } from "./review-world";

/** When the fixtures decide: 10:00 Berlin on 1 December 2026, after the jury's work. */
export const DECIDING = new Date("2026-12-01T09:00:00Z");

const decideEvent: Record<DecisionOutcome, ApplicationEvent> = {
  FUNDED: { type: "DECIDE_AWARD", isOutline: false },
  INVITED_TO_NEXT_STAGE: { type: "DECIDE_INVITATION", isOutline: true },
  WAITLISTED: { type: "DECIDE_WAITLIST" },
  REJECTED: { type: "DECIDE_REJECTION" },
};

/** A decision as the decisions step records it: the machine's step and the Decision row in one transaction. */
export async function decide(
  manager: CurrentUser,
  applicationId: string,
  decision: { outcome: DecisionOutcome; amountCents?: bigint; supportDescription?: string; conditions?: string[]; reason?: string; feedback?: string; sharedReviewIds?: string[] },
  now = DECIDING,
) {
  await changeApplicationState({
    applicationId,
    where: {},
    event: decideEvent[decision.outcome],
    actorId: manager.id,
    now,
    alsoInTransaction: async (tx) => {
      await tx.decision.create({ data: { applicationId, rankingBasis: "RAW", decidedById: manager.id, decidedAt: now, ...decision } });
    },
  });
}

/** The active coordinators of the application's network, as signed-in people. */
export async function coordinatorsOf(applicationId: string): Promise<CurrentUser[]> {
  const application = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { networkId: true } });
  const memberships = await prisma.networkMembership.findMany({ where: { networkId: application.networkId, role: "COORDINATOR" }, select: { user: true }, orderBy: { createdAt: "asc" } });
  return memberships.map(({ user }) => ({ id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, bundesland: null, sessionId: "test" }));
}

/**
 * The review world's two applications decided: the first awarded 500,000 € with feedback and both
 * submitted reviews' comments shared; the second rejected with an internal reason. The first network
 * has a second, English-speaking coordinator and a collaborator (who gets no mail).
 */
export async function decidedWorld() {
  const world = await createReviewWorld();
  const [funded, rejected] = world.applications.map((application) => application.id) as [string, string];
  const fundedNetwork = (await prisma.application.findUniqueOrThrow({ where: { id: funded } })).networkId;
  const english = await addMember(fundedNetwork, "COORDINATOR");
  await prisma.user.update({ where: { id: english.id }, data: { locale: "en" } });
  await addMember(fundedNetwork, "COLLABORATOR");
  const reviews = await prisma.review.findMany({ where: { state: "submitted", assignment: { applicationId: funded } }, orderBy: { submittedAt: "asc" } });
  await decide(world.manager, funded, { outcome: "FUNDED", amountCents: 50_000_000n, feedback: "Ein starkes Konzept für die Region.", reason: "Platz 1 der Rangliste", sharedReviewIds: reviews.map((review) => review.id) });
  await decide(world.manager, rejected, { outcome: "REJECTED", reason: "INTERN: zu teuer", feedback: "" });
  return { world, ref: { callId: world.callId, stageId: world.stageId }, funded, rejected };
}
