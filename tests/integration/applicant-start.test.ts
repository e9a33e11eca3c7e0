import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { saveDraft, startApplication } from "../../app/server/applications/applications.server";
import ApplicantStart, { loader } from "../../app/routes/applicant";
import type { Locale } from "../../app/i18n";
import { completeAnswers } from "../support/application-forms";
import { browserOf, createCall, createNetwork } from "../support/application-fixtures";
import { renderRoutePage } from "../support/render-route";

/**
 * The applicant's start page as the server renders it: every application of the person's networks
 * with its state, its deadline in Berlin time (the individual extension counted) and what is missing.
 */

// 12:00 Berlin on the day summer time starts in 2030, and on the days it ends in 2020 and 2031.
const SPRING_2030 = new Date("2030-03-31T10:00:00Z");
const AUTUMN_2020 = new Date("2020-10-25T11:00:00Z");
const AUTUMN_2031 = new Date("2031-10-26T11:00:00Z");
const LONG_AGO = new Date("2020-01-01T00:00:00Z");

async function renderStartPage(cookie: string, locale: Locale = "de"): Promise<string> {
  const data = await loader({ request: new Request("http://portal.test/applicant", { headers: { Cookie: cookie } }), params: {}, context: {} });
  return renderRoutePage(ApplicantStart, data, locale);
}

/** The table row of the application with this link target. */
function rowOf(html: string, applicationId: string): string {
  const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
  const row = rows.find((candidate) => candidate.includes(`/applications/${applicationId}"`));
  if (!row) throw new Error(`no row for ${applicationId}`);
  return row.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

/** A draft in a stage that closed long ago, as the workflow leaves it. */
async function draftInClosedStage(networkId: string, createdById: string, deadlineExtendedUntil: Date | null = null) {
  const call = await createCall({ stages: [{ opensAt: LONG_AGO, closesAt: AUTUMN_2020 }] });
  const application = await prisma.application.create({
    data: { callId: call.callId, stageId: call.stageIds[0]!, networkId, createdById, deadlineExtendedUntil, extensionReason: deadlineExtendedUntil ? "Krankheit" : null },
  });
  return application.id;
}

describe("the applicant's start page", () => {
  it("shows each application's state, deadline in Berlin time with the extension, and what is still missing", async () => {
    const network = await createNetwork();
    const open = await createCall({ stages: [{ opensAt: LONG_AGO, closesAt: SPRING_2030 }] });
    const { applicationId: nearlyDone } = await startApplication(network.coordinator, { callSlug: open.slug });
    const { projectTitle: _title, ...allButTitle } = completeAnswers.fields!;
    await saveDraft(network.coordinator, { applicationId: nearlyDone, baseRevision: 0, draft: { answers: { ...completeAnswers, fields: allButTitle }, conditionAnswers: [], fieldsShown: true } });
    const late = await draftInClosedStage(network.networkId, network.coordinator.id);
    const extended = await draftInClosedStage(network.networkId, network.coordinator.id, AUTUMN_2031);
    const submitted = await draftInClosedStage(network.networkId, network.coordinator.id);
    await prisma.application.update({ where: { id: submitted }, data: { state: "submitted", receiptNumber: `MC4-2020-${submitted.slice(-6)}` } });
    const stranger = await createNetwork();
    const theirs = await draftInClosedStage(stranger.networkId, stranger.coordinator.id);

    const html = await renderStartPage((await browserOf(network.coordinator)).cookie);
    expect(rowOf(html, nearlyDone)).toContain("Entwurf 31. März 2030 um 12:00 1 Punkt fehlt");
    expect(rowOf(html, late)).toContain("Entwurf 25. Oktober 2020 um 12:00 · Frist abgelaufen –");
    expect(rowOf(html, extended)).toMatch(/Entwurf 26\. Oktober 2031 um 12:00 \(individuell verlängert\) \d+ Punkte fehlen/);
    expect(rowOf(html, submitted)).toContain(`Eingereicht MC4-2020-${submitted.slice(-6)} 25. Oktober 2020 um 12:00 · Frist abgelaufen –`);
    expect(html).toContain("Alle Zeiten in deutscher Zeit (Europe/Berlin).");
    expect(html).not.toContain(`/applications/${theirs}"`);

    const english = await renderStartPage((await browserOf(network.coordinator)).cookie, "en");
    expect(rowOf(english, nearlyDone)).toContain("31 March 2030 at 12:00 1 item missing");
  });
});
