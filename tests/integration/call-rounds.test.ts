import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { changeStageForm, changeStageRubric, copyCall, copyProposal, createCall, loadStageForm } from "../../app/server/calls/call-setup.server";
import { copyCallSchema, createCallSchema } from "../../app/forms/call-schemas";
import { fieldsOf } from "../../app/forms/form-definition";
import { action as copyAction, loader as copyLoader } from "../../app/routes/manager.calls.$callId.copy";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { getAs, notFoundFrom, parsed, postAs, refusal, twoStageDates } from "../support/call-forms";
import { routeOutcome } from "../support/route-outcome";

/**
 * Copying a call as the programme's next round: every date moves by one span in Berlin wall-clock
 * terms, the budget tables' years move with the funding period, and the round proposed is the
 * programme's next, not the source's + 1.
 */

let manager: CurrentUser;
let otherManager: CurrentUser;
let programmeId: string;

beforeAll(async () => {
  [manager, otherManager] = await Promise.all([createPerson("MANAGER"), createPerson("MANAGER")]);
  programmeId = (await prisma.programme.create({ data: { slug: "rounds", name: "MINT-Cluster", funder: "BMFTR", managers: { create: { userId: manager.id } } } })).id;
  await prisma.programme.create({ data: { slug: "rounds-other", name: "Anderes", funder: "Stiftung", managers: { create: { userId: otherManager.id } } } });
});

/**
 * Round 4 of two stages: the outline closes at 12:00 on the day summer time begins in 2026, the full
 * proposal at 12:00 on the day it ends; funding from September 2026 to August 2028, so its budget
 * table asks for 2026 to 2028. Open only to NRW networks.
 */
async function roundFour() {
  const input = parsed(createCallSchema, {
    programmeId,
    title: "MINT-Cluster – Förderrunde 4 (2026)",
    funder: "BMFTR",
    awardType: "MONEY",
    maxAward: "500000",
    fundingStartsOn: "2026-09-01",
    fundingEndsOn: "2028-08-31",
    openTo: "LISTED",
    openToBundeslaender: "NW",
    ...twoStageDates,
  });
  const { id } = await createCall(manager, input);
  // As if it had gone through status changes: its version counts them, a copy starts again at 0.
  await prisma.call.update({ where: { id }, data: { round: 4, version: 3 } });
  const stages = await prisma.callStage.findMany({ where: { callId: id }, orderBy: { position: "asc" } });
  const full = { callId: id, stageId: stages[1]!.id };
  await changeStageForm(manager, full, { op: "addSection", titleDe: "Finanzen", titleEn: "Finances" });
  await changeStageForm(manager, full, { op: "addField", sectionKey: "finanzen", key: "finanzplan", type: "budget", labelDe: "Finanzplan", labelEn: "Budget", required: true });
  await changeStageRubric(manager, full, { op: "addCriterion", titleDe: "Qualität", titleEn: "Quality", descriptionDe: "", descriptionEn: "", weight: 100 });
  return { id, stages };
}

const budgetYears = async (callId: string, stageId: string) =>
  fieldsOf((await loadStageForm(manager, callId, stageId)).definition!).flatMap((field) => (field.type === "budget" ? [field.years] : []));

const stageDates = async (callId: string) =>
  (await prisma.callStage.findMany({ where: { callId }, orderBy: { position: "asc" } })).map((stage) => [stage.kind, stage.opensAt.toISOString(), stage.closesAt.toISOString()]);

describe("proposing the next round", () => {
  it("proposes the programme's next round number, a title moved on to it, and the first opening a year later", async () => {
    const { id, stages } = await roundFour();
    expect(await budgetYears(id, stages[1]!.id)).toEqual([[2026, 2027, 2028]]);
    // A later round of the programme exists already: the copy of round 4 must not become round 5 again.
    await prisma.call.create({ data: { programmeId, slug: `runde-7-${Date.now()}`, round: 7, title: "Runde 7", funder: "BMFTR", awardType: "MONEY" } });
    const proposal = await copyProposal(manager, id);
    expect(proposal).toMatchObject({ highestRound: 7, round: 8, title: "MINT-Cluster – Förderrunde 8 (2027)", firstOpensDate: "2027-02-01" });
    expect(proposal.budgetFields).toEqual([{ labelDe: "Finanzplan", labelEn: "Budget", years: [2026, 2027, 2028] }]);
    await notFoundFrom(copyProposal(otherManager, id));
  });
});

