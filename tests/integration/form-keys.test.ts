import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { changeStageForm, changeStageRubric, createCall, loadStageForm, moveCallStatus } from "../../app/server/calls/call-setup.server";
import { keyFrom } from "../../app/server/calls/form-builder.server";
import { createCallSchema, fieldPropertiesSchema } from "../../app/forms/call-schemas";
import { fieldsOf } from "../../app/forms/form-definition";
import BuilderPage, { loader as builderLoader } from "../../app/routes/manager.calls.$callId.stages.$stageId.form";
import FieldPage, { loader as fieldLoader } from "../../app/routes/manager.calls.$callId.stages.$stageId.fields.$fieldKey";
import { createPerson } from "../support/accounts";
import { getAs, parsed, refusal, twoStageDates } from "../support/call-forms";
import { renderRoutePage } from "../support/render-route";

/** Form-builder keys: short, readable, unique in the form, never changed; managers read labels. */

let manager: CurrentUser;
let programmeId: string;

beforeAll(async () => {
  manager = await createPerson("MANAGER");
  programmeId = (await prisma.programme.create({ data: { slug: "schluessel", name: "MINT-Cluster", funder: "BMFTR", managers: { create: { userId: manager.id } } } })).id;
});

describe("keys made from labels", () => {
  it("keeps the first three telling words as camelCase, without filler words and umlauts", () => {
    const none = new Set<string>();
    expect(keyFrom("Anzahl der Schulen", none)).toBe("anzahlSchulen");
    expect(keyFrom("Wie viele Schulen sind im Netzwerk beteiligt?", none)).toBe("schulenNetzwerkBeteiligt");
    expect(keyFrom("Über das Netzwerk", none)).toBe("netzwerk");
    expect(keyFrom("Größe des Trägervereins (Mitglieder)", none)).toBe("groesseTraegervereins");
    expect(keyFrom("What is your network's focus?", none)).toBe("networkSFocus");
    // A label of filler words only still gives a word of it; one starting with a digit gets a prefix.
    expect(keyFrom("Wie?", none)).toBe("wie");
    expect(keyFrom("2027: Ziele", none)).toBe("feld2027Ziele");
  });

  it("stays within 30 characters, cutting at whole words where it can", () => {
    expect(keyFrom("Kooperationsvereinbarungen Hochschulpartnerschaften Verstetigung", new Set())).toBe("kooperationsvereinbarungen");
    expect(keyFrom("Donaudampfschifffahrtsgesellschaftskapitänsmütze", new Set())).toBe("donaudampfschifffahrtsgesellsc");
    for (const label of ["Beschreibung der geplanten Maßnahmen für Schülerinnen und Schüler der Sekundarstufe", "Ein sehr langer Satz mit vielen verschiedenen Wörtern darin"]) {
      expect(keyFrom(label, new Set()).length).toBeLessThanOrEqual(30);
    }
  });

  it("is unique within the form", () => {
    expect(keyFrom("Anzahl der Schulen", new Set(["anzahlSchulen"]))).toBe("anzahlSchulen2");
    expect(keyFrom("Anzahl der Schulen", new Set(["anzahlSchulen", "anzahlSchulen2"]))).toBe("anzahlSchulen3");
  });
});

describe("keys in the form builder", () => {
  it("gives new fields readable keys that never change, and shows managers labels, the key only on the field's own page", async () => {
    const input = parsed(createCallSchema, { programmeId, title: "MINT-Cluster Schlüssel", funder: "BMFTR", awardType: "MONEY", maxAward: "500000", ...twoStageDates, stageMode: "SINGLE" });
    const { id: callId } = await createCall(manager, input);
    const stage = await prisma.callStage.findFirstOrThrow({ where: { callId } });
    const target = { callId, stageId: stage.id };
    await changeStageForm(manager, target, { op: "addSection", titleDe: "Über das Netzwerk", titleEn: "About the network" });
    const { createdKey } = await changeStageForm(manager, target, { op: "addField", sectionKey: "netzwerk", type: "number", labelDe: "Anzahl der Schulen", labelEn: "Number of schools", required: true });
    expect(createdKey).toBe("anzahlSchulen");
    const second = await changeStageForm(manager, target, { op: "addField", sectionKey: "netzwerk", type: "shortText", labelDe: "Anzahl der Schulen", labelEn: "Schools (names)", required: false });
    expect(second.createdKey).toBe("anzahlSchulen2");
    // A key asked for that is already taken is refused rather than silently changed.
    expect(await refusal(changeStageForm(manager, target, { op: "addField", sectionKey: "netzwerk", type: "date", labelDe: "Datum", labelEn: "Date", required: false, key: "anzahlSchulen" }))).toMatchObject({
      messageKey: "formBuilder.error.keyTaken",
    });
    await changeStageRubric(manager, target, { op: "addCriterion", titleDe: "Qualität", titleEn: "Quality", descriptionDe: "", descriptionEn: "", weight: 100 });

    const rename = (labelDe: string) =>
      changeStageForm(manager, target, {
        op: "updateField",
        properties: parsed(fieldPropertiesSchema("number"), { fieldKey: "anzahlSchulen", type: "number", labelDe, labelEn: "Schools", required: "on", integer: "on" }),
      });
    await rename("Beteiligte Schulen");
    await moveCallStatus(manager, callId, "PUBLISHED", new Date("2026-01-15T10:00:00Z"));
    await rename("Zahl der beteiligten Schulen");
    const { definition } = await loadStageForm(manager, callId, stage.id);
    expect(fieldsOf(definition!).map((field) => [field.key, field.labelDe])).toEqual([
      ["anzahlSchulen", "Zahl der beteiligten Schulen"],
      ["anzahlSchulen2", "Anzahl der Schulen"],
    ]);

    const params = { callId, stageId: stage.id };
    const builder = await renderRoutePage(BuilderPage, await builderLoader({ request: await getAs(manager, `/manager/calls/${callId}/stages/${stage.id}/form`), params, context: {} }));
    expect(builder).toContain("Zahl der beteiligten Schulen");
    expect(builder).not.toContain("<code>");
    // Keys appear only inside attributes (ids, links) and the hydration data, never as text on the page.
    const visible = builder.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");
    expect(visible).not.toMatch(/\banzahlSchulen2?\b/);

    const fieldParams = { ...params, fieldKey: "anzahlSchulen" };
    const fieldRequest = await getAs(manager, `/manager/calls/${callId}/stages/${stage.id}/fields/anzahlSchulen`);
    const field = await renderRoutePage(FieldPage, await fieldLoader({ request: fieldRequest, params: fieldParams, context: {} }));
    expect(field).toContain("<h1 id=\"field-heading\">Feld „Zahl der beteiligten Schulen“</h1>");
    expect(field).toContain("Schlüssel des Felds: anzahlSchulen.");
  });
});
