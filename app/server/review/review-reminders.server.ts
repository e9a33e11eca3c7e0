import { utcToBerlinWallClock } from "~/forms/berlin-time";
import { formatCalendarDay, parseCalendarDay, shiftDay } from "~/forms/call-rounds";
import { Prisma } from "~/generated/prisma/client";
import { reviewStatesOpenForEditing } from "@workflows/review.machine";
import { formatDateTime, type Locale } from "~/i18n";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { managedStage } from "./stage-scope.server";
import { composeEmail, queueEmail, type ComposedEmail } from "../mail/outbox.server";
import { wakeOutboxWorker } from "../mail/outbox-worker.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * Reminders to jurors about their open reviews of a stage: sent by a manager to a late juror, and
 * by the schedule `reminderDaysBefore` days before the review deadline and on the deadline's day
 * (Berlin dates). Both are one mail per juror listing every open review, and an audit event on the
 * juror's jury membership, which the progress page shows as "reminded on …".
 */

export const REMINDER_ACTION = "REVIEW_REMINDER";
export const REMINDER_ENTITY = "JuryMembership";

/** A review counts as open while the juror still writes it; a missing review row is one not yet begun. */
const openReview: Prisma.ReviewAssignmentWhereInput = {
  releasedAt: { not: null },
  application: { state: { notIn: ["draft", "withdrawn"] } },
  OR: [{ review: null }, { review: { state: { in: [...reviewStatesOpenForEditing] } } }],
};

interface OpenAssignment {
  id: string;
  jurorId: string;
  dueAt: Date | null;
  juror: { name: string; email: string; locale: Locale };
  application: { title: string; network: { name: string; bundesland: string }; call: { title: string; blindReview: boolean }; conflicts: { jurorId: string }[] };
}

/**
 * The open, released reviews of a stage (of one juror, if given), grouped by juror. An assignment
 * the juror is in conflict with is left out: the juror cannot open it, so a reminder would only confuse.
 */
async function openReviewsByJuror(db: Transaction | typeof prisma, stageId: string, jurorId?: string): Promise<Map<string, OpenAssignment[]>> {
  const assignments = await db.reviewAssignment.findMany({
    where: { AND: [openReview, { application: { stageId } }, jurorId ? { jurorId } : {}] },
    select: {
      id: true,
      jurorId: true,
      dueAt: true,
      juror: { select: { name: true, email: true, locale: true } },
      application: {
        select: {
          title: true,
          network: { select: { name: true, bundesland: true } },
          call: { select: { title: true, blindReview: true } },
          conflicts: { where: { status: { not: "DISMISSED" } }, select: { jurorId: true } },
        },
      },
    },
    orderBy: [{ dueAt: "asc" }, { assignedAt: "asc" }, { id: "asc" }],
  });
  const byJuror = new Map<string, OpenAssignment[]>();
  for (const assignment of assignments) {
    if (assignment.application.conflicts.some((conflict) => conflict.jurorId === assignment.jurorId)) continue;
    byJuror.set(assignment.jurorId, [...(byJuror.get(assignment.jurorId) ?? []), assignment]);
  }
  return byJuror;
}

/** How a mail to a juror names an application: title and Land, and the network only when the call is not blind. */
export function applicationForJuror(application: { title: string; network: { name: string; bundesland: string }; call: { title: string; blindReview: boolean } }) {
  return {
    title: application.title || application.call.title,
    bundesland: application.network.bundesland,
    network: application.call.blindReview ? null : application.network.name,
  };
}

function reminderMail(assignments: OpenAssignment[], kind: "late" | "upcoming" | "dueToday", baseUrl: string): Promise<ComposedEmail> {
  const { juror } = assignments[0]!;
  return composeEmail(juror, {
    template: "review-reminder",
    props: {
      name: juror.name,
      kind,
      reviews: assignments.map((assignment) => ({ ...applicationForJuror(assignment.application), dueAt: assignment.dueAt ? formatDateTime(juror.locale, assignment.dueAt) : null })),
      url: `${baseUrl}/juror`,
    },
  });
}

/** Writes the reminder's audit event on each juror's membership of the stage. */
async function recordReminders(tx: Transaction, stageId: string, reminded: { jurorId: string; reviews: number }[], actorId: string | null, now: Date, scheduledFor?: string) {
  const memberships = await tx.juryMembership.findMany({ where: { stageId, userId: { in: reminded.map((entry) => entry.jurorId) } }, select: { id: true, userId: true } });
  for (const membership of memberships) {
    const reviews = reminded.find((entry) => entry.jurorId === membership.userId)?.reviews ?? 0;
    await recordAudit(tx, { actorId, entityType: REMINDER_ENTITY, entityId: membership.id, action: REMINDER_ACTION, data: { stageId, jurorId: membership.userId, reviews, scheduledFor } }, now);
  }
}

/**
 * A manager reminds one juror of the stage whose reviews are late: one mail listing all their open
 * reviews of the stage. Refused when none of them is past its due date.
 */