describe("copying by a span", () => {
  it("moves every date by a year in Berlin wall-clock time, the funding period and budget years with it, and carries the rest", async () => {
    const { id, stages } = await roundFour();
    const copy = await copyCall(manager, id, parsed(copyCallSchema, { title: "MINT-Cluster – Förderrunde 5 (2027)", round: "5", shiftBy: "span", spanYears: "1" }), new Date("2026-12-01T10:00:00Z"));
    expect(copy.slug).toBe("mint-cluster-foerderrunde-5-2027");
    const stored = await prisma.call.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored).toMatchObject({ round: 5, status: "DRAFT", version: 0, copiedFromId: id, openToBundeslaender: ["NW"], maxAwardCents: 50_000_000n });
    expect([stored.fundingStartsOn?.toISOString(), stored.fundingEndsOn?.toISOString()]).toEqual(["2027-09-01T00:00:00.000Z", "2029-08-31T00:00:00.000Z"]);
    expect(await stageDates(copy.id)).toEqual([
      // 00:00 on 1 February, winter time both years.
      ["OUTLINE", "2027-01-31T23:00:00.000Z", "2027-03-29T10:00:00.000Z"],
      // 12:00 on 25 October: winter time in 2026 (11:00 UTC), still summer time in 2027 (10:00 UTC).
      ["FULL_PROPOSAL", "2027-06-01T07:00:00.000Z", "2027-10-25T10:00:00.000Z"],
    ]);
    const copiedStages = await prisma.callStage.findMany({ where: { callId: copy.id }, orderBy: { position: "asc" } });
    expect(await budgetYears(copy.id, copiedStages[1]!.id)).toEqual([[2027, 2028, 2029]]);
    // The original keeps its years.
    expect(await budgetYears(id, stages[1]!.id)).toEqual([[2026, 2027, 2028]]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: copy.id, action: "COPY" } });
    expect(audit.data).toMatchObject({ copiedFromId: id, span: { months: 12, days: 0 }, budgetYears: 1 });
  });

  it("moves by days across the change to summer time, keeping the wall-clock times", async () => {
    const { id } = await roundFour();
    const copy = await copyCall(manager, id, parsed(copyCallSchema, { title: "57 Tage später", round: "5", shiftBy: "span", spanDays: "57" }));
    // 00:00 on 1 February (winter time) becomes 00:00 on 30 March, the day after summer time began.
    const [outline] = await stageDates(copy.id);
    expect(outline).toEqual(["OUTLINE", "2026-03-29T22:00:00.000Z", "2026-05-25T10:00:00.000Z"]);
    const stored = await prisma.call.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored.fundingStartsOn?.toISOString()).toBe("2026-10-28T00:00:00.000Z");
  });
});

describe("copying to a new first opening day", () => {
  it("moves every date by the span from the old first day to the new one", async () => {
    const { id } = await roundFour();
    const copy = await copyCall(manager, id, parsed(copyCallSchema, { title: "Ab März", round: "5", shiftBy: "firstOpens", firstOpensDate: "2027-03-01" }));
    expect(await stageDates(copy.id)).toEqual([
      ["OUTLINE", "2027-02-28T23:00:00.000Z", "2027-04-29T10:00:00.000Z"],
      ["FULL_PROPOSAL", "2027-07-01T07:00:00.000Z", "2027-11-25T11:00:00.000Z"],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: copy.id, action: "COPY" } });
    expect(audit.data).toMatchObject({ span: { months: 13, days: 0 }, budgetYears: 1 });
  });

  it("refuses a first day that is not later than the current one, and copies nothing", async () => {
    const { id } = await roundFour();
    const before = await prisma.call.count();
    for (const day of ["2026-02-01", "2025-12-24"]) {
      const error = await refusal(copyCall(manager, id, parsed(copyCallSchema, { title: "Zu früh", round: "5", shiftBy: "firstOpens", firstOpensDate: day })));
      expect(error).toMatchObject({ messageKey: "callCopy.error.notLater", options: { field: "firstOpensDate" } });
    }
    expect(await prisma.call.count()).toBe(before);
    await notFoundFrom(copyCall(otherManager, id, parsed(copyCallSchema, { title: "Fremd", round: "5", shiftBy: "span", spanYears: "1" })));
  });
});

describe("the copy page", () => {
  it("proposes the round and dates without JavaScript, creates the copy and leads to it; a bad form comes back with its messages", async () => {
    const { id } = await roundFour();
    const page = await routeOutcome<{ proposal: { round: number } }>(copyLoader as never, await getAs(manager, `/manager/calls/${id}/copy`), { callId: id });
    expect(page.status).toBe(200);
    expect(page.body.proposal.round).toBeGreaterThan(4);

    const posted = await routeOutcome(
      copyAction as never,
      await postAs(manager, `/manager/calls/${id}/copy`, { intent: "copy", title: "Runde über die Seite", round: "9", shiftBy: "span", spanYears: "1", spanMonths: "0", spanDays: "0" }),
      { callId: id },
    );
    expect(posted.status).toBe(302);
    const copy = await prisma.call.findFirstOrThrow({ where: { copiedFromId: id, title: "Runde über die Seite" } });
    expect(posted.location).toBe(`/manager/calls/${copy.id}`);
    expect(copy.round).toBe(9);

    const invalid = await routeOutcome<{ result: { error: Record<string, string[]> } }>(
      copyAction as never,
      await postAs(manager, `/manager/calls/${id}/copy`, { intent: "copy", title: "Ohne Zeitraum", round: "9", shiftBy: "span", spanYears: "0", spanMonths: "0", spanDays: "0" }),
      { callId: id },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.result.error).toMatchObject({ spanYears: ["callCopy.error.noSpan"] });
    const tooEarly = await routeOutcome<{ result: { error: Record<string, string[]> } }>(
      copyAction as never,
      await postAs(manager, `/manager/calls/${id}/copy`, { intent: "copy", title: "Zu früh", round: "9", shiftBy: "firstOpens", firstOpensDate: "2026-01-01" }),
      { callId: id },
    );
    // The domain's refusal comes back on the field it concerns, like a message of the form itself.
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.result.error).toMatchObject({ firstOpensDate: ["callCopy.error.notLater"] });
  });
});
