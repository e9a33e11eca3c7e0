import { prisma } from "./db.server";
import type { CurrentUser } from "./session.server";
import type { Bundesland } from "~/generated/prisma/enums";

/** The networks the person belongs to, with partners and their applications. */
export async function networksOfMember(actor: CurrentUser) {
  return prisma.network.findMany({
    where: { memberships: { some: { userId: actor.id } } },
    select: {
      id: true,
      name: true,
      bundesland: true,
      region: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      partners: { select: { id: true, name: true, type: true, roleInNetwork: true }, orderBy: { position: "asc" } },
      applications: {
        select: {
          id: true,
          title: true,
          state: true,
          submittedAt: true,
          call: { select: { title: true, slug: true } },
          stage: { select: { kind: true, closesAt: true } },
        },
        orderBy: { createdAt: "desc" },
      },
    },
    orderBy: { name: "asc" },
  });
}

/** For state coordinators: the networks of their Land and the applications shared with them. */
export async function landOverview(actor: CurrentUser) {
  const bundesland = actor.bundesland as Bundesland | null;
  if (!bundesland) return { bundesland: null, networks: [], shared: [] };
  const [networks, shared] = await Promise.all([
    prisma.network.findMany({
      where: { bundesland },
      select: { id: true, name: true, region: true, _count: { select: { partners: true, applications: true } } },
      orderBy: { name: "asc" },
    }),
    prisma.applicationShare.findMany({
      where: { sharedWithUserId: actor.id, application: { network: { bundesland } } },
      select: { application: { select: { id: true, title: true, state: true, network: { select: { name: true } }, call: { select: { title: true } } } } },
    }),
  ]);
  return { bundesland, networks, shared: shared.map((share) => share.application) };
}
