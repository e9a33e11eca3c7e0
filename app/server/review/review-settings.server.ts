import type { ReviewSettingsInput } from "~/forms/review-eligibility-schemas";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { managedStage } from "./stage-scope.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * A stage's review settings (reviews per application, review deadline, preferences, reminders,
 * disagreement threshold, same-Land conflicts) and the call's two review settings that hold for all
 * its stages (blind review, jurors' names in the discussion).
 */
type Actor = Pick<CurrentUser, "id" | "role">;
interface StageRef {
  callId: string;
  stageId: string;
}

const settingsSelect = {
  id: true,
  kind: true,
  reviewsPerApplication: true,
  reviewDueAt: true,
  preferencesOpen: true,
  reminderDaysBefore: true,
  disagreementThreshold: true,
  conflictSameBundesland: true,
  rubric: { select: { scaleMin: true, scaleMax: true } },
  call: { select: { id: true, title: true, blindReview: true, showJurorNames: true } },
} as const;

async function findSettings(db: Transaction | typeof prisma, actor: Actor, { callId, stageId }: StageRef) {
  const stage = await db.callStage.findFirst({ where: managedStage(actor, callId, stageId), select: settingsSelect });
  if (!stage) throw notFound();
  return stage;
}

/**
 * Jurors who were shown a network's name cannot unsee it, and jurors who reviewed blind would suddenly
 * see names: so blind review is fixed once any assignment of the call has been released to a juror.
 */
function blindReviewFixed(db: Transaction | typeof prisma, callId: string): Promise<boolean> {
  return db.reviewAssignment.count({ where: { application: { callId }, releasedAt: { not: null } }, take: 1 }).then((count) => count > 0);
}

export async function loadReviewSettings(actor: Actor, ref: StageRef) {
  const stage = await findSettings(prisma, actor, ref);
  const { call, rubric, ...settings } = stage;
  return { call: { id: call.id, title: call.title }, stage: settings, scale: rubric, blindReview: call.blindReview, showJurorNames: call.showJurorNames, blindReviewFixed: await blindReviewFixed(prisma, call.id) };
}
export type ReviewSettingsPage = Awaited<ReturnType<typeof loadReviewSettings>>;

export async function updateReviewSettings(actor: Actor, ref: StageRef, input: ReviewSettingsInput, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const stage = await findSettings(tx, actor, ref);
    // The threshold is a distance between two weighted totals, which never exceeds the scale's span.
    if (stage.rubric && input.disagreementThreshold > stage.rubric.scaleMax - stage.rubric.scaleMin) {
      throw new RefusedError("eligibility.settings.error.thresholdAboveScale", { field: "disagreementThreshold" });
    }
    if (input.blindReview !== stage.call.blindReview && (await blindReviewFixed(tx, stage.call.id))) {
      throw new RefusedError("eligibility.settings.error.blindFixed", { field: "blindReview" });
    }
    const { blindReview, showJurorNames, ...stageSettings } = input;
    await tx.callStage.update({ where: { id: stage.id }, data: stageSettings });
    await tx.call.update({ where: { id: stage.call.id }, data: { blindReview, showJurorNames } });
    const { id: _id, kind: _kind, rubric: _rubric, call, ...before } = stage;
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "CallStage",
        entityId: stage.id,
        action: "UPDATE_REVIEW_SETTINGS",
        data: { before: { ...before, blindReview: call.blindReview, showJurorNames: call.showJurorNames }, after: input },
      },
      now,
    );
  });
}
