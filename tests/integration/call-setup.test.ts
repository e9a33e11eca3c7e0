import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import {
  changeStageForm,
  changeStageRubric,
  copyCall,
  createCall,
  loadCallForSetup,
  loadCallPreview,
  loadStageForm,
  moveCallStatus,
  programmesForCallSetup,
  PublicationRefusedError,
  updateCallDetails,
  updateStages,
} from "../../app/server/calls/call-setup.server";
import type { FormOperation } from "../../app/server/calls/form-builder.server";
import {
  addFieldSchema,
  callDetailsSchema,
  copyCallSchema,
  createCallSchema,
  fieldPropertiesSchema,
  stagesSchema,
  type CreateCallInput,
} from "../../app/forms/call-schemas";
import { fieldsOf, formDefinition, type FieldType, type FormDefinition } from "../../app/forms/form-definition";
import { FormattedText, textBlocks } from "../../app/components/calls/formatted-text";
import * as overviewRoute from "../../app/routes/manager.calls.$callId._index";
import * as builderRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.form";
import * as newCallRoute from "../../app/routes/manager.calls.new";
import { createPerson } from "../support/accounts";
import { getAs, notFoundFrom, parsed, parseForm, postAs, refusal, twoStageDates } from "../support/call-forms";

// ---------------------------------------------------------------------------------------------
// People, programmes and form input as the routes parse it

let manager: CurrentUser;
let otherManager: CurrentUser;
let admin: CurrentUser;
let juror: CurrentUser;
let applicant: CurrentUser;
let programmeId: string;
let otherProgrammeId: string;
let counter = 0;

beforeAll(async () => {
  [manager, otherManager, admin, juror, applicant] = await Promise.all([
    createPerson("MANAGER"),
    createPerson("MANAGER"),
    createPerson("ADMIN"),
    createPerson("JUROR"),
    createPerson("APPLICANT"),
  ]);
  const programme = await prisma.programme.create({ data: { slug: "mint-cluster-test", name: "MINT-Cluster", funder: "BMFTR", managers: { create: { userId: manager.id } } } });
  const other = await prisma.programme.create({ data: { slug: "andere", name: "Anderes Programm", funder: "Stiftung", managers: { create: { userId: otherManager.id } } } });
  programmeId = programme.id;
  otherProgrammeId = other.id;
});

function fieldErrors(schema: z.ZodType, fields: Record<string, string | string[]>): Record<string, string[] | null> {
  const submission = parseForm(schema, fields);
  expect(submission.status).toBe("error");
  return submission.status === "error" ? (submission.error ?? {}) : {};
}

function callFields(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1;
  return {
    programmeId,
    title: `MINT-Cluster Runde ${counter}`,
    summary: "Außerschulische MINT-Angebote für 10- bis 16-Jährige.",
    description: "Absatz eins.\n\n- Punkt A\n- Punkt B",
    rules: "Es gelten die Förderrichtlinien.",
    eligibility: "Regionale Cluster mit mindestens drei Partnern.",
    funder: "BMFTR",
    targetGroup: "Kinder und Jugendliche von 10 bis 16 Jahren",
    totalBudget: "15.000.000",
    awardType: "MONEY",
    maxAward: "500000",
    plannedAwards: "30",
    fundingStartsOn: "2027-01-01",
    fundingEndsOn: "2029-12-31",
    contactName: "Maria Programmleitung",
    contactEmail: "mint@example.test",
    ...twoStageDates,
    ...overrides,
  };
}

async function newCall(overrides: Record<string, string> = {}, actor: CurrentUser = manager) {
  const input: CreateCallInput = parsed(createCallSchema, callFields(overrides));
  return createCall(actor, input, new Date("2026-01-10T10:00:00Z"));
}

async function stagesOf(callId: string) {
  return prisma.callStage.findMany({ where: { callId }, orderBy: { position: "asc" }, include: { form: true, rubric: { include: { criteria: { orderBy: { position: "asc" } } } } } });
}

const change = (callId: string, stageId: string, operation: FormOperation, actor: CurrentUser = manager) => changeStageForm(actor, { callId, stageId }, operation);

/** A stage form with one section holding a required short text, ready for publication. */
async function completeStage(callId: string, stageId: string) {
  await change(callId, stageId, { op: "addSection", titleDe: "Projekt", titleEn: "Project" });
  await change(callId, stageId, { op: "addField", sectionKey: "projekt", type: "shortText", labelDe: "Projektname", labelEn: "Project name", required: true });
  await change(callId, stageId, { op: "addField", sectionKey: "projekt", type: "longText", labelDe: "Ziele", labelEn: "Goals", required: false });
  await change(callId, stageId, { op: "addField", sectionKey: "projekt", type: "singleChoice", labelDe: "Schulform", labelEn: "School type", required: false, options: [{ labelDe: "Grundschule", labelEn: "Primary" }, { labelDe: "Gymnasium", labelEn: "Grammar school" }] });
  await changeStageRubric(manager, { callId, stageId }, { op: "addCriterion", titleDe: "Qualität", titleEn: "Quality", descriptionDe: "", descriptionEn: "", weight: 60 });
  await changeStageRubric(manager, { callId, stageId }, { op: "addCriterion", titleDe: "Netzwerk", titleEn: "Network", descriptionDe: "", descriptionEn: "", weight: 40 });
}

async function publishedCall() {
  const call = await newCall();
  for (const stage of await stagesOf(call.id)) await completeStage(call.id, stage.id);
  await moveCallStatus(manager, call.id, "PUBLISHED", new Date("2026-01-20T10:00:00Z"));
  return { call, stages: await stagesOf(call.id) };
}

