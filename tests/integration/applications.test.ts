import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { RefusedError } from "../../app/server/http.server";
import {
  ApplicationExistsError,
  applicationForPage,
  applicationsOfMember,
  effectiveDeadline,
  formatReceiptNumber,
  reopenApplication,
  saveDraft,
  StaleDraftError,
  startApplication,
  submitApplication,
  withdrawApplication,
} from "../../app/server/applications/applications.server";
import { berlinWallClockToUtc } from "../../app/forms/berlin-time";
import type { DraftInput } from "../../app/forms/application-schemas";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { completeAnswers, completeDraft, secondsAfter } from "../support/application-forms";
import { addMember, CLOSES, createCall, createNetwork, DURING, OPENS } from "../support/application-fixtures";

const baseUrl = "http://portal.test";

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
}

/** A started application of a new network in a new call, filled in completely. */
async function completeApplication(options: { closesAt?: Date } = {}) {
  const call = await createCall({ stages: [{ closesAt: options.closesAt ?? CLOSES }] });
  const network = await createNetwork();
  const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
  await saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: completeDraft }, DURING);
  return { ...call, ...network, applicationId };
}

describe("starting an application", () => {
  it("starts one draft per network and stage with the partner roster in every partner field", async () => {
    const call = await createCall();
    const network = await createNetwork([
      { name: "Grundschule Nord", type: "SCHOOL", roleInNetwork: "Lernort" },
      { name: "Kita Sonnenschein", type: "KITA" },
    ]);
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row).toMatchObject({ state: "draft", networkId: network.networkId, stageId: call.stageIds[0], createdById: network.coordinator.id, answersRevision: 0 });
    expect(row.answers).toEqual({
      eligibility: {},
      fields: {
        partnerList: [
          { name: "Grundschule Nord", type: "SCHOOL", role: "Lernort" },
          { name: "Kita Sonnenschein", type: "KITA", role: "" },
        ],
      },
    });
    const error = await refusal(startApplication(network.coordinator, { callSlug: call.slug }, DURING));
    expect(error).toBeInstanceOf(ApplicationExistsError);
    expect(error).toMatchObject({ messageKey: "applications.start.exists", applicationId });
  });

  it("lets a collaborator start for the network, and a second start by anyone of it finds the first", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    const started = await startApplication(collaborator, { callSlug: call.slug }, DURING);
    await expect(startApplication(network.coordinator, { callSlug: call.slug }, DURING)).rejects.toMatchObject({ applicationId: started.applicationId });
  });

  it("refuses a stage that is not open, a call that is not published, and people of no network", async () => {
    const call = await createCall();
    const network = await createNetwork();
    await expect(startApplication(network.coordinator, { callSlug: call.slug }, secondsAfter(OPENS, -1))).rejects.toMatchObject({ messageKey: "applications.start.notOpen" });
    await expect(startApplication(network.coordinator, { callSlug: call.slug }, CLOSES)).rejects.toMatchObject({ messageKey: "applications.start.notOpen" });
    const draftCall = await createCall({ status: "DRAFT" });
    await expect(startApplication(network.coordinator, { callSlug: draftCall.slug }, DURING)).rejects.toMatchObject({ status: 404 });
    const loner = await createPerson("APPLICANT");
    await expect(startApplication(loner, { callSlug: call.slug }, DURING)).rejects.toMatchObject({ messageKey: "applications.start.noNetwork" });
    const juror = await createPerson("JUROR");
    await expect(startApplication(juror, { callSlug: call.slug }, DURING)).rejects.toMatchObject({ status: 404 });
  });

  it("asks which network when the person belongs to several, and refuses a network they do not belong to", async () => {
    const call = await createCall();
    const first = await createNetwork();
    const other = await createNetwork();
    await prisma.networkMembership.create({ data: { userId: first.coordinator.id, networkId: other.networkId, role: "COLLABORATOR" } });
    await expect(startApplication(first.coordinator, { callSlug: call.slug }, DURING)).rejects.toMatchObject({ messageKey: "applications.start.chooseNetwork" });
    const stranger = await createNetwork();
    await expect(startApplication(first.coordinator, { callSlug: call.slug, networkId: stranger.networkId }, DURING)).rejects.toMatchObject({
      messageKey: "applications.start.chooseNetwork",
    });
    const { applicationId } = await startApplication(first.coordinator, { callSlug: call.slug, networkId: other.networkId }, DURING);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).networkId).toBe(other.networkId);
  });

  it("never starts a full proposal: that stage is reached only by the manager's invitation", async () => {
    const call = await createCall({
      stages: [
        { kind: "OUTLINE", opensAt: new Date("2026-06-01T08:00:00Z"), closesAt: new Date("2026-07-01T10:00:00Z") },
        { kind: "FULL_PROPOSAL", opensAt: OPENS, closesAt: CLOSES },
      ],
    });
    const network = await createNetwork();
    await expect(startApplication(network.coordinator, { callSlug: call.slug }, DURING)).rejects.toMatchObject({ messageKey: "applications.start.invitationOnly" });
    expect(await prisma.application.count({ where: { callId: call.callId } })).toBe(0);
  });
});

