import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { managerOverview } from "../../app/server/calls/calls.server";
import ManagerStart, { loader } from "../../app/routes/manager._index";
import type { CallStatus } from "../../app/generated/prisma/enums";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { browserOf } from "../support/application-fixtures";
import { renderRoutePage } from "../support/render-route";
import { routeOutcome } from "../support/route-outcome";

/**
 * The manager's start page leads with what needs doing: stages open now by deadline (those closing
 * soon marked), stages opening soon, closed stages whose submitted applications wait for the
 * eligibility check; then each programme's current calls before its archived ones, in German order.
 */

const NOW = new Date("2026-12-04T10:00:00Z");
const days = (count: number) => new Date(NOW.getTime() + count * 86_400_000);
let counter = 0;

async function programmeOf(manager: CurrentUser, name: string) {
  counter += 1;
  return prisma.programme.create({ data: { slug: `start-${counter}-${Date.now()}`, name, funder: "Stiftung", managers: { create: { userId: manager.id } } } });
}

async function callIn(programmeId: string, title: string, status: CallStatus, stages: { opensAt: Date; closesAt: Date }[]) {
  counter += 1;
  return prisma.call.create({
    data: {
      programmeId,
      slug: `start-call-${counter}-${Date.now()}`,
      title,
      funder: "Stiftung",
      awardType: "MONEY",
      status,
      stages: { create: stages.map((stage, position) => ({ position, kind: stages.length > 1 ? (position === 0 ? "OUTLINE" : "FULL_PROPOSAL") : "SINGLE", ...stage })) },
    },
    include: { stages: { orderBy: { position: "asc" } } },
  });
}

async function applicationsIn(call: { id: string; stages: { id: string }[] }, states: string[]) {
  for (const state of states) {
    counter += 1;
    const network = await prisma.network.create({ data: { name: `Netz ${counter}`, bundesland: "BW", region: "Freiburg" } });
    const creator = await createPerson("APPLICANT");
    await prisma.application.create({ data: { callId: call.id, stageId: call.stages[0]!.id, networkId: network.id, createdById: creator.id, state } });
  }
}

