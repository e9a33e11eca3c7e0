import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { listCallApplications } from "../../app/server/applications/call-applications.server";
import { parseApplicationListQuery } from "../../app/forms/application-list";
import CallApplications, { loader } from "../../app/routes/manager.calls.$callId.applications";
import type { Bundesland } from "../../app/generated/prisma/enums";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { completeAnswers, everyFieldForm } from "../support/application-forms";
import { createPerson } from "../support/accounts";
import { browserOf, createCall } from "../support/application-fixtures";
import { renderRoutePage } from "../support/render-route";
import { routeOutcome } from "../support/route-outcome";

/**
 * A call's applications as the manager lists them: searched by network, filtered by state and Land,
 * sorted by any column, counted per state, with the amount each requests where the manager may read
 * it. Everything is in the address (a GET form), so it works without JavaScript.
 */

let call: Awaited<ReturnType<typeof createCall>>;
const ids: Record<string, string> = {};

/** everyFieldForm's budget: 100,000 € staff + 20,000 € material, 15,000 € own contribution: 105,000 € requested. */
const budget = (staffEuros: number) => ({
  lines: [
    { category: "staff", year: 2026, description: "", amountCents: staffEuros * 100 },
    { category: "material", year: 2027, description: "", amountCents: 2_000_000 },
  ],
  ownContributionCents: 1_500_000,
});

async function application(key: string, network: { name: string; bundesland: Bundesland }, state: string, extra: { staffEuros?: number; submittedAt?: Date; shared?: boolean } = {}) {
  const row = await prisma.network.create({ data: { ...network, region: "Region" } });
  const creator = await createPerson("APPLICANT");
  const created = await prisma.application.create({
    data: {
      callId: call.callId,
      stageId: call.stageIds[0]!,
      networkId: row.id,
      createdById: creator.id,
      state,
      submittedAt: extra.submittedAt ?? null,
      sharedWithManagersAt: extra.shared ? new Date() : null,
      answers: extra.staffEuros === undefined ? { fields: { projectTitle: "Nur ein Titel" } } : ({ ...completeAnswers, fields: { ...completeAnswers.fields, costs: budget(extra.staffEuros) } } as object),
    },
  });
  ids[key] = created.id;
}

const list = (manager: CurrentUser, search = "") => listCallApplications(manager, call.callId, parseApplicationListQuery(new URLSearchParams(search)), "de");
const keysOf = (rows: { id: string }[]) => rows.map((row) => Object.keys(ids).find((key) => ids[key] === row.id));

beforeAll(async () => {
  call = await createCall({ stages: [{ form: everyFieldForm }] });
  await application("zukunft", { name: "Zukunftsnetz Ruhr", bundesland: "NW" }, "submitted", { staffEuros: 100_000, submittedAt: new Date("2026-10-20T09:00:00Z") });
  await application("explorhino", { name: "explorhino Aalen", bundesland: "BW" }, "submitted", { staffEuros: 50_000, submittedAt: new Date("2026-10-22T09:00:00Z") });
  await application("aerzte", { name: "Ärztenetz Zürich-Nord", bundesland: "BY" }, "approved", { staffEuros: 300_000, submittedAt: new Date("2026-10-18T09:00:00Z") });
  await application("geheim", { name: "MINT Ebersberg", bundesland: "BY" }, "draft", { staffEuros: 900_000 });
  await application("geteilt", { name: "MINT Erding", bundesland: "BY" }, "draft", { staffEuros: 10_000, shared: true });
  await application("leer", { name: "Ostalb-Netz", bundesland: "BW" }, "draft");
});