describe("saving drafts", () => {
  it("saves and counts revisions; a save based on an older revision is refused with what differs", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    const mine: DraftInput = { answers: { eligibility: { registered: true }, fields: { projectTitle: "Titel A", pupils: 10 } }, conditionAnswers: [], fieldsShown: true };
    expect(await saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: mine }, DURING)).toEqual({ revision: 1 });
    const theirs: DraftInput = { answers: { eligibility: { registered: true }, fields: { projectTitle: "Titel B", pupils: 10 } }, conditionAnswers: [], fieldsShown: true };
    const stale = await refusal(saveDraft(collaborator, { applicationId, baseRevision: 0, draft: theirs }, DURING));
    expect(stale).toBeInstanceOf(StaleDraftError);
    expect(stale).toMatchObject({ status: 409, currentRevision: 1, differences: [{ kind: "field", key: "projectTitle", theirs: "Titel A", yours: "Titel B" }] });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.answersRevision).toBe(1);
    expect((row.answers as { fields: Record<string, unknown> }).fields.projectTitle).toBe("Titel A");
    // Taking their own version over explicitly: saving on top of the revision they were shown.
    expect(await saveDraft(collaborator, { applicationId, baseRevision: 1, draft: theirs }, DURING)).toEqual({ revision: 2 });
  });

  it("treats a stale save that changes nothing as saved (the same page saving twice)", async () => {
    const { applicationId, coordinator } = await completeApplication();
    expect(await saveDraft(coordinator, { applicationId, baseRevision: 0, draft: completeDraft }, DURING)).toEqual({ revision: 1 });
  });

  it("keeps the stored field answers while the eligibility questions hide the fields", async () => {
    const { applicationId, coordinator } = await completeApplication();
    await saveDraft(coordinator, { applicationId, baseRevision: 1, draft: { answers: { eligibility: { registered: false }, fields: {} }, conditionAnswers: [], fieldsShown: false } }, DURING);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.answers).toEqual({ eligibility: { registered: false }, fields: completeAnswers.fields });
    const page = await applicationForPage(coordinator, applicationId, DURING);
    expect(page.checklist).toEqual([{ kind: "eligibility", questionKey: "registered", problem: "notEligible" }]);
  });

  it("adds and removes partner rows in the same save, deletes the removed row's letter and moves the others with their rows", async () => {
    const { applicationId, coordinator } = await completeApplication();
    const threePartners: DraftInput = {
      ...completeDraft,
      answers: {
        ...completeAnswers,
        fields: {
          ...completeAnswers.fields,
          partnerList: [
            { name: "A", type: "SCHOOL", role: "" },
            { name: "B", type: "KITA", role: "" },
            { name: "C", type: "COMPANY", role: "" },
          ],
        },
      },
    };
    await saveDraft(coordinator, { applicationId, baseRevision: 1, draft: threePartners }, DURING);
    const letter = (fieldKey: string, name: string) =>
      prisma.storedFile.create({
        data: { applicationId, fieldKey, storage: "LOCAL", storageKey: `applications/${applicationId}/${name.replace(".", "-")}`, originalName: name, contentType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), uploadedById: coordinator.id },
      });
    const [letterA, , letterC] = [await letter("partnerList.0", "a.pdf"), await letter("partnerList.1", "b.pdf"), await letter("partnerList.2", "c.pdf")];
    await saveDraft(coordinator, { applicationId, baseRevision: 2, draft: threePartners, rowChange: { kind: "removePartner", fieldKey: "partnerList", row: 1 }, rowChangeConfirmed: true }, DURING);
    const keys = Object.fromEntries(
      (await prisma.storedFile.findMany({ where: { applicationId }, select: { id: true, fieldKey: true } })).map((file) => [file.id, file.fieldKey]),
    );
    // The removed row's letter is deleted (tests/integration/files.test.ts checks its bytes go too).
    expect(keys).toEqual({ [letterA.id]: "partnerList.0", [letterC.id]: "partnerList.1" });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect((row.answers as { fields: { partnerList: { name: string }[] } }).fields.partnerList.map((partner) => partner.name)).toEqual(["A", "C"]);
    await saveDraft(coordinator, { applicationId, baseRevision: 3, draft: threePartners, rowChange: { kind: "addPartner", fieldKey: "partnerList" } }, DURING);
    const grown = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect((grown.answers as { fields: { partnerList: unknown[] } }).fields.partnerList).toHaveLength(4);
    await expect(
      saveDraft(coordinator, { applicationId, baseRevision: 4, draft: threePartners, rowChange: { kind: "removePartner", fieldKey: "partnerList", row: 9 } }, DURING),
    ).rejects.toMatchObject({ messageKey: "applications.error.unknownRow", status: 400 });
  });

  it("stores script tags as text", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    const hostile = `<script>alert("x")</script>`;
    await saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: { answers: { eligibility: {}, fields: { projectTitle: hostile } }, conditionAnswers: [], fieldsShown: true } }, DURING);
    const page = await applicationForPage(network.coordinator, applicationId, DURING);
    expect(page.answers.fields?.projectTitle).toBe(hostile);
  });

  it("refuses saving after the deadline and once submitted", async () => {
    const { applicationId, coordinator } = await completeApplication();
    await expect(saveDraft(coordinator, { applicationId, baseRevision: 1, draft: completeDraft }, CLOSES)).rejects.toMatchObject({ messageKey: "applications.error.deadlinePassed" });
    await submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING });
    await expect(saveDraft(coordinator, { applicationId, baseRevision: 1, draft: completeDraft }, DURING)).rejects.toMatchObject({ messageKey: "applications.error.notDraft" });
  });
});

