import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { saveDraft, withdrawApplication } from "../../app/server/applications/applications.server";
import { changeStageForm } from "../../app/server/calls/call-setup.server";
import type { DraftInput } from "../../app/forms/application-schemas";
import { fieldsOf, formDefinition } from "../../app/forms/form-definition";
import { action as receiptAction } from "../../app/routes/applications.$applicationId_.receipt";
import { action as applicationAction } from "../../app/routes/applications.$applicationId";
import * as builderRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.form";
import { browserOf, CLOSES, createCall, createSubmittedApplication, DURING, formPost, type StageSpec } from "../support/application-fixtures";
import { createUploadWorld, temporaryFilesRoot } from "../support/file-uploads";
import { postAs, refusal } from "../support/call-forms";

temporaryFilesRoot("confirmations-");

// The routes decide by the real clock; these stages are open from a day ago for a year.
const OPEN_FROM = new Date(Date.now() - 86_400_000);
const OPEN_UNTIL = new Date(Date.now() + 365 * 86_400_000);

/** What a route answered: a redirect's target, or the data with its status. */
async function answerOf(result: unknown) {
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null };
  const { data, init } = result as { data: unknown; init: ResponseInit | null };
  return { status: init?.status ?? 200, location: null, data };
}

const submittedApplication = (stage: StageSpec = {}) => createSubmittedApplication({ stage });

const stateOf = async (applicationId: string) => (await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).state;

describe("withdrawing an application asks first", () => {
  it("refuses to withdraw without confirmation and withdraws once confirmed", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    expect(await refusal(withdrawApplication(coordinator, { applicationId }, DURING))).toMatchObject({ messageKey: "confirm.error.required", status: 409 });
    expect(await stateOf(applicationId)).toBe("submitted");
    expect(await prisma.auditEvent.count({ where: { entityId: applicationId } })).toBe(0);
    await withdrawApplication(coordinator, { applicationId, confirmed: true }, DURING);
    expect(await stateOf(applicationId)).toBe("withdrawn");
    // After the deadline the deadline is the reason, confirmed or not.
    const late = await submittedApplication();
    expect(await refusal(withdrawApplication(late.coordinator, { applicationId: late.applicationId, confirmed: true }, CLOSES))).toMatchObject({ messageKey: "applications.error.deadlinePassed" });
  });

  it("answers the receipt page's plain POSTs: a message without confirmation, the withdrawal with it", async () => {
    const { coordinator, applicationId } = await submittedApplication({ opensAt: OPEN_FROM, closesAt: OPEN_UNTIL });
    const browser = await browserOf(coordinator);
    const url = `http://portal.test/applications/${applicationId}/receipt?confirm=withdraw`;
    const params = { applicationId };
    const unconfirmed = await answerOf(await receiptAction({ request: formPost(url, browser, [["intent", "withdraw"]]), params, context: {} }));
    expect(unconfirmed).toMatchObject({ status: 409, data: { message: "Bitte bestätigen Sie diesen Schritt; er wurde noch nicht ausgeführt." } });
    expect(await stateOf(applicationId)).toBe("submitted");
    const confirmed = await answerOf(await receiptAction({ request: formPost(url, browser, [["intent", "withdraw"], ["confirmed", "1"]]), params, context: {} }));
    expect(confirmed).toMatchObject({ status: 302, location: `/applications/${applicationId}/receipt?withdrawn=1` });
    expect(await stateOf(applicationId)).toBe("withdrawn");
  });
});

