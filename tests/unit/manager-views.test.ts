import { describe, expect, it } from "vitest";
import { compareGerman, sortByGermanName } from "../../app/i18n/collation";
import {
  berlinDaysBetween,
  budgetYearShift,
  calendarSpanBetween,
  nextRoundTitle,
  parseCalendarDay,
  shiftBerlinInstant,
  shiftBudgetYears,
  shiftDay,
  shiftStoredDay,
} from "../../app/forms/call-rounds";
import { applicationListSearch, countByState, filterAndSortApplications, parseApplicationListQuery, searchable } from "../../app/forms/application-list";
import { requestedAmountCents } from "../../app/forms/requested-amount";
import { draftProgress } from "../../app/forms/draft-progress";
import { isOpenToLand, laenderText } from "../../app/forms/call-openness";
import { callDetailsSchema, copyCallSchema } from "../../app/forms/call-schemas";
import { formDefinition } from "../../app/forms/form-definition";
import { completeAnswers, everyFieldForm } from "../support/application-forms";
import { formDataOf } from "../support/call-forms";
import { parseWithZod } from "@conform-to/zod/v4";

describe("German collation", () => {
  it("sorts lower-case names and umlauts among their letters, and numbers as numbers", () => {
    const names = ["Zukunftsnetz", "explorhino Aalen", "Ärztenetz", "Ebersberg", "MINT Runde 10", "MINT Runde 9", "Überlingen", "Erfurt"];
    expect(sortByGermanName(names, (name) => name)).toEqual(["Ärztenetz", "Ebersberg", "Erfurt", "explorhino Aalen", "MINT Runde 9", "MINT Runde 10", "Überlingen", "Zukunftsnetz"]);
    // Code-point order, as the database sorts, would put every lower-case name after "Z".
    expect([...names].sort()[names.length - 1]).toBe("Überlingen");
    expect(compareGerman("explorhino", "Zebra")).toBeLessThan(0);
  });
});