describe("who may read and change an application", () => {
  it("lets the network's coordinator and collaborators edit; another network's coordinator, jurors and managers get 404", async () => {
    const { applicationId, coordinator, networkId, manager } = await completeApplication();
    const collaborator = await addMember(networkId, "COLLABORATOR");
    expect(await saveDraft(collaborator, { applicationId, baseRevision: 1, draft: completeDraft }, DURING)).toEqual({ revision: 2 });
    const page = await applicationForPage(collaborator, applicationId, DURING);
    expect(page).toMatchObject({ editable: true, canEdit: true });

    const stranger = (await createNetwork()).coordinator;
    const juror = await createPerson("JUROR");
    const otherManager = await createPerson("MANAGER");
    const stateCoordinator = await createPerson("STATE_COORDINATOR");
    for (const outsider of [stranger, juror, otherManager, stateCoordinator] as CurrentUser[]) {
      await expect(applicationForPage(outsider, applicationId, DURING)).rejects.toMatchObject({ status: 404 });
      await expect(saveDraft(outsider, { applicationId, baseRevision: 1, draft: completeDraft }, DURING)).rejects.toMatchObject({ status: 404 });
      await expect(submitApplication(outsider, { applicationId }, { baseUrl, now: DURING })).rejects.toMatchObject({ status: 404 });
      await expect(withdrawApplication(outsider, { applicationId, confirmed: true }, DURING)).rejects.toMatchObject({ status: 404 });
    }
    // The call's own manager reads it, but may not change it.
    expect(await applicationForPage(manager, applicationId, DURING)).toMatchObject({ editable: false, canEdit: false, actions: [] });
    await expect(saveDraft(manager, { applicationId, baseRevision: 1, draft: completeDraft }, DURING)).rejects.toMatchObject({ status: 404 });
    await expect(submitApplication(manager, { applicationId }, { baseUrl, now: DURING })).rejects.toMatchObject({ status: 404 });
    expect(await applicationForPage(coordinator, applicationId, DURING)).toMatchObject({ editable: true });
  });

  it("lists only the person's own networks' applications on their start page, with what is missing and the extended deadline", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    await completeApplication();
    const extendedUntil = secondsAfter(CLOSES, 3600);
    await prisma.application.update({ where: { id: applicationId }, data: { deadlineExtendedUntil: extendedUntil } });
    const list = await applicationsOfMember(network.coordinator);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: applicationId, state: "draft", deadline: extendedUntil, extended: true, missing: 10 });
  });
});

