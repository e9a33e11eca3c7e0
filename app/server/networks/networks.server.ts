import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { visibleState } from "../applications/eligibility-visibility.server";
import type { Bundesland, PartnerType } from "~/generated/prisma/enums";

/** The networks the person belongs to, with their partners. */
export async function networksOfMember(actor: CurrentUser) {
  return prisma.network.findMany({
    where: { memberships: { some: { userId: actor.id } } },
    select: {
      id: true,
      name: true,
      bundesland: true,
      partners: { select: { id: true, name: true, roleInNetwork: true }, orderBy: { position: "asc" } },
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
      select: { application: { select: { id: true, title: true, state: true, snapshot: true, stage: { select: { eligibilityReleasedAt: true } }, network: { select: { name: true } }, call: { select: { title: true } } } } },
    }),
  ]);
  return { bundesland, networks, shared: shared.map(({ application: { stage, snapshot, ...application } }) => ({ ...application, state: visibleState(actor, { state: application.state, snapshot }, stage) })) };
}

const memberOf = (actor: Pick<CurrentUser, "id">) => ({ memberships: { some: { userId: actor.id } } });

/**
 * The network page: the person's networks to choose from, and the chosen one's profile, partner
 * roster, people, and (for its coordinators) the open collaborator invitations.
 */
export async function networkForMember(actor: Pick<CurrentUser, "id">, networkId: string | null, now = new Date()) {
  const networks = await prisma.network.findMany({
    where: memberOf(actor),
    select: { id: true, name: true, memberships: { where: { userId: actor.id }, select: { role: true } } },
    orderBy: { name: "asc" },
  });
  const chosen = networks.find((network) => network.id === networkId) ?? networks[0];
  if (!chosen) return { networks: [], network: null };
  const coordinator = chosen.memberships[0]?.role === "COORDINATOR";
  const network = await prisma.network.findUniqueOrThrow({
    where: { id: chosen.id },
    select: {
      id: true,
      name: true,
      bundesland: true,
      region: true,
      description: true,
      website: true,
      partners: { select: { id: true, name: true, type: true, roleInNetwork: true, contactEmail: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      memberships: { select: { role: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      invitations: {
        where: coordinator ? { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } : { id: { in: [] } },
        select: { id: true, name: true, email: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  return { networks: networks.map((entry) => ({ id: entry.id, name: entry.name })), network: { ...network, coordinator } };
}

export interface NetworkProfileInput {
  networkId: string;
  region: string;
  description: string;
  website: string | null;
}

/** Region, description and website; the name stays as registered (it identifies the network). */
export async function updateNetworkProfile(actor: Pick<CurrentUser, "id">, input: NetworkProfileInput, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const written = await tx.network.updateMany({
      where: { id: input.networkId, ...memberOf(actor) },
      data: { region: input.region, description: input.description, website: input.website },
    });
    if (written.count !== 1) throw notFound();
    await recordAudit(tx, { actorId: actor.id, entityType: "Network", entityId: input.networkId, action: "profile-updated" }, now);
  });
}

export interface PartnerInput {
  networkId: string;
  /** Absent for a new partner. */
  partnerId?: string;
  name: string;
  type: PartnerType;
  roleInNetwork: string;
  contactEmail: string | null;
}

/** Adds a partner to the roster or changes one; new partners go to the end of the list. */
export async function savePartner(actor: Pick<CurrentUser, "id">, input: PartnerInput, now = new Date()): Promise<{ partnerId: string }> {
  return prisma.$transaction(async (tx) => {
    const network = await tx.network.findFirst({ where: { id: input.networkId, ...memberOf(actor) }, select: { id: true } });
    if (!network) throw notFound();
    const data = { name: input.name, type: input.type, roleInNetwork: input.roleInNetwork, contactEmail: input.contactEmail };
    let partnerId = input.partnerId;
    if (partnerId) {
      const written = await tx.networkPartner.updateMany({ where: { id: partnerId, networkId: network.id }, data });
      if (written.count !== 1) throw notFound();
    } else {
      const last = await tx.networkPartner.aggregate({ where: { networkId: network.id }, _max: { position: true } });
      partnerId = (await tx.networkPartner.create({ data: { ...data, networkId: network.id, position: (last._max.position ?? -1) + 1, createdAt: now }, select: { id: true } })).id;
    }
    await recordAudit(tx, { actorId: actor.id, entityType: "Network", entityId: network.id, action: input.partnerId ? "partner-updated" : "partner-added", data: { partnerId } }, now);
    return { partnerId };
  });
}

/** Removes a partner from the roster; applications that already list it keep their own copy. */
export async function removePartner(actor: Pick<CurrentUser, "id">, input: { networkId: string; partnerId: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const removed = await tx.networkPartner.deleteMany({ where: { id: input.partnerId, networkId: input.networkId, network: memberOf(actor) } });
    if (removed.count !== 1) throw notFound();
    await recordAudit(tx, { actorId: actor.id, entityType: "Network", entityId: input.networkId, action: "partner-removed", data: { partnerId: input.partnerId } }, now);
  });
}