export async function remindLateJuror(actor: CurrentUser, input: { callId: string; stageId: string; jurorId: string }, context: { now: Date; baseUrl: string }) {
  const stage = await prisma.callStage.findFirst({
    where: { ...managedStage(actor, input.callId, input.stageId), jury: { some: { userId: input.jurorId } } },
    select: { id: true },
  });
  if (!stage) throw notFound();
  const open = (await openReviewsByJuror(prisma, stage.id, input.jurorId)).get(input.jurorId) ?? [];
  if (!open.some((assignment) => assignment.dueAt && assignment.dueAt < context.now)) throw new RefusedError("reviewManager.remind.notLate");
  const mail = await reminderMail(open, "late", context.baseUrl);
  await prisma.$transaction(async (tx) => {
    await queueEmail(tx, mail, context.now);
    await recordReminders(tx, stage.id, [{ jurorId: input.jurorId, reviews: open.length }], actor.id, context.now);
  });
  wakeOutboxWorker();
}

// ---------------------------------------------------------------------------------------------
// The schedule

/** The calendar day in Berlin of an instant, as yyyy-mm-dd. */
const berlinDate = (instant: Date): string => utcToBerlinWallClock(instant).date;

/** The Berlin days on which a stage's reminders go out: `daysBefore` days before the deadline's day, and that day. */
export function reminderDays(reviewDueAt: Date, daysBefore: number): { day: string; kind: "upcoming" | "dueToday" }[] {
  const dueDay = berlinDate(reviewDueAt);
  const days: { day: string; kind: "upcoming" | "dueToday" }[] = [{ day: dueDay, kind: "dueToday" }];
  // Whole calendar days, no clock involved, so no daylight-saving hour to trip over.
  if (daysBefore > 0) days.unshift({ day: formatCalendarDay(shiftDay(parseCalendarDay(dueDay), { months: 0, days: -daysBefore })), kind: "upcoming" });
  return days;
}

export const scheduledRunKey = (stageId: string, day: string) => `review-reminder:${stageId}:${day}`;

/** The longest `reminderDaysBefore` the schedule looks ahead for; the settings page allows no more. */
const LOOK_AHEAD_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One check of the schedule: for every stage whose reminder day (in Berlin) is today, each juror with
 * open released reviews gets one reminder mail. Any number of processes may run this at once: a run
 * is claimed by inserting its `ScheduledRun` key in the same transaction as its mails, so the second
 * process's insert fails on the primary key, and its transaction (with its mails) rolls back.
 * Returns the runs this call made.
 */
export async function sendDueReviewReminders(context: { now: Date; baseUrl: string }): Promise<{ key: string; mails: number }[]> {
  const today = berlinDate(context.now);
  const stages = await prisma.callStage.findMany({
    where: {
      // The deadline's day may have begun before the deadline itself passed: look back one day.
      reviewDueAt: { gte: new Date(context.now.getTime() - DAY_MS), lte: new Date(context.now.getTime() + (LOOK_AHEAD_DAYS + 1) * DAY_MS) },
      call: { status: { not: "ARCHIVED" } },
    },
    select: { id: true, reviewDueAt: true, reminderDaysBefore: true },
  });
  const runs: { key: string; mails: number }[] = [];
  for (const stage of stages) {
    const due = reminderDays(stage.reviewDueAt!, stage.reminderDaysBefore).find((entry) => entry.day === today);
    if (!due) continue;
    const key = scheduledRunKey(stage.id, today);
    if (await prisma.scheduledRun.findUnique({ where: { key }, select: { key: true } })) continue;
    const byJuror = await openReviewsByJuror(prisma, stage.id);
    // Rendered before the transaction, so that rendering never holds it open.
    const mails = await Promise.all([...byJuror.values()].map((assignments) => reminderMail(assignments, due.kind, context.baseUrl)));
    try {
      await prisma.$transaction(async (tx) => {
        await tx.scheduledRun.create({ data: { key, claimedAt: context.now, finishedAt: context.now } });
        for (const mail of mails) await queueEmail(tx, mail, context.now);
        const reminded = [...byJuror.entries()].map(([jurorId, assignments]) => ({ jurorId, reviews: assignments.length }));
        await recordReminders(tx, stage.id, reminded, null, context.now, today);
      });
    } catch (error) {
      // Another process claimed this run first; its mails are the ones that go out.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
    runs.push({ key, mails: mails.length });
  }
  if (runs.some((run) => run.mails > 0)) wakeOutboxWorker();
  return runs;
}

/** Where links in scheduled mails point: there is no request to take the address from. */
export function scheduledMailBaseUrl(): string {
  return process.env.PUBLIC_URL ?? `http://${process.env.HOST ?? "127.0.0.1"}:${process.env.PORT ?? "3000"}`;
}

/**
 * Checks the schedule now and then every `intervalMs` (the timer does not keep the process alive);
 * returns a function that stops it, resolving once a check in progress has finished. Every app
 * process may run one: the database decides which process sends a run.
 */
export function startReviewReminderSchedule(options: { intervalMs?: number; clock?: () => Date; baseUrl?: string } = {}): () => Promise<void> {
  const { intervalMs = 10 * 60 * 1000, clock = () => new Date(), baseUrl = scheduledMailBaseUrl() } = options;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const check = () => {
    if (stopped || running) return;
    running = sendDueReviewReminders({ now: clock(), baseUrl })
      .catch((error: unknown) => console.error("[review reminders] check failed:", error))
      .finally(() => {
        running = undefined;
      });
  };
  const interval = setInterval(check, intervalMs);
  interval.unref();
  check();
  return async () => {
    stopped = true;
    clearInterval(interval);
    await running;
  };
}
