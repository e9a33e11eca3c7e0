import type { ConflictStatus } from "~/generated/prisma/enums";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { managedCalls } from "../applications/access.server";
import { suspectConflict } from "./conflict-matching";
import { dropUnstartedAssignments, juryApplicationsOf, managedStage } from "./stage-scope.server";

type Actor = Pick<CurrentUser, "id" | "role">;

export interface DetectionResult {
  found: number;
  updated: number;
  cleared: number;
}

/**
 * Looks for possible conflicts of interest between the stage's jurors (or one of them) and its
 * applications from the eligibility check on (see `conflict-matching.ts` for the rules). A match
 * becomes a SUSPECTED conflict, which hides the application from the juror until a manager dismisses
 * it; a SUSPECTED conflict whose match is gone (the juror changed their profile) is cleared. Rows a
 * person has decided on (declared, confirmed, dismissed) are never touched. Runs inside the caller's
 * transaction when given one (a juror joining, a profile saved), otherwise in its own.
 */
export async function detectConflicts(stageId: string, options: { tx?: Transaction; jurorId?: string; actorId?: string | null; now?: Date } = {}): Promise<DetectionResult> {
  const run = (tx: Transaction) => detectInTransaction(tx, stageId, options);
  return options.tx ? run(options.tx) : prisma.$transaction(run);
}

async function detectInTransaction(tx: Transaction, stageId: string, options: { jurorId?: string; actorId?: string | null; now?: Date }): Promise<DetectionResult> {
  const stage = await tx.callStage.findUnique({
    where: { id: stageId },
    select: {
      conflictSameBundesland: true,
      jury: {
        where: options.jurorId ? { userId: options.jurorId } : {},
        select: { user: { select: { id: true, email: true, organisation: true, emailDomains: true, bundesland: true, memberships: { select: { networkId: true } } } } },
      },
    },
  });
  const result: DetectionResult = { found: 0, updated: 0, cleared: 0 };
  if (!stage || stage.jury.length === 0) return result;
  const jurors = stage.jury.map(({ user }) => ({ ...user, networkIds: user.memberships.map((membership) => membership.networkId) }));
  const [applications, existing] = await Promise.all([
    tx.application.findMany({
      where: juryApplicationsOf(stageId),
      select: {
        id: true,
        network: {
          select: { id: true, name: true, bundesland: true, partners: { select: { name: true, contactEmail: true } }, memberships: { select: { user: { select: { email: true } } } } },
        },
      },
    }),
    tx.conflict.findMany({
      where: { application: { stageId }, jurorId: { in: jurors.map((juror) => juror.id) } },
      select: { id: true, applicationId: true, jurorId: true, status: true, grounds: true, detail: true },
    }),
  ]);
  const existingByPair = new Map(existing.map((conflict) => [`${conflict.applicationId}|${conflict.jurorId}`, conflict]));
  for (const application of applications) {
    const network = { ...application.network, memberEmails: application.network.memberships.map((membership) => membership.user.email) };
    for (const juror of jurors) {
      const suspicion = suspectConflict(juror, network, { sameBundeslandCounts: stage.conflictSameBundesland });
      const current = existingByPair.get(`${application.id}|${juror.id}`);
      if (current && current.status !== "SUSPECTED") continue;
      if (suspicion && !current) {
        await tx.conflict.create({
          data: { applicationId: application.id, jurorId: juror.id, source: "DETECTED", status: "SUSPECTED", grounds: suspicion.grounds, detail: suspicion.detail, createdAt: options.now },
        });
        result.found += 1;
      } else if (suspicion && current && (current.detail !== suspicion.detail || current.grounds.join() !== suspicion.grounds.join())) {
        await tx.conflict.update({ where: { id: current.id }, data: { grounds: suspicion.grounds, detail: suspicion.detail } });
        result.updated += 1;
      } else if (!suspicion && current) {
        await tx.conflict.delete({ where: { id: current.id } });
        result.cleared += 1;
      }
    }
  }
  if (result.found + result.updated + result.cleared > 0) {
    await recordAudit(
      tx,
      { actorId: options.actorId ?? null, entityType: "CallStage", entityId: stageId, action: "conflicts-detected", data: { ...result, ...(options.jurorId ? { jurorId: options.jurorId } : {}) } },
      options.now,
    );
  }
  return result;
}

