import type { Bundesland } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { requireConfirmation } from "../confirmation.server";
import type { CurrentUser } from "../accounts/session.server";
import { inviteJurorOntoStage } from "../accounts/accounts.server";
import { detectConflicts } from "./conflicts.server";
import { dropUnstartedAssignments, juryApplicationsOf, managedStage } from "./stage-scope.server";

type Actor = Pick<CurrentUser, "id" | "role">;

/** Reads a stage the manager looks after in their transaction; a stage of another programme is a 404. */
async function findManagedStage(tx: Transaction, actor: Actor, target: { callId: string; stageId: string }) {
  const stage = await tx.callStage.findFirst({ where: managedStage(actor, target.callId, target.stageId), select: { id: true, callId: true } });
  if (!stage) throw notFound();
  return stage;
}

/**
 * The jury of a stage with each member's profile (the expertise of the call's programme only), the
 * even share a member without a maximum gets, the JUROR accounts that could still join, and the
 * invitations not yet accepted.
 */
export async function loadStageJury(actor: Actor, callId: string, stageId: string, now = new Date()) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, callId, stageId),
    select: {
      id: true,
      kind: true,
      reviewsPerApplication: true,
      call: { select: { id: true, title: true, programmeId: true } },
      jury: {
        select: {
          id: true,
          maxLoad: true,
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              organisation: true,
              emailDomains: true,
              bundesland: true,
              expertise: { select: { area: { select: { name: true, programmeId: true, position: true } } }, orderBy: { area: { position: "asc" } } },
            },
          },
        },
        orderBy: { user: { name: "asc" } },
      },
      invitations: { where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true, name: true, email: true, expiresAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!stage) throw notFound();
  const [applicationCount, candidates] = await Promise.all([
    prisma.application.count({ where: juryApplicationsOf(stage.id) }),
    prisma.user.findMany({
      where: { role: "JUROR", disabledAt: null, juryMemberships: { none: { stageId: stage.id } } },
      select: { id: true, name: true, email: true, organisation: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const members = stage.jury.map((member) => ({
    id: member.id,
    maxLoad: member.maxLoad,
    name: member.user.name,
    email: member.user.email,
    organisation: member.user.organisation,
    emailDomains: member.user.emailDomains,
    bundesland: member.user.bundesland,
    expertise: member.user.expertise.filter((chosen) => chosen.area.programmeId === stage.call.programmeId).map((chosen) => chosen.area.name),
  }));
  const evenShare = members.length === 0 ? null : Math.ceil((applicationCount * stage.reviewsPerApplication) / members.length);
  return {
    call: { id: stage.call.id, title: stage.call.title },
    stage: { id: stage.id, kind: stage.kind, reviewsPerApplication: stage.reviewsPerApplication },
    applicationCount,
    evenShare,
    members,
    candidates,
    invitations: stage.invitations,
  };
}

/** Puts an existing juror account on the stage's jury and looks for their possible conflicts at once. */
export async function addJurorToStage(actor: Actor, target: { callId: string; stageId: string; userId: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const stage = await findManagedStage(tx, actor, target);
    const juror = await tx.user.findFirst({ where: { id: target.userId, role: "JUROR", disabledAt: null }, select: { id: true } });
    if (!juror) throw new RefusedError("reviewJury.jury.notAJuror", { field: "userId" });
    if (await tx.juryMembership.findUnique({ where: { stageId_userId: { stageId: stage.id, userId: juror.id } }, select: { id: true } })) {
      throw new RefusedError("reviewJury.jury.alreadyMember", { field: "userId" });
    }
    const membership = await tx.juryMembership.create({ data: { callId: stage.callId, stageId: stage.id, userId: juror.id, createdAt: now } });
    await recordAudit(tx, { actorId: actor.id, entityType: "JuryMembership", entityId: membership.id, action: "juror-added", data: { stageId: stage.id, userId: juror.id } }, now);
    await detectConflicts(stage.id, { tx, jurorId: juror.id, actorId: actor.id, now });
  });
}

/** Invites someone without an account onto the jury by mail (the accounts' invitation flow). */
export async function inviteJurorToStage(
  actor: Pick<CurrentUser, "id" | "role" | "name">,
  input: { callId: string; stageId: string; name: string; email: string; locale: Locale },
  context: { baseUrl: string; now?: Date },
): Promise<void> {
  const stage = await prisma.callStage.findFirst({ where: managedStage(actor, input.callId, input.stageId), select: { id: true, callId: true } });
  if (!stage) throw notFound();
  await inviteJurorOntoStage(actor, { name: input.name, email: input.email, locale: input.locale, callId: stage.callId, stageId: stage.id }, context);
}

/** A member's maximum number of reviews; null gives them the even share. */
export async function setJurorMaxLoad(actor: Actor, target: { callId: string; stageId: string; membershipId: string; maxLoad: number | null }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const stage = await findManagedStage(tx, actor, target);
    const membership = await tx.juryMembership.findFirst({ where: { id: target.membershipId, stageId: stage.id }, select: { id: true, maxLoad: true } });
    if (!membership) throw notFound();
    await tx.juryMembership.update({ where: { id: membership.id }, data: { maxLoad: target.maxLoad } });
    await recordAudit(tx, { actorId: actor.id, entityType: "JuryMembership", entityId: membership.id, action: "max-load-set", data: { from: membership.maxLoad, to: target.maxLoad } }, now);
  });
}

/**
 * Takes a juror off the stage's jury. Their assignments of the stage whose review has not been
 * submitted go with them (each with an audit event), so a re-run of the assignment fills the gaps;
 * submitted reviews stay.
 */
export async function removeJurorFromStage(actor: Actor, target: { callId: string; stageId: string; membershipId: string; confirmed?: boolean }, now = new Date()): Promise<{ assignmentsRemoved: number }> {
  return prisma.$transaction(async (tx) => {
    const stage = await findManagedStage(tx, actor, target);
    const membership = await tx.juryMembership.findFirst({ where: { id: target.membershipId, stageId: stage.id }, select: { id: true, userId: true } });
    if (!membership) throw notFound();
    requireConfirmation(target.confirmed);
    const assignmentsRemoved = await dropUnstartedAssignments(tx, { jurorId: membership.userId, applications: { stageId: stage.id } }, { actorId: actor.id, reason: "juror-removed", now });
    await tx.juryMembership.delete({ where: { id: membership.id } });
    await recordAudit(tx, { actorId: actor.id, entityType: "JuryMembership", entityId: membership.id, action: "juror-removed", data: { stageId: stage.id, userId: membership.userId, assignmentsRemoved } }, now);
    return { assignmentsRemoved };
  });
}

/** What a juror keeps on their profile for finding conflicts and matching expertise, and the areas they may choose from. */
export async function loadJurorProfile(jurorId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: jurorId },
    select: {
      organisation: true,
      emailDomains: true,
      bundesland: true,
      expertise: { select: { areaId: true } },
      juryMemberships: { select: { call: { select: { programme: { select: { id: true, name: true, expertise: { select: { id: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] } } } } } } },
    },
  });
  const programmes = new Map(user.juryMemberships.map(({ call }) => [call.programme.id, call.programme]));
  return {
    organisation: user.organisation,
    emailDomains: user.emailDomains,
    bundesland: user.bundesland,
    areaIds: user.expertise.map((chosen) => chosen.areaId),
    programmes: [...programmes.values()].sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}