// ---------------------------------------------------------------------------------------------

describe("creating a call", () => {
  it("creates a two-stage draft with Berlin deadlines in UTC, euros in cents, an empty form and rubric per stage, and an audit event", async () => {
    const { id, slug } = await newCall({ title: "MINT-Cluster Runde 4 – Förderung" });
    expect(slug).toBe("mint-cluster-runde-4-foerderung");
    const call = await prisma.call.findUniqueOrThrow({ where: { id } });
    expect(call).toMatchObject({ status: "DRAFT", programmeId, awardType: "MONEY", maxAwardCents: 50_000_000n, totalBudgetCents: 1_500_000_000n, plannedAwards: 30, round: 1, copiedFromId: null });
    expect(call.fundingStartsOn?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    const stages = await stagesOf(id);
    expect(stages.map((stage) => stage.kind)).toEqual(["OUTLINE", "FULL_PROPOSAL"]);
    // 29 March 2026 is the spring-forward day, 25 October the autumn one.
    expect(stages[0]!.closesAt.toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(stages[1]!.closesAt.toISOString()).toBe("2026-10-25T11:00:00.000Z");
    expect(stages[0]!.opensAt.toISOString()).toBe("2026-01-31T23:00:00.000Z");
    for (const stage of stages) {
      expect(stage.form?.definition).toEqual({ eligibility: [], sections: [] });
      expect(stage.form?.version).toBe(1);
      expect(stage.rubric).toMatchObject({ scaleMin: 0, scaleMax: 10, criteria: [] });
    }
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Call", entityId: id, action: "CREATE" } });
    expect(audit.actorId).toBe(manager.id);
  });

  it("creates a single-stage call with support instead of money, dropping a stray maximum amount", async () => {
    const { id } = await newCall({ awardType: "SUPPORT", supportDescription: "Zwei Jahre Beratung und Qualifizierung", maxAward: "1000", stageMode: "SINGLE" });
    const call = await prisma.call.findUniqueOrThrow({ where: { id }, include: { stages: true } });
    expect(call).toMatchObject({ awardType: "SUPPORT", maxAwardCents: null, supportDescription: "Zwei Jahre Beratung und Qualifizierung" });
    expect(call.stages.map((stage) => stage.kind)).toEqual(["SINGLE"]);
  });

  it("numbers a slug made from a taken title, and refuses a taken slug asked for by name", async () => {
    const first = await newCall({ title: "Gründungswettbewerb" });
    const second = await newCall({ title: "Gründungswettbewerb" });
    expect(first.slug).toBe("gruendungswettbewerb");
    expect(second.slug).toBe("gruendungswettbewerb-2");
    const error = await refusal(newCall({ slug: "gruendungswettbewerb" }));
    expect(error).toMatchObject({ messageKey: "callSetup.error.slugTaken", options: { field: "slug" } });
  });

  it("refuses a programme the person does not manage, and offers jurors and applicants no programme at all", async () => {
    const error = await refusal(newCall({ programmeId: otherProgrammeId }));
    expect(error).toMatchObject({ messageKey: "callSetup.error.programme", options: { field: "programmeId" } });
    expect(await programmesForCallSetup(juror)).toEqual([]);
    expect(await programmesForCallSetup(applicant)).toEqual([]);
    expect((await programmesForCallSetup(manager)).map((programme) => programme.id)).toEqual([programmeId]);
    expect((await programmesForCallSetup(admin)).map((programme) => programme.id).sort()).toEqual([programmeId, otherProgrammeId].sort());
    await refusal(newCall({}, juror));
  });

  it("checks the form: a Berlin time the clock skips, stages in the wrong order, missing amounts and bad values", () => {
    expect(fieldErrors(createCallSchema, callFields({ closesTime: "02:30" })).closesTime).toEqual(["callSetup.error.nonexistentTime"]);
    expect(fieldErrors(createCallSchema, callFields({ closesDate: "2026-01-15" })).closesTime).toEqual(["callSetup.error.closesBeforeOpens"]);
    expect(fieldErrors(createCallSchema, callFields({ fullOpensDate: "2026-03-29", fullOpensTime: "11:59" })).fullOpensTime).toEqual(["callSetup.error.fullBeforeOutline"]);
    expect(fieldErrors(createCallSchema, callFields({ fullClosesDate: "" })).fullClosesDate).toEqual(["error.required"]);
    expect(fieldErrors(createCallSchema, callFields({ maxAward: "" })).maxAward).toEqual(["callSetup.error.maxAwardRequired"]);
    expect(fieldErrors(createCallSchema, callFields({ totalBudget: "viel" })).totalBudget).toEqual(["callSetup.error.euros"]);
    expect(fieldErrors(createCallSchema, callFields({ fundingEndsOn: "2026-12-31" })).fundingEndsOn).toEqual(["callSetup.error.fundingPeriod"]);
    expect(fieldErrors(createCallSchema, callFields({ slug: "Mit Leerzeichen" })).slug).toEqual(["callSetup.error.slug"]);
    expect(fieldErrors(createCallSchema, callFields({ contactEmail: "keine-adresse" })).contactEmail).toEqual(["error.email"]);
    expect(fieldErrors(createCallSchema, callFields({ title: "" })).title).toEqual(["error.required"]);
    // The outline may close exactly when the full proposal opens.
    const touching = parsed(createCallSchema, callFields({ fullOpensDate: "2026-03-29", fullOpensTime: "12:00" }));
    expect(touching.stages[1]!.opensAt.toISOString()).toBe("2026-03-29T10:00:00.000Z");
    // A single stage ignores the full proposal's inputs.
    const single = parsed(createCallSchema, callFields({ stageMode: "SINGLE", fullOpensDate: "", fullClosesDate: "" }));
    expect(single.stages).toHaveLength(1);
  });

  it("reads German and plain euro amounts", () => {
    const amounts = (value: string) => parsed(callDetailsSchema, { ...callFields(), maxAward: value }).maxAwardCents;
    expect(amounts("500.000")).toBe(50_000_000);
    expect(amounts("1.250,50")).toBe(125_050);
    expect(amounts("99.5")).toBe(9950);
    expect(amounts("750000")).toBe(75_000_000);
  });
});

describe("who may set up a call", () => {
  it("shows and changes a call only for managers of its programme and admins; everyone else gets a 404", async () => {
    const { id } = await newCall();
    const [stage] = await stagesOf(id);
    for (const outsider of [otherManager, juror, applicant]) {
      await notFoundFrom(loadCallForSetup(outsider, id));
      await notFoundFrom(loadCallPreview(outsider, id));
      await notFoundFrom(updateCallDetails(outsider, id, parsed(callDetailsSchema, callFields())));
      await notFoundFrom(updateStages(outsider, id, parsed(stagesSchema, twoStageDates)));
      await notFoundFrom(moveCallStatus(outsider, id, "PUBLISHED"));
      await notFoundFrom(copyCall(outsider, id, parsed(copyCallSchema, { title: "Kopie", ...twoStageDates })));
      await notFoundFrom(loadStageForm(outsider, id, stage!.id));
      await notFoundFrom(change(id, stage!.id, { op: "addSection", titleDe: "X", titleEn: "X" }, outsider));
      await notFoundFrom(changeStageRubric(outsider, { callId: id, stageId: stage!.id }, { op: "setScale", scaleMin: 1, scaleMax: 5 }));
    }
    expect((await loadCallForSetup(admin, id)).id).toBe(id);
    expect((await prisma.formDefinition.findUniqueOrThrow({ where: { stageId: stage!.id } })).definition).toEqual({ eligibility: [], sections: [] });
  });

  it("refuses a stage id of another call, even with the right call id", async () => {
    const first = await newCall();
    const second = await newCall({}, manager);
    const [foreignStage] = await stagesOf(second.id);
    const { id: otherId } = await createCall(otherManager, parsed(createCallSchema, callFields({ programmeId: otherProgrammeId })));
    const [otherStage] = await stagesOf(otherId);
    await notFoundFrom(loadStageForm(manager, first.id, otherStage!.id));
    await notFoundFrom(change(first.id, otherStage!.id, { op: "addSection", titleDe: "X", titleEn: "X" }));
    await notFoundFrom(loadStageForm(manager, first.id, foreignStage!.id));
  });
});

describe("publishing and the call's status", () => {
  it("refuses to publish a draft and lists what is missing, then publishes once the forms and rubrics are complete", async () => {
    const { id } = await newCall();
    const [outline, full] = await stagesOf(id);
    const first = (await refusal(moveCallStatus(manager, id, "PUBLISHED"))) as PublicationRefusedError;
    expect(first).toBeInstanceOf(PublicationRefusedError);
    expect(first.problems).toEqual([
      { messageKey: "callSetup.problem.formEmpty", stageKind: "OUTLINE" },
      { messageKey: "callSetup.problem.rubricEmpty", stageKind: "OUTLINE" },
      { messageKey: "callSetup.problem.formEmpty", stageKind: "FULL_PROPOSAL" },
      { messageKey: "callSetup.problem.rubricEmpty", stageKind: "FULL_PROPOSAL" },
    ]);
    await completeStage(id, outline!.id);
    await change(id, full!.id, { op: "addSection", titleDe: "Leer", titleEn: "Empty" });
    await changeStageRubric(manager, { callId: id, stageId: full!.id }, { op: "addCriterion", titleDe: "A", titleEn: "A", descriptionDe: "", descriptionEn: "", weight: 90 });
    const second = (await refusal(moveCallStatus(manager, id, "PUBLISHED"))) as PublicationRefusedError;
    expect(second.problems).toEqual([
      { messageKey: "callSetup.problem.formEmpty", stageKind: "FULL_PROPOSAL" },
      { messageKey: "callSetup.problem.rubricWeights", stageKind: "FULL_PROPOSAL", sum: 90 },
    ]);
    expect((await loadCallForSetup(manager, id)).problems).toEqual(second.problems);
    expect((await prisma.call.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");

    await completeStage(id, full!.id);
    const [, fullNow] = await stagesOf(id);
    const extra = fullNow!.rubric!.criteria[0]!;
    await changeStageRubric(manager, { callId: id, stageId: full!.id }, { op: "deleteCriterion", criterionId: extra.id });
    const publishedAt = new Date("2026-01-20T10:00:00Z");
    await moveCallStatus(manager, id, "PUBLISHED", publishedAt);
    const call = await prisma.call.findUniqueOrThrow({ where: { id }, include: { stages: { include: { form: true } } } });
    expect(call.status).toBe("PUBLISHED");
    expect(call.publishedAt).toEqual(publishedAt);
    expect(call.stages.every((stage) => stage.form?.publishedAt?.getTime() === publishedAt.getTime())).toBe(true);
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "PUBLISH", fromState: "DRAFT", toState: "PUBLISHED" } })).toBe(1);
  });

  it("moves only forward one step at a time: published → closed → archived; everything else is refused", async () => {
    const { call } = await publishedCall();
    const confirmed = { confirmed: true };
    expect(await refusal(moveCallStatus(manager, call.id, "PUBLISHED"))).toMatchObject({ messageKey: "callWorkflow.already.PUBLISHED" });
    expect(await refusal(moveCallStatus(manager, call.id, "ARCHIVED", new Date(), confirmed))).toMatchObject({ messageKey: "callSetup.error.statusMove" });
    await moveCallStatus(manager, call.id, "CLOSED", new Date(), confirmed);
    expect(await refusal(moveCallStatus(manager, call.id, "CLOSED", new Date(), confirmed))).toMatchObject({ messageKey: "callWorkflow.already.CLOSED" });
    await moveCallStatus(manager, call.id, "ARCHIVED", new Date(), confirmed);
    for (const target of ["PUBLISHED", "CLOSED"] as const) {
      expect(await refusal(moveCallStatus(manager, call.id, target, new Date(), confirmed))).toMatchObject({ messageKey: "callSetup.error.statusMove" });
    }
    expect(await refusal(moveCallStatus(manager, call.id, "ARCHIVED", new Date(), confirmed))).toMatchObject({ messageKey: "callWorkflow.already.ARCHIVED" });
    expect((await prisma.auditEvent.findMany({ where: { entityId: call.id, entityType: "Call" }, orderBy: { createdAt: "asc" } })).map((event) => event.action)).toEqual([
      "CREATE",
      "PUBLISH",
      "CLOSE",
      "ARCHIVE",
    ]);
    const draft = await newCall();
    expect(await refusal(moveCallStatus(manager, draft.id, "CLOSED", new Date(), confirmed))).toMatchObject({ messageKey: "callSetup.error.statusMove" });
  });

  it("keeps a closed call as it is: no edits to texts, stages, forms or rubrics", async () => {
    const { call, stages } = await publishedCall();
    await moveCallStatus(manager, call.id, "CLOSED", new Date(), { confirmed: true });
    const notEditable = { messageKey: "callSetup.error.notEditable" };
    expect(await refusal(updateCallDetails(manager, call.id, parsed(callDetailsSchema, callFields())))).toMatchObject(notEditable);
    expect(await refusal(updateStages(manager, call.id, parsed(stagesSchema, twoStageDates)))).toMatchObject(notEditable);
    expect(await refusal(change(call.id, stages[0]!.id, { op: "addSection", titleDe: "Neu", titleEn: "New" }))).toMatchObject(notEditable);
    expect(await refusal(changeStageRubric(manager, { callId: call.id, stageId: stages[0]!.id }, { op: "setScale", scaleMin: 0, scaleMax: 10 }))).toMatchObject(notEditable);
    expect((await loadCallForSetup(manager, call.id)).editable).toBe(false);
  });
});

