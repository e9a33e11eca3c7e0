import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  applicationChecklist,
  applyRowChange,
  differencesBetween,
  draftSchema,
  parseDateInput,
  parseDecimal,
  parseEuros,
  parseRowChange,
  prefillPartners,
  valuesFromAnswers,
  valuesFromPayload,
  type DraftInput,
} from "../../app/forms/application-schemas";
import { translator } from "../../app/i18n";
import { completeAnswers, everyFieldForm } from "../support/application-forms";

const t = translator("de");

function post(entries: [string, string][], conditionCount = 0, locale: "de" | "en" = "de") {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return parseWithZod(formData, { schema: draftSchema(everyFieldForm, { conditionCount, t: translator(locale) }), disableAutoCoercion: true });
}

describe("numbers and money as people type them", () => {
  it("reads a decimal comma, German thousands dots and a plain decimal point", () => {
    expect(parseDecimal("12,5")).toBe(12.5);
    expect(parseDecimal("1.250")).toBe(1250);
    expect(parseDecimal("1.250,75")).toBe(1250.75);
    expect(parseDecimal("12.5")).toBe(12.5);
    expect(parseDecimal("-3")).toBe(-3);
    expect(parseDecimal(" 7 ")).toBe(7);
    for (const wrong of ["", "abc", "1,2,3", "12e3", "Infinity", "0x10", "1.2.3,4,5"]) expect(parseDecimal(wrong)).toBeNull();
  });

  it("turns euros into cents exactly and refuses negative amounts and fractions of a cent", () => {
    expect(parseEuros("1.250,50")).toBe(125_050);
    expect(parseEuros("0,1")).toBe(10);
    expect(parseEuros("19,99")).toBe(1999);
    expect(parseEuros("500000")).toBe(50_000_000);
    expect(parseEuros("€ 12")).toBe(1200);
    for (const wrong of ["-5", "1,234", "abc", "99999999999999"]) expect(parseEuros(wrong)).toBeNull();
  });

  it("reads ISO and German dates and refuses days that do not exist", () => {
    expect(parseDateInput("2026-10-25")).toBe("2026-10-25");
    expect(parseDateInput("25.10.2026")).toBe("2026-10-25");
    expect(parseDateInput("1.2.2027")).toBe("2027-02-01");
    expect(parseDateInput("2026-02-30")).toBeNull();
    expect(parseDateInput("31.04.2026")).toBeNull();
    expect(parseDateInput("tomorrow")).toBeNull();
  });
});

