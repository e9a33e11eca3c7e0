import { describe, expect, it } from "vitest";
import { saveDraft, submitApplication } from "../../app/server/applications/applications.server";
import { action as uploadAction } from "../../app/routes/applications.$applicationId.files";
import ApplicationPage, { loader as applicationLoader } from "../../app/routes/applications.$applicationId";
import ManagedApplicationPage, { loader as managerLoader } from "../../app/routes/manager.applications.$applicationId";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import type { DraftInput } from "../../app/forms/application-schemas";
import type { Locale } from "../../app/i18n";
import { sample } from "../support/sample-files";
import { browserOf, createUploadWorld, formParts, temporaryFilesRoot, uploadRequest } from "../support/file-uploads";
import { renderRoutePage } from "../support/render-route";

/** One way to read an application's answers, for the network after submitting and for the manager. */

temporaryFilesRoot("portal-answers-");

type World = Awaited<ReturnType<typeof createUploadWorld>>;

async function upload(world: World, fieldKey: string, name: string, content: Buffer): Promise<string> {
  const browser = await browserOf(world.ours.coordinator);
  const request = uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, fieldKey, [{ name, content }], [{ name: "respond", value: "fetcher" }]) });
  const answer = (await uploadAction({ request, params: { applicationId: world.application.id }, context: {} })) as { data: { ok: boolean; files: { id: string }[] } };
  expect(answer.data.ok).toBe(true);
  return answer.data.files[0]!.id;
}

async function page(world: World, reader: CurrentUser, locale: Locale) {
  const applicationId = world.application.id;
  const browser = await browserOf(reader);
  const manager = reader.role === "MANAGER";
  const loader = manager ? managerLoader : applicationLoader;
  const url = manager ? `http://portal.test/manager/applications/${applicationId}` : `http://portal.test/applications/${applicationId}`;
  const data = await loader({ request: new Request(url, { headers: { Cookie: browser.cookie } }), params: { applicationId }, context: {} });
  return renderRoutePage(manager ? ManagedApplicationPage : ApplicationPage, data, locale);
}

describe("reading a submitted application", () => {
  it("links every file with its size and heads the partner table with the form's questions, for the network and the manager alike", async () => {
    const world = await createUploadWorld();
    const concept = await upload(world, "anlage", "Konzept.pdf", sample.pdf(3000));
    const letter = await upload(world, "partner.0", "LOI Gymnasium.pdf", sample.pdf(900));
    const draft: DraftInput = { answers: { fields: { titel: "MINT am Markt", partner: [{ name: "Gymnasium am Markt", type: "SCHOOL", role: "Lernort" }] } }, conditionAnswers: [], fieldsShown: true };
    await saveDraft(world.ours.coordinator, { applicationId: world.application.id, baseRevision: 0, draft });
    await submitApplication(world.ours.coordinator, { applicationId: world.application.id }, { baseUrl: "http://portal.test" });

    for (const reader of [world.ours.coordinator, world.manager]) {
      const html = await page(world, reader, "de");
      expect(html, reader.role).toContain(`<a href="/files/${concept}">Konzept.pdf</a> (3 kB)`);
      expect(html, reader.role).toContain(`<a href="/files/${letter}">LOI Gymnasium.pdf</a> (1 kB)`);
      expect(html, reader.role).toContain('<th scope="col">Art der Einrichtung</th><th scope="col">Rolle im Netzwerk</th><th scope="col">Absichtserklärung</th>');
      expect(html, reader.role).toContain("<td>Schule</td>");
      expect(html, reader.role).not.toContain("KB)");
    }
    const english = await page(world, world.manager, "en");
    expect(english).toContain(`<a href="/files/${concept}">Konzept.pdf</a> (3 kB)`);
    expect(english).toContain("<td>School</td>");
  });
});