describe("the applications list of a call", () => {
  it("sorts by network name in German order by default, and counts every state", async () => {
    const result = await list(call.manager);
    expect(keysOf(result.applications)).toEqual(["aerzte", "explorhino", "geheim", "geteilt", "leer", "zukunft"]);
    expect(result.total).toBe(6);
    expect(result.counts).toEqual([
      { state: "draft", count: 3 },
      { state: "submitted", count: 2 },
      { state: "approved", count: 1 },
    ]);
    expect(result.lands).toEqual(["BW", "BY", "NW"]);
  });

  it("shows the requested amount where the manager may read the answers, and a draft's completeness", async () => {
    const rows = Object.fromEntries((await list(call.manager)).applications.map((row) => [keysOf([row])[0], row]));
    // 100,000 € staff + 20,000 € material − 15,000 € own contribution.
    expect(rows.zukunft!.requestedCents).toBe(10_500_000);
    expect(rows.aerzte!.requestedCents).toBe(30_500_000);
    expect(rows.geteilt!.requestedCents).toBe(1_500_000);
    // A draft the network keeps to itself shows no amount, only how far it is.
    // Its own contribution is too low for its 920,000 € budget: the budget is not done yet.
    expect(rows.geheim).toMatchObject({ requestedCents: null, answersReadable: false, progress: { given: 9, required: 10 } });
    expect(rows.leer).toMatchObject({ requestedCents: null, progress: { given: 1, required: 10 } });
    expect(rows.zukunft!.progress).toBeNull();
  });

  it("searches network names, filters by state and Land, and sorts by every column both ways", async () => {
    expect(keysOf((await list(call.manager, "q=EXPLOR")).applications)).toEqual(["explorhino"]);
    expect(keysOf((await list(call.manager, "q=zurich")).applications)).toEqual(["aerzte"]);
    expect(keysOf((await list(call.manager, "state=submitted")).applications)).toEqual(["explorhino", "zukunft"]);
    expect(keysOf((await list(call.manager, "land=BY&state=draft")).applications)).toEqual(["geheim", "geteilt"]);
    expect(keysOf((await list(call.manager, "sort=network&dir=desc")).applications)).toEqual(["zukunft", "leer", "geteilt", "geheim", "explorhino", "aerzte"]);
    expect(keysOf((await list(call.manager, "sort=bundesland")).applications)).toEqual(["explorhino", "leer", "aerzte", "geheim", "geteilt", "zukunft"]);
    expect(keysOf((await list(call.manager, "sort=state")).applications)).toEqual(["geheim", "geteilt", "leer", "explorhino", "zukunft", "aerzte"]);
    expect(keysOf((await list(call.manager, "sort=submittedAt&dir=desc")).applications)).toEqual(["explorhino", "zukunft", "aerzte", "geheim", "geteilt", "leer"]);
    expect(keysOf((await list(call.manager, "sort=requested&dir=desc")).applications)).toEqual(["aerzte", "zukunft", "explorhino", "geteilt", "geheim", "leer"]);
    // Counts stay those of the whole call, whatever is filtered.
    expect((await list(call.manager, "state=approved")).counts).toHaveLength(3);
  });

  it("renders a GET filter form and sortable headings that say how they sort", async () => {
    const request = new Request(`http://portal.test/manager/calls/${call.callId}/applications?sort=requested&dir=desc&land=BY`, {
      headers: { Cookie: (await browserOf(call.manager)).cookie },
    });
    const data = await routeOutcome(loader as never, request, { callId: call.callId });
    const html = await renderRoutePage(CallApplications, data.body);
    expect(html).toMatch(/<form method="get"[^>]*>/);
    // The sorted column says so; its link sorts it the other way, the others' ascending, filters kept.
    expect(html).toMatch(/<th scope="col" aria-sort="descending" class="number"><a[^>]* href="\/\?land=BY&amp;sort=requested">Beantragt/);
    expect(html).toMatch(/<th scope="col"><a[^>]* href="\/\?land=BY">Netzwerk/);
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html).toContain("3 Anträge, sortiert nach Beantragt (absteigend)");
    expect(html).toContain("305.000");
    expect(html).toContain("10 von 10 Pflichtangaben");
    expect(html).toContain("Entwurf: 3");
    expect(html).not.toContain("Zukunftsnetz Ruhr");
    expect(html).toMatch(/<option value="BY" selected="">Bayern<\/option>/);
  });

  it("is a 404 for managers of other programmes and refused to applicants", async () => {
    const otherManager = await createPerson("MANAGER");
    await expect(list(otherManager)).rejects.toMatchObject({ status: 404 });
    const request = async (person: CurrentUser) =>
      new Request(`http://portal.test/manager/calls/${call.callId}/applications`, { headers: { Cookie: (await browserOf(person)).cookie } });
    expect((await routeOutcome(loader as never, await request(otherManager), { callId: call.callId })).status).toBe(404);
    expect((await routeOutcome(loader as never, await request(await createPerson("APPLICANT")), { callId: call.callId })).status).toBe(403);
  });
});