describe("the posted draft", () => {
  it("counts a line break as one character, as the browser's maxlength does, and stores it as LF", () => {
    const text = `${"a".repeat(249)}\r\n${"b".repeat(249)}\r\n`;
    const submission = post([["fields.summary", text]]);
    expect(submission.status).toBe("success");
    const draft = submission.status === "success" ? (submission.value as DraftInput) : null;
    expect(draft?.invalidInput).toEqual([]);
    expect(draft?.answers.fields?.summary).toBe(text.replaceAll("\r\n", "\n"));
  });

  it("turns every field type into its stored answer", () => {
    const submission = post([
      ["eligibility.registered", "yes"],
      ["fieldsShown", "1"],
      ["fields.projectTitle", "MINT für alle"],
      ["fields.summary", "Text"],
      ["fields.pupils", "1.200"],
      ["fields.grant", "45.000,00"],
      ["fields.start", "01.01.2027"],
      ["fields.focus", "physics"],
      ["fields.groups", "sek1"],
      ["fields.groups", "kita"],
      ["fields.girls", "no"],
      ["fields.partnerList[0].name", " Gymnasium am See "],
      ["fields.partnerList[0].type", "SCHOOL"],
      ["fields.partnerList[0].role", "Lernort"],
      ["fields.costs.lines[0].category", "staff"],
      ["fields.costs.lines[0].year", "2026"],
      ["fields.costs.lines[0].description", "Koordination"],
      ["fields.costs.lines[0].amount", "40.000"],
      ["fields.costs.own", "5.000"],
    ]);
    expect(submission.status).toBe("success");
    const value = submission.status === "success" ? submission.value : null;
    expect(value).toEqual({
      fieldsShown: true,
      conditionAnswers: [],
      invalidInput: [],
      answers: {
        eligibility: { registered: true },
        fields: {
          projectTitle: "MINT für alle",
          summary: "Text",
          pupils: 1200,
          grant: 4_500_000,
          start: "2027-01-01",
          focus: "physics",
          groups: ["kita", "sek1"],
          girls: false,
          partnerList: [{ name: "Gymnasium am See", type: "SCHOOL", role: "Lernort" }],
          costs: { lines: [{ category: "staff", year: 2026, description: "Koordination", amountCents: 4_000_000 }], ownContributionCents: 500_000 },
        },
      },
    });
  });

  it("accepts an incomplete draft: empty inputs are simply not answered", () => {
    const submission = post([["fields.projectTitle", ""], ["fields.pupils", ""], ["fields.focus", ""]]);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.answers.fields).toEqual({});
  });

  it("keeps typed text that fails its rule apart, as typed, and every valid answer beside it", () => {
    const submission = post([
      ["fields.projectTitle", "x".repeat(101)],
      ["fields.summary", "Kurz."],
      ["fields.pupils", "viele"],
      ["fields.grant", "-12"],
      ["fields.start", "2026-13-01"],
      ["fields.focus", "physics"],
      ["fields.partnerList[0].name", "n".repeat(301)],
      ["fields.partnerList[0].type", "SCHOOL"],
      ["fields.costs.lines[0].category", "staff"],
      ["fields.costs.lines[0].year", "2026"],
      ["fields.costs.lines[0].amount", "zehn"],
      ["fields.costs.own", "500"],
    ]);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.answers.fields).toEqual({
      summary: "Kurz.",
      focus: "physics",
      partnerList: [{ name: "", type: "SCHOOL", role: "" }],
      costs: { lines: [{ category: "staff", year: 2026, description: "", amountCents: 0 }], ownContributionCents: 50_000 },
    });
    expect(submission.value.invalidInput).toEqual([
      { name: "fields.projectTitle", raw: "x".repeat(101), problem: "tooLong", rule: { max: 100 } },
      { name: "fields.pupils", raw: "viele", problem: "number", rule: { min: 0, max: undefined, integer: true } },
      { name: "fields.grant", raw: "-12", problem: "amount", rule: { max: 100_000_000 } },
      { name: "fields.start", raw: "2026-13-01", problem: "date", rule: {} },
      { name: "fields.partnerList[0].name", raw: "n".repeat(301), problem: "tooLong", rule: { max: 300 } },
      { name: "fields.costs.lines[0].amount", raw: "zehn", problem: "amount", rule: {} },
    ]);
  });

  it("refuses what no browser sends from this form (options it does not offer) with field messages in the reader's language", () => {
    const submission = post([
      ["fields.projectTitle", "Gültig"],
      ["fields.focus", "astrology"],
      ["fields.groups", "kita"],
      ["fields.groups", "everyone"],
      ["fields.girls", "maybe"],
      ["eligibility.registered", "perhaps"],
      ["fields.partnerList[0].name", "A"],
      ["fields.partnerList[0].type", "SPACESHIP"],
      ["fields.costs.lines[0].category", "travel"],
      ["fields.costs.lines[0].year", "1999"],
      ["fields.costs.lines[0].amount", "10"],
    ]);
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({
      "fields.focus": [t("applications.error.unknownOption")],
      "fields.groups": [t("applications.error.unknownOption")],
      "fields.girls": [t("applications.error.unknownOption")],
      "eligibility.registered": [t("applications.error.unknownOption")],
      "fields.partnerList[0].type": [t("applications.error.unknownOption")],
      "fields.costs.lines[0].category": [t("applications.error.unknownOption")],
      "fields.costs.lines[0].year": [t("applications.error.unknownOption")],
    });
    const english = post([["fields.focus", "astrology"]], 0, "en");
    expect(english.reply().error).toEqual({ "fields.focus": ["Please choose one of the options offered."] });
  });

  it("holds a fraction where a whole number is asked and a number below the field's minimum; takes the number in range", () => {
    const held = (value: string) => {
      const submission = post([["fields.pupils", value]]);
      return submission.status === "success" ? { answer: submission.value.answers.fields?.pupils, held: submission.value.invalidInput } : null;
    };
    const rule = { min: 0, max: undefined, integer: true };
    expect(held("12,5")).toEqual({ answer: undefined, held: [{ name: "fields.pupils", raw: "12,5", problem: "number", rule }] });
    expect(held("-3")).toEqual({ answer: undefined, held: [{ name: "fields.pupils", raw: "-3", problem: "number", rule }] });
    expect(held("0")).toEqual({ answer: 0, held: [] });
    expect(held("1.200")).toEqual({ answer: 1200, held: [] });
  });

  it("keeps script tags as the text they are", () => {
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const submission = post([["fields.projectTitle", hostile.slice(0, 100)]]);
    expect(submission.status === "success" && submission.value.answers.fields?.projectTitle).toBe(hostile.slice(0, 100));
  });

  it("drops inputs the form does not have, including attempts at object keys", () => {
    const submission = post([
      ["fields.unknownField", "x"],
      ["fields.__proto__.polluted", "yes"],
      ["fields.constructor", "x"],
      ["eligibility.other", "yes"],
    ]);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.answers).toEqual({ eligibility: {}, fields: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("caps the answers to the manager's conditions, holding a longer one as typed", () => {
    const fine = post([["conditions[0]", " Wir erfüllen die Auflage. "], ["conditions[1]", ""]], 2);
    expect(fine.status === "success" && fine.value.conditionAnswers).toEqual(["Wir erfüllen die Auflage.", ""]);
    const long = post([["conditions[0]", "z".repeat(5001)]], 1);
    expect(long.status === "success" && long.value.conditionAnswers).toEqual([""]);
    expect(long.status === "success" && long.value.invalidInput).toEqual([{ name: "conditions[0]", raw: "z".repeat(5001), problem: "tooLong", rule: { max: 5000 } }]);
  });

  it("gives back what was typed when the reply carries it, in the renderer's shapes", () => {
    const submission = post([["fields.pupils", "viele"], ["fields.partnerList[0].name", "A"], ["fields.partnerList[0].type", "KITA"], ["fields.groups", "kita"]]);
    const values = valuesFromPayload(everyFieldForm, submission.reply().initialValue, 0);
    expect(values.fields.pupils).toBe("viele");
    expect(values.fields.groups).toEqual(["kita"]);
    expect(values.fields.partnerList).toEqual([{ name: "A", type: "KITA", role: "" }]);
    expect(values.fields.costs).toEqual({ lines: [], own: "" });
  });

  it("shows stored answers in the inputs the way they were typed", () => {
    const values = valuesFromAnswers(everyFieldForm, completeAnswers, [{ text: "Auflage", answer: null }]);
    expect(values.eligibility).toEqual({ registered: "yes" });
    expect(values.fields.grant).toBe("45000");
    expect(values.fields.girls).toBe("yes");
    expect(values.fields.costs).toEqual({
      lines: [
        { category: "staff", year: "2026", description: "Koordination", amount: "40000" },
        { category: "material", year: "2027", description: "Experimentierkästen", amount: "10000" },
      ],
      own: "5000",
    });
    expect(values.conditions).toEqual([""]);
  });
});

describe("rows added and removed by buttons", () => {
  it("reads only well-formed row intents", () => {
    expect(parseRowChange("addPartner:partnerList")).toEqual({ kind: "addPartner", fieldKey: "partnerList" });
    expect(parseRowChange("removeBudgetLine:costs:3")).toEqual({ kind: "removeBudgetLine", fieldKey: "costs", row: 3 });
    expect(parseRowChange("removePartner:partnerList")).toBeNull();
    expect(parseRowChange("addPartner:partnerList:1")).toBeNull();
    expect(parseRowChange("dropTable:costs")).toBeNull();
    expect(parseRowChange("removePartner:__proto__:1")).toBeNull();
  });

  it("adds and removes partner rows and budget lines, and refuses rows or fields that do not exist", () => {
    const added = applyRowChange(everyFieldForm, completeAnswers, { kind: "addPartner", fieldKey: "partnerList" });
    expect(added?.fields?.partnerList).toEqual([{ name: "Gymnasium am See", type: "SCHOOL", role: "Lernort" }, { name: "", type: "OTHER", role: "" }]);
    const removed = applyRowChange(everyFieldForm, completeAnswers, { kind: "removeBudgetLine", fieldKey: "costs", row: 0 });
    expect(removed?.fields?.costs).toEqual({ lines: [{ category: "material", year: 2027, description: "Experimentierkästen", amountCents: 1_000_000 }], ownContributionCents: 500_000 });
    const line = applyRowChange(everyFieldForm, { fields: {} }, { kind: "addBudgetLine", fieldKey: "costs" });
    expect(line?.fields?.costs).toEqual({ lines: [{ category: "staff", year: 2026, description: "", amountCents: 0 }], ownContributionCents: 0 });
    expect(applyRowChange(everyFieldForm, completeAnswers, { kind: "removePartner", fieldKey: "partnerList", row: 5 })).toBeNull();
    expect(applyRowChange(everyFieldForm, completeAnswers, { kind: "addPartner", fieldKey: "costs" })).toBeNull();
  });
});

describe("the checklist before submitting", () => {
  it("is empty for complete answers", () => {
    expect(applicationChecklist(everyFieldForm, completeAnswers, [])).toEqual([]);
  });

  it("lists unanswered and refused eligibility questions, missing fields and unanswered conditions", () => {
    const items = applicationChecklist(everyFieldForm, { eligibility: {}, fields: { pupils: 3 } }, [
      { text: "Kooperationsvertrag nachreichen", answer: "Liegt bei." },
      { text: "Budget kürzen", answer: "  " },
    ]);
    expect(items).toContainEqual({ kind: "eligibility", questionKey: "registered", problem: "unanswered" });
    expect(items).toContainEqual({ kind: "field", fieldKey: "projectTitle", sectionKey: "basics", problem: "missing" });
    expect(items).toContainEqual({ kind: "condition", index: 1, problem: "missing" });
    expect(items).not.toContainEqual({ kind: "condition", index: 0, problem: "missing" });
    const refused = applicationChecklist(everyFieldForm, { ...completeAnswers, eligibility: { registered: false } }, []);
    expect(refused).toEqual([{ kind: "eligibility", questionKey: "registered", problem: "notEligible" }]);
  });
});

describe("what changed meanwhile", () => {
  const theirs = { answers: completeAnswers, conditionAnswers: ["alt"] };

  it("lists each field whose stored value differs from the one sent, and nothing else", () => {
    const yours: DraftInput = {
      answers: { eligibility: { registered: true }, fields: { ...completeAnswers.fields, projectTitle: "Neuer Titel", pupils: 1300 } },
      conditionAnswers: ["alt"],
      fieldsShown: true,
    };
    expect(differencesBetween(everyFieldForm, theirs, yours)).toEqual([
      { kind: "field", key: "projectTitle", theirs: "MINT für alle", yours: "Neuer Titel" },
      { kind: "field", key: "pupils", theirs: 1200, yours: 1300 },
    ]);
  });

  it("ignores letters of intent and files, which are stored apart; compares conditions and eligibility", () => {
    const withLetter = { ...completeAnswers.fields, partnerList: [{ name: "Gymnasium am See", type: "SCHOOL" as const, role: "Lernort", letterFileId: "file-1" }] };
    const yours: DraftInput = { answers: { eligibility: { registered: false }, fields: withLetter }, conditionAnswers: ["neu"], fieldsShown: true };
    expect(differencesBetween(everyFieldForm, theirs, yours)).toEqual([
      { kind: "eligibility", key: "registered", theirs: true, yours: false },
      { kind: "condition", index: 0, theirs: "alt", yours: "neu" },
    ]);
  });

  it("does not mind the order of keys, which the database does not keep", () => {
    const reordered = Object.fromEntries(Object.entries(completeAnswers.fields!).reverse());
    const costs = { ownContributionCents: 500_000, lines: [{ amountCents: 4_000_000, year: 2026, category: "staff", description: "Koordination" }, { amountCents: 1_000_000, description: "Experimentierkästen", year: 2027, category: "material" }] };
    const yours: DraftInput = { answers: { eligibility: { registered: true }, fields: { ...reordered, costs } }, conditionAnswers: ["alt"], fieldsShown: true };
    expect(differencesBetween(everyFieldForm, theirs, yours)).toEqual([]);
  });

  it("leaves fields out when they were not on the page", () => {
    const yours: DraftInput = { answers: { eligibility: { registered: true }, fields: {} }, conditionAnswers: ["alt"], fieldsShown: false };
    expect(differencesBetween(everyFieldForm, theirs, yours)).toEqual([]);
  });
});

describe("the partner roster in a new application", () => {
  it("fills every partner field and nothing else", () => {
    expect(prefillPartners(everyFieldForm, [{ name: "Stadtbibliothek", type: "MUNICIPALITY", roleInNetwork: "Räume" }])).toEqual({
      eligibility: {},
      fields: { partnerList: [{ name: "Stadtbibliothek", type: "MUNICIPALITY", role: "Räume" }] },
    });
    expect(prefillPartners(everyFieldForm, [])).toEqual({ eligibility: {}, fields: {} });
  });
});
