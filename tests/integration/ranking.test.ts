import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { parseRankingQuery } from "../../app/forms/ranking";
import { changeRankingBasis, loadProjector, loadRanking, setShortlisted } from "../../app/server/ranking/ranking.server";
import * as rankingRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.ranking";
import * as projectorRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.ranking_.projector";
import { createPerson } from "../support/accounts";
import { addMember } from "../support/application-fixtures";
import { createRankingWorld, type RankingWorld as World } from "../support/ranking-world";
import { getAs, notFoundFrom, postAs } from "../support/call-forms";
import { answerOf } from "../support/route-calls";
import { renderRoutePage } from "../support/render-route";

const query = (search = "") => parseRankingQuery(new URLSearchParams(search));
const path = (world: World, rest = "") => `/manager/calls/${world.callId}/stages/${world.stageId}/ranking${rest}`;
const params = (world: World) => ({ callId: world.callId, stageId: world.stageId });

let world: World;
let otherManager: CurrentUser;
beforeAll(async () => {
  world = await createRankingWorld();
  otherManager = await createPerson("MANAGER");
});

describe("the ranking of a stage", () => {
  it("lists every application that went into review with raw, both normalised scores, criterion figures, counts, flag and decision", async () => {
    const page = await loadRanking(world.manager, world.ref, query(), "de");
    const { ids } = world;
    expect(page.rows.map((row) => row.id)).toEqual([ids.A, ids.E, ids.C, ids.B]);
    expect(page.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4]);
    expect(page.total).toBe(4);
    const a = page.rows[0]!;
    expect(a.raw).toBeCloseTo(8.5);
    expect(a.standardised).not.toBeNull();
    expect(a.leniency).not.toBeNull();
    expect(a.criteria).toEqual([[8.5, 8.5, 1], [8.5, 8.5, 1]]);
    expect(a).toMatchObject({ submitted: 3, assigned: 3, recommendations: [3, 0, 0], confidence: [0, 0, 3], disagreement: false, decision: null });
    const b = page.rows.find((row) => row.id === ids.B)!;
    expect(b).toMatchObject({ disagreement: true, spreadOfTotals: 7, recommendations: [1, 1, 1] });
    expect(page.rows.find((row) => row.id === ids.E)!.decision).toEqual({ outcome: "FUNDED", amountCents: "5000000", supportDescription: "", released: false });
    expect(page.jurors.map((juror) => juror.name)).toEqual(["Juror Riedel", "Jurorin Quast", "Jurorin Sommer"]);
    expect(page.criteria.map((criterion) => criterion.titleDe)).toEqual(["Wirkung", "Machbarkeit"]);
  });

  it("sorts by any column in either direction, missing values last", async () => {
    const { ids } = world;
    const order = async (search: string) => (await loadRanking(world.manager, world.ref, query(search), "de")).rows.map((row) => row.id);
    expect(await order("sort=raw&dir=asc")).toEqual([ids.B, ids.C, ids.E, ids.A]);
    expect(await order("sort=raw&dir=desc")).toEqual([ids.A, ids.E, ids.C, ids.B]);
    // Equal values keep rank order.
    expect(await order("sort=disagreement&dir=desc")).toEqual([ids.B, ids.A, ids.E, ids.C]);
    // By the Land's name: Baden-Württemberg, Bayern, Berlin, Nordrhein-Westfalen.
    expect(await order("sort=bundesland")).toEqual([ids.C, ids.A, ids.B, ids.E]);
    expect(await order("sort=decision")).toEqual([ids.E, ids.A, ids.C, ids.B]);
    expect(await order("sort=c1&dir=desc")).toEqual([ids.A, ids.E, ids.C, ids.B]);
    expect(await order("sort=rank&dir=desc")).toEqual([ids.B, ids.C, ids.E, ids.A]);
    // A column that does not exist falls back to the rank.
    expect(await order("sort=password")).toEqual([ids.A, ids.E, ids.C, ids.B]);
  });

  it("filters by Land, state, decision, the disagreement flag and the shortlist", async () => {
    const { ids } = world;
    const shown = async (search: string) => (await loadRanking(world.manager, world.ref, query(search), "de")).rows.map((row) => row.id);
    expect(await shown("land=BE")).toEqual([ids.B]);
    expect(await shown("state=awardDecided")).toEqual([ids.E]);
    expect(await shown("decision=FUNDED")).toEqual([ids.E]);
    expect(await shown("decision=none")).toEqual([ids.A, ids.C, ids.B]);
    expect(await shown("flag=disagreement")).toEqual([ids.B]);
    expect(await shown("shortlist=only")).toEqual([]);
    expect(await shown("land=HH")).toEqual([]);
  });
});

