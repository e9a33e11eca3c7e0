import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { reopenApplication, saveDraft, startApplication, submitApplication } from "../../app/server/applications/applications.server";
import { grantDeadlineExtension, loadApplicationForManager } from "../../app/server/applications/call-applications.server";
import { deleteApplicationFile } from "../../app/server/files/application-files.server";
import { action as uploadAction } from "../../app/routes/applications.$applicationId.files";
import ApplicationPage, { loader as applicationLoader } from "../../app/routes/applications.$applicationId";
import ManagedApplicationPage, { loader as managerLoader } from "../../app/routes/manager.applications.$applicationId";
import type { Locale } from "../../app/i18n";
import { sample } from "../support/sample-files";
import { browserOf, createUploadWorld, formParts, temporaryFilesRoot, uploadRequest } from "../support/file-uploads";
import { renderRoutePage } from "../support/render-route";

/**
 * An application's history as the network and the manager read it: every step in words with who
 * took it and when (Berlin time), never an event's internal name.
 */

temporaryFilesRoot("portal-history-");

type World = Awaited<ReturnType<typeof createUploadWorld>>;

async function upload(world: World, applicationId: string, name: string): Promise<string> {
  const browser = await browserOf(world.theirs.coordinator);
  const request = uploadRequest({ applicationId, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name, content: sample.pdf() }], [{ name: "respond", value: "fetcher" }]) });
  const answer = (await uploadAction({ request, params: { applicationId }, context: {} })) as { data: { ok: boolean; files: { id: string }[] } };
  expect(answer.data.ok).toBe(true);
  return answer.data.files[0]!.id;
}