/** Detection on the manager's button, for a stage they look after. */
export async function detectConflictsOnRequest(actor: Actor, target: { callId: string; stageId: string }, now = new Date()): Promise<DetectionResult> {
  const stage = await prisma.callStage.findFirst({ where: managedStage(actor, target.callId, target.stageId), select: { id: true } });
  if (!stage) throw notFound();
  return detectConflicts(stage.id, { actorId: actor.id, now });
}

/** The manager's page: every conflict of the stage, and who of the jury has answered for their whole list. */
export async function loadStageConflicts(actor: Actor, callId: string, stageId: string) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, callId, stageId),
    select: {
      id: true,
      kind: true,
      conflictSameBundesland: true,
      call: { select: { id: true, title: true } },
      jury: { select: { id: true, noConflictsDeclaredAt: true, user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  if (!stage) throw notFound();
  const conflicts = await prisma.conflict.findMany({
    where: { application: juryApplicationsOf(stage.id) },
    select: {
      id: true,
      source: true,
      status: true,
      grounds: true,
      detail: true,
      reason: true,
      resolutionReason: true,
      resolvedAt: true,
      createdAt: true,
      resolvedBy: { select: { name: true } },
      juror: { select: { id: true, name: true } },
      application: { select: { id: true, title: true, network: { select: { name: true, bundesland: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const declaredBy = new Set(conflicts.filter((conflict) => conflict.status === "DECLARED").map((conflict) => conflict.juror.id));
  const jury = stage.jury.map((member) => ({ id: member.id, name: member.user.name, noConflictsDeclaredAt: member.noConflictsDeclaredAt, declaredSome: declaredBy.has(member.user.id) }));
  return { call: stage.call, stage: { id: stage.id, kind: stage.kind, conflictSameBundesland: stage.conflictSameBundesland }, conflicts, jury };
}

/**
 * A manager confirms a found conflict (a reason is optional) or dismisses it (a reason is required).
 * Only a SUSPECTED conflict is decided, once: the update is conditional on that status, so a second
 * click or a colleague deciding at the same moment is refused. Confirming removes the pair's
 * assignment unless its review is already submitted.
 */
export async function resolveConflict(
  actor: Actor,
  input: { callId: string; stageId: string; conflictId: string; decision: "confirm" | "dismiss"; reason: string },
  now = new Date(),
): Promise<void> {
  const reason = input.reason.trim();
  if (input.decision === "dismiss" && !reason) throw new RefusedError("reviewJury.error.reasonRequired", { field: "reason" });
  const status: ConflictStatus = input.decision === "confirm" ? "CONFIRMED" : "DISMISSED";
  await prisma.$transaction(async (tx) => {
    const conflict = await tx.conflict.findFirst({
      where: { id: input.conflictId, application: { stageId: input.stageId, callId: input.callId, call: managedCalls(actor) } },
      select: { id: true, status: true, jurorId: true, applicationId: true },
    });
    if (!conflict) throw notFound();
    const decided = await tx.conflict.updateMany({
      where: { id: conflict.id, status: "SUSPECTED" },
      data: { status, resolvedById: actor.id, resolvedAt: now, resolutionReason: reason },
    });
    if (decided.count !== 1) throw new RefusedError("reviewJury.conflicts.alreadyDecided");
    if (status === "CONFIRMED") {
      await dropUnstartedAssignments(tx, { jurorId: conflict.jurorId, applications: { id: conflict.applicationId } }, { actorId: actor.id, reason: "conflict-confirmed", now });
    }
    await recordAudit(
      tx,
      { actorId: actor.id, entityType: "Conflict", entityId: conflict.id, action: `conflict-${input.decision}ed`, fromState: "SUSPECTED", toState: status, data: { reason } },
      now,
    );
  });
}

/** The juror's own seat on the stage's jury, read in the transaction of their change; anything else is a 404. */
async function jurorSeat(tx: Transaction, jurorId: string, stageId: string) {
  const seat = await tx.juryMembership.findUnique({ where: { stageId_userId: { stageId, userId: jurorId } }, select: { id: true } });
  if (!seat) throw notFound();
  return seat;
}

/**
 * A juror declares a conflict with one application of their stage, with a reason. It stands without
 * a manager, also over a found one (pending or dismissed: the juror knows better). Their assignment
 * to it goes unless the review is already submitted.
 */
export async function declareConflict(juror: Pick<CurrentUser, "id">, input: { stageId: string; applicationId: string; reason: string }, now = new Date()): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new RefusedError("reviewJury.error.reasonRequired", { field: "reason" });
  await prisma.$transaction(async (tx) => {
    await jurorSeat(tx, juror.id, input.stageId);
    const application = await tx.application.findFirst({ where: { id: input.applicationId, ...juryApplicationsOf(input.stageId) }, select: { id: true } });
    if (!application) throw notFound();
    const pair = { applicationId_jurorId: { applicationId: application.id, jurorId: juror.id } };
    const existing = await tx.conflict.findUnique({ where: pair, select: { id: true, status: true } });
    if (existing?.status === "DECLARED" || existing?.status === "CONFIRMED") throw new RefusedError("reviewJury.juror.alreadyConflicted");
    const declared = await tx.conflict.upsert({
      where: pair,
      create: { applicationId: application.id, jurorId: juror.id, source: "DECLARED", status: "DECLARED", reason, createdAt: now },
      update: { source: "DECLARED", status: "DECLARED", reason, resolvedById: null, resolvedAt: null, resolutionReason: "" },
      select: { id: true },
    });
    await dropUnstartedAssignments(tx, { jurorId: juror.id, applications: { id: application.id } }, { actorId: juror.id, reason: "conflict-declared", now });
    await recordAudit(tx, { actorId: juror.id, entityType: "Conflict", entityId: declared.id, action: "conflict-declared", fromState: existing?.status, toState: "DECLARED", data: { reason, applicationId: input.applicationId } }, now);
  });
}

/**
 * A juror takes back their own declaration, only while nobody of the stage has been assigned yet:
 * afterwards the assignment was planned around it. What the portal would find for the pair is
 * looked for again at once, so withdrawing cannot hide a match.
 */
export async function withdrawDeclaration(juror: Pick<CurrentUser, "id">, input: { stageId: string; applicationId: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await jurorSeat(tx, juror.id, input.stageId);
    const declared = await tx.conflict.findFirst({
      where: { applicationId: input.applicationId, jurorId: juror.id, status: "DECLARED", application: juryApplicationsOf(input.stageId) },
      select: { id: true, reason: true },
    });
    if (!declared) throw new RefusedError("reviewJury.juror.nothingToWithdraw");
    if ((await tx.reviewAssignment.count({ where: { application: { stageId: input.stageId } } })) > 0) throw new RefusedError("reviewJury.juror.withdrawAfterAssignment");
    await tx.conflict.delete({ where: { id: declared.id } });
    await recordAudit(tx, { actorId: juror.id, entityType: "Conflict", entityId: declared.id, action: "conflict-withdrawn", fromState: "DECLARED", data: { reason: declared.reason, applicationId: input.applicationId } }, now);
    await detectInTransaction(tx, input.stageId, { jurorId: juror.id, actorId: juror.id, now });
  });
}

/** "I have no conflict with any of these applications" for the juror's whole list of the stage. */
export async function declareNoConflicts(juror: Pick<CurrentUser, "id">, stageId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const seat = await jurorSeat(tx, juror.id, stageId);
    await tx.juryMembership.update({ where: { id: seat.id }, data: { noConflictsDeclaredAt: now } });
    await recordAudit(tx, { actorId: juror.id, entityType: "JuryMembership", entityId: seat.id, action: "no-conflicts-declared" }, now);
  });
}
