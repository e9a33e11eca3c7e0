import type { PreferenceLevel } from "~/generated/prisma/enums";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { juryApplicationsOf } from "./stage-scope.server";

/**
 * Preferences count only before the assignment is released: the stage must have them switched on
 * (review settings) and none of its assignments may be out yet.
 */
export async function preferencesOpen(tx: Transaction | typeof prisma, stage: { id: string; preferencesOpen: boolean }): Promise<boolean> {
  if (!stage.preferencesOpen) return false;
  return (await tx.reviewAssignment.count({ where: { application: { stageId: stage.id }, releasedAt: { not: null } } })) === 0;
}

/**
 * Saves the juror's whole list of preferences for the stage: the form lists every application they
 * may state one for, so an application without a level in `levels` has none (any earlier one goes).
 * Applications they are in conflict with take no preference.
 */
export async function savePreferences(juror: Pick<CurrentUser, "id">, input: { stageId: string; levels: Record<string, PreferenceLevel | undefined> }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const seat = await tx.juryMembership.findUnique({
      where: { stageId_userId: { stageId: input.stageId, userId: juror.id } },
      select: { id: true, stage: { select: { id: true, preferencesOpen: true } } },
    });
    if (!seat) throw notFound();
    if (!(await preferencesOpen(tx, seat.stage))) throw new RefusedError("reviewJury.juror.preferencesClosed");
    const open = await tx.application.findMany({
      where: { ...juryApplicationsOf(seat.stage.id), conflicts: { none: { jurorId: juror.id, status: { not: "DISMISSED" } } } },
      select: { id: true },
    });
    const openIds = new Set(open.map((application) => application.id));
    const chosen = Object.entries(input.levels).filter((entry): entry is [string, PreferenceLevel] => entry[1] !== undefined);
    if (chosen.some(([applicationId]) => !openIds.has(applicationId))) throw new RefusedError("reviewJury.juror.preferenceNotPossible");
    await tx.reviewPreference.deleteMany({ where: { jurorId: juror.id, applicationId: { in: [...openIds] } } });
    await tx.reviewPreference.createMany({ data: chosen.map(([applicationId, level]) => ({ applicationId, jurorId: juror.id, level, updatedAt: now })) });
    await recordAudit(tx, { actorId: juror.id, entityType: "JuryMembership", entityId: seat.id, action: "preferences-saved", data: { levels: Object.fromEntries(chosen) } }, now);
  });
}