describe("the manager's start page", () => {
  it("leads with open stages by deadline, stages opening soon and closed stages waiting for the eligibility check", async () => {
    const manager = await createPerson("MANAGER");
    const programme = await programmeOf(manager, "MINT-Cluster");
    const closingSoon = await callIn(programme.id, "Schließt bald", "PUBLISHED", [{ opensAt: days(-20), closesAt: days(5) }]);
    await callIn(programme.id, "Läuft noch lange", "PUBLISHED", [{ opensAt: days(-20), closesAt: days(40) }]);
    await callIn(programme.id, "Beginnt bald", "PUBLISHED", [{ opensAt: days(10), closesAt: days(60) }]);
    await callIn(programme.id, "Beginnt später", "PUBLISHED", [{ opensAt: days(90), closesAt: days(120) }]);
    await callIn(programme.id, "Noch ein Entwurf", "DRAFT", [{ opensAt: days(-5), closesAt: days(3) }]);
    const toCheck = await callIn(programme.id, "Wartet auf Prüfung", "PUBLISHED", [
      { opensAt: days(-90), closesAt: days(-2) },
      { opensAt: days(30), closesAt: days(80) },
    ]);
    await applicationsIn(toCheck, ["submitted", "submitted", "draft", "eligibilityCheck", "withdrawn"]);
    const checked = await callIn(programme.id, "Alles geprüft", "CLOSED", [{ opensAt: days(-200), closesAt: days(-100) }]);
    await applicationsIn(checked, ["eligibilityCheck", "inReview"]);
    await applicationsIn(closingSoon, ["submitted"]);

    const overview = await managerOverview(manager, NOW);
    expect(overview.openNow.map((stage) => [stage.call.title, stage.kind, stage.closingSoon, stage.daysLeft])).toEqual([
      ["Schließt bald", "SINGLE", true, 5],
      ["Läuft noch lange", "SINGLE", false, 40],
    ]);
    expect(overview.openingSoon.map((stage) => [stage.call.title, stage.kind])).toEqual([
      ["Beginnt bald", "SINGLE"],
      ["Wartet auf Prüfung", "FULL_PROPOSAL"],
    ]);
    // Only the closed outline with its two submitted, unchecked applications; not the open call's submission.
    expect(overview.awaitingEligibilityCheck.map((stage) => [stage.call.id, stage.kind, stage.submitted])).toEqual([[toCheck.id, "OUTLINE", 2]]);

    const other = await createPerson("MANAGER");
    expect(await managerOverview(other, NOW)).toMatchObject({ openNow: [], openingSoon: [], awaitingEligibilityCheck: [], programmes: [] });
  });

  it("lists each programme's current calls before its archived ones, names in German order", async () => {
    const manager = await createPerson("MANAGER");
    for (const name of ["Zukunftsforscher", "explorhino", "Ebersberger MINT-Tage", "Ärztliche Nachwuchsförderung"]) await programmeOf(manager, name);
    const programme = await programmeOf(manager, "MINT-Regionen");
    for (const [title, status] of [
      ["Runde 10", "ARCHIVED"],
      ["Runde 9", "ARCHIVED"],
      ["explorhino-Sonderrunde", "PUBLISHED"],
      ["Zukunftsrunde", "DRAFT"],
      ["Abschlussrunde", "CLOSED"],
    ] as const) {
      await callIn(programme.id, title, status, [{ opensAt: days(-400), closesAt: days(-300) }]);
    }
    const overview = await managerOverview(manager, NOW);
    expect(overview.programmes.map((entry) => entry.name)).toEqual(["Ärztliche Nachwuchsförderung", "Ebersberger MINT-Tage", "explorhino", "MINT-Regionen", "Zukunftsforscher"]);
    const regions = overview.programmes.find((entry) => entry.id === programme.id)!;
    expect(regions.current.map((call) => call.title)).toEqual(["Abschlussrunde", "explorhino-Sonderrunde", "Zukunftsrunde"]);
    expect(regions.archived.map((call) => call.title)).toEqual(["Runde 9", "Runde 10"]);

    const page = await routeOutcome(loader as never, new Request("http://portal.test/manager", { headers: { Cookie: (await browserOf(manager)).cookie } }));
    const html = await renderRoutePage(ManagerStart, page.body);
    expect(html.indexOf("Was ansteht")).toBeGreaterThan(0);
    expect(html.indexOf("Was ansteht")).toBeLessThan(html.indexOf("Ärztliche Nachwuchsförderung"));
    expect(html.indexOf("Aktuelle Ausschreibungen")).toBeLessThan(html.indexOf("Archivierte Ausschreibungen"));
    expect(html).toContain("Gerade steht nichts an");
  });

  it("links the waiting applications to their stage's eligibility check", async () => {
    const manager = await createPerson("MANAGER");
    const programme = await programmeOf(manager, "Prüfprogramm");
    const closed = await callIn(programme.id, "Frist vorbei", "PUBLISHED", [{ opensAt: new Date(Date.now() - 90 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) }]);
    await applicationsIn(closed, ["submitted"]);
    const page = await routeOutcome(loader as never, new Request("http://portal.test/manager", { headers: { Cookie: (await browserOf(manager)).cookie } }));
    const html = await renderRoutePage(ManagerStart, page.body);
    const stage = await prisma.callStage.findFirstOrThrow({ where: { callId: closed.id }, select: { id: true } });
    expect(html).toContain(`href="/manager/calls/${closed.id}/stages/${stage.id}/eligibility"`);
    expect(html).toContain("1 eingereichter Antrag");
    const applicant = await createPerson("APPLICANT");
    expect((await routeOutcome(loader as never, new Request("http://portal.test/manager", { headers: { Cookie: (await browserOf(applicant)).cookie } }))).status).toBe(403);
  });
});
