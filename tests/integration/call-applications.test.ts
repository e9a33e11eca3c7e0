import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { changeStageForm, changeStageRubric, createCall, moveCallStatus } from "../../app/server/calls/call-setup.server";
import { actOnApplication, grantDeadlineExtension, listCallApplications, loadApplicationForManager } from "../../app/server/applications/call-applications.server";
import { applicationActionSchema, createCallSchema, extensionSchema, type ManagerAction } from "../../app/forms/call-schemas";
import type { FieldType } from "../../app/forms/form-definition";
import * as applicationRoute from "../../app/routes/manager.applications.$applicationId";
import * as applicationsRoute from "../../app/routes/manager.calls.$callId.applications";
import { createPerson } from "../support/accounts";
import { getAs, notFoundFrom, parsed, parseForm, postAs, refusal, twoStageDates } from "../support/call-forms";

// The outline closes on the spring-forward day at 12:00 Berlin time, the full proposal on the autumn one.
const outlineDeadline = new Date("2026-03-29T10:00:00.000Z");
const justBefore = new Date(outlineDeadline.getTime() - 1000);
const later = (minutes: number) => new Date(outlineDeadline.getTime() + minutes * 60_000);

let manager: CurrentUser;
let otherManager: CurrentUser;
let admin: CurrentUser;
let juror: CurrentUser;
let programmeId: string;
let twoStage: { callId: string; outlineStageId: string; fullStageId: string };
let networkCounter = 0;

async function stageForm(callId: string, stageId: string, fields: { key: string; type: FieldType }[]) {
  const target = { callId, stageId };
  await changeStageForm(manager, target, { op: "addSection", titleDe: "Projekt", titleEn: "Project" });
  for (const field of fields) {
    await changeStageForm(manager, target, {
      op: "addField",
      sectionKey: "projekt",
      key: field.key,
      type: field.type,
      labelDe: field.key,
      labelEn: field.key,
      required: false,
      ...(field.type === "singleChoice" ? { options: [{ labelDe: "Ja", labelEn: "Yes" }] } : {}),
    });
  }
  await changeStageRubric(manager, target, { op: "addCriterion", titleDe: "Qualität", titleEn: "Quality", descriptionDe: "", descriptionEn: "", weight: 100 });
}

async function publishedCall(stageMode: "SINGLE" | "TWO_STAGE") {
  const input = parsed(createCallSchema, { programmeId, title: `MINT-Cluster ${stageMode}`, funder: "BMFTR", awardType: "MONEY", maxAward: "500000", ...twoStageDates, stageMode });
  const { id } = await createCall(manager, input);
  return { id, stages: await prisma.callStage.findMany({ where: { callId: id }, orderBy: { position: "asc" } }) };
}

beforeAll(async () => {
  [manager, otherManager, admin, juror] = await Promise.all([createPerson("MANAGER"), createPerson("MANAGER"), createPerson("ADMIN"), createPerson("JUROR")]);
  programmeId = (await prisma.programme.create({ data: { slug: "cluster", name: "MINT-Cluster", funder: "BMFTR", managers: { create: { userId: manager.id } } } })).id;
  await prisma.programme.create({ data: { slug: "anderes", name: "Anderes", funder: "Stiftung", managers: { create: { userId: otherManager.id } } } });

  const two = await publishedCall("TWO_STAGE");
  const [outline, full] = two.stages;
  await stageForm(two.id, outline!.id, [
    { key: "projektname", type: "shortText" },
    { key: "ziele", type: "longText" },
    { key: "schulen", type: "number" },
  ]);
  await stageForm(two.id, full!.id, [
    { key: "projektname", type: "shortText" },
    { key: "ziele", type: "longText" },
    { key: "schulen", type: "shortText" },
    { key: "finanzplan", type: "budget" },
  ]);
  await moveCallStatus(manager, two.id, "PUBLISHED", new Date("2026-01-15T10:00:00Z"));
  twoStage = { callId: two.id, outlineStageId: outline!.id, fullStageId: full!.id };

});