/** The history table's rows as text: when | who | what. */
function historyRows(html: string): string[] {
  const table = /<section aria-labelledby="history-heading">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  return (table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).slice(1).map((row) =>
    row
      .split(/<\/td>/)
      .map((cell) => cell.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .join(" | ")
      .replaceAll("&quot;", '"'),
  );
}

async function networkPage(world: World, applicationId: string, locale: Locale) {
  const browser = await browserOf(world.theirs.coordinator);
  const data = await applicationLoader({ request: new Request(`http://portal.test/applications/${applicationId}`, { headers: { Cookie: browser.cookie } }), params: { applicationId }, context: {} });
  return renderRoutePage(ApplicationPage, data, locale);
}

async function managerPage(world: World, applicationId: string, locale: Locale) {
  const browser = await browserOf(world.manager);
  const data = await managerLoader({ request: new Request(`http://portal.test/manager/applications/${applicationId}`, { headers: { Cookie: browser.cookie } }), params: { applicationId }, context: {} });
  return renderRoutePage(ManagedApplicationPage, data, locale);
}

describe("the history of an application", () => {
  it("tells every step in words, with who and when, on the network's and the manager's page, in German and English", async () => {
    const world = await createUploadWorld();
    // The network starts its own application through the portal, so the history begins with that step.
    await prisma.application.delete({ where: { id: world.otherApplication.id } });
    const coordinator = { ...world.theirs.coordinator, name: "Clara Koordinatorin" };
    await prisma.user.update({ where: { id: coordinator.id }, data: { name: coordinator.name } });
    await prisma.user.update({ where: { id: world.manager.id }, data: { name: "Paul Programmleitung" } });

    // Uploads take the clock's time; every other step is given a moment of its own: the start a minute
    // before them, the rest one second apart after them, however long the uploads took.
    const { applicationId } = await startApplication(coordinator, { callSlug: world.call.slug }, new Date(Date.now() - 60_000));
    const kept = await upload(world, applicationId, "Konzept_final.pdf");
    const dropped = await upload(world, applicationId, "Konzept_alt.pdf");
    const afterUploads = Date.now();
    const step = (seconds: number) => new Date(afterUploads + seconds * 1000);
    await deleteApplicationFile({ fileId: dropped, user: coordinator, now: step(1) });
    expect(kept).not.toBe(dropped);
    const draft = { answers: { fields: { titel: "MINT am Fluss" } }, conditionAnswers: [], fieldsShown: true };
    await saveDraft(coordinator, { applicationId, baseRevision: 0, draft }, step(2));
    const context = { baseUrl: "http://portal.test" };
    await submitApplication(coordinator, { applicationId }, { ...context, now: step(3) });
    await reopenApplication(coordinator, { applicationId }, step(4));
    const until = new Date(world.stage.closesAt.getTime() + 7 * 86_400_000);
    await grantDeadlineExtension(world.manager, { applicationId, until, reason: "Serverstörung am Fristtag" }, step(5));
    await submitApplication(coordinator, { applicationId }, { ...context, now: step(6) });

    const berlin = (instant: Date, locale: Locale) =>
      new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" }).format(instant);
    const untilDe = berlin(until, "de");
    const untilEn = berlin(until, "en");

    const expectedDe = [
      "Clara Koordinatorin | Eingereicht (Fassung 2)",
      `Paul Programmleitung | Frist verlängert bis ${untilDe} Begründung: Serverstörung am Fristtag`,
      "Clara Koordinatorin | Zur Bearbeitung wieder geöffnet",
      "Clara Koordinatorin | Eingereicht (Fassung 1)",
      "Clara Koordinatorin | Datei „Konzept_alt.pdf“ gelöscht",
      "Clara Koordinatorin | Datei „Konzept_alt.pdf“ hochgeladen",
      "Clara Koordinatorin | Datei „Konzept_final.pdf“ hochgeladen",
      "Clara Koordinatorin | Antrag begonnen",
    ];
    const events = await prisma.auditEvent.findMany({ where: { entityId: applicationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(events).toHaveLength(expectedDe.length);
    for (const render of [networkPage, managerPage]) {
      const rows = historyRows(await render(world, applicationId, "de"));
      // Each row begins with its moment in Berlin time.
      expect(rows.map((row, index) => row.startsWith(`${berlin(events[index]!.createdAt, "de")} | `))).toEqual(expectedDe.map(() => true));
      expect(rows.map((row) => row.split(" | ").slice(1).join(" | "))).toEqual(expectedDe);
    }

    const english = historyRows(await managerPage(world, applicationId, "en")).map((row) => row.split(" | ").slice(1).join(" | "));
    expect(english).toEqual([
      "Clara Koordinatorin | Submitted (version 2)",
      `Paul Programmleitung | Deadline extended to ${untilEn} Reason: Serverstörung am Fristtag`,
      "Clara Koordinatorin | Reopened for editing",
      "Clara Koordinatorin | Submitted (version 1)",
      "Clara Koordinatorin | File “Konzept_alt.pdf” deleted",
      "Clara Koordinatorin | File “Konzept_alt.pdf” uploaded",
      "Clara Koordinatorin | File “Konzept_final.pdf” uploaded",
      "Clara Koordinatorin | Application started",
    ]);
    for (const html of [await networkPage(world, applicationId, "en"), await managerPage(world, applicationId, "de")]) {
      for (const key of ["SUBMIT", "REOPEN", "EXTEND_DEADLINE", "fileUploaded", "fileDeleted", "started"]) expect(html).not.toContain(`>${key}<`);
    }
  });

  it("names a file from its row when the event was written without the name, and says a step of a later version in general words", async () => {
    const world = await createUploadWorld();
    const fileId = await (async () => {
      const browser = await browserOf(world.ours.coordinator);
      const request = uploadRequest({
        applicationId: world.application.id,
        cookie: browser.cookie,
        parts: formParts(browser.csrf, "anlage", [{ name: "Altbestand.pdf", content: sample.pdf() }], [{ name: "respond", value: "fetcher" }]),
      });
      const answer = (await uploadAction({ request, params: { applicationId: world.application.id }, context: {} })) as { data: { files: { id: string }[] } };
      return answer.data.files[0]!.id;
    })();
    // As events were written before the name went into them.
    await prisma.auditEvent.updateMany({ where: { entityId: world.application.id, action: "fileUploaded" }, data: { data: { fileId, fieldKey: "anlage" } } });
    await prisma.auditEvent.create({
      data: { actorId: null, entityType: "Application", entityId: world.application.id, action: "ARCHIVE_FOR_AUDIT", toState: "submitted", data: {}, createdAt: new Date(Date.now() + 1000) },
    });
    const view = await loadApplicationForManager(world.manager, world.application.id);
    expect(view.history.map((entry) => [entry.action, entry.fileName])).toEqual([
      ["ARCHIVE_FOR_AUDIT", null],
      ["fileUploaded", "Altbestand.pdf"],
    ]);
    const rows = historyRows(await managerPage(world, world.application.id, "de")).map((row) => row.split(" | ").slice(1).join(" | "));
    expect(rows).toEqual(["automatisch | Sonstige Änderung am Antrag, danach: Eingereicht", `${world.ours.coordinator.name} | Datei „Altbestand.pdf“ hochgeladen`]);
  });
});
