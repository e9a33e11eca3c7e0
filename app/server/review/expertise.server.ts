import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { requireConfirmation } from "../confirmation.server";
import type { CurrentUser } from "../accounts/session.server";
import { managedApplications } from "../applications/access.server";

type Actor = Pick<CurrentUser, "id" | "role">;

/** Programmes whose expertise list a person keeps: their own for managers, all for admins. */
function managedProgrammes(actor: Actor): Prisma.ProgrammeWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "MANAGER") return { managers: { some: { userId: actor.id } } };
  return { id: { in: [] } };
}

/** The programme's areas of expertise, each with how many jurors chose it and how many applications carry it. */
export async function loadProgrammeExpertise(actor: Actor, programmeId: string) {
  const programme = await prisma.programme.findFirst({
    where: { id: programmeId, ...managedProgrammes(actor) },
    select: {
      id: true,
      name: true,
      expertise: { select: { id: true, name: true, _count: { select: { jurors: true, applications: true } } }, orderBy: [{ position: "asc" }, { name: "asc" }] },
    },
  });
  if (!programme) throw notFound();
  return {
    programme: { id: programme.id, name: programme.name },
    areas: programme.expertise.map((area) => ({ id: area.id, name: area.name, jurors: area._count.jurors, applications: area._count.applications })),
  };
}

async function refuseDuplicate(tx: Transaction, programmeId: string, name: string, exceptId?: string) {
  const twin = await tx.expertiseArea.findFirst({ where: { programmeId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (twin) throw new RefusedError("reviewJury.expertise.duplicate", { field: "name" });
}

export async function addExpertiseArea(actor: Actor, input: { programmeId: string; name: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const programme = await tx.programme.findFirst({ where: { id: input.programmeId, ...managedProgrammes(actor) }, select: { id: true, _count: { select: { expertise: true } } } });
    if (!programme) throw notFound();
    await refuseDuplicate(tx, programme.id, input.name);
    const area = await tx.expertiseArea.create({ data: { programmeId: programme.id, name: input.name, position: programme._count.expertise, createdAt: now } });
    await recordAudit(tx, { actorId: actor.id, entityType: "ExpertiseArea", entityId: area.id, action: "expertise-added", data: { name: input.name } }, now);
  });
}

/** An area of a programme the person keeps, read in their transaction (404 otherwise). */
async function managedArea(tx: Transaction, actor: Actor, input: { programmeId: string; areaId: string }) {
  const area = await tx.expertiseArea.findFirst({ where: { id: input.areaId, programmeId: input.programmeId, programme: managedProgrammes(actor) }, select: { id: true, name: true, programmeId: true } });
  if (!area) throw notFound();
  return area;
}

export async function renameExpertiseArea(actor: Actor, input: { programmeId: string; areaId: string; name: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const area = await managedArea(tx, actor, input);
    await refuseDuplicate(tx, area.programmeId, input.name, area.id);
    await tx.expertiseArea.update({ where: { id: area.id }, data: { name: input.name } });
    await recordAudit(tx, { actorId: actor.id, entityType: "ExpertiseArea", entityId: area.id, action: "expertise-renamed", data: { from: area.name, to: input.name } }, now);
  });
}

/** Removing an area takes it from every juror's profile and every application's topics, so it asks first. */
export async function removeExpertiseArea(actor: Actor, input: { programmeId: string; areaId: string; confirmed?: boolean }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const area = await managedArea(tx, actor, input);
    requireConfirmation(input.confirmed);
    const [jurors, applications] = await Promise.all([tx.jurorExpertise.count({ where: { areaId: area.id } }), tx.applicationTopic.count({ where: { areaId: area.id } })]);
    await tx.expertiseArea.delete({ where: { id: area.id } });
    await recordAudit(tx, { actorId: actor.id, entityType: "ExpertiseArea", entityId: area.id, action: "expertise-removed", data: { name: area.name, jurors, applications } }, now);
  });
}

/** The areas of the application's programme, and which of them the application is tagged with. */
export async function loadApplicationTopics(actor: Actor, applicationId: string) {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, managedApplications(actor)] },
    select: {
      id: true,
      topics: { select: { areaId: true } },
      call: { select: { programme: { select: { id: true, expertise: { select: { id: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] } } } } },
    },
  });
  if (!application) throw notFound();
  return { programmeId: application.call.programme.id, areas: application.call.programme.expertise, chosen: application.topics.map((topic) => topic.areaId) };
}

/** Tags an application with areas of its own programme's list; the chosen set replaces the previous one. */
export async function setApplicationTopics(actor: Actor, input: { applicationId: string; areaIds: string[] }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { AND: [{ id: input.applicationId }, managedApplications(actor)] }, select: { id: true, call: { select: { programmeId: true } } } });
    if (!application) throw notFound();
    const areas = await tx.expertiseArea.findMany({ where: { id: { in: input.areaIds }, programmeId: application.call.programmeId }, select: { id: true } });
    if (areas.length !== new Set(input.areaIds).size) throw new RefusedError("reviewJury.topics.unknownArea");
    await tx.applicationTopic.deleteMany({ where: { applicationId: application.id } });
    await tx.applicationTopic.createMany({ data: areas.map((area) => ({ applicationId: application.id, areaId: area.id })) });
    // Its own entity type: the tags are the programme's working notes, not a step in the application's history the network reads.
    await recordAudit(tx, { actorId: actor.id, entityType: "ApplicationTopic", entityId: application.id, action: "topics-set", data: { areaIds: areas.map((area) => area.id) } }, now);
  });
}