/** A network with two coordinators (German and English), a collaborator and a disabled coordinator. */
async function network() {
  networkCounter += 1;
  const [german, english, collaborator, disabled] = await Promise.all([createPerson("APPLICANT"), createPerson("APPLICANT"), createPerson("APPLICANT"), createPerson("APPLICANT")]);
  await prisma.user.update({ where: { id: english.id }, data: { locale: "en" } });
  await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  const created = await prisma.network.create({
    data: {
      name: `MINT-Netz ${networkCounter}`,
      bundesland: "NI",
      region: "Oldenburg",
      memberships: {
        create: [
          { userId: german.id, role: "COORDINATOR" },
          { userId: english.id, role: "COORDINATOR" },
          { userId: collaborator.id, role: "COLLABORATOR" },
          { userId: disabled.id, role: "COORDINATOR" },
        ],
      },
    },
  });
  return { id: created.id, name: created.name, german, english, collaborator, disabled };
}

/** A submitted application, as the applicant side leaves it. */
async function submitted(target: { callId: string; stageId: string }, answers: Record<string, unknown> = {}) {
  const owner = await network();
  const application = await prisma.application.create({
    data: {
      callId: target.callId,
      stageId: target.stageId,
      networkId: owner.id,
      title: `Antrag ${owner.name}`,
      state: "submitted",
      snapshot: { value: "submitted", context: { submissions: 1, ineligibleReason: null } },
      version: 1,
      answers: { eligibility: {}, fields: answers } as object,
      submittedAt: new Date("2026-03-20T10:00:00Z"),
      receiptNumber: `MC1-2026-${String(networkCounter).padStart(6, "0")}`,
      createdById: owner.german.id,
    },
  });
  return { application, network: owner };
}

const outlineTarget = () => ({ callId: twoStage.callId, stageId: twoStage.outlineStageId });

async function act(applicationId: string, action: ManagerAction, now: Date, extra: { reason?: string; version?: number; actor?: CurrentUser } = {}) {
  const version = extra.version ?? (await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).version;
  return actOnApplication(extra.actor ?? manager, { applicationId, action, version, reason: extra.reason ?? "" }, now);
}

async function stateOf(applicationId: string): Promise<string> {
  return (await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).state;
}


// ---------------------------------------------------------------------------------------------