describe("submitting", () => {
  it("freezes a version with a receipt number, records the receipt, and queues the confirmation mail with the version's PDF", async () => {
    const { applicationId, coordinator, slug } = await completeApplication();
    const submitted = await submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING });
    expect(submitted.versionNumber).toBe(1);
    expect(submitted.receiptNumber).toMatch(/^MC4-2026-\d{6}$/);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, include: { versions: true } });
    expect(row).toMatchObject({ state: "submitted", submittedAt: DURING, receiptNumber: submitted.receiptNumber, version: 1 });
    expect(row.versions).toHaveLength(1);
    expect(row.versions[0]).toMatchObject({ number: 1, receiptNumber: submitted.receiptNumber, submittedAt: DURING, submittedById: coordinator.id });
    expect(row.versions[0]!.answers).toMatchObject({ ...completeAnswers, fields: { ...completeAnswers.fields, plan: [] }, conditions: [] });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: coordinator.email, template: "submission-received" }, include: { attachments: true } });
    expect(mail.subject).toContain(submitted.receiptNumber);
    expect(mail.subject).toMatch(/^Eingangsbestätigung/);
    expect(mail.text).toContain(submitted.receiptNumber);
    expect(mail.text).toContain("20. Oktober 2026 um 12:00");
    expect(mail.text).toContain(coordinator.name);
    expect(mail.text).toContain(`${baseUrl}/applications/${applicationId}/receipt`);
    // The PDF itself is rendered by the outbox worker (application-version-pdf.test.ts).
    expect(mail.attachments).toEqual([expect.objectContaining({ filename: `${submitted.receiptNumber}.pdf`, contentType: "application/pdf", applicationVersionId: row.versions[0]!.id })]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: applicationId, action: "SUBMIT" } });
    expect(audit).toMatchObject({ fromState: "draft", toState: "submitted", actorId: coordinator.id });
    expect(slug).toContain("mint-cluster-runde");
  });

  it("writes the mail in English for a reader who uses English", async () => {
    const { applicationId, coordinator } = await completeApplication();
    const submitted = await submitApplication({ ...coordinator, locale: "en" }, { applicationId }, { baseUrl, now: DURING });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: coordinator.email, template: "submission-received" } });
    expect(mail.locale).toBe("en");
    expect(mail.subject).toMatch(new RegExp(`^Receipt.*${submitted.receiptNumber}$`));
    expect(mail.text).toContain("20 October 2026");
  });

  it("refuses an incomplete application and writes nothing", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    await expect(submitApplication(network.coordinator, { applicationId }, { baseUrl, now: DURING })).rejects.toMatchObject({ messageKey: "applications.error.incomplete" });
    expect(await prisma.applicationVersion.count({ where: { applicationId } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { toEmail: network.coordinator.email } })).toBe(0);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("draft");
  });

  it("refuses a network that answered an eligibility question the wrong way", async () => {
    const { applicationId, coordinator } = await completeApplication();
    await saveDraft(coordinator, { applicationId, baseRevision: 1, draft: { ...completeDraft, answers: { ...completeAnswers, eligibility: { registered: false } } } }, DURING);
    await expect(submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING })).rejects.toMatchObject({ messageKey: "applications.error.incomplete" });
  });

  it("accepts a submission one second before the deadline and refuses one at and one second after it", async () => {
    const early = await completeApplication();
    await expect(submitApplication(early.coordinator, { applicationId: early.applicationId }, { baseUrl, now: secondsAfter(CLOSES, -1) })).resolves.toMatchObject({ versionNumber: 1 });
    const atDeadline = await completeApplication();
    await expect(submitApplication(atDeadline.coordinator, { applicationId: atDeadline.applicationId }, { baseUrl, now: CLOSES })).rejects.toMatchObject({
      messageKey: "applications.error.deadlinePassed",
    });
    const late = await completeApplication();
    await expect(submitApplication(late.coordinator, { applicationId: late.applicationId }, { baseUrl, now: secondsAfter(CLOSES, 1) })).rejects.toMatchObject({
      messageKey: "applications.error.deadlinePassed",
    });
    expect(await prisma.applicationVersion.count({ where: { applicationId: { in: [atDeadline.applicationId, late.applicationId] } } })).toBe(0);
  });

  it("counts the individual extension, and never an extension that ends before the stage does", async () => {
    const extended = await completeApplication();
    await prisma.application.update({ where: { id: extended.applicationId }, data: { deadlineExtendedUntil: secondsAfter(CLOSES, 3600), extensionReason: "Serverausfall beim Träger" } });
    await expect(submitApplication(extended.coordinator, { applicationId: extended.applicationId }, { baseUrl, now: secondsAfter(CLOSES, 3599) })).resolves.toMatchObject({ versionNumber: 1 });
    const pastExtension = await completeApplication();
    await prisma.application.update({ where: { id: pastExtension.applicationId }, data: { deadlineExtendedUntil: secondsAfter(CLOSES, 3600) } });
    await expect(submitApplication(pastExtension.coordinator, { applicationId: pastExtension.applicationId }, { baseUrl, now: secondsAfter(CLOSES, 3600) })).rejects.toMatchObject({
      messageKey: "applications.error.deadlinePassed",
    });
    expect(effectiveDeadline({ closesAt: CLOSES }, secondsAfter(CLOSES, -60))).toEqual(CLOSES);
  });

  it("takes the deadline on the day summer time ends: 12:00 Berlin on 25 October 2026 is 11:00 UTC", async () => {
    const conversion = berlinWallClockToUtc("2026-10-25", "12:00");
    if (!conversion.ok) throw new Error("the deadline exists");
    expect(conversion.instant).toEqual(new Date("2026-10-25T11:00:00Z"));
    const application = await completeApplication({ closesAt: conversion.instant });
    // 11:30 in Berlin: after 12:00 summer time would have been, before the real deadline.
    await expect(submitApplication(application.coordinator, { applicationId: application.applicationId }, { baseUrl, now: new Date("2026-10-25T10:30:00Z") })).resolves.toMatchObject({
      versionNumber: 1,
    });
    const late = await completeApplication({ closesAt: conversion.instant });
    await expect(submitApplication(late.coordinator, { applicationId: late.applicationId }, { baseUrl, now: new Date("2026-10-25T11:00:01Z") })).rejects.toMatchObject({
      messageKey: "applications.error.deadlinePassed",
    });
  });
});

