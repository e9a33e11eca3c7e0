import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { listCallApplications, loadApplicationForManager } from "../../app/server/applications/call-applications.server";
import { applicationForPage } from "../../app/server/applications/applications.server";
import { shareDraftWithManagers } from "../../app/server/applications/draft-sharing.server";
import { listApplicationFiles } from "../../app/server/files/application-files.server";
import { readableVersionPdf } from "../../app/server/pdf/version-pdf.server";
import { loader as downloadLoader } from "../../app/routes/files.$fileId";
import { action as uploadAction } from "../../app/routes/applications.$applicationId.files";
import ManagedApplicationPage, { loader as managerPageLoader } from "../../app/routes/manager.applications.$applicationId";
import { action as sharingAction, loader as sharingLoader } from "../../app/routes/applications.$applicationId_.sharing";
import { formDefinition } from "../../app/forms/form-definition";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { sample } from "../support/sample-files";
import { browserOf, createUploadWorld, formParts, temporaryFilesRoot, uploadForm, uploadRequest } from "../support/file-uploads";
import { renderRoutePage } from "../support/render-route";
import { routeOutcome } from "../support/route-outcome";

/**
 * What a programme's managers see of an application: its files as links once they may read it, a
 * draft only as "exists, so far complete" until the network submits or shares it, and submitted
 * versions (PDF and listed files) also while the network has reopened the application.
 */

temporaryFilesRoot("portal-manager-files-");

type World = Awaited<ReturnType<typeof createUploadWorld>>;

async function upload(world: World, name: string, fieldKey = "anlage"): Promise<string> {
  const browser = await browserOf(world.ours.coordinator);
  const request = uploadRequest({
    applicationId: world.application.id,
    cookie: browser.cookie,
    parts: formParts(browser.csrf, fieldKey, [{ name, content: sample.pdf(2000) }], [{ name: "respond", value: "fetcher" }]),
  });
  const answer = await routeOutcome<{ ok: boolean; files: { id: string }[] }>(uploadAction as never, request, { applicationId: world.application.id });
  expect(answer.body.ok).toBe(true);
  return answer.body.files[0]!.id;
}

async function downloadStatus(fileId: string, person: CurrentUser | null): Promise<number> {
  const headers = person ? { Cookie: (await browserOf(person)).cookie } : undefined;
  return (await routeOutcome(downloadLoader as never, new Request(`http://portal.test/files/${fileId}`, { headers }), { fileId })).status;
}

async function managerPage(world: World, person: CurrentUser): Promise<string> {
  const request = new Request(`http://portal.test/manager/applications/${world.application.id}`, { headers: { Cookie: (await browserOf(person)).cookie } });
  const data = await managerPageLoader({ request, params: { applicationId: world.application.id }, context: {} });
  return renderRoutePage(ManagedApplicationPage, data);
}

async function postSharing(world: World, person: CurrentUser, share: string) {
  const browser = await browserOf(person);
  const request = new Request(`http://portal.test/applications/${world.application.id}/sharing`, {
    method: "POST",
    headers: { Cookie: browser.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: browser.csrf, share }),
  });
  return routeOutcome<{ message: string }>(sharingAction as never, request, { applicationId: world.application.id });
}