/**
 * Saves a juror's profile. The expertise can only come from programmes whose juries they sit on;
 * every jury they sit on is searched for conflicts again in the same transaction, since the
 * organisation, domains and Land are what the search compares.
 */
export async function updateJurorProfile(
  juror: Pick<CurrentUser, "id">,
  input: { organisation: string; emailDomains: string[]; bundesland: Bundesland | null; areaIds: string[] },
  now = new Date(),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const seats = await tx.juryMembership.findMany({ where: { userId: juror.id }, select: { stageId: true, call: { select: { programmeId: true } } } });
    const programmeIds = [...new Set(seats.map((seat) => seat.call.programmeId))];
    const areas = await tx.expertiseArea.findMany({ where: { id: { in: input.areaIds }, programmeId: { in: programmeIds } }, select: { id: true } });
    if (areas.length !== new Set(input.areaIds).size) throw new RefusedError("reviewJury.topics.unknownArea", { field: "areaIds" });
    await tx.user.update({ where: { id: juror.id }, data: { organisation: input.organisation, emailDomains: input.emailDomains, bundesland: input.bundesland } });
    await tx.jurorExpertise.deleteMany({ where: { userId: juror.id, area: { programmeId: { in: programmeIds } } } });
    await tx.jurorExpertise.createMany({ data: areas.map((area) => ({ userId: juror.id, areaId: area.id })) });
    await recordAudit(tx, { actorId: juror.id, entityType: "User", entityId: juror.id, action: "juror-profile-updated", data: { ...input } }, now);
    for (const stageId of new Set(seats.map((seat) => seat.stageId))) await detectConflicts(stageId, { tx, jurorId: juror.id, actorId: juror.id, now });
  });
}