describe("moving a call's dates by a calendar span", () => {
  const day = parseCalendarDay;
  it("measures whole months first, then days, and ends a month at its last day", () => {
    expect(calendarSpanBetween(day("2018-03-01"), day("2019-03-01"))).toEqual({ months: 12, days: 0 });
    expect(calendarSpanBetween(day("2018-03-01"), day("2019-03-08"))).toEqual({ months: 12, days: 7 });
    expect(calendarSpanBetween(day("2027-01-31"), day("2027-02-28"))).toEqual({ months: 1, days: 0 });
    expect(calendarSpanBetween(day("2027-01-31"), day("2027-03-01"))).toEqual({ months: 1, days: 1 });
    expect(calendarSpanBetween(day("2027-05-10"), day("2027-05-01"))).toEqual({ months: 0, days: -9 });
    expect(shiftDay(day("2027-01-31"), { months: 1, days: 0 })).toEqual(day("2027-02-28"));
    expect(shiftDay(day("2024-02-29"), { months: 12, days: 0 })).toEqual(day("2025-02-28"));
    expect(shiftDay(day("2026-12-20"), { months: 0, days: 14 })).toEqual(day("2027-01-03"));
  });

  it("keeps the Berlin wall-clock time across the change to summer and winter time", () => {
    // 12:00 in winter time (11:00 UTC), fourteen days later in summer time (10:00 UTC).
    expect(shiftBerlinInstant(new Date("2026-03-20T11:00:00Z"), { months: 0, days: 14 }).toISOString()).toBe("2026-04-03T10:00:00.000Z");
    // 12:00 on the day winter time returns in 2026; a year later that day is still summer time.
    expect(shiftBerlinInstant(new Date("2026-10-25T11:00:00Z"), { months: 12, days: 0 }).toISOString()).toBe("2027-10-25T10:00:00.000Z");
    // 02:30 does not exist on 28 March 2027: the first moment after it, 03:30 summer time.
    expect(shiftBerlinInstant(new Date("2026-03-28T01:30:00Z"), { months: 12, days: 0 }).toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(shiftStoredDay(new Date("2028-02-29T00:00:00Z"), { months: 12, days: 0 }).toISOString()).toBe("2029-02-28T00:00:00.000Z");
  });

  it("moves budget years with the funding period, or with the first opening without one", () => {
    const aYear = { months: 12, days: 0 };
    expect(budgetYearShift({ fundingStartsOn: new Date("2018-09-01T00:00:00Z"), firstOpensAt: new Date("2018-03-01T08:00:00Z") }, aYear)).toBe(1);
    expect(budgetYearShift({ fundingStartsOn: new Date("2018-11-01T00:00:00Z"), firstOpensAt: null }, { months: 3, days: 0 })).toBe(1);
    expect(budgetYearShift({ fundingStartsOn: null, firstOpensAt: new Date("2018-12-31T23:30:00Z") }, { months: 0, days: 1 })).toBe(0);
    expect(budgetYearShift({ fundingStartsOn: null, firstOpensAt: null }, aYear)).toBe(0);
    const moved = shiftBudgetYears(everyFieldForm, 1);
    expect(moved.sections[0]!.fields.find((field) => field.key === "costs")).toMatchObject({ years: [2027, 2028] });
    expect(everyFieldForm.sections[0]!.fields.find((field) => field.key === "costs")).toMatchObject({ years: [2026, 2027] });
    expect(formDefinition.safeParse(moved).success).toBe(true);
  });

  it("proposes the next round's title: the round number and the years move on", () => {
    expect(nextRoundTitle("MINT-Cluster – Förderrunde 4 (2026)", { fromRound: 4, toRound: 5, years: 1 })).toBe("MINT-Cluster – Förderrunde 5 (2027)");
    expect(nextRoundTitle("Round 2 of 3", { fromRound: 2, toRound: 7, years: 0 })).toBe("Round 7 of 3");
    expect(nextRoundTitle("zdi-Qualitätssiegel 2026: Kurszahlen 2025", { fromRound: 17, toRound: 18, years: 1 })).toBe("zdi-Qualitätssiegel 2027: Kurszahlen 2026");
  });

  it("counts Berlin calendar days to a deadline", () => {
    // 00:30 on 5 December in Berlin is already the deadline's day.
    expect(berlinDaysBetween(new Date("2026-12-04T23:30:00Z"), new Date("2026-12-05T11:00:00Z"))).toBe(0);
    expect(berlinDaysBetween(new Date("2026-12-04T10:00:00Z"), new Date("2026-12-05T11:00:00Z"))).toBe(1);
  });

  it("reads the copy form: a span or a new first day, refusing an empty span and a missing day", () => {
    const parse = (fields: Record<string, string>) => parseWithZod(formDataOf(fields), { schema: copyCallSchema });
    expect(parse({ title: "Neu", round: "5", shiftBy: "span", spanYears: "1", spanDays: "3" })).toMatchObject({
      status: "success",
      value: { round: 5, shift: { kind: "span", span: { months: 12, days: 3 } } },
    });
    expect(parse({ title: "Neu", round: "5", shiftBy: "firstOpens", firstOpensDate: "2027-02-01" })).toMatchObject({ status: "success", value: { shift: { kind: "firstOpens", day: "2027-02-01" } } });
    expect(parse({ title: "Neu", round: "5", shiftBy: "span", spanYears: "0" })).toMatchObject({ error: { spanYears: ["callCopy.error.noSpan"] } });
    expect(parse({ title: "Neu", round: "5", shiftBy: "firstOpens" })).toMatchObject({ error: { firstOpensDate: ["error.required"] } });
    expect(parse({ title: "Neu", round: "0", shiftBy: "span", spanYears: "1" })).toMatchObject({ error: { round: ["callSetup.error.atLeastOne"] } });
  });
});

describe("which Länder a call is open to", () => {
  const details = { title: "zdi-Siegel", funder: "MKW NRW", awardType: "SUPPORT", supportDescription: "Siegel" };
  const parse = (fields: Record<string, string | string[]>) => parseWithZod(formDataOf({ ...details, ...fields }), { schema: callDetailsSchema });

  it("stores the chosen Länder only when the call is limited, and needs at least one then", () => {
    expect(parse({ openTo: "LISTED", openToBundeslaender: "NW" })).toMatchObject({ status: "success", value: { openToBundeslaender: ["NW"] } });
    expect(parse({ openTo: "LISTED", openToBundeslaender: ["NW", "RP", "NW"] })).toMatchObject({ value: { openToBundeslaender: ["NW", "RP"] } });
    expect(parse({ openTo: "ALL", openToBundeslaender: "NW" })).toMatchObject({ value: { openToBundeslaender: [] } });
    expect(parse({})).toMatchObject({ value: { openToBundeslaender: [] } });
    expect(parse({ openTo: "LISTED" })).toMatchObject({ error: { openToBundeslaender: ["callLaender.error.none"] } });
    expect(parse({ openTo: "LISTED", openToBundeslaender: "XX" }).status).toBe("error");
  });

  it("lets networks from the listed Länder apply, or from everywhere when none is listed, and names them in a sentence", () => {
    expect(isOpenToLand([], "BW")).toBe(true);
    expect(isOpenToLand(["NW"], "NW")).toBe(true);
    expect(isOpenToLand(["NW"], "BW")).toBe(false);
    expect(laenderText("de", ["NW"])).toBe("Nordrhein-Westfalen");
    expect(laenderText("de", ["HE", "BY"])).toBe("Bayern und Hessen");
    expect(laenderText("en", ["HE", "BY", "NW"])).toBe("Bavaria, Hesse and North Rhine-Westphalia");
  });
});

describe("the requested amount and a draft's completeness", () => {
  it("reads the budget tables' total less the own contribution, else the one amount field", () => {
    expect(requestedAmountCents(everyFieldForm, completeAnswers)).toBe(4_500_000);
    expect(requestedAmountCents(everyFieldForm, { fields: {} })).toBeNull();
    const amountOnly = formDefinition.parse({
      sections: [{ key: "s", titleDe: "S", titleEn: "S", fields: [{ key: "grant", type: "amount", labelDe: "Betrag", labelEn: "Amount", required: true }] }],
    });
    expect(requestedAmountCents(amountOnly, { fields: { grant: 1_234_500 } })).toBe(1_234_500);
    expect(requestedAmountCents(amountOnly, { fields: { grant: "viel" } })).toBeNull();
    const twoAmounts = formDefinition.parse({
      sections: [
        {
          key: "s",
          titleDe: "S",
          titleEn: "S",
          fields: [
            { key: "grant", type: "amount", labelDe: "Betrag", labelEn: "Amount", required: true },
            { key: "own", type: "amount", labelDe: "Eigenmittel", labelEn: "Own funds", required: true },
          ],
        },
      ],
    });
    expect(requestedAmountCents(twoAmounts, { fields: { grant: 100, own: 50 } })).toBeNull();
  });

  it("counts eligibility questions, required fields and conditions, and which of them are done", () => {
    expect(draftProgress(everyFieldForm, completeAnswers, [])).toEqual({ given: 10, required: 10 });
    expect(draftProgress(everyFieldForm, { fields: { projectTitle: "MINT" } }, [{ text: "Bitte Zeitplan", answer: null }])).toEqual({ given: 1, required: 11 });
    const { projectTitle: _title, ...rest } = completeAnswers.fields!;
    expect(draftProgress(everyFieldForm, { ...completeAnswers, fields: rest }, [{ text: "Zeitplan", answer: "Ab März" }])).toEqual({ given: 10, required: 11 });
    // "zwölf" typed for the pupils is held beside the answers: that field is not given yet.
    const { pupils: _pupils, ...withoutPupils } = completeAnswers.fields!;
    const held = [{ name: "fields.pupils", raw: "zwölf", problem: "number" as const, rule: { min: 0, integer: true } }];
    expect(draftProgress(everyFieldForm, { ...completeAnswers, fields: withoutPupils }, [], held)).toEqual({ given: 9, required: 10 });
  });
});

describe("the applications list's query", () => {
  const rows = [
    { id: "z", network: { name: "Zukunftsnetz", bundesland: "NW" }, state: "submitted", submittedAt: new Date("2026-05-02T10:00:00Z"), requestedCents: 500 },
    { id: "e", network: { name: "explorhino Aalen", bundesland: "BW" }, state: "draft", submittedAt: null, requestedCents: null },
    { id: "a", network: { name: "Ärztenetz Zürich", bundesland: "BY" }, state: "approved", submittedAt: new Date("2026-05-01T10:00:00Z"), requestedCents: 900 },
    { id: "m", network: { name: "MINT Ebersberg", bundesland: "BY" }, state: "submitted", submittedAt: new Date("2026-05-03T10:00:00Z"), requestedCents: 100 },
  ];
  const land = (code: string) => ({ NW: "Nordrhein-Westfalen", BW: "Baden-Württemberg", BY: "Bayern" })[code] ?? code;
  const ids = (query: string) => filterAndSortApplications(rows, parseApplicationListQuery(new URLSearchParams(query)), land).map((row) => row.id);

  it("sorts by each column both ways, with missing values last", () => {
    expect(ids("")).toEqual(["a", "e", "m", "z"]);
    expect(ids("sort=network&dir=desc")).toEqual(["z", "m", "e", "a"]);
    expect(ids("sort=bundesland")).toEqual(["e", "a", "m", "z"]);
    expect(ids("sort=state")).toEqual(["e", "m", "z", "a"]);
    expect(ids("sort=submittedAt")).toEqual(["a", "z", "m", "e"]);
    expect(ids("sort=submittedAt&dir=desc")).toEqual(["m", "z", "a", "e"]);
    expect(ids("sort=requested")).toEqual(["m", "z", "a", "e"]);
    expect(ids("sort=requested&dir=desc")).toEqual(["a", "z", "m", "e"]);
  });

  it("searches names without regard to case and accents, and filters by state and Land", () => {
    expect(ids("q=EXPLOR")).toEqual(["e"]);
    expect(ids("q=zurich")).toEqual(["a"]);
    expect(ids("state=submitted")).toEqual(["m", "z"]);
    expect(ids("land=BY&state=submitted")).toEqual(["m"]);
    expect(ids("q=netz&land=NW")).toEqual(["z"]);
    expect(searchable("Straße")).toBe("strasse");
  });

  it("ignores values that do not fit, and writes addresses without the defaults", () => {
    const query = parseApplicationListQuery(new URLSearchParams("sort=colour&dir=up&state=lost&land=XX&q=%20Netz%20"));
    expect(query).toEqual({ q: "Netz", state: undefined, land: undefined, sort: "network", dir: "asc" });
    expect(applicationListSearch(query)).toBe("?q=Netz");
    expect(applicationListSearch(query, { sort: "requested", dir: "desc", state: "submitted" })).toBe("?q=Netz&state=submitted&sort=requested&dir=desc");
    expect(applicationListSearch(parseApplicationListQuery(new URLSearchParams()))).toBe("");
  });

  it("counts applications per state in workflow order", () => {
    expect(countByState(rows)).toEqual([
      { state: "draft", count: 1 },
      { state: "submitted", count: 2 },
      { state: "approved", count: 1 },
    ]);
  });
});
