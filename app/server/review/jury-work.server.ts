import { prisma } from "../db.server";
import type { CurrentUser } from "../accounts/session.server";
import { reviewableApplications } from "../applications/access.server";

/** The calls whose jury the person sits on, and the applications assigned to them that are not in conflict. */
export async function juryWorkOf(actor: CurrentUser) {
  const [juries, assignments] = await Promise.all([
    prisma.juryMembership.findMany({
      where: { userId: actor.id },
      select: { call: { select: { id: true, title: true, slug: true, stages: { select: { kind: true, closesAt: true }, orderBy: { position: "asc" } } } } },
    }),
    prisma.reviewAssignment.findMany({
      where: { jurorId: actor.id, application: reviewableApplications(actor.id) },
      select: {
        id: true,
        dueAt: true,
        application: { select: { title: true, network: { select: { name: true } }, call: { select: { title: true } } } },
        review: { select: { state: true } },
      },
      orderBy: { assignedAt: "asc" },
    }),
  ]);
  return { juries: juries.map((membership) => membership.call), assignments };
}