describe("who sees a call's applications", () => {
  it("lists them for the programme's managers and admins, with network, stage, state and receipt; a 404 for everyone else", async () => {
    const { application, network: owner } = await submitted(outlineTarget());
    const { applications, call } = await listCallApplications(manager, twoStage.callId);
    expect(call.id).toBe(twoStage.callId);
    expect(applications.find((row) => row.id === application.id)).toMatchObject({
      state: "submitted",
      receiptNumber: application.receiptNumber,
      network: { name: owner.name },
      stage: { kind: "OUTLINE" },
    });
    expect((await listCallApplications(admin, twoStage.callId)).applications.length).toBe(applications.length);
    for (const outsider of [otherManager, juror, owner.german]) {
      await notFoundFrom(listCallApplications(outsider, twoStage.callId));
      await notFoundFrom(loadApplicationForManager(outsider, application.id));
      await notFoundFrom(grantDeadlineExtension(outsider, { applicationId: application.id, until: later(600), reason: "Versuch" }, justBefore));
      await notFoundFrom(act(application.id, "START_ELIGIBILITY_CHECK", later(1), { actor: outsider }));
    }
    expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ state: "submitted", version: 1, deadlineExtendedUntil: null });
  });

  it("answers the routes with 403 for jurors and applicants, 404 for a manager of another programme, and the page for the manager", async () => {
    const { application, network: owner } = await submitted(outlineTarget());
    const params = { applicationId: application.id, callId: twoStage.callId };
    await expect(applicationRoute.loader({ request: await getAs(juror, "/manager"), params, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(applicationRoute.loader({ request: await getAs(owner.german, "/manager"), params, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(applicationsRoute.loader({ request: await getAs(juror, "/manager"), params, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(applicationRoute.loader({ request: await getAs(otherManager, "/manager"), params, context: {} })).rejects.toMatchObject({ status: 404 });
    await expect(applicationsRoute.loader({ request: await getAs(otherManager, "/manager"), params, context: {} })).rejects.toMatchObject({ status: 404 });
    const page = await applicationRoute.loader({ request: await getAs(manager, "/manager"), params, context: {} });
    expect(page.application).toMatchObject({ id: application.id, state: "submitted", answers: { fields: {} } });
    await expect(
      applicationRoute.action({ request: await postAs(otherManager, "/manager", { intent: "act", action: "START_ELIGIBILITY_CHECK", version: "1" }), params, context: {} }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("deadline and eligibility check", () => {
  it("offers the eligibility check only from the deadline on", async () => {
    const { application } = await submitted(outlineTarget());
    expect(await loadApplicationForManager(manager, application.id, justBefore)).toMatchObject({ actions: [], awaitsDeadline: true });
    expect(await refusal(act(application.id, "START_ELIGIBILITY_CHECK", justBefore))).toMatchObject({ messageKey: "workflow.refused" });
    const view = await loadApplicationForManager(manager, application.id, outlineDeadline);
    expect(view.actions).toEqual(["START_ELIGIBILITY_CHECK"]);
    expect(view.awaitsDeadline).toBe(false);
    expect(view.deadline).toEqual(outlineDeadline);
    expect(view.canExtend).toBe(true);
    expect(await act(application.id, "START_ELIGIBILITY_CHECK", outlineDeadline)).toEqual({ state: "eligibilityCheck" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: application.id, action: "START_ELIGIBILITY_CHECK" } });
    expect(audit).toMatchObject({ actorId: manager.id, fromState: "submitted", toState: "eligibilityCheck" });
  });

  it("grants one application a later deadline with a logged reason; the check then waits for the new deadline", async () => {
    const { application } = await submitted(outlineTarget());
    const until = later(24 * 60);
    await grantDeadlineExtension(manager, { applicationId: application.id, until, reason: "Serverstörung beim Upload am Fristtag" }, later(30));
    expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ deadlineExtendedUntil: until, extensionReason: "Serverstörung beim Upload am Fristtag" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: application.id, action: "EXTEND_DEADLINE" } });
    expect(audit).toMatchObject({ actorId: manager.id, entityType: "Application" });
    expect(audit.data).toEqual({ until: until.toISOString(), reason: "Serverstörung beim Upload am Fristtag", previousUntil: null, previousReason: null });

    const view = await loadApplicationForManager(manager, application.id, later(60));
    expect(view.deadline).toEqual(until);
    expect(view.actions).toEqual([]);
    expect(view.history.find((event) => event.action === "EXTEND_DEADLINE")?.reason).toBe("Serverstörung beim Upload am Fristtag");
    expect(await refusal(act(application.id, "START_ELIGIBILITY_CHECK", later(60)))).toMatchObject({ messageKey: "workflow.refused" });
    await act(application.id, "START_ELIGIBILITY_CHECK", until);
    expect(await stateOf(application.id)).toBe("eligibilityCheck");
    // Once the check has begun, the stage is being decided: no more extensions.
    expect(await refusal(grantDeadlineExtension(manager, { applicationId: application.id, until: later(48 * 60), reason: "Zu spät" }, later(25 * 60)))).toMatchObject({
      messageKey: "managerApplications.error.extensionTooLate",
    });
    expect(await prisma.auditEvent.count({ where: { entityId: application.id, action: "EXTEND_DEADLINE" } })).toBe(1);
  });

  it("refuses an extension that ends before the regular deadline or in the past, and checks the form", async () => {
    const { application } = await submitted(outlineTarget());
    const tooEarly = { messageKey: "managerApplications.error.extensionTooEarly", options: { field: "untilTime" } };
    expect(await refusal(grantDeadlineExtension(manager, { applicationId: application.id, until: outlineDeadline, reason: "Gleich" }, justBefore))).toMatchObject(tooEarly);
    expect(await refusal(grantDeadlineExtension(manager, { applicationId: application.id, until: later(10), reason: "Vorbei" }, later(20)))).toMatchObject(tooEarly);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).deadlineExtendedUntil).toBeNull();

    const parse = (fields: Record<string, string>) => parseForm(extensionSchema, fields);
    const ok = parse({ untilDate: "2026-03-30", untilTime: "12:00", reason: "Krankheit der Koordinatorin" });
    expect(ok.status === "success" && ok.value).toEqual({ until: new Date("2026-03-30T10:00:00Z"), reason: "Krankheit der Koordinatorin" });
    const gap = parse({ untilDate: "2026-03-29", untilTime: "02:15", reason: "x" });
    expect(gap.status === "error" && gap.error).toMatchObject({ untilTime: ["callSetup.error.nonexistentTime"] });
    const noReason = parse({ untilDate: "2026-03-30", untilTime: "12:00", reason: "  " });
    expect(noReason.status === "error" && noReason.error).toMatchObject({ reason: ["error.required"] });
  });
});

describe("eligibility steps", () => {
  it("takes an outline through the check into review, offering exactly the steps the machine accepts", async () => {
    const { application } = await submitted(outlineTarget());
    const id = application.id;
    const actions = async () => (await loadApplicationForManager(manager, id, later(60))).actions;
    expect(await actions()).toEqual(["START_ELIGIBILITY_CHECK"]);
    await act(id, "START_ELIGIBILITY_CHECK", later(1));
    expect(await actions()).toEqual(["MARK_ELIGIBLE", "MARK_INELIGIBLE"]);
    expect(await refusal(act(id, "START_ELIGIBILITY_CHECK", later(2)))).toMatchObject({ messageKey: "workflow.refused" });
    await act(id, "MARK_ELIGIBLE", later(2));
    // Decisions are taken on the ranking and the decision page, not through these steps.
    expect(await actions()).toEqual([]);
    expect(
      (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((event) => [event.action, event.toState]),
    ).toEqual([
      ["START_ELIGIBILITY_CHECK", "eligibilityCheck"],
      ["MARK_ELIGIBLE", "inReview"],
    ]);
  });

  it("marks an application ineligible with its reason, and requires the reason in the form", async () => {
    const { application } = await submitted(outlineTarget());
    await act(application.id, "START_ELIGIBILITY_CHECK", later(1));
    await act(application.id, "MARK_INELIGIBLE", later(2), { reason: "Weniger als drei Partner" });
    const view = await loadApplicationForManager(manager, application.id, later(3));
    expect(view).toMatchObject({ state: "ineligible", ineligibleReason: "Weniger als drei Partner", actions: [], canExtend: false });
    const parse = (fields: Record<string, string>) => parseForm(applicationActionSchema, fields);
    const missing = parse({ action: "MARK_INELIGIBLE", version: "2" });
    expect(missing.status === "error" && missing.error).toMatchObject({ reason: ["managerApplications.error.reasonRequired"] });
  });

  it("refuses a step based on an outdated page", async () => {
    const { application } = await submitted(outlineTarget());
    await act(application.id, "START_ELIGIBILITY_CHECK", later(1));
    expect(await refusal(act(application.id, "MARK_ELIGIBLE", later(3), { version: 0 }))).toMatchObject({ messageKey: "workflow.stale" });
    expect(await stateOf(application.id)).toBe("eligibilityCheck");
  });
});
