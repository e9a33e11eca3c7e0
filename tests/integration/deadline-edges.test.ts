import { describe, expect, it } from "vitest";
import {
  applicationForPage,
  reopenApplication,
  saveDraft,
  stageForCallPage,
  startApplication,
  submitApplication,
  withdrawApplication,
} from "../../app/server/applications/applications.server";
import { berlinWallClockToUtc } from "../../app/forms/berlin-time";
import { completeDraft, secondsAfter } from "../support/application-forms";
import { createCall, createNetwork } from "../support/application-fixtures";

/**
 * Every step a network takes against a deadline entered in Berlin time on the days the clocks
 * change: allowed one second before, refused at the deadline and one second after, by the clock
 * the server passes in.
 */

const baseUrl = "http://portal.test";

function berlin(day: string, time: string): Date {
  const conversion = berlinWallClockToUtc(day, time);
  if (!conversion.ok) throw new Error(`${day} ${time} is not a Berlin time`);
  return conversion.instant;
}

/** A call whose only stage opened a week before the deadline, and a network's complete draft in it. */
async function draftBefore(deadline: Date) {
  const opensAt = secondsAfter(deadline, -7 * 86_400);
  const call = await createCall({ stages: [{ opensAt, closesAt: deadline }] });
  const network = await createNetwork();
  const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, secondsAfter(opensAt, 60));
  await saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: completeDraft }, secondsAfter(opensAt, 120));
  return { ...call, ...network, applicationId };
}

const passed = { messageKey: "applications.error.deadlinePassed" };

describe("a deadline at 03:00 Berlin on the night summer time starts (29 March 2026)", () => {
  // 02:00 does not exist that night: the clocks jump from 01:59:59 (00:59:59 UTC) to 03:00 (01:00 UTC).
  const deadline = berlin("2026-03-29", "03:00");
  const before = secondsAfter(deadline, -1);
  const after = secondsAfter(deadline, 1);

  it("is 01:00 UTC, one second after 01:59:59 Berlin winter time", () => {
    expect(deadline).toEqual(new Date("2026-03-29T01:00:00Z"));
    expect(berlin("2026-03-29", "01:59")).toEqual(new Date("2026-03-29T00:59:00Z"));
  });

  it("lets a network start, save and submit one second before, and refuses each at the deadline and after", async () => {
    const call = await createCall({ stages: [{ opensAt: secondsAfter(deadline, -86_400), closesAt: deadline }] });
    const late = await createNetwork();
    for (const at of [deadline, after]) {
      await expect(startApplication(late.coordinator, { callSlug: call.slug }, at)).rejects.toMatchObject({ messageKey: "applications.start.notOpen" });
    }
    const early = await createNetwork();
    const { applicationId } = await startApplication(early.coordinator, { callSlug: call.slug }, before);
    for (const at of [deadline, after]) await expect(saveDraft(early.coordinator, { applicationId, baseRevision: 0, draft: completeDraft }, at)).rejects.toMatchObject(passed);
    await saveDraft(early.coordinator, { applicationId, baseRevision: 0, draft: completeDraft }, before);

    for (const at of [deadline, after]) await expect(submitApplication(early.coordinator, { applicationId }, { baseUrl, now: at })).rejects.toMatchObject(passed);
    await expect(submitApplication(early.coordinator, { applicationId }, { baseUrl, now: before })).resolves.toMatchObject({ versionNumber: 1 });
  });

  it("lets a network withdraw and reopen one second before, and neither at the deadline nor after", async () => {
    const draft = await draftBefore(deadline);
    const { coordinator, applicationId } = draft;
    await submitApplication(coordinator, { applicationId }, { baseUrl, now: secondsAfter(deadline, -3600) });
    for (const at of [deadline, after]) await expect(withdrawApplication(coordinator, { applicationId, confirmed: true }, at)).rejects.toMatchObject(passed);
    await withdrawApplication(coordinator, { applicationId, confirmed: true }, secondsAfter(before, -1));
    for (const at of [deadline, after]) await expect(reopenApplication(coordinator, { applicationId }, at)).rejects.toMatchObject(passed);
    await reopenApplication(coordinator, { applicationId }, before);
    expect(await applicationForPage(coordinator, applicationId, before)).toMatchObject({ application: { state: "draft" }, open: true, canEdit: true });
    expect(await applicationForPage(coordinator, applicationId, deadline)).toMatchObject({ open: false, canEdit: false, actions: [] });
  });

  it("shows the stage on the public call page until one second before, with the deadline to count down to", async () => {
    const { slug } = await draftBefore(deadline);
    expect(await stageForCallPage(slug, null, before)).toMatchObject({ open: true, closesAt: deadline });
    expect(await stageForCallPage(slug, null, deadline)).toBeNull();
  });
});

describe("a deadline at 02:30 Berlin on the night summer time ends (25 October 2026)", () => {
  // 02:00–02:59 happens twice that night; a deadline in it is its first occurrence, in summer time.
  const deadline = berlin("2026-10-25", "02:30");

  it("is 00:30 UTC, and the repeated hour does not open the stage again", async () => {
    expect(deadline).toEqual(new Date("2026-10-25T00:30:00Z"));
    const onTime = await draftBefore(deadline);
    await expect(submitApplication(onTime.coordinator, { applicationId: onTime.applicationId }, { baseUrl, now: secondsAfter(deadline, -1) })).resolves.toMatchObject({ versionNumber: 1 });
    const late = await draftBefore(deadline);
    // 01:15 UTC reads 02:15 on a Berlin clock again (winter time), but the deadline has passed.
    for (const at of [deadline, secondsAfter(deadline, 1), new Date("2026-10-25T01:15:00Z")]) {
      await expect(submitApplication(late.coordinator, { applicationId: late.applicationId }, { baseUrl, now: at })).rejects.toMatchObject(passed);
    }
  });
});
