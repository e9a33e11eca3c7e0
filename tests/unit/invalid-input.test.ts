import { describe, expect, it } from "vitest";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { applicationChecklist, invalidInputAfterRowChange, valuesFromAnswers } from "../../app/forms/application-schemas";
import { invalidInputMessage, invalidInputOf, numberRuleText, placeOfInput, sameInvalidInput, type InvalidInput } from "../../app/forms/invalid-input";
import { ApplicationEditor } from "../../app/components/applications/application-editor";
import { FieldInput } from "../../app/components/applications/field-inputs";
import { translator } from "../../app/i18n";
import { completeAnswers, everyFieldForm } from "../support/application-forms";

const de = translator("de");
const en = translator("en");

async function render(node: ReactNode, locale: "de" | "en" = "de"): Promise<string> {
  const routes = [{ id: "root", path: "/", loader: () => ({ locale, csrf: "token" }), element: node }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://portal.test/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context })).replaceAll("<!-- -->", "");
}

const pupilsHeld: InvalidInput = { name: "fields.pupils", raw: "zwölf", problem: "number", rule: { min: 0, integer: true } };

describe("the rule of a number, in words", () => {
  it("names the range and whether the number must be whole, in German and English, numbers written as each language does", () => {
    expect(numberRuleText({ min: 0, integer: true }, de, "de")).toBe("Bitte geben Sie eine ganze Zahl ab 0 ein.");
    expect(numberRuleText({ min: 0, integer: true }, en, "en")).toBe("Please enter a whole number of 0 or more.");
    expect(numberRuleText({ min: 1, max: 1000, integer: true }, de, "de")).toBe("Bitte geben Sie eine ganze Zahl von 1 bis 1.000 ein.");
    expect(numberRuleText({ max: 20, integer: true }, de, "de")).toBe("Bitte geben Sie eine ganze Zahl bis 20 ein.");
    expect(numberRuleText({ integer: true }, de, "de")).toBe("Bitte geben Sie eine ganze Zahl ein.");
    expect(numberRuleText({ min: 0.5, max: 100, integer: false }, de, "de")).toBe("Bitte geben Sie eine Zahl von 0,5 bis 100 ein, z. B. 12 oder 12,5.");
    expect(numberRuleText({ min: 0.5, max: 100, integer: false }, en, "en")).toBe("Please enter a number from 0.5 to 100, e.g. 12 or 12.5.");
    expect(numberRuleText({}, de, "de")).toBe("Bitte geben Sie eine Zahl ein, z. B. 12 oder 12,5.");
  });

  it("says what an amount, a date and a long text need", () => {
    expect(invalidInputMessage({ name: "fields.grant", raw: "-12", problem: "amount", rule: { max: 100_000_000 } }, de, "de")).toBe(
      "Bitte geben Sie einen Betrag von 0 € bis 1.000.000\u00a0€ ein, z. B. 1.250,50 (höchstens zwei Nachkommastellen).",
    );
    expect(invalidInputMessage({ name: "fields.costs.own", raw: "-1", problem: "amount", rule: {} }, de, "de")).toBe(
      "Bitte geben Sie einen Betrag ab 0 € ein, z. B. 1.250,50 (höchstens zwei Nachkommastellen).",
    );
    expect(invalidInputMessage({ name: "fields.start", raw: "31.02.2027", problem: "date", rule: {} }, de, "de")).toBe("Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).");
    expect(invalidInputMessage({ name: "fields.summary", raw: "x", problem: "tooLong", rule: { max: 500 } }, en, "en")).toBe("Please use at most 500 characters.");
  });
});

describe("invalid input stored with a draft", () => {
  it("reads what was stored and counts anything unreadable as none", () => {
    expect(invalidInputOf([pupilsHeld])).toEqual([pupilsHeld]);
    expect(invalidInputOf([{ name: "fields.pupils", raw: "x", problem: "somethingElse" }])).toEqual([]);
    expect(invalidInputOf(null)).toEqual([]);
    expect(invalidInputOf({ name: "fields.pupils" })).toEqual([]);
  });

  it("knows the field or condition an input belongs to, and whether two lists hold the same input", () => {
    expect(placeOfInput("fields.pupils")).toEqual({ fieldKey: "pupils" });
    expect(placeOfInput("fields.costs.lines[2].amount")).toEqual({ fieldKey: "costs" });
    expect(placeOfInput("conditions[3]")).toEqual({ conditionIndex: 3 });
    expect(placeOfInput("eligibility.registered")).toBeNull();
    const other: InvalidInput = { name: "fields.grant", raw: "-1", problem: "amount", rule: {} };
    expect(sameInvalidInput([pupilsHeld, other], [other, pupilsHeld])).toBe(true);
    expect(sameInvalidInput([pupilsHeld], [{ ...pupilsHeld, raw: "dreizehn" }])).toBe(false);
    expect(sameInvalidInput([pupilsHeld], [])).toBe(false);
  });

  it("shows held input in its input instead of the stored answer, in rows and conditions too", () => {
    const held: InvalidInput[] = [
      pupilsHeld,
      { name: "fields.costs.lines[1].amount", raw: "zehntausend", problem: "amount", rule: {} },
      { name: "fields.costs.own", raw: "-5", problem: "amount", rule: {} },
      { name: "fields.partnerList[0].role", raw: "r".repeat(1001), problem: "tooLong", rule: { max: 1000 } },
      { name: "conditions[0]", raw: "z".repeat(5001), problem: "tooLong", rule: { max: 5000 } },
    ];
    const values = valuesFromAnswers(everyFieldForm, completeAnswers, [{ text: "Auflage", answer: null }], held);
    expect(values.fields.pupils).toBe("zwölf");
    expect(values.fields.projectTitle).toBe("MINT für alle");
    expect(values.fields.costs).toEqual({
      lines: [
        { category: "staff", year: "2026", description: "Koordination", amount: "40000" },
        { category: "material", year: "2027", description: "Experimentierkästen", amount: "zehntausend" },
      ],
      own: "-5",
    });
    expect(values.fields.partnerList).toEqual([{ name: "Gymnasium am See", type: "SCHOOL", role: "r".repeat(1001) }]);
    expect(values.conditions).toEqual(["z".repeat(5001)]);
  });

  it("follows its row when a row above is removed, and leaves with its own row", () => {
    const held: InvalidInput[] = [
      { name: "fields.costs.lines[0].amount", raw: "null", problem: "amount", rule: {} },
      { name: "fields.costs.lines[2].amount", raw: "zwei", problem: "amount", rule: {} },
      { name: "fields.partnerList[2].name", raw: "n".repeat(301), problem: "tooLong", rule: { max: 300 } },
      pupilsHeld,
    ];
    expect(invalidInputAfterRowChange(held, { kind: "removeBudgetLine", fieldKey: "costs", row: 0 }).map((item) => item.name)).toEqual([
      "fields.costs.lines[1].amount",
      "fields.partnerList[2].name",
      "fields.pupils",
    ]);
    expect(invalidInputAfterRowChange(held, { kind: "removePartner", fieldKey: "partnerList", row: 1 }).map((item) => item.name)).toEqual([
      "fields.costs.lines[0].amount",
      "fields.costs.lines[2].amount",
      "fields.partnerList[1].name",
      "fields.pupils",
    ]);
    expect(invalidInputAfterRowChange(held, { kind: "addBudgetLine", fieldKey: "costs" })).toBe(held);
  });

  it("is on the checklist in place of the missing answer it causes, and keeps an otherwise complete draft from being submitted", () => {
    const withoutPupils = { ...completeAnswers, fields: { ...completeAnswers.fields, pupils: undefined as unknown as number } };
    expect(applicationChecklist(everyFieldForm, withoutPupils, [])).toEqual([{ kind: "field", fieldKey: "pupils", sectionKey: "basics", problem: "missing" }]);
    expect(applicationChecklist(everyFieldForm, withoutPupils, [], [pupilsHeld])).toEqual([{ kind: "invalidInput", input: pupilsHeld, place: { fieldKey: "pupils" } }]);
    const heldAmount: InvalidInput = { name: "fields.costs.lines[0].amount", raw: "zehn", problem: "amount", rule: {} };
    expect(applicationChecklist(everyFieldForm, completeAnswers, [], [heldAmount])).toEqual([{ kind: "invalidInput", input: heldAmount, place: { fieldKey: "costs" } }]);
    const heldCondition: InvalidInput = { name: "conditions[0]", raw: "z".repeat(5001), problem: "tooLong", rule: { max: 5000 } };
    expect(applicationChecklist(everyFieldForm, completeAnswers, [{ text: "Auflage", answer: null }], [heldCondition])).toEqual([
      { kind: "invalidInput", input: heldCondition, place: { conditionIndex: 0 } },
    ]);
  });
});

describe("the editor with held input", () => {
  const answers = { ...completeAnswers, fields: { ...completeAnswers.fields, pupils: undefined as unknown as number } };
  const page = (invalidInput: InvalidInput[], savedAt = "2026-10-20T12:03:00Z") => ({
    applicationId: "app-1",
    definition: everyFieldForm,
    answers,
    conditions: [],
    invalidInput,
    checklist: applicationChecklist(everyFieldForm, answers, [], invalidInput),
    files: [],
    revision: 3,
    savedAt,
    now: "2026-10-20T15:00:00Z",
  });

  it("shows the typed text with its message, a summary linking to it, the checklist entry and the save state", async () => {
    const html = await render(createElement(ApplicationEditor, { page: page([pupilsHeld]), actionData: undefined }));
    expect(html).toMatch(/<input[^>]*id="in-fields-pupils"[^>]*value="zwölf"/);
    expect(html).toMatch(/<input[^>]*id="in-fields-pupils"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<div class="field-errors" id="in-fields-pupils-errors"><p class="kern-error">.*?<span class="kern-body">Bitte geben Sie eine ganze Zahl ab 0 ein\.<\/span><\/p><\/div>/);
    expect(html).toContain("Bitte korrigieren: noch nicht gespeichert");
    expect(html).toContain("Alle anderen Angaben sind gespeichert. Was Sie in diesem Feld eingegeben haben, bleibt stehen");
    expect(html).toContain('<a href="#in-fields-pupils">Erreichte Schülerinnen und Schüler</a>: Bitte geben Sie eine ganze Zahl ab 0 ein.');
    expect(html).toContain("„zwölf“ ist nicht gespeichert. Bitte geben Sie eine ganze Zahl ab 0 ein.");
    // 12:03 UTC is 14:03 in Berlin (summer time).
    expect(html).toMatch(/<p role="status" class="draft-status-text">Gespeichert um 14:03 Uhr · <a href="#in-fields-pupils" class="draft-status-problem">Nicht gespeichert: 1 Feld prüfen<\/a><\/p>/);
    expect(html).toMatch(/<button[^>]*value="submit"[^>]*disabled=""/);
  });

  it("says only when it was saved once nothing is held, with the date when that was another day, in English too", async () => {
    const html = await render(createElement(ApplicationEditor, { page: page([]), actionData: undefined }));
    expect(html).not.toContain("Bitte korrigieren");
    expect(html).toMatch(/<p role="status" class="draft-status-text">Gespeichert um 14:03 Uhr<\/p>/);
    const earlier = await render(createElement(ApplicationEditor, { page: page([], "2026-10-18T08:30:00Z"), actionData: undefined }));
    expect(earlier).toContain("Gespeichert am 18. Oktober 2026 um 10:30 Uhr");
    const english = await render(createElement(ApplicationEditor, { page: page([pupilsHeld, { ...pupilsHeld, name: "fields.costs.own", problem: "amount", rule: {} }]), actionData: undefined }), "en");
    expect(english).toContain("Saved at 14:03 · ");
    expect(english).toContain("Not saved: check 2 fields");
  });

  it("says a count's rule under its input before anything is typed, with a keyboard of digits on phones", async () => {
    const pupils = everyFieldForm.sections[0]!.fields.find((field) => field.key === "pupils")!;
    if (pupils.type !== "number") throw new Error("pupils is a number");
    const html = await render(createElement(FieldInput, { field: pupils, value: "", errors: {} }));
    expect(html).toContain('<p class="kern-hint" id="in-fields-pupils-rule">Bitte geben Sie eine ganze Zahl ab 0 ein.</p>');
    expect(html).toMatch(/<input[^>]*type="text"[^>]*inputMode="numeric"[^>]*aria-describedby="in-fields-pupils-rule"/);
    const decimal = await render(createElement(FieldInput, { field: { ...pupils, integer: false, min: -10 }, value: "", errors: {} }), "en");
    expect(decimal).toContain("Please enter a number of -10 or more, e.g. 12 or 12.5.");
    expect(decimal).toContain('inputMode="decimal"');
  });
});
