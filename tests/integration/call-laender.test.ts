import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { CallNotOpenToLandError, startApplication, stageForCallPage } from "../../app/server/applications/applications.server";
import { createCall as setUpCall, loadCallForSetup, updateCallDetails } from "../../app/server/calls/call-setup.server";
import { getPublicCall, listPublicCalls } from "../../app/server/calls/calls.server";
import { callDetailsSchema, createCallSchema } from "../../app/forms/call-schemas";
import { callFormValues } from "../../app/components/calls/call-form";
import { action as startAction } from "../../app/routes/calls.$slug.apply";
import CallPage, { loader as callPageLoader } from "../../app/routes/calls.$slug";
import { loader as applicantLoader } from "../../app/routes/applicant";
import type { Bundesland } from "../../app/generated/prisma/enums";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { addMember, browserOf, createCall, formPost } from "../support/application-fixtures";
import { parsed } from "../support/call-forms";
import { renderRoutePage } from "../support/render-route";
import { routeOutcome } from "../support/route-outcome";

/**
 * A call open only to networks from some Länder (the zdi seal is for NRW networks): set up by the
 * manager, shown on the public page, offered on the applicant's start page only to networks from
 * there, and refused by the server to any other network.
 */

// The routes decide by the real clock; these calls stay open from a year ago for the next two years.
const OPEN_FROM = new Date(Date.now() - 365 * 86_400_000);
const OPEN_UNTIL = new Date(Date.now() + 2 * 365 * 86_400_000);

let counter = 0;

async function networkIn(bundesland: Bundesland, name: string, member?: CurrentUser) {
  counter += 1;
  const network = await prisma.network.create({ data: { name: `${name} ${counter}`, bundesland, region: "Region" } });
  const person = member ?? (await createPerson("APPLICANT"));
  await prisma.networkMembership.create({ data: { userId: person.id, networkId: network.id, role: "COORDINATOR" } });
  return { id: network.id, name: network.name, person };
}

async function callOpenTo(laender: Bundesland[]) {
  const call = await createCall({ stages: [{ opensAt: OPEN_FROM, closesAt: OPEN_UNTIL }] });
  await prisma.call.update({ where: { id: call.callId }, data: { openToBundeslaender: laender } });
  return call;
}

describe("setting up which Länder a call is open to", () => {
  it("stores the Länder the manager ticks, shows them again in the edit form, and opens the call to all again", async () => {
    const manager = await createPerson("MANAGER");
    const programme = await prisma.programme.create({ data: { slug: `zdi-${Date.now()}`, name: "zdi", funder: "MKW", managers: { create: { userId: manager.id } } } });
    const { id } = await setUpCall(
      manager,
      parsed(createCallSchema, {
        programmeId: programme.id,
        title: "zdi-Qualitätssiegel 2027",
        funder: "MKW NRW",
        awardType: "SUPPORT",
        supportDescription: "Siegel",
        openTo: "LISTED",
        openToBundeslaender: "NW",
        stageMode: "SINGLE",
        opensDate: "2027-01-10",
        opensTime: "00:00",
        closesDate: "2027-03-10",
        closesTime: "12:00",
      }),
    );
    const stored = await loadCallForSetup(manager, id);
    expect(stored.openToBundeslaender).toEqual(["NW"]);
    expect(callFormValues(stored)).toMatchObject({ openTo: "LISTED", openToBundeslaender: ["NW"] });

    const details = { title: stored.title, funder: stored.funder, awardType: "SUPPORT", supportDescription: "Siegel" };
    await updateCallDetails(manager, id, parsed(callDetailsSchema, { ...details, openTo: "LISTED", openToBundeslaender: ["RP", "NW"] }));
    expect((await loadCallForSetup(manager, id)).openToBundeslaender).toEqual(["RP", "NW"]);
    await updateCallDetails(manager, id, parsed(callDetailsSchema, { ...details, openTo: "ALL", openToBundeslaender: ["RP"] }));
    const reopened = await loadCallForSetup(manager, id);
    expect(reopened.openToBundeslaender).toEqual([]);
    expect(callFormValues(reopened)).toMatchObject({ openTo: "ALL", openToBundeslaender: [] });
  });
});