describe("deleting a form field asks first", () => {
  async function draftCall() {
    const call = await createCall({ status: "DRAFT" });
    const target = { callId: call.callId, stageId: call.stageIds[0]! };
    const fieldKeys = async () => {
      const form = await prisma.formDefinition.findUniqueOrThrow({ where: { stageId: target.stageId } });
      return fieldsOf(formDefinition.parse(form.definition)).map((field) => field.key);
    };
    return { ...call, target, fieldKeys };
  }

  it("refuses to delete a field without confirmation and deletes it once confirmed", async () => {
    const { manager, target, fieldKeys } = await draftCall();
    expect(await fieldKeys()).toContain("summary");
    expect(await refusal(changeStageForm(manager, target, { op: "deleteField", fieldKey: "summary" }))).toMatchObject({ messageKey: "confirm.error.required" });
    expect(await fieldKeys()).toContain("summary");
    await changeStageForm(manager, target, { op: "deleteField", fieldKey: "summary", confirmed: true });
    expect(await fieldKeys()).not.toContain("summary");
  });

  it("asks before deleting a section with fields, not before deleting an empty one", async () => {
    const { manager, target, fieldKeys } = await draftCall();
    const sectionKeys = async () => (formDefinition.parse((await prisma.formDefinition.findUniqueOrThrow({ where: { stageId: target.stageId } })).definition).sections.map((section) => section.key));
    const [first] = await sectionKeys();
    const fieldsBefore = await fieldKeys();
    expect(await refusal(changeStageForm(manager, target, { op: "deleteSection", sectionKey: first! }))).toMatchObject({ messageKey: "confirm.error.required" });
    expect(await fieldKeys()).toEqual(fieldsBefore);
    await changeStageForm(manager, target, { op: "addSection", titleDe: "Leer", titleEn: "Empty", key: "leer" });
    await changeStageForm(manager, target, { op: "deleteSection", sectionKey: "leer" });
    await changeStageForm(manager, target, { op: "deleteSection", sectionKey: first!, confirmed: true });
    expect(await sectionKeys()).not.toContain(first);
    expect((await fieldKeys()).length).toBeLessThan(fieldsBefore.length);
  });

  it("answers the builder's plain POSTs: the refusal at the top of the page without confirmation, the deletion with it", async () => {
    const { manager, target, fieldKeys } = await draftCall();
    const path = `/manager/calls/${target.callId}/stages/${target.stageId}/form`;
    const unconfirmed = await answerOf(await builderRoute.action({ request: await postAs(manager, path, { intent: "deleteField", fieldKey: "pupils" }), params: target, context: {} }));
    expect(unconfirmed).toMatchObject({ status: 400, data: { formId: "action", result: { error: { "": ["confirm.error.required"] } } } });
    expect(await fieldKeys()).toContain("pupils");
    const confirmed = await answerOf(await builderRoute.action({ request: await postAs(manager, path, { intent: "deleteField", fieldKey: "pupils", confirmed: "1" }), params: target, context: {} }));
    expect(confirmed).toMatchObject({ status: 302, location: path });
    expect(await fieldKeys()).not.toContain("pupils");
  });
});

