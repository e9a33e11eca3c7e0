import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { scheduledRunKey, sendDueReviewReminders, startReviewReminderSchedule } from "../../app/server/review/review-reminders.server";
import { createReviewWorld, type World } from "../support/review-world";

/**
 * Scheduled reminders go out on Berlin calendar days. The deadline below falls on the day summer time
 * ends (25 October 2026: 12:00 CET = 11:00 UTC); three days before is 22 October, which begins in
 * Berlin at 22:00 UTC on the 21st.
 */
const DUE_ON_SWITCH_DAY = new Date("2026-10-25T11:00:00Z");
const baseUrl = "http://portal.test";

async function mailsTo(world: World) {
  return prisma.outboxEmail.findMany({ where: { toEmail: { in: world.jurors.map((juror) => juror.email) } }, orderBy: { toEmail: "asc" } });
}

async function runsOf(world: World) {
  return prisma.scheduledRun.findMany({ where: { key: { startsWith: `review-reminder:${world.stageId}:` } }, orderBy: { key: "asc" } });
}

describe("scheduled review reminders", () => {
  it("go out on the Berlin day three days before the deadline and on the deadline's day, once each", async () => {
    const world = await createReviewWorld({ reviewDueAt: DUE_ON_SWITCH_DAY, reminderDaysBefore: 3 });
    // 23:59 in Berlin on 21 October: not yet.
    await sendDueReviewReminders({ now: new Date("2026-10-21T21:59:00Z"), baseUrl });
    expect(await mailsTo(world)).toHaveLength(0);
    // Midnight in Berlin on 22 October, while UTC still says the 21st.
    await sendDueReviewReminders({ now: new Date("2026-10-21T22:00:00Z"), baseUrl });
    const first = await mailsTo(world);
    // Juror 0 (one review not begun) and juror 2 (one in progress); juror 1 has nothing open, juror 3 nothing assigned.
    expect(first.map((mail) => mail.toEmail).sort()).toEqual([world.jurors[0]!.email, world.jurors[2]!.email].sort());
    expect(first.every((mail) => mail.subject === "Erinnerung: Frist für Ihre Gutachten")).toBe(true);
    const toJuror2 = first.find((mail) => mail.toEmail === world.jurors[2]!.email)!;
    expect(toJuror2.text).toContain("Robotik für alle");
    // The unreleased assignment is not the juror's yet.
    expect(toJuror2.text).not.toContain("Schülerlabor am Rhein");
    // Later the same day, nothing more.
    await sendDueReviewReminders({ now: new Date("2026-10-22T15:00:00Z"), baseUrl });
    expect(await mailsTo(world)).toHaveLength(2);
    // The deadline's day begins at 22:00 UTC on the 24th (still summer time) and ends at 23:00 UTC on the 25th (winter time).
    await sendDueReviewReminders({ now: new Date("2026-10-24T21:59:00Z"), baseUrl });
    expect(await mailsTo(world)).toHaveLength(2);
    await sendDueReviewReminders({ now: new Date("2026-10-24T22:00:00Z"), baseUrl });
    const onTheDay = (await mailsTo(world)).filter((mail) => mail.subject === "Heute endet die Frist für Ihre Gutachten");
    expect(onTheDay).toHaveLength(2);
    await sendDueReviewReminders({ now: new Date("2026-10-25T22:59:00Z"), baseUrl });
    await sendDueReviewReminders({ now: new Date("2026-10-25T23:00:00Z"), baseUrl });
    expect(await mailsTo(world)).toHaveLength(4);
    expect((await runsOf(world)).map((run) => run.key)).toEqual([scheduledRunKey(world.stageId, "2026-10-22"), scheduledRunKey(world.stageId, "2026-10-25")]);
    // Each reminder is in the audit log of the juror's membership, without an actor.
    const audit = await prisma.auditEvent.findMany({ where: { action: "REVIEW_REMINDER", data: { path: ["stageId"], equals: world.stageId } } });
    expect(audit).toHaveLength(4);
    expect(audit.every((event) => event.actorId === null)).toBe(true);
  });

  it("take the Berlin date after the clocks went back: 00:30 on 26 October is still the 25th in UTC", async () => {
    const world = await createReviewWorld({ reviewDueAt: new Date("2026-10-26T08:00:00Z"), reminderDaysBefore: 0 });
    await sendDueReviewReminders({ now: new Date("2026-10-25T22:59:00Z"), baseUrl });
    expect(await mailsTo(world)).toHaveLength(0);
    await sendDueReviewReminders({ now: new Date("2026-10-25T23:30:00Z"), baseUrl });
    expect(await mailsTo(world)).toHaveLength(2);
    expect((await runsOf(world)).map((run) => run.key)).toEqual([scheduledRunKey(world.stageId, "2026-10-26")]);
  });

  it("are sent exactly once when several runners check at the same moment on one database", async () => {
    const world = await createReviewWorld({ reviewDueAt: new Date("2026-12-14T11:00:00Z"), reminderDaysBefore: 2 });
    const now = new Date("2026-12-12T08:00:00Z");
    const results = await Promise.all([0, 1, 2].map(() => sendDueReviewReminders({ now, baseUrl })));
    const claims = results.flat().filter((run) => run.key === scheduledRunKey(world.stageId, "2026-12-12"));
    expect(claims).toEqual([{ key: scheduledRunKey(world.stageId, "2026-12-12"), mails: 2 }]);
    expect(await mailsTo(world)).toHaveLength(2);
    expect(await runsOf(world)).toHaveLength(1);
  });

  it("run on an interval in every process with an injected clock, once per day between them, and stop cleanly", async () => {
    const world = await createReviewWorld({ reviewDueAt: new Date("2026-12-18T11:00:00Z"), reminderDaysBefore: 1 });
    const clock = () => new Date("2026-12-17T07:00:00Z");
    const stops = [startReviewReminderSchedule({ clock, baseUrl, intervalMs: 20 }), startReviewReminderSchedule({ clock, baseUrl, intervalMs: 20 })];
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all(stops.map((stop) => stop()));
    expect(await mailsTo(world)).toHaveLength(2);
    expect(await runsOf(world)).toHaveLength(1);
    const after = await prisma.outboxEmail.count();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await prisma.outboxEmail.count()).toBe(after);
  });

  it("leave out reviews the juror is in conflict with and jurors with nothing open", async () => {
    const world = await createReviewWorld({ reviewDueAt: new Date("2026-12-22T11:00:00Z"), reminderDaysBefore: 0 });
    await prisma.conflict.create({ data: { applicationId: world.applications[0]!.id, jurorId: world.jurors[2]!.id, source: "DECLARED", status: "DECLARED", reason: "Kollegin" } });
    await sendDueReviewReminders({ now: new Date("2026-12-22T06:00:00Z"), baseUrl });
    expect((await mailsTo(world)).map((mail) => mail.toEmail)).toEqual([world.jurors[0]!.email]);
  });
});
