import { beforeAll, describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { changeStageForm, createCall, loadStageForm, moveCallStatus } from "../../app/server/calls/call-setup.server";
import type { FormOperation } from "../../app/server/calls/form-builder.server";
import { changeStageRubric } from "../../app/server/calls/call-setup.server";
import { createCallSchema, fieldPropertiesSchema, type FieldPropertiesInput } from "../../app/forms/call-schemas";
import { fieldsOf, formDefinition, type FormField } from "../../app/forms/form-definition";
import { draftSchema } from "../../app/forms/application-schemas";
import { invalidInputMessage } from "../../app/forms/invalid-input";
import { translator } from "../../app/i18n";
import { action as fieldPageAction } from "../../app/routes/manager.calls.$callId.stages.$stageId.fields.$fieldKey";
import { digitalSkillsForm, mintClusterFullForm, mintClusterOutlineForm, mintRegionenForm, rlpForm, zdiForm } from "../../prisma/seed/calls";
import { createPerson } from "../support/accounts";
import { parsed, parseForm, postAs, refusal, twoStageDates } from "../support/call-forms";

// Number fields get a minimum, a maximum and a whole-number setting in the form builder; counts are
// whole and not negative from the start, and a range that cannot hold any number is refused.

let manager: CurrentUser;
let programmeId: string;
let counter = 0;

beforeAll(async () => {
  manager = await createPerson("MANAGER");
  const programme = await prisma.programme.create({ data: { slug: "zahlen-test", name: "Zahlenprogramm", funder: "Stiftung", managers: { create: { userId: manager.id } } } });
  programmeId = programme.id;
});

/** A new draft call with one section ("projekt") holding one number field ("schulen"), as the builder adds it. */
async function callWithNumberField() {
  counter += 1;
  const input = parsed(createCallSchema, {
    programmeId,
    title: `Zahlenrunde ${counter}`,
    funder: "Stiftung",
    awardType: "MONEY",
    maxAward: "50000",
    ...twoStageDates,
    stageMode: "SINGLE",
  });
  const { id } = await createCall(manager, input, new Date("2026-01-10T10:00:00Z"));
  const stage = await prisma.callStage.findFirstOrThrow({ where: { callId: id } });
  const edit = (operation: FormOperation) => changeStageForm(manager, { callId: id, stageId: stage.id }, operation);
  await edit({ op: "addSection", titleDe: "Projekt", titleEn: "Project" });
  await edit({ op: "addField", sectionKey: "projekt", key: "schulen", type: "number", labelDe: "Beteiligte Schulen", labelEn: "Schools involved", required: false });
  return { callId: id, stageId: stage.id, edit };
}

async function numberField(callId: string, stageId: string): Promise<Extract<FormField, { type: "number" }>> {
  const { definition } = await loadStageForm(manager, callId, stageId);
  const field = fieldsOf(definition!).find((candidate) => candidate.key === "schulen");
  if (field?.type !== "number") throw new Error("schulen is a number field");
  return field;
}

const settings = (values: Record<string, string>) => ({ fieldKey: "schulen", type: "number", labelDe: "Beteiligte Schulen", labelEn: "Schools involved", ...values });

/** The settings form's messages, as the page shows them under each input. */
function settingsErrors(values: Record<string, string>) {
  const submission = parseForm(fieldPropertiesSchema("number"), settings(values));
  expect(submission.status).toBe("error");
  return submission.status === "error" ? submission.error : {};
}

describe("a number field's settings in the form builder", () => {
  it("starts as a count: whole numbers from 0, no maximum", async () => {
    const { callId, stageId } = await callWithNumberField();
    expect(await numberField(callId, stageId)).toMatchObject({ type: "number", min: 0, integer: true });
    expect((await numberField(callId, stageId)).max).toBeUndefined();
  });

  it("saves a minimum, a maximum and the whole-number setting through the field's page without JavaScript, and takes decimals when asked to", async () => {
    const { callId, stageId } = await callWithNumberField();
    const params = { callId, stageId, fieldKey: "schulen" };
    const page = `/manager/calls/${callId}/stages/${stageId}/fields/schulen`;
    const saved = await fieldPageAction({ request: await postAs(manager, page, { intent: "updateField", ...settings({ min: "1", max: "50", integer: "on" }) }), params, context: {} });
    expect(saved).toBeInstanceOf(Response);
    expect((saved as Response).status).toBe(302);
    expect(await numberField(callId, stageId)).toMatchObject({ min: 1, max: 50, integer: true });

    await fieldPageAction({ request: await postAs(manager, page, { intent: "updateField", ...settings({ min: "0.5", max: "99.5" }) }), params, context: {} });
    expect(await numberField(callId, stageId)).toMatchObject({ min: 0.5, max: 99.5, integer: false });

    await fieldPageAction({ request: await postAs(manager, page, { intent: "updateField", ...settings({ integer: "on" }) }), params, context: {} });
    const open = await numberField(callId, stageId);
    expect(open).toMatchObject({ integer: true });
    expect([open.min, open.max]).toEqual([undefined, undefined]);
  });

  it("refuses a minimum above the maximum and, for whole numbers, bounds that are not whole, on the input concerned", async () => {
    expect(settingsErrors({ min: "10", max: "5" })).toEqual({ max: ["formBuilder.error.minAboveMax"] });
    expect(settingsErrors({ min: "0.5", integer: "on" })).toEqual({ min: ["formBuilder.error.boundNotWhole"] });
    expect(settingsErrors({ min: "0", max: "10.5", integer: "on" })).toEqual({ max: ["formBuilder.error.boundNotWhole"] });
    expect(settingsErrors({ min: "zehn" })).toEqual({ min: ["callSetup.error.number"] });

    const { callId, stageId, edit } = await callWithNumberField();
    const params = { callId, stageId, fieldKey: "schulen" };
    const page = `/manager/calls/${callId}/stages/${stageId}/fields/schulen`;
    const answer = await fieldPageAction({ request: await postAs(manager, page, { intent: "updateField", ...settings({ min: "10", max: "5", integer: "on" }) }), params, context: {} });
    expect(answer).toMatchObject({ init: { status: 400 }, data: { formId: "field-properties", result: { error: { max: ["formBuilder.error.minAboveMax"] } } } });

    // The builder itself holds to the same rules, whoever calls it.
    const properties = (values: Partial<FieldPropertiesInput>): FieldPropertiesInput =>
      ({ fieldKey: "schulen", type: "number", labelDe: "Beteiligte Schulen", labelEn: "Schools involved", helpDe: "", helpEn: "", required: false, integer: true, ...values }) as FieldPropertiesInput;
    expect(await refusal(edit({ op: "updateField", properties: properties({ min: 0.5 }) }))).toMatchObject({ messageKey: "formBuilder.error.boundNotWhole", options: { field: "min" } });
    expect(await refusal(edit({ op: "updateField", properties: properties({ min: 0, max: 2.5 }) }))).toMatchObject({ messageKey: "formBuilder.error.boundNotWhole", options: { field: "max" } });
    expect(await refusal(edit({ op: "updateField", properties: properties({ min: 7, max: 3 }) }))).toMatchObject({ messageKey: "formBuilder.error.minAboveMax", options: { field: "max" } });
    expect(await numberField(callId, stageId)).toMatchObject({ min: 0, integer: true });
  });

  it("is checked by the shared form schema too, so no stored form holds a range that refuses every number", () => {
    const formWith = (field: Record<string, unknown>) => ({
      sections: [{ key: "projekt", titleDe: "Projekt", titleEn: "Project", fields: [{ key: "schulen", labelDe: "Schulen", labelEn: "Schools", required: false, type: "number", ...field }] }],
    });
    expect(formDefinition.safeParse(formWith({ min: 0, max: 500, integer: true })).success).toBe(true);
    expect(formDefinition.safeParse(formWith({ min: 0.5, max: 2.5, integer: false })).success).toBe(true);
    expect(formDefinition.safeParse(formWith({ min: 5, max: 1 })).success).toBe(false);
    expect(formDefinition.safeParse(formWith({ min: 0.5, integer: true })).success).toBe(false);
    expect(formDefinition.safeParse(formWith({ max: 9.5 })).success).toBe(false);
  });

  it("after publication accepts a wider range and refuses a narrower one or whole numbers where decimals were allowed", async () => {
    const { callId, stageId, edit } = await callWithNumberField();
    await edit({ op: "updateField", properties: parsed(fieldPropertiesSchema("number"), settings({ min: "0", max: "100" })) });
    await edit({ op: "addField", sectionKey: "projekt", type: "shortText", labelDe: "Titel", labelEn: "Title", required: true });
    await changeStageRubric(manager, { callId, stageId }, { op: "addCriterion", titleDe: "Qualität", titleEn: "Quality", descriptionDe: "", descriptionEn: "", weight: 100 });
    await moveCallStatus(manager, callId, "PUBLISHED", new Date("2026-01-20T10:00:00Z"));
    const update = (values: Record<string, string>) => edit({ op: "updateField", properties: parsed(fieldPropertiesSchema("number"), settings(values)) });
    expect(await refusal(update({ min: "1", max: "100" }))).toMatchObject({ messageKey: "formBuilder.refused.limit" });
    expect(await refusal(update({ min: "0", max: "99" }))).toMatchObject({ messageKey: "formBuilder.refused.limit" });
    expect(await refusal(update({ min: "0", max: "100", integer: "on" }))).toMatchObject({ messageKey: "formBuilder.refused.limit" });
    await update({ min: "0", max: "1000" });
    expect(await numberField(callId, stageId)).toMatchObject({ min: 0, max: 1000, integer: false });
  });

  it("is what the applicant's input is checked against, with the range in the message", async () => {
    const { callId, stageId, edit } = await callWithNumberField();
    await edit({ op: "updateField", properties: parsed(fieldPropertiesSchema("number"), settings({ min: "1", max: "50", integer: "on" })) });
    const { definition } = await loadStageForm(manager, callId, stageId);
    const post = (value: string) => {
      const formData = new FormData();
      formData.append("fieldsShown", "1");
      formData.append("fields.schulen", value);
      const submission = parseWithZod(formData, { schema: draftSchema(definition!, { conditionCount: 0, t: translator("de") }), disableAutoCoercion: true });
      if (submission.status !== "success") throw new Error("a typed number never refuses the whole post");
      return submission.value;
    };
    expect(post("12").answers.fields).toEqual({ schulen: 12 });
    for (const typed of ["51", "0", "-1", "12,5", "zwölf"]) {
      const held = post(typed);
      expect(held.answers.fields).toEqual({});
      expect(held.invalidInput?.map((item) => [item.raw, invalidInputMessage(item, translator("de"), "de")])).toEqual([[typed, "Bitte geben Sie eine ganze Zahl von 1 bis 50 ein."]]);
    }
  });
});

describe("the demo's number fields", () => {
  it("have sensible settings: counts are whole numbers from 0, shares are percentages from 0 to 100", () => {
    const numbers = [mintRegionenForm, digitalSkillsForm, mintClusterOutlineForm, mintClusterFullForm, rlpForm, zdiForm].flatMap((form) =>
      fieldsOf(form).filter((field): field is Extract<FormField, { type: "number" }> => field.type === "number"),
    );
    expect(numbers.length).toBeGreaterThanOrEqual(9);
    for (const field of numbers) {
      expect(field.min, field.key).toBeGreaterThanOrEqual(0);
      if (/anteil/i.test(field.key)) expect(field, field.key).toMatchObject({ min: 0, max: 100 });
      else expect(field, field.key).toMatchObject({ integer: true });
    }
    expect(fieldsOf(zdiForm).find((field) => field.key === "teilnehmende")).toMatchObject({ min: 0, integer: true });
  });
});