describe("the ranking basis", () => {
  it("is changed by the manager through the page, on record with before and after; the rank follows it", async () => {
    const own = await createRankingWorld();
    const answer = await answerOf(rankingRoute.action, await postAs(own.manager, path(own, "?sort=raw"), { intent: "basis", basis: "LENIENCY" }), { params: params(own) });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`${path(own)}?sort=raw&done=basis`);
    expect((await prisma.callStage.findUniqueOrThrow({ where: { id: own.stageId } })).rankingBasis).toBe("LENIENCY");
    const events = await prisma.auditEvent.findMany({ where: { entityType: "CallStage", entityId: own.stageId, action: "CHANGE_RANKING_BASIS" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: own.manager.id, data: { before: "RAW", after: "LENIENCY" } });
    const page = await loadRanking(own.manager, own.ref, query(), "de");
    expect(page.stage.rankingBasis).toBe("LENIENCY");
    const byLeniency = [...page.rows].sort((x, y) => (y.leniency ?? 0) - (x.leniency ?? 0)).map((row) => row.id);
    expect(page.rows.map((row) => row.id)).toEqual(byLeniency);
    // The same basis again changes nothing and writes nothing.
    await changeRankingBasis(own.manager, own.ref, "LENIENCY");
    expect(await prisma.auditEvent.count({ where: { entityType: "CallStage", entityId: own.stageId } })).toBe(1);
  });

  it("refuses an unknown basis with a message and changes nothing", async () => {
    const own = await createRankingWorld();
    const answer = await answerOf(rankingRoute.action, await postAs(own.manager, path(own), { intent: "basis", basis: "LOTTERY" }), { params: params(own) });
    expect(answer.status).toBe(400);
    expect((await prisma.callStage.findUniqueOrThrow({ where: { id: own.stageId } })).rankingBasis).toBe("RAW");
  });
});

describe("the shortlist", () => {
  it("puts applications on and takes them off through the page, each on record, and the projector shows them in rank order", async () => {
    const own = await createRankingWorld();
    const toggle = (value: string) => postAs(own.manager, path(own, "?shortlist=only"), { intent: "shortlist", shortlist: value });
    for (const key of ["B", "A", "C"]) expect((await answerOf(rankingRoute.action, await toggle(`on:${own.ids[key]}`), { params: params(own) })).status).toBe(302);
    expect((await answerOf(rankingRoute.action, await toggle(`off:${own.ids.C}`), { params: params(own) })).headers.get("Location")).toBe(`${path(own)}?shortlist=only&done=shortlist`);
    // Off again: nothing to do, nothing written.
    await setShortlisted(own.manager, own.ref, { applicationId: own.ids.C!, on: false });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "Application", action: { in: ["SHORTLIST", "UNSHORTLIST"] }, entityId: { in: Object.values(own.ids) } }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.action).sort()).toEqual(["SHORTLIST", "SHORTLIST", "SHORTLIST", "UNSHORTLIST"]);
    const page = await loadRanking(own.manager, own.ref, query("shortlist=only"), "de");
    expect(page.rows.map((row) => row.id)).toEqual([own.ids.A, own.ids.B]);
    expect(page.shortlisted).toBe(2);

    const projector = await loadProjector(own.manager, own.ref);
    expect(projector.rows.map((row) => row.network)).toEqual([own.names.A, own.names.B]);
    expect(projector.rows[1]).toMatchObject({ rank: 4, disagreement: true, submitted: 3 });
    expect(Object.keys(projector.rows[0]!)).not.toContain("jurors");
    const data = await projectorRoute.loader({ request: await getAs(own.manager, "/"), params: params(own), context: {} });
    const html = await renderRoutePage(projectorRoute.default, data);
    expect(html).toContain(own.names.A);
    expect(html).not.toContain(own.names.C);
    for (const juror of own.jurors) expect(html).not.toContain(juror.name);
    expect(html).not.toMatch(/Punkte (mehr|weniger)/);
  });

  it("refuses an application of another stage and one not in the ranking", async () => {
    const own = await createRankingWorld();
    await notFoundFrom(setShortlisted(own.manager, own.ref, { applicationId: world.ids.A!, on: true }));
    await notFoundFrom(setShortlisted(own.manager, own.ref, { applicationId: own.ids.D!, on: true }));
    expect(await prisma.application.count({ where: { id: { in: [world.ids.A!, own.ids.D!] }, shortlistedAt: { not: null } } })).toBe(0);
  });
});