describe("editing texts and stages", () => {
  it("saves the texts; a published call keeps its slug", async () => {
    const { id } = await newCall();
    await updateCallDetails(manager, id, parsed(callDetailsSchema, callFields({ title: "Neuer Titel", slug: "neuer-titel", description: "Neu" })));
    expect(await prisma.call.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Neuer Titel", slug: "neuer-titel", description: "Neu" });
    const { call } = await publishedCall();
    const error = await refusal(updateCallDetails(manager, call.id, parsed(callDetailsSchema, callFields({ slug: "anderer-name" }))));
    expect(error).toMatchObject({ messageKey: "callSetup.error.slugFixed", options: { field: "slug" } });
    await updateCallDetails(manager, call.id, parsed(callDetailsSchema, callFields({ summary: "Korrigiert" })));
    expect((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).summary).toBe("Korrigiert");
  });

  it("switches a draft between one and two stages; a published call keeps its stages but may move its dates", async () => {
    const { id } = await newCall();
    const [outline] = await stagesOf(id);
    await change(id, outline!.id, { op: "addSection", titleDe: "Bleibt", titleEn: "Stays" });
    await updateStages(manager, id, parsed(stagesSchema, { ...twoStageDates, stageMode: "SINGLE" }));
    const single = await stagesOf(id);
    expect(single.map((stage) => [stage.kind, stage.id])).toEqual([["SINGLE", outline!.id]]);
    expect((single[0]!.form!.definition as FormDefinition).sections[0]!.key).toBe("bleibt");
    await updateStages(manager, id, parsed(stagesSchema, twoStageDates));
    expect((await stagesOf(id)).map((stage) => stage.kind)).toEqual(["OUTLINE", "FULL_PROPOSAL"]);

    const { call } = await publishedCall();
    const error = await refusal(updateStages(manager, call.id, parsed(stagesSchema, { ...twoStageDates, stageMode: "SINGLE" })));
    expect(error).toMatchObject({ messageKey: "callSetup.error.stageModeFixed", options: { field: "stageMode" } });
    await updateStages(manager, call.id, parsed(stagesSchema, { ...twoStageDates, fullClosesDate: "2026-11-02" }));
    expect((await stagesOf(call.id))[1]!.closesAt.toISOString()).toBe("2026-11-02T11:00:00.000Z");
  });
});

describe("form builder before publication", () => {
  const allTypes: FieldType[] = ["shortText", "longText", "number", "amount", "date", "singleChoice", "multipleChoice", "yesNo", "file", "partners", "budget"];

  it("builds a form with every field type, edits and moves fields, and stores a definition the shared schema accepts", async () => {
    const { id } = await newCall();
    const [stage] = await stagesOf(id);
    const edit = (operation: FormOperation) => change(id, stage!.id, operation);
    await edit({ op: "addSection", titleDe: "Über das Netzwerk", titleEn: "About the network" });
    await edit({ op: "addSection", titleDe: "Finanzen", titleEn: "Finances", key: "finanzen" });
    for (const type of allTypes) {
      const input = parsed(addFieldSchema, {
        sectionKey: "netzwerk",
        type,
        labelDe: `Feld ${type}`,
        labelEn: `Field ${type}`,
        ...(type === "singleChoice" || type === "multipleChoice" ? { options: "Schule | School\nKita" } : {}),
        ...(type === "shortText" ? { required: "on" } : {}),
      });
      const { createdKey } = await edit({ op: "addField", ...input });
      expect(createdKey).toBe(`feld${type[0]!.toUpperCase()}${type.slice(1).toLowerCase()}`);
    }
    let { definition } = await loadStageForm(manager, id, stage!.id);
    expect(fieldsOf(definition!).map((field) => field.type)).toEqual(allTypes);
    const choice = fieldsOf(definition!).find((field) => field.type === "singleChoice");
    expect(choice).toMatchObject({ options: [{ value: "schule", labelDe: "Schule", labelEn: "School" }, { value: "kita", labelDe: "Kita", labelEn: "Kita" }] });
    const budget = fieldsOf(definition!).find((field) => field.type === "budget");
    // The budget's years follow the funding period 2027–2029.
    expect(budget).toMatchObject({ years: [2027, 2028, 2029], minOwnContributionPercent: 0 });

    await edit({
      op: "updateField",
      properties: parsed(fieldPropertiesSchema("longText"), { fieldKey: "feldLongtext", type: "longText", labelDe: "Ziele", labelEn: "Goals", helpDe: "Bitte knapp.", maxLength: "3000", required: "on" }),
    });
    await edit({
      op: "updateField",
      properties: parsed(fieldPropertiesSchema("file"), { fieldKey: "feldFile", type: "file", labelDe: "Anlagen", labelEn: "Attachments", accept: ["pdf", "docx"], maxSizeMb: "20", maxFiles: "3" }),
    });
    await edit({ op: "addOption", fieldKey: "feldSinglechoice", labelDe: "Hochschule", labelEn: "University" });
    await edit({ op: "removeOption", fieldKey: "feldSinglechoice", value: "kita" });
    await edit({ op: "addOption", fieldKey: "feldBudget", labelDe: "Öffentlichkeitsarbeit", labelEn: "Public relations", value: "pr" });
    await edit({ op: "moveField", fieldKey: "feldShorttext", direction: "down" });
    await edit({ op: "moveField", fieldKey: "feldBudget", direction: "down" });
    await edit({ op: "moveSection", sectionKey: "finanzen", direction: "up" });
    await edit({ op: "changeFieldType", fieldKey: "feldDate", type: "multipleChoice", options: [{ labelDe: "Frühjahr", labelEn: "Spring" }] });
    await edit({ op: "deleteField", fieldKey: "feldYesno", confirmed: true });
    await edit({ op: "addQuestion", questionDe: "Sitz in Deutschland?", questionEn: "Based in Germany?", requiredAnswer: true, refusalDe: "Nur Netzwerke in Deutschland.", refusalEn: "Only networks in Germany." });
    await edit({ op: "addQuestion", key: "kooperation", questionDe: "Mindestens drei Partner?", questionEn: "At least three partners?", requiredAnswer: true, refusalDe: "Zu wenige Partner.", refusalEn: "Too few partners." });
    await edit({ op: "moveQuestion", questionKey: "kooperation", direction: "up" });
    await edit({ op: "updateQuestion", questionKey: "sitzDeutschland", questionDe: "Sitz in Deutschland?", questionEn: "Based in Germany?", requiredAnswer: false, refusalDe: "Anders.", refusalEn: "Other." });

    const stored = await loadStageForm(manager, id, stage!.id);
    definition = stored.definition;
    expect(formDefinition.parse((await prisma.formDefinition.findUniqueOrThrow({ where: { stageId: stage!.id } })).definition)).toEqual(definition);
    expect(stored.version).toBe(1);
    expect(definition!.sections.map((section) => [section.key, section.fields.map((field) => field.key)])).toEqual([
      ["finanzen", ["feldBudget"]],
      [
        "netzwerk",
        ["feldLongtext", "feldShorttext", "feldNumber", "feldAmount", "feldDate", "feldSinglechoice", "feldMultiplechoice", "feldFile", "feldPartners"],
      ],
    ]);
    const fields = new Map(fieldsOf(definition!).map((field) => [field.key, field]));
    expect(fields.get("feldLongtext")).toMatchObject({ labelDe: "Ziele", helpDe: "Bitte knapp.", maxLength: 3000, required: true });
    expect(fields.get("feldFile")).toMatchObject({ accept: ["pdf", "docx"], maxSizeMb: 20, maxFiles: 3 });
    expect(fields.get("feldSinglechoice")).toMatchObject({ options: [{ value: "schule" }, { value: "hochschule" }] });
    expect(fields.get("feldBudget")).toMatchObject({ categories: expect.arrayContaining([{ value: "pr", labelDe: "Öffentlichkeitsarbeit", labelEn: "Public relations" }]) });
    expect(fields.get("feldDate")).toMatchObject({ type: "multipleChoice", options: [{ value: "fruehjahr", labelDe: "Frühjahr" }] });
    expect(fields.has("feldYesno")).toBe(false);
    expect(definition!.eligibility.map((question) => [question.key, question.requiredAnswer])).toEqual([
      ["kooperation", true],
      ["sitzDeutschland", false],
    ]);
    await edit({ op: "deleteQuestion", questionKey: "kooperation" });
    await edit({ op: "deleteSection", sectionKey: "finanzen", confirmed: true });
    const after = (await loadStageForm(manager, id, stage!.id)).definition!;
    expect(after.eligibility.map((question) => question.key)).toEqual(["sitzDeutschland"]);
    expect(after.sections.map((section) => section.key)).toEqual(["netzwerk"]);
  });

  it("keeps every change when several managers edit one form at the same moment", async () => {
    const { id } = await newCall();
    const [stage] = await stagesOf(id);
    await change(id, stage!.id, { op: "addSection", titleDe: "Gemeinsam", titleEn: "Together" });
    const labels = Array.from({ length: 8 }, (_, index) => `Frage ${index + 1}`);
    await Promise.all(labels.map((label) => change(id, stage!.id, { op: "addField", sectionKey: "gemeinsam", type: "shortText", labelDe: label, labelEn: label, required: false })));
    const { definition } = await loadStageForm(manager, id, stage!.id);
    expect(fieldsOf(definition!).map((field) => field.labelDe).sort()).toEqual([...labels].sort());
  });

  it("refuses what would break the form: a taken key, the last option, an unknown field, a choice without options", async () => {
    const { id } = await newCall();
    const [stage] = await stagesOf(id);
    const edit = (operation: FormOperation) => change(id, stage!.id, operation);
    await edit({ op: "addSection", titleDe: "A", titleEn: "A", key: "abschnitt" });
    expect(await refusal(edit({ op: "addSection", titleDe: "B", titleEn: "B", key: "abschnitt" }))).toMatchObject({ messageKey: "formBuilder.error.keyTaken", options: { field: "key" } });
    await edit({ op: "addField", sectionKey: "abschnitt", type: "singleChoice", labelDe: "Wahl", labelEn: "Choice", required: false, options: [{ labelDe: "Eins", labelEn: "One" }] });
    expect(await refusal(edit({ op: "removeOption", fieldKey: "wahl", value: "eins" }))).toMatchObject({ messageKey: "formBuilder.error.lastOption" });
    expect(await refusal(edit({ op: "deleteField", fieldKey: "gibtEsNicht", confirmed: true }))).toMatchObject({ messageKey: "formBuilder.error.unknownItem" });
    expect(await refusal(edit({ op: "addField", sectionKey: "fehlt", type: "date", labelDe: "D", labelEn: "D", required: false }))).toMatchObject({ messageKey: "formBuilder.error.unknownItem" });
    expect(fieldErrors(addFieldSchema, { sectionKey: "abschnitt", type: "multipleChoice", labelDe: "M", labelEn: "M" }).options).toEqual(["formBuilder.error.optionsRequired"]);
    expect(fieldErrors(addFieldSchema, { sectionKey: "abschnitt", type: "date", labelDe: "D", labelEn: "D", key: "9falsch" }).key).toEqual(["form.error.key"]);
    expect(fieldErrors(fieldPropertiesSchema("number"), { fieldKey: "zahl", type: "number", labelDe: "Z", labelEn: "N", min: "10", max: "5" }).max).toEqual(["formBuilder.error.minAboveMax"]);
    expect(fieldErrors(fieldPropertiesSchema("budget"), { fieldKey: "plan", type: "budget", labelDe: "P", labelEn: "B", years: "1999", minOwnContributionPercent: "10" }).years).toEqual(["formBuilder.error.years"]);
    expect(fieldErrors(fieldPropertiesSchema("file"), { fieldKey: "datei", type: "file", labelDe: "D", labelEn: "F", maxSizeMb: "500", maxFiles: "1" })).toMatchObject({ accept: ["formBuilder.error.fileKinds"], maxSizeMb: ["callSetup.error.tooLarge"] });
  });

  it("answers the builder's plain POSTs without JavaScript: a new field leads to its settings page; other managers get a 404, jurors a 403", async () => {
    const { id } = await newCall();
    const [stage] = await stagesOf(id);
    await change(id, stage!.id, { op: "addSection", titleDe: "Projekt", titleEn: "Project" });
    const params = { callId: id, stageId: stage!.id };
    const response = await builderRoute.action({ request: await postAs(manager, `/manager/calls/${id}/stages/${stage!.id}/form`, { intent: "addField", sectionKey: "projekt", type: "yesNo", labelDe: "Schon gefördert?", labelEn: "Funded before?" }), params, context: {} });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/manager/calls/${id}/stages/${stage!.id}/fields/schonGefoerdert`);
    const invalid = await builderRoute.action({ request: await postAs(manager, `/manager/calls/${id}/stages/${stage!.id}/form`, { intent: "addField", sectionKey: "projekt", type: "yesNo", labelDe: "", labelEn: "x" }), params, context: {} });
    expect(invalid).toMatchObject({ init: { status: 400 }, data: { formId: "add-field-projekt", result: { error: { labelDe: ["error.required"] } } } });
    await expect(builderRoute.loader({ request: await getAs(otherManager, "/"), params, context: {} })).rejects.toMatchObject({ status: 404 });
    await expect(builderRoute.loader({ request: await getAs(juror, "/"), params, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(overviewRoute.loader({ request: await getAs(applicant, "/"), params, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(newCallRoute.loader({ request: await getAs(juror, "/"), params: {}, context: {} })).rejects.toMatchObject({ status: 403 });
    const anonymous = await builderRoute.loader({ request: new Request("http://portal.test/manager"), params, context: {} }).catch((error: unknown) => error);
    expect((anonymous as Response).status).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("form builder after publication", () => {
  it("refuses every change that would lose or invalidate answers", async () => {
    const { call, stages } = await publishedCall();
    const stageId = stages[0]!.id;
    const edit = (operation: FormOperation) => change(call.id, stageId, operation);
    await edit({ op: "addField", sectionKey: "projekt", type: "file", labelDe: "Anlage", labelEn: "Attachment", required: false });
    const versionBefore = (await loadStageForm(manager, call.id, stageId)).version;
    const refusedWith = async (operation: FormOperation, messageKey: string) => expect(await refusal(edit(operation))).toMatchObject({ messageKey });
    await refusedWith({ op: "deleteField", fieldKey: "ziele", confirmed: true }, "formBuilder.refused.delete");
    // Applications exist only once a call is published, so no uploaded file can lose the field it answers.
    await refusedWith({ op: "deleteField", fieldKey: "anlage", confirmed: true }, "formBuilder.refused.delete");
    await refusedWith({ op: "changeFieldType", fieldKey: "anlage", type: "shortText" }, "formBuilder.refused.type");
    await refusedWith({ op: "deleteSection", sectionKey: "projekt" }, "formBuilder.refused.delete");
    await refusedWith({ op: "changeFieldType", fieldKey: "ziele", type: "shortText" }, "formBuilder.refused.type");
    await refusedWith({ op: "removeOption", fieldKey: "schulform", value: "gymnasium" }, "formBuilder.refused.option");
    await refusedWith({ op: "addField", sectionKey: "projekt", type: "date", labelDe: "Start", labelEn: "Start", required: true }, "formBuilder.refused.requiredField");
    await refusedWith({ op: "addQuestion", questionDe: "Neu?", questionEn: "New?", requiredAnswer: true, refusalDe: "Nein.", refusalEn: "No." }, "formBuilder.refused.question");
    const longText = { fieldKey: "ziele", type: "longText", labelDe: "Ziele", labelEn: "Goals" } as const;
    await refusedWith({ op: "updateField", properties: parsed(fieldPropertiesSchema("longText"), { ...longText, maxLength: "1000" }) }, "formBuilder.refused.limit");
    await refusedWith({ op: "updateField", properties: parsed(fieldPropertiesSchema("longText"), { ...longText, maxLength: "2000", required: "on" }) }, "formBuilder.refused.required");
    const file = { fieldKey: "anlage", type: "file", labelDe: "Anlage", labelEn: "Attachment", maxSizeMb: "10", maxFiles: "1" } as const;
    await refusedWith({ op: "updateField", properties: parsed(fieldPropertiesSchema("file"), { ...file, accept: ["docx"] }) }, "formBuilder.refused.limit");
    await refusedWith({ op: "updateField", properties: parsed(fieldPropertiesSchema("file"), { ...file, accept: ["pdf"], maxSizeMb: "5" }) }, "formBuilder.refused.limit");
    const stored = await loadStageForm(manager, call.id, stageId);
    expect(stored.version).toBe(versionBefore);
    expect(fieldsOf(stored.definition!).map((field) => field.key)).toEqual(["projektname", "ziele", "schulform", "anlage"]);
  });

  it("allows new wording, looser limits, new optional fields and a new order, and raises the version with each change", async () => {
    const { call, stages } = await publishedCall();
    const stageId = stages[0]!.id;
    const edit = (operation: FormOperation) => change(call.id, stageId, operation);
    expect((await loadStageForm(manager, call.id, stageId)).version).toBe(1);
    await edit({ op: "updateField", properties: parsed(fieldPropertiesSchema("longText"), { fieldKey: "ziele", type: "longText", labelDe: "Ziele des Clusters", labelEn: "Cluster goals", helpDe: "Neu", maxLength: "5000" }) });
    await edit({ op: "updateField", properties: parsed(fieldPropertiesSchema("shortText"), { fieldKey: "projektname", type: "shortText", labelDe: "Projektname", labelEn: "Project name", maxLength: "300", required: "on" }) });
    await edit({ op: "addField", sectionKey: "projekt", type: "date", labelDe: "Beginn", labelEn: "Start", required: false });
    await edit({ op: "addOption", fieldKey: "schulform", labelDe: "Realschule", labelEn: "Secondary school" });
    await edit({ op: "moveField", fieldKey: "beginn", direction: "up" });
    await edit({ op: "addSection", titleDe: "Ergänzungen", titleEn: "Additions" });
    await edit({ op: "deleteSection", sectionKey: "ergaenzungen" });
    await edit({ op: "updateSection", sectionKey: "projekt", titleDe: "Das Projekt", titleEn: "The project" });
    const stored = await loadStageForm(manager, call.id, stageId);
    expect(stored.version).toBe(9);
    expect(stored.published).toBe(true);
    const fields = new Map(fieldsOf(stored.definition!).map((field) => [field.key, field]));
    expect(fields.get("ziele")).toMatchObject({ labelDe: "Ziele des Clusters", helpDe: "Neu", maxLength: 5000 });
    expect(fieldsOf(stored.definition!).map((field) => field.key)).toEqual(["projektname", "ziele", "beginn", "schulform"]);
    expect(await prisma.auditEvent.count({ where: { entityType: "FormDefinition", action: "CHANGE_FORM", data: { path: ["version"], equals: 9 } } })).toBe(1);
  });
});

describe("rubric", () => {
  it("keeps criteria in order with dense positions, and freezes scale, weights and the list after publication", async () => {
    const { id } = await newCall();
    const [stage] = await stagesOf(id);
    const target = { callId: id, stageId: stage!.id };
    const criterion = (titleDe: string, weight: number) => ({ op: "addCriterion" as const, titleDe, titleEn: titleDe, descriptionDe: "", descriptionEn: "", weight });
    await changeStageRubric(manager, target, criterion("A", 20));
    await changeStageRubric(manager, target, criterion("B", 30));
    await changeStageRubric(manager, target, criterion("C", 50));
    await changeStageRubric(manager, target, { op: "setScale", scaleMin: 1, scaleMax: 5 });
    let rubric = (await stagesOf(id))[0]!.rubric!;
    await changeStageRubric(manager, target, { op: "deleteCriterion", criterionId: rubric.criteria[0]!.id });
    rubric = (await stagesOf(id))[0]!.rubric!;
    expect(rubric).toMatchObject({ scaleMin: 1, scaleMax: 5 });
    expect(rubric.criteria.map((entry) => [entry.position, entry.titleDe, entry.weight])).toEqual([
      [0, "B", 30],
      [1, "C", 50],
    ]);

    const { call, stages } = await publishedCall();
    const published = { callId: call.id, stageId: stages[0]!.id };
    const first = stages[0]!.rubric!.criteria[0]!;
    const frozen = { messageKey: "rubric.refused.published" };
    expect(await refusal(changeStageRubric(manager, published, criterion("D", 0)))).toMatchObject(frozen);
    expect(await refusal(changeStageRubric(manager, published, { op: "deleteCriterion", criterionId: first.id }))).toMatchObject(frozen);
    expect(await refusal(changeStageRubric(manager, published, { op: "setScale", scaleMin: 0, scaleMax: 5 }))).toMatchObject(frozen);
    expect(await refusal(changeStageRubric(manager, published, { op: "updateCriterion", criterionId: first.id, titleDe: "X", titleEn: "X", descriptionDe: "", descriptionEn: "", weight: 50 }))).toMatchObject(frozen);
    await changeStageRubric(manager, published, { op: "updateCriterion", criterionId: first.id, titleDe: "Qualität des Konzepts", titleEn: "Quality of the concept", descriptionDe: "Klar", descriptionEn: "Clear", weight: first.weight });
    expect(await prisma.rubricCriterion.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ titleDe: "Qualität des Konzepts", descriptionEn: "Clear", weight: 60 });
  });
});

describe("copying a call into a new round", () => {
  it("carries texts, forms and rubrics into a new draft round with new title, slug and dates", async () => {
    const { call, stages } = await publishedCall();
    const source = await prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    const input = parsed(copyCallSchema, {
      title: "MINT-Cluster Runde 5",
      ...twoStageDates,
      opensDate: "2027-02-01",
      closesDate: "2027-03-28",
      fullOpensDate: "2027-06-01",
      fullClosesDate: "2027-10-31",
    });
    const copy = await copyCall(manager, call.id, input, new Date("2026-12-01T10:00:00Z"));
    expect(copy.slug).toBe("mint-cluster-runde-5");
    const stored = await prisma.call.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored).toMatchObject({
      status: "DRAFT",
      round: source.round + 1,
      copiedFromId: call.id,
      publishedAt: null,
      title: "MINT-Cluster Runde 5",
      description: source.description,
      rules: source.rules,
      eligibility: source.eligibility,
      funder: source.funder,
      maxAwardCents: source.maxAwardCents,
      totalBudgetCents: source.totalBudgetCents,
      contactEmail: source.contactEmail,
      programmeId,
    });
    const copied = await stagesOf(copy.id);
    expect(copied.map((stage) => [stage.kind, stage.closesAt.toISOString()])).toEqual([
      ["OUTLINE", "2027-03-28T10:00:00.000Z"],
      ["FULL_PROPOSAL", "2027-10-31T11:00:00.000Z"],
    ]);
    for (const [index, stage] of copied.entries()) {
      expect(stage.id).not.toBe(stages[index]!.id);
      expect(stage.form).toMatchObject({ version: 1, publishedAt: null, definition: stages[index]!.form!.definition });
      expect(stage.rubric!.criteria.map(({ titleDe, weight, position }) => ({ titleDe, weight, position }))).toEqual(
        stages[index]!.rubric!.criteria.map(({ titleDe, weight, position }) => ({ titleDe, weight, position })),
      );
    }
    // The copy's form is a draft again: it may be changed freely without touching the original.
    await change(copy.id, copied[0]!.id, { op: "deleteField", fieldKey: "ziele", confirmed: true });
    expect(fieldsOf((await loadStageForm(manager, call.id, stages[0]!.id)).definition!).some((field) => field.key === "ziele")).toBe(true);
    expect(await prisma.auditEvent.count({ where: { entityId: copy.id, action: "COPY" } })).toBe(1);
  });

  it("refuses a copy with a different number of stages", async () => {
    const { call } = await publishedCall();
    const error = await refusal(copyCall(manager, call.id, parsed(copyCallSchema, { title: "Einstufig", ...twoStageDates, stageMode: "SINGLE" })));
    expect(error).toMatchObject({ messageKey: "callSetup.error.copyStageMode" });
  });
});

describe("preview and formatted text", () => {
  it("loads the call with each stage's form for the preview", async () => {
    const { call } = await publishedCall();
    const preview = await loadCallPreview(manager, call.id);
    expect(preview.stages.map((stage) => fieldsOf(stage.definition!).length)).toEqual([3, 3]);
    expect(preview.maxAwardCents).toBe("50000000");
  });

  it("renders paragraphs and bullet lists as HTML elements and never passes markup through", () => {
    expect(textBlocks("Erster Absatz\nzweite Zeile\n\n- eins\n- zwei\nDanach")).toEqual([
      { kind: "paragraph", lines: ["Erster Absatz", "zweite Zeile"] },
      { kind: "list", items: ["eins", "zwei"] },
      { kind: "paragraph", lines: ["Danach"] },
    ]);
    const html = renderToStaticMarkup(createElement(FormattedText, { text: "<script>alert(1)</script>\n\n- <b>fett</b>" }));
    expect(html).toBe("<p><span>&lt;script&gt;alert(1)&lt;/script&gt;</span></p><ul><li>&lt;b&gt;fett&lt;/b&gt;</li></ul>");
  });
});