describe("withdrawing and reopening", () => {
  it("withdraws and reopens until the deadline; resubmitting makes version 2 with a new receipt, and both versions stay", async () => {
    const { applicationId, coordinator } = await completeApplication();
    const first = await submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING });
    await withdrawApplication(coordinator, { applicationId, confirmed: true }, secondsAfter(DURING, 60));
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("withdrawn");
    await reopenApplication(coordinator, { applicationId }, secondsAfter(DURING, 120));
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("draft");
    await saveDraft(coordinator, { applicationId, baseRevision: 1, draft: { ...completeDraft, answers: { ...completeAnswers, fields: { ...completeAnswers.fields, projectTitle: "Zweite Fassung" } } } }, secondsAfter(DURING, 180));
    const secondSubmission = await submitApplication(coordinator, { applicationId }, { baseUrl, now: secondsAfter(DURING, 240) });
    expect(secondSubmission.versionNumber).toBe(2);
    expect(secondSubmission.receiptNumber).not.toBe(first.receiptNumber);
    const versions = await prisma.applicationVersion.findMany({ where: { applicationId }, orderBy: { number: "asc" } });
    expect(versions.map((version) => [version.number, version.receiptNumber, (version.answers as { fields: { projectTitle: string } }).fields.projectTitle])).toEqual([
      [1, first.receiptNumber, "MINT für alle"],
      [2, secondSubmission.receiptNumber, "Zweite Fassung"],
    ]);
    const page = await applicationForPage(coordinator, applicationId, secondsAfter(DURING, 300));
    expect(page.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(page.actions).toEqual(["WITHDRAW", "REOPEN"]);
    expect(await prisma.outboxEmail.count({ where: { toEmail: coordinator.email, template: "submission-received" } })).toBe(2);
  });

  it("refuses withdrawing and reopening after the deadline, and says so on the page", async () => {
    const { applicationId, coordinator } = await completeApplication();
    await submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING });
    await expect(withdrawApplication(coordinator, { applicationId, confirmed: true }, CLOSES)).rejects.toMatchObject({ messageKey: "applications.error.deadlinePassed" });
    await expect(reopenApplication(coordinator, { applicationId }, secondsAfter(CLOSES, 1))).rejects.toMatchObject({ messageKey: "applications.error.deadlinePassed" });
    const page = await applicationForPage(coordinator, applicationId, CLOSES);
    expect(page).toMatchObject({ open: false, canEdit: false, actions: [] });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("submitted");
  });

  it("refuses withdrawing a draft and reopening a draft: the machine allows neither", async () => {
    const { applicationId, coordinator } = await completeApplication();
    await expect(withdrawApplication(coordinator, { applicationId, confirmed: true }, DURING)).rejects.toMatchObject({ messageKey: "workflow.refused" });
    await expect(reopenApplication(coordinator, { applicationId }, DURING)).rejects.toMatchObject({ messageKey: "workflow.refused" });
  });

  it("refuses submitting twice", async () => {
    const { applicationId, coordinator } = await completeApplication();
    await submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING });
    const error = await refusal(submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING }));
    expect(error).toBeInstanceOf(RefusedError);
    expect(error).toMatchObject({ messageKey: "applications.error.notDraft" });
  });
});