describe("who may open the ranking", () => {
  it("renders the page for the manager: both normalised scores beside the raw one, the method explained, sortable headers, the jurors' leniency in words", async () => {
    const data = await rankingRoute.loader({ request: await getAs(world.manager, path(world, "?sort=raw&dir=desc")), params: params(world), context: {} });
    const html = await renderRoutePage(rankingRoute.default, data);
    expect(html).toContain("Wie werden die Werte angeglichen?");
    expect(html).toContain('aria-sort="descending"');
    for (const heading of ["Rohwert", "Standardisiert", "Bereinigt"]) expect(html).toContain(heading);
    expect(html).toMatch(/gibt im Mittel .* (mehr|weniger|so viele)/);
    expect(html).toContain("Auf die Shortlist");
    expect(html).toContain(`/manager/applications/${world.ids.A}/reviews`);
    expect(html).toMatch(/Förderung · 50\.000\s€/);
    expect(html).toContain("noch intern");
  });

  it("refuses a juror of the stage, a network's member, another programme's manager and anyone for a guessed stage", async () => {
    const juror = world.jurors[0]!;
    const member = await addMember((await prisma.application.findUniqueOrThrow({ where: { id: world.ids.A! } })).networkId, "COORDINATOR");
    for (const route of [rankingRoute.loader, projectorRoute.loader]) {
      for (const person of [juror, member]) {
        const answer = await answerOf(route, await getAs(person, path(world)), { params: params(world) });
        expect(answer.status).toBe(403);
      }
      expect((await answerOf(route, await getAs(otherManager, path(world)), { params: params(world) })).status).toBe(404);
      expect((await answerOf(route, await getAs(world.manager, path(world)), { params: { callId: world.callId, stageId: "guessed" } })).status).toBe(404);
      expect((await answerOf(route, new Request(`http://portal.test${path(world)}`), { params: params(world) })).status).toBe(302);
    }
    const post = (person: CurrentUser, fields: Record<string, string>) => postAs(person, path(world), fields);
    expect((await answerOf(rankingRoute.action, await post(juror, { intent: "shortlist", shortlist: `on:${world.ids.A}` }), { params: params(world) })).status).toBe(403);
    expect((await answerOf(rankingRoute.action, await post(otherManager, { intent: "shortlist", shortlist: `on:${world.ids.A}` }), { params: params(world) })).status).toBe(404);
    expect((await answerOf(rankingRoute.action, await post(otherManager, { intent: "basis", basis: "STANDARDISED" }), { params: params(world) })).status).toBe(404);
    expect((await prisma.callStage.findUniqueOrThrow({ where: { id: world.stageId } })).rankingBasis).toBe("RAW");
    expect(await prisma.application.count({ where: { stageId: world.stageId, shortlistedAt: { not: null } } })).toBe(0);
  });
});
