import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { action as uploadAction } from "../../app/routes/applications.$applicationId.files";
import { action as fileAction, loader as downloadLoader } from "../../app/routes/files.$fileId";
import { receiveUploads } from "../../app/server/files/uploads.server";
import { LocalDiskStorage, uploadStorage } from "../../app/server/files/storage.server";
import { sample } from "../support/sample-files";
import { shareDraftWithManagers } from "../../app/server/applications/draft-sharing.server";
import { browserOf, createUploadWorld, formParts, uploadRequest } from "../support/file-uploads";
import { startFakeUploadThing, type FakeUploadThing } from "../support/fake-uploadthing";

// The real `uploadthing` SDK runs here; only its hosts are the fake's (set through its own environment settings).
let fake: FakeUploadThing;
let dataDir: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  fake = await startFakeUploadThing();
  dataDir = await mkdtemp(path.join(tmpdir(), "portal-files-ut-"));
  for (const [name, value] of Object.entries({ ...fake.env, DATA_DIR: dataDir })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.requests.length = 0;
});

async function settle(outcome: Promise<unknown>): Promise<{ status: number; headers: Headers; json?: Record<string, unknown>; response?: Response }> {
  try {
    const result = await outcome;
    if (result instanceof Response) {
      const json = result.headers.get("Content-Type")?.includes("application/json") ? ((await result.clone().json()) as Record<string, unknown>) : undefined;
      return { status: result.status, headers: result.headers, json, response: result };
    }
    throw new Error(`unexpected answer ${JSON.stringify(result)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, response: thrown };
    throw thrown;
  }
}

async function uploadJson(world: Awaited<ReturnType<typeof createUploadWorld>>, name: string, content: Buffer) {
  const browser = await browserOf(world.ours.coordinator);
  const request = uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, "anlage", [{ name, content }]) });
  return settle(uploadAction({ request, params: { applicationId: world.application.id }, context: {} }));
}

const spoolFiles = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("portal-upload-"));

describe("files at UploadThing (UPLOADTHING_TOKEN set)", () => {
  it("chooses UploadThing for new uploads", () => {
    expect(uploadStorage().kind).toBe("UPLOADTHING");
  });

  it("uploads through the SDK's signed ingest URL, keyed by our storage key, and keeps nothing on the local disk", async () => {
    const world = await createUploadWorld();
    const content = sample.pdf(40_000);
    const answer = await uploadJson(world, "Konzept.pdf", content);
    expect(answer).toMatchObject({ status: 200, json: { ok: true } });
    const file = await prisma.storedFile.findFirstOrThrow({ where: { applicationId: world.application.id } });
    expect(file).toMatchObject({ storage: "UPLOADTHING", contentType: "application/pdf", sizeBytes: BigInt(content.length) });
    const stored = [...fake.files.values()].find((candidate) => candidate.customId === file.storageKey.replaceAll("/", "."));
    expect(stored).toMatchObject({ name: "Konzept.pdf", type: "application/pdf", contentDisposition: "attachment" });
    expect(stored!.content.equals(content)).toBe(true);
    expect(fake.requests.filter((request) => request.method === "PUT")).toHaveLength(1);
    expect(await readdir(path.join(dataDir, "files")).catch(() => [])).toEqual([]);
    expect(await spoolFiles()).toEqual([]);
  });

  it("streams downloads from a signed file URL, with the same permission checks", async () => {
    const world = await createUploadWorld();
    const content = sample.docx();
    await uploadJson(world, "Antrag.docx", content);
    const file = await prisma.storedFile.findFirstOrThrow({ where: { applicationId: world.application.id } });
    // The programme's manager reads a draft's files once the network shares the draft.
    await shareDraftWithManagers(world.ours.coordinator, { applicationId: world.application.id, share: true });
    const get = async (cookie: string) =>
      settle(downloadLoader({ request: new Request(`http://portal.test/files/${file.id}`, { headers: { Cookie: cookie } }), params: { fileId: file.id }, context: {} }));
    const answer = await get((await browserOf(world.manager)).cookie);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(Buffer.from(await answer.response!.arrayBuffer()).equals(content)).toBe(true);
    expect(fake.requests.some((request) => request.method === "GET" && request.path === `/a/${fake.appId}/${file.storageKey.replaceAll("/", ".")}`)).toBe(true);
    const before = fake.requests.length;
    expect((await get((await browserOf(world.theirs.coordinator)).cookie)).status).toBe(404);
    expect(fake.requests.length).toBe(before); // refused before UploadThing is asked
  });

  it("deletes at UploadThing when the draft's file is deleted", async () => {
    const world = await createUploadWorld();
    await uploadJson(world, "a.pdf", sample.pdf());
    const file = await prisma.storedFile.findFirstOrThrow({ where: { applicationId: world.application.id } });
    const browser = await browserOf(world.ours.coordinator);
    const answer = await settle(
      fileAction({
        request: new Request(`http://portal.test/files/${file.id}`, { method: "POST", headers: { Cookie: browser.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf: browser.csrf, intent: "delete" }) }),
        params: { fileId: file.id },
        context: {},
      }),
    );
    expect(answer.status).toBe(303);
    expect(fake.requests.some((request) => request.method === "POST" && request.path === "/v6/deleteFiles" && request.status === 200)).toBe(true);
    expect([...fake.files.values()].some((stored) => stored.customId === file.storageKey.replaceAll("/", "."))).toBe(false);
    expect(await prisma.storedFile.count({ where: { id: file.id } })).toBe(0);
  });

  it("sends nothing to UploadThing for a file refused by its content or size", async () => {
    const world = await createUploadWorld();
    expect(await uploadJson(world, "Konzept.pdf", sample.png())).toMatchObject({ status: 415 });
    expect(await uploadJson(world, "gross.pdf", sample.pdf(1024 * 1024 + 1))).toMatchObject({ status: 413 });
    expect(fake.requests.filter((request) => request.method === "PUT")).toEqual([]);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
    expect(await spoolFiles()).toEqual([]);
  });

  it("answers 503 with a message and records nothing when UploadThing fails", async () => {
    const world = await createUploadWorld();
    fake.failUploads(1);
    const answer = await uploadJson(world, "a.pdf", sample.pdf());
    expect(answer).toMatchObject({ status: 503, json: { ok: false, messageKey: "files.error.unavailable" } });
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
    expect(await spoolFiles()).toEqual([]);
  });

  it("still serves files uploaded to the local disk before UploadThing was switched on", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const content = sample.pdf(1234);
    const result = await receiveUploads({
      request: uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "alt.pdf", content }]) }),
      applicationId: world.application.id,
      user: world.ours.coordinator,
      now: new Date(),
      storage: new LocalDiskStorage(path.resolve(dataDir, "files")),
    });
    const fileId = result.stored[0]!.id;
    expect((await prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } })).storage).toBe("LOCAL");
    const answer = await settle(downloadLoader({ request: new Request(`http://portal.test/files/${fileId}`, { headers: { Cookie: browser.cookie } }), params: { fileId }, context: {} }));
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.response!.arrayBuffer()).equals(content)).toBe(true);
    expect(fake.requests).toEqual([]);
  });
});