describe("starting an application for a call limited to some Länder", () => {
  it("refuses a network from elsewhere with a clear message (403) and starts nothing; a network from there starts", async () => {
    const call = await callOpenTo(["NW"]);
    const person = await createPerson("APPLICANT");
    const freiburg = await networkIn("BW", "MINT-Region Freiburg", person);
    const aachen = await networkIn("NW", "zdi-Netzwerk Aachen", person);

    const error = await startApplication(person, { callSlug: call.slug, networkId: freiburg.id }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CallNotOpenToLandError);
    expect(error).toMatchObject({ status: 403, openTo: ["NW"], network: { name: freiburg.name, bundesland: "BW" } });
    expect(await prisma.application.count({ where: { callId: call.callId } })).toBe(0);

    const browser = await browserOf(person);
    const refused = await routeOutcome<{ message: string }>(startAction as never, formPost(`http://portal.test/calls/${call.slug}/apply`, browser, [["networkId", freiburg.id]]), { slug: call.slug });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe(
      `Diese Ausschreibung steht nur Netzwerken aus Nordrhein-Westfalen offen. ${freiburg.name} hat seinen Sitz in Baden-Württemberg und kann sich hier nicht bewerben.`,
    );
    expect(await prisma.application.count({ where: { callId: call.callId } })).toBe(0);

    const started = await routeOutcome(startAction as never, formPost(`http://portal.test/calls/${call.slug}/apply`, browser, [["networkId", aachen.id]]), { slug: call.slug });
    expect(started.status).toBe(302);
    expect(await prisma.application.findFirstOrThrow({ where: { callId: call.callId } })).toMatchObject({ networkId: aachen.id });
  });

  it("refuses the only network of a collaborator too, and lets any network start a call open to all", async () => {
    const limited = await callOpenTo(["NW", "RP"]);
    const open = await callOpenTo([]);
    const hessen = await networkIn("HE", "MINT-Region Südhessen");
    const collaborator = await addMember(hessen.id, "COLLABORATOR");
    await expect(startApplication(collaborator, { callSlug: limited.slug })).rejects.toBeInstanceOf(CallNotOpenToLandError);
    await expect(startApplication(collaborator, { callSlug: open.slug })).resolves.toMatchObject({ applicationId: expect.any(String) });
  });
});

describe("what networks see of a limited call", () => {
  it("names the Länder on the public page and explains to a network from elsewhere why it cannot start, instead of a button", async () => {
    const call = await callOpenTo(["NW"]);
    const person = await createPerson("APPLICANT");
    const freiburg = await networkIn("BW", "MINT-Region Freiburg", person);
    const aachen = await networkIn("NW", "zdi-Netzwerk Aachen", person);

    const stage = await stageForCallPage(call.slug, person);
    expect(stage?.applicant?.networks.map((network) => [network.name, network.openToIt])).toEqual([
      [freiburg.name, false],
      [aachen.name, true],
    ]);
    expect((await getPublicCall(call.slug))?.openToBundeslaender).toEqual(["NW"]);

    const request = new Request(`http://portal.test/calls/${call.slug}`, { headers: { Cookie: (await browserOf(person)).cookie } });
    const html = await renderRoutePage(CallPage, await callPageLoader({ request, params: { slug: call.slug }, context: {} }));
    expect(html).toContain("<dt>Offen für Netzwerke aus</dt><dd>Nordrhein-Westfalen</dd>");
    expect(html).toContain(`${freiburg.name} hat seinen Sitz in Baden-Württemberg und kann sich hier nicht bewerben.`);
    expect(html).toContain(`Antrag beginnen für ${aachen.name}`);
    expect(html).not.toContain(`Antrag beginnen für ${freiburg.name}`);

    const anonymous = await renderRoutePage(CallPage, await callPageLoader({ request: new Request(`http://portal.test/calls/${call.slug}`), params: { slug: call.slug }, context: {} }));
    expect(anonymous).toContain("Bewerben können sich nur Netzwerke aus Nordrhein-Westfalen.");
  });

  it("offers a network on its start page only the calls open to its Land", async () => {
    const limited = await callOpenTo(["NW"]);
    const open = await callOpenTo([]);
    const freiburg = await networkIn("BW", "MINT-Region Freiburg");
    const aachen = await networkIn("NW", "zdi-Netzwerk Aachen");
    const offered = async (person: CurrentUser) => {
      const request = new Request("http://portal.test/applicant", { headers: { Cookie: (await browserOf(person)).cookie } });
      const data = await applicantLoader({ request, params: {}, context: {} });
      return data.openCalls.map((call) => call.slug);
    };
    expect(await offered(freiburg.person)).toContain(open.slug);
    expect(await offered(freiburg.person)).not.toContain(limited.slug);
    expect(await offered(aachen.person)).toEqual(expect.arrayContaining([open.slug, limited.slug]));
    // The public list still shows it to everyone: the page says who may apply.
    expect((await listPublicCalls()).open.map((call) => call.slug)).toContain(limited.slug);
  });
});
