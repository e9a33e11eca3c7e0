import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { loadReviewSettings, updateReviewSettings } from "../../app/server/review/review-settings.server";
import { reviewSettingsSchema, type ReviewSettingsInput } from "../../app/forms/review-eligibility-schemas";
import * as settingsRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.review-settings";
import { createPerson } from "../support/accounts";
import { createCall, createSubmittedApplication } from "../support/application-fixtures";
import { getAs, notFoundFrom, parsed, parseForm, postAs, refusal } from "../support/call-forms";
import { answerOf } from "../support/route-calls";

const valid = {
  reviewsPerApplication: "2",
  dueDate: "2026-12-15",
  dueTime: "18:00",
  preferencesOpen: "on",
  reminderDaysBefore: "5",
  disagreementThreshold: "2,5",
  conflictSameBundesland: "on",
  blindReview: "on",
};

async function stageWithRubric() {
  const call = await createCall();
  const ref = { callId: call.callId, stageId: call.stageIds[0]! };
  await prisma.rubric.create({ data: { stageId: ref.stageId, scaleMin: 0, scaleMax: 5 } });
  return { ref, manager: call.manager };
}

describe("review settings", () => {
  it("reads Berlin date and time, decimal commas and checkboxes, and refuses what is out of range", () => {
    expect(parsed(reviewSettingsSchema, valid)).toEqual({
      reviewsPerApplication: 2,
      reviewDueAt: new Date("2026-12-15T17:00:00Z"),
      preferencesOpen: true,
      reminderDaysBefore: 5,
      disagreementThreshold: 2.5,
      conflictSameBundesland: true,
      blindReview: true,
      showJurorNames: false,
    });
    expect(parsed(reviewSettingsSchema, { ...valid, dueDate: "", dueTime: "" }).reviewDueAt).toBeNull();
    const errors = (fields: Record<string, string>) => { const submission = parseForm(reviewSettingsSchema, { ...valid, ...fields }); return submission.status === "success" ? null : submission.error; };
    expect(errors({ reviewsPerApplication: "11" })).toMatchObject({ reviewsPerApplication: ["callSetup.error.tooLarge"] });
    expect(errors({ reviewsPerApplication: "0" })).toMatchObject({ reviewsPerApplication: ["callSetup.error.tooSmall"] });
    expect(errors({ reminderDaysBefore: "31" })).toMatchObject({ reminderDaysBefore: ["callSetup.error.tooLarge"] });
    expect(errors({ disagreementThreshold: "0" })).toMatchObject({ disagreementThreshold: ["eligibility.settings.error.threshold"] });
    expect(errors({ disagreementThreshold: "viel" })).toMatchObject({ disagreementThreshold: ["eligibility.settings.error.threshold"] });
    expect(errors({ dueTime: "" })).toMatchObject({ dueTime: ["error.required"] });
    expect(errors({ dueDate: "2027-03-28", dueTime: "02:30" })).toMatchObject({ dueTime: ["callSetup.error.nonexistentTime"] });
  });

  it("saves the stage's and the call's settings with an audit event", async () => {
    const { ref, manager } = await stageWithRubric();
    await updateReviewSettings(manager, ref, parsed(reviewSettingsSchema, valid));
    const page = await loadReviewSettings(manager, ref);
    expect(page).toMatchObject({
      stage: { reviewsPerApplication: 2, reviewDueAt: new Date("2026-12-15T17:00:00Z"), preferencesOpen: true, reminderDaysBefore: 5, disagreementThreshold: 2.5, conflictSameBundesland: true },
      scale: { scaleMin: 0, scaleMax: 5 },
      blindReview: true,
      showJurorNames: false,
      blindReviewFixed: false,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: ref.stageId, action: "UPDATE_REVIEW_SETTINGS" } });
    expect(event).toMatchObject({ actorId: manager.id, data: { before: { reviewsPerApplication: 3, blindReview: false }, after: { reviewsPerApplication: 2, blindReview: true } } });
  });

  it("refuses a threshold wider than the rubric's scale on its field", async () => {
    const { ref, manager } = await stageWithRubric();
    const error = await refusal(updateReviewSettings(manager, ref, parsed(reviewSettingsSchema, { ...valid, disagreementThreshold: "6" })));
    expect(error).toMatchObject({ messageKey: "eligibility.settings.error.thresholdAboveScale", options: { field: "disagreementThreshold" } });
  });

  it("fixes blind review once an assignment of the call is released, and says so on the page", async () => {
    const application = await createSubmittedApplication();
    const { callId, stageId } = await prisma.application.findUniqueOrThrow({ where: { id: application.applicationId }, select: { callId: true, stageId: true } });
    const manager = (await prisma.programmeManager.findFirstOrThrow({ where: { programme: { calls: { some: { id: callId } } } }, select: { user: true } })).user;
    const actor = { id: manager.id, role: manager.role };
    const ref = { callId, stageId };
    const juror = await createPerson("JUROR");
    const assignment = await prisma.reviewAssignment.create({ data: { applicationId: application.applicationId, jurorId: juror.id, assignedById: manager.id } });
    const blind: ReviewSettingsInput = parsed(reviewSettingsSchema, valid);
    // Not yet released: still switchable.
    await updateReviewSettings(actor, ref, blind);
    await prisma.reviewAssignment.update({ where: { id: assignment.id }, data: { releasedAt: new Date() } });
    expect((await loadReviewSettings(actor, ref)).blindReviewFixed).toBe(true);
    const error = await refusal(updateReviewSettings(actor, ref, { ...blind, blindReview: false }));
    expect(error).toMatchObject({ messageKey: "eligibility.settings.error.blindFixed", options: { field: "blindReview" } });
    // Everything else may still change.
    await updateReviewSettings(actor, ref, { ...blind, reviewsPerApplication: 4 });
    expect(await prisma.call.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ blindReview: true });
  });

  it("is a 404 for another programme's manager, a 403 for jurors and networks, and keeps what was typed on errors", async () => {
    const { ref, manager } = await stageWithRubric();
    const other = await createPerson("MANAGER");
    await notFoundFrom(loadReviewSettings(other, ref));
    await notFoundFrom(updateReviewSettings(other, ref, parsed(reviewSettingsSchema, valid)));
    const path = `/manager/calls/${ref.callId}/stages/${ref.stageId}/review-settings`;
    const params = { ...ref };
    for (const role of ["JUROR", "APPLICANT"] as const) {
      expect((await answerOf(settingsRoute.loader, await getAs(await createPerson(role), path), { params })).status).toBe(403);
    }
    expect((await answerOf(settingsRoute.loader, await getAs(other, path), { params })).status).toBe(404);
    const wrong = await answerOf(settingsRoute.action, await postAs(manager, path, { ...valid, intent: "save", reviewsPerApplication: "12", disagreementThreshold: "9" }), { params });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ formId: "review-settings", result: { initialValue: { reviewsPerApplication: "12", dueDate: "2026-12-15" }, error: { reviewsPerApplication: ["callSetup.error.tooLarge"] } } });
    const aboveScale = await answerOf(settingsRoute.action, await postAs(manager, path, { ...valid, intent: "save", disagreementThreshold: "9" }), { params });
    expect(aboveScale.status).toBe(400);
    expect(aboveScale.data).toMatchObject({ result: { initialValue: { disagreementThreshold: "9" }, error: { disagreementThreshold: ["eligibility.settings.error.thresholdAboveScale"] } } });
    const saved = await answerOf(settingsRoute.action, await postAs(manager, path, { ...valid, intent: "save" }), { params });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${path}?saved=1`);
  });
});