describe("removing a partner row with a letter of intent asks first", () => {
  const rows = ["Gymnasium am Markt", "Stadtwerke", "Hochschule", "Kita Sonnenschein"].map((name) => ({ name, type: "OTHER" as const, role: "" }));
  const draft = (titel: string): DraftInput => ({ answers: { eligibility: {}, fields: { partner: rows, titel } }, conditionAnswers: [], fieldsShown: true });

  async function worldWithLetter() {
    const world = await createUploadWorld();
    const letter = await prisma.storedFile.create({
      data: {
        applicationId: world.application.id,
        fieldKey: "partner.1",
        storage: "LOCAL",
        storageKey: `applications/${world.application.id}/brief`,
        originalName: "Absichtserklärung Stadtwerke.pdf",
        contentType: "application/pdf",
        sizeBytes: 1000,
        sha256: "0".repeat(64),
        uploadedById: world.ours.coordinator.id,
      },
    });
    const stored = async () => {
      const row = await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } });
      const fields = (row.answers as { fields: { partner: { name: string }[]; titel?: string } }).fields;
      return { revision: row.answersRevision, titel: fields.titel, partners: fields.partner.map((partner) => partner.name), letter: await prisma.storedFile.findUnique({ where: { id: letter.id } }) };
    };
    return { ...world, letterId: letter.id, stored };
  }

  it("saves everything else but keeps the row and its letter until confirmed; then removes both", async () => {
    const world = await worldWithLetter();
    const actor = world.ours.coordinator;
    const applicationId = world.application.id;
    const removeRow1 = { kind: "removePartner" as const, fieldKey: "partner", row: 1 };
    const asked = await saveDraft(actor, { applicationId, baseRevision: 0, draft: draft("Neuer Titel"), rowChange: removeRow1 });
    expect(asked).toEqual({ revision: 1, unconfirmedRowChange: removeRow1 });
    expect(await world.stored()).toMatchObject({ revision: 1, titel: "Neuer Titel", partners: rows.map((row) => row.name), letter: { fieldKey: "partner.1" } });

    const done = await saveDraft(actor, { applicationId, baseRevision: 1, draft: draft("Neuer Titel"), rowChange: removeRow1, rowChangeConfirmed: true });
    expect(done).toEqual({ revision: 2, unconfirmedRowChange: undefined });
    expect(await world.stored()).toMatchObject({ revision: 2, partners: ["Gymnasium am Markt", "Hochschule", "Kita Sonnenschein"], letter: null });
  });

  it("removes a row without a letter at once", async () => {
    const world = await worldWithLetter();
    const done = await saveDraft(world.ours.coordinator, { applicationId: world.application.id, baseRevision: 0, draft: draft("Titel"), rowChange: { kind: "removePartner", fieldKey: "partner", row: 3 } });
    expect(done.unconfirmedRowChange).toBeUndefined();
    expect(await world.stored()).toMatchObject({ partners: ["Gymnasium am Markt", "Stadtwerke", "Hochschule"], letter: { fieldKey: "partner.1" } });
  });

  it("answers the page's row button by saving and asking; only the confirmation of that very row removes it", async () => {
    const world = await worldWithLetter();
    const applicationId = world.application.id;
    const browser = await browserOf(world.ours.coordinator);
    const url = `http://portal.test/applications/${applicationId}`;
    const form = (revision: number): [string, string][] => [
      ["revision", String(revision)],
      ["fieldsShown", "1"],
      ["fields.titel", "Vom Formular"],
      ...rows.flatMap((row, index): [string, string][] => [
        [`fields.partner[${index}].name`, row.name],
        [`fields.partner[${index}].type`, row.type],
        [`fields.partner[${index}].role`, row.role],
      ]),
    ];
    const post = async (revision: number, extra: [string, string][]) => answerOf(await applicationAction({ request: formPost(url, browser, [...form(revision), ...extra]), params: { applicationId }, context: {} }));

    const asked = await post(0, [["intent", "removePartner:partner:1"]]);
    expect(asked).toMatchObject({ status: 302, location: `/applications/${applicationId}?confirm=${encodeURIComponent("removePartner:partner:1")}` });
    expect(await world.stored()).toMatchObject({ revision: 1, titel: "Vom Formular", partners: rows.map((row) => row.name), letter: { fieldKey: "partner.1" } });

    // A confirmation of another row confirms nothing here.
    const otherRow = await post(1, [["intent", "removePartner:partner:1"], ["confirmed", "removePartner:partner:2"]]);
    expect(otherRow.location).toBe(`/applications/${applicationId}?confirm=${encodeURIComponent("removePartner:partner:1")}`);
    expect((await world.stored()).partners).toHaveLength(4);

    const confirmed = await post(2, [["intent", "removePartner:partner:1"], ["confirmed", "removePartner:partner:1"]]);
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toMatch(new RegExp(`^/applications/${applicationId}\\?saved=3`));
    expect(await world.stored()).toMatchObject({ revision: 3, partners: ["Gymnasium am Markt", "Hochschule", "Kita Sonnenschein"], letter: null });
  });
});