describe("full proposals with conditions", () => {
  it("shows the manager's conditions as required answers: missing answers block submission until given", async () => {
    const call = await createCall({
      stages: [
        { kind: "OUTLINE", opensAt: new Date("2026-06-01T08:00:00Z"), closesAt: new Date("2026-07-01T10:00:00Z") },
        { kind: "FULL_PROPOSAL", opensAt: OPENS, closesAt: CLOSES },
      ],
    });
    const network = await createNetwork();
    // As the manager's invitation leaves it: pre-filled answers and two open conditions.
    const outline = await prisma.application.create({
      data: { callId: call.callId, stageId: call.stageIds[0]!, networkId: network.networkId, state: "invitedToNextStage", createdById: network.coordinator.id },
    });
    const proposal = await prisma.application.create({
      data: {
        callId: call.callId,
        stageId: call.stageIds[1]!,
        networkId: network.networkId,
        previousApplicationId: outline.id,
        answers: completeAnswers as object,
        conditions: [
          { text: "Bitte legen Sie den Kooperationsvertrag mit der Hochschule bei.", answer: null },
          { text: "Bitte kürzen Sie die Sachkosten um 10 %.", answer: null },
        ],
        createdById: network.coordinator.id,
      },
    });
    const page = await applicationForPage(network.coordinator, proposal.id, DURING);
    expect(page.application.fromOutline).toBe(true);
    expect(page.checklist).toEqual([
      { kind: "condition", index: 0, problem: "missing" },
      { kind: "condition", index: 1, problem: "missing" },
    ]);
    await expect(submitApplication(network.coordinator, { applicationId: proposal.id }, { baseUrl, now: DURING })).rejects.toMatchObject({ messageKey: "applications.error.incomplete" });
    await saveDraft(network.coordinator, { applicationId: proposal.id, baseRevision: 0, draft: { ...completeDraft, conditionAnswers: ["Liegt als Anlage bei.", ""] } }, DURING);
    expect((await applicationForPage(network.coordinator, proposal.id, DURING)).checklist).toEqual([{ kind: "condition", index: 1, problem: "missing" }]);
    await saveDraft(network.coordinator, { applicationId: proposal.id, baseRevision: 1, draft: { ...completeDraft, conditionAnswers: ["Liegt als Anlage bei.", "Sachkosten sind gekürzt."] } }, DURING);
    const stored = await prisma.application.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(stored.conditions).toEqual([
      { text: "Bitte legen Sie den Kooperationsvertrag mit der Hochschule bei.", answer: "Liegt als Anlage bei." },
      { text: "Bitte kürzen Sie die Sachkosten um 10 %.", answer: "Sachkosten sind gekürzt." },
    ]);
    const submitted = await submitApplication(network.coordinator, { applicationId: proposal.id }, { baseUrl, now: DURING });
    const version = await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId: proposal.id } });
    expect(version.receiptNumber).toBe(submitted.receiptNumber);
    expect((version.answers as { conditions: unknown[] }).conditions).toEqual(stored.conditions);
  });
});

describe("receipt numbers", () => {
  it("are made of the call's initials and round, the year in Berlin, and a number", () => {
    expect(formatReceiptNumber({ slug: "mint-cluster-runde-4", round: 4 }, new Date("2026-10-20T10:00:00Z"), 123)).toBe("MC4-2026-000123");
    expect(formatReceiptNumber({ slug: "rlp-gruendung-2026", round: 9 }, new Date("2026-12-31T23:30:00Z"), 7)).toBe("RG9-2027-000007");
  });
});