describe("files on the manager's application view", () => {
  it("links every file of a submitted application, and its programme's managers download them; nobody else does", async () => {
    const world = await createUploadWorld();
    const concept = await upload(world, "Konzept Ökologie.pdf");
    const letter = await upload(world, "Absichtserklärung.pdf", "partner.0");
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "submitted", submittedAt: new Date() } });

    const html = await managerPage(world, world.manager);
    expect(html).toContain(`<a href="/files/${concept}">Konzept Ökologie.pdf</a>`);
    expect(html).toContain(`<a href="/files/${letter}">Absichtserklärung.pdf</a>`);

    expect(await downloadStatus(concept, world.manager)).toBe(200);
    const [juror, stateCoordinator] = await Promise.all([createPerson("JUROR"), createPerson("STATE_COORDINATOR")]);
    for (const outsider of [world.otherManager, world.theirs.coordinator, juror, stateCoordinator]) {
      expect(await downloadStatus(concept, outsider), outsider.role).toBe(404);
    }
    const anonymous = await routeOutcome(downloadLoader as never, new Request(`http://portal.test/files/${concept}`), { fileId: concept });
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe("a draft the network keeps to itself", () => {
  it("shows the manager that it exists and how complete it is, never its answers or files", async () => {
    const world = await createUploadWorld();
    const fileId = await upload(world, "Geheimer Entwurf.pdf");

    const { applications } = await listCallApplications(world.manager, world.call.id);
    const row = applications.find((candidate) => candidate.id === world.application.id)!;
    // uploadForm requires a concept file and a title: the file is there, the title is not.
    expect(row).toMatchObject({ state: "draft", answersReadable: false, progress: { given: 1, required: 2 }, requestedCents: null });

    const managed = await loadApplicationForManager(world.manager, world.application.id);
    expect(managed).toMatchObject({ answersReadable: false, answers: {}, files: [], progress: { given: 1, required: 2 } });
    const html = await managerPage(world, world.manager);
    expect(html).toContain("1 von 2 Pflichtangaben");
    expect(html).toContain("Seinen Inhalt sehen Sie, sobald das Netzwerk ihn einreicht oder mit Ihnen teilt.");
    expect(html).not.toContain("Geheimer Entwurf.pdf");
    expect(html).not.toContain("Gymnasium am Markt");

    await expect(applicationForPage(world.manager, world.application.id)).rejects.toMatchObject({ status: 404 });
    await expect(listApplicationFiles(world.application.id, world.manager)).rejects.toMatchObject({ status: 404 });
    expect(await downloadStatus(fileId, world.manager)).toBe(404);
    // The network itself reads everything, of course.
    expect(await downloadStatus(fileId, world.ours.collaborator)).toBe(200);
  });

  it("keeps what was submitted readable when the network reopens it: the version's PDF and the files it lists, not the new draft's", async () => {
    const world = await createUploadWorld();
    const submittedFile = await upload(world, "Eingereicht.pdf");
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: submittedFile } });
    await prisma.applicationVersion.create({
      data: {
        applicationId: world.application.id,
        number: 1,
        answers: { fields: { anlage: [submittedFile], titel: "Erste Fassung" } },
        receiptNumber: `V-${world.tag}`,
        submittedAt: new Date(),
        submittedById: world.ours.coordinator.id,
        frozenFacts: {
          callTitle: world.call.title,
          programmeName: world.programme.name,
          stageKind: "SINGLE",
          networkName: world.ours.network.name,
          bundesland: "BW",
          submittedBy: world.ours.coordinator.name,
          definition: formDefinition.parse(uploadForm),
          files: [{ id: row.id, fieldKey: row.fieldKey, originalName: row.originalName, sizeBytes: Number(row.sizeBytes), sha256: row.sha256 }],
        },
      },
    });
    const newDraftFile = await upload(world, "Neue Fassung.pdf");
    // Still (again) a draft: the network reopened its submission.
    expect(await downloadStatus(submittedFile, world.manager)).toBe(200);
    expect(await downloadStatus(newDraftFile, world.manager)).toBe(404);
    expect(await downloadStatus(submittedFile, world.otherManager)).toBe(404);
    const pdf = await readableVersionPdf(world.manager, { applicationId: world.application.id, versionNumber: 1 }, "de");
    expect(pdf.filename).toBe(`V-${world.tag}.pdf`);
    await expect(readableVersionPdf(world.otherManager, { applicationId: world.application.id, versionNumber: 1 }, "de")).rejects.toMatchObject({ status: 404 });
    expect(await loadApplicationForManager(world.manager, world.application.id)).toMatchObject({ answersReadable: false, files: [] });
  });
});

describe("sharing a draft with the programme's managers", () => {
  it("lets the network share its draft and stop again, each step in the audit log, without JavaScript", async () => {
    const world = await createUploadWorld();
    const fileId = await upload(world, "Frage zum Konzept.pdf");

    const shared = await postSharing(world, world.ours.collaborator, "yes");
    expect(shared).toMatchObject({ status: 302, location: `/applications/${world.application.id}#draft-sharing-heading` });
    expect(await downloadStatus(fileId, world.manager)).toBe(200);
    expect(await downloadStatus(fileId, world.otherManager)).toBe(404);
    const html = await managerPage(world, world.manager);
    expect(html).toContain(`<a href="/files/${fileId}">Frage zum Konzept.pdf</a>`);
    expect(html).toContain("Das Netzwerk hat diesen Entwurf mit Ihnen geteilt.");
    expect(html).toContain("Entwurf mit der Programmleitung geteilt");
    expect((await applicationForPage(world.manager, world.application.id)).application.sharedWithManagers).toBe(true);

    // Sharing twice changes nothing and records nothing twice.
    await shareDraftWithManagers(world.ours.coordinator, { applicationId: world.application.id, share: true });
    expect(await prisma.auditEvent.count({ where: { entityId: world.application.id, action: "SHARE_WITH_MANAGERS" } })).toBe(1);

    expect((await postSharing(world, world.ours.coordinator, "no")).status).toBe(302);
    expect(await downloadStatus(fileId, world.manager)).toBe(404);
    expect(await loadApplicationForManager(world.manager, world.application.id)).toMatchObject({ answersReadable: false });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: world.application.id, action: { in: ["SHARE_WITH_MANAGERS", "STOP_SHARING_WITH_MANAGERS"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["SHARE_WITH_MANAGERS", world.ours.collaborator.id],
      ["STOP_SHARING_WITH_MANAGERS", world.ours.coordinator.id],
    ]);
  });

  it("refuses anyone outside the network (404), a submitted application (409), a garbled form (400); the address leads back", async () => {
    const world = await createUploadWorld();
    for (const outsider of [world.manager, world.theirs.coordinator, await createPerson("ADMIN")]) {
      expect((await postSharing(world, outsider, "yes")).status, outsider.role).toBe(404);
    }
    expect((await postSharing(world, world.ours.coordinator, "maybe")).status).toBe(400);
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "submitted" } });
    const refused = await postSharing(world, world.ours.coordinator, "yes");
    expect(refused).toMatchObject({ status: 409, body: { message: "Teilen lässt sich nur ein Entwurf. Eingereichte Anträge liest die Programmleitung ohnehin." } });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })).sharedWithManagersAt).toBeNull();
    const opened = await routeOutcome(sharingLoader as never, new Request(`http://portal.test/applications/${world.application.id}/sharing`), { applicationId: world.application.id });
    expect(opened).toMatchObject({ status: 302, location: `/applications/${world.application.id}` });
  });
});
