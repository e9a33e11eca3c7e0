import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { action as uploadAction, loader as uploadsLoader } from "../../app/routes/applications.$applicationId.files";
import { action as fileAction, loader as downloadLoader } from "../../app/routes/files.$fileId";
import { receiveUploads } from "../../app/server/files/uploads.server";
import { deleteApplicationFile, listApplicationFiles, openApplicationFile } from "../../app/server/files/application-files.server";
import { LocalDiskStorage, storageOf } from "../../app/server/files/storage.server";
import { saveDraft } from "../../app/server/applications/applications.server";
import type { DraftInput } from "../../app/forms/application-schemas";
import type { FileActionReply } from "../../app/forms/file-fields";
import { createPerson } from "../support/accounts";
import { sample } from "../support/sample-files";
import { browserOf, createUploadWorld, formParts, streamingUploadRequest, temporaryFilesRoot, uploadRequest } from "../support/file-uploads";

const filesRoot = temporaryFilesRoot("portal-files-");
const partialFiles = async () => readdir(path.join(filesRoot(), ".partial")).catch(() => [] as string[]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface Settled {
  status: number;
  headers: Headers;
  reply?: FileActionReply;
  response?: Response;
}

/** What a route function answered, thrown or returned, Response or `data()`. */
async function settle(outcome: Promise<unknown>): Promise<Settled> {
  let result: unknown;
  try {
    result = await outcome;
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, response: thrown };
    throw thrown;
  }
  if (result instanceof Response) {
    const isJson = result.headers.get("Content-Type")?.includes("application/json");
    return { status: result.status, headers: result.headers, response: result, reply: isJson ? ((await result.clone().json()) as FileActionReply) : undefined };
  }
  const data = result as { data: FileActionReply; init: ResponseInit | null };
  return { status: data.init?.status ?? 200, headers: new Headers(data.init?.headers), reply: data.data };
}

const upload = (request: Request, applicationId: string) => settle(uploadAction({ request, params: { applicationId }, context: {} }));
const download = (fileId: string, cookie?: string, method = "GET") =>
  settle(downloadLoader({ request: new Request(`http://portal.test/files/${fileId}`, { method, headers: cookie ? { Cookie: cookie } : {} }), params: { fileId }, context: {} }));
function deleteRequest(fileId: string, cookie: string, fields: Record<string, string>, method = "POST") {
  return settle(
    fileAction({
      request: new Request(`http://portal.test/files/${fileId}`, { method, headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }),
      params: { fileId },
      context: {},
    }),
  );
}

async function uploadAs(world: Awaited<ReturnType<typeof createUploadWorld>>, content: Buffer, name: string, fieldKey = "anlage") {
  const browser = await browserOf(world.ours.coordinator);
  const answer = await upload(
    uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, fieldKey, [{ name, content }], [{ name: "respond", value: "fetcher" }]) }),
    world.application.id,
  );
  expect(answer.reply, JSON.stringify(answer.reply)).toMatchObject({ ok: true });
  return answer.reply!.files[0]!.id;
}

async function bodyOf(settled: Settled): Promise<Buffer> {
  return Buffer.from(await settled.response!.arrayBuffer());
}

describe("uploading through the application's files route", () => {
  it("stores a PDF on the local disk without JavaScript, records it, and sends the browser back to the field", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const content = sample.pdf(50_000);
    const answer = await upload(
      uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "Konzept Ökologie.pdf", content }]) }),
      world.application.id,
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe(`/applications/${world.application.id}?fileMessage=files.uploaded&fileField=anlage#anlage`);
    const [file] = await prisma.storedFile.findMany({ where: { applicationId: world.application.id } });
    expect(file).toMatchObject({
      fieldKey: "anlage",
      storage: "LOCAL",
      originalName: "Konzept Ökologie.pdf",
      contentType: "application/pdf",
      sizeBytes: BigInt(content.length),
      sha256: sha256(content),
      uploadedById: world.ours.coordinator.id,
    });
    expect(file!.storageKey).toMatch(new RegExp(`^applications/${world.application.id}/[0-9a-f-]{36}$`));
    expect((await readFile(path.join(filesRoot(), file!.storageKey))).equals(content)).toBe(true);
    expect(await partialFiles()).toEqual([]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: world.application.id, action: "fileUploaded" } });
    expect(audit).toMatchObject({ actorId: world.ours.coordinator.id, data: { fileId: file!.id, fieldKey: "anlage", kind: "pdf", sizeBytes: content.length } });
  });

  it("answers the page's fetcher with data, and a JSON client with JSON; a collaborator may upload too", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.collaborator);
    const viaFetcher = await upload(
      uploadRequest({
        applicationId: world.application.id,
        cookie: browser.cookie,
        parts: formParts(browser.csrf, "anlage", [{ name: "Antrag.docx", content: sample.docx() }], [{ name: "respond", value: "fetcher" }]),
      }),
      world.application.id,
    );
    expect(viaFetcher.status).toBe(200);
    expect(viaFetcher.reply).toMatchObject({ ok: true, fieldKey: "anlage", messageKey: "files.uploaded", message: "Die Datei wurde hochgeladen.", files: [{ originalName: "Antrag.docx", sizeBytes: sample.docx().length }] });
    const viaJson = await upload(
      uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, "bild", [{ name: "Foto.png", content: sample.png() }]) }),
      world.application.id,
    );
    expect(viaJson.status).toBe(200);
    expect(viaJson.headers.get("Content-Type")).toContain("application/json");
    expect(viaJson.reply).toMatchObject({ ok: true, fieldKey: "bild" });
    const stored = await prisma.storedFile.findMany({ where: { applicationId: world.application.id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((file) => [file.fieldKey, file.contentType])).toEqual([
      ["anlage", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["bild", "image/png"],
    ]);
  });

  it.each([
    ["PNG content named .pdf", "Konzept.pdf", sample.png(), 415, "files.error.notAllowed"],
    ["a program renamed to .pdf", "Antrag.pdf", sample.exe(), 415, "files.error.notAllowed"],
    ["an empty file", "leer.pdf", Buffer.alloc(0), 400, "files.error.empty"],
    ["a truncated Word document", "Antrag.docx", sample.docx().subarray(0, sample.docx().length - 40), 400, "files.error.damaged"],
    ["a Word document named .pdf", "Antrag.pdf", sample.docx(), 415, "files.error.nameMismatch"],
    ["a script", "notiz.pdf", Buffer.from("<script>alert(1)</script>"), 415, "files.error.notAllowed"],
  ])("refuses %s with a clear message and keeps nothing", async (_what, name, content, status, messageKey) => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const answer = await upload(
      uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, "anlage", [{ name, content }]) }),
      world.application.id,
    );
    expect(answer.status).toBe(status);
    expect(answer.reply).toMatchObject({ ok: false, fieldKey: "anlage", messageKey });
    if (messageKey === "files.error.notAllowed") expect(answer.reply!.message).toBe("Diese Datei hat kein erlaubtes Format. Erlaubt: PDF, DOCX. Das Format wird am Inhalt erkannt, nicht am Namen.");
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
    expect(await partialFiles()).toEqual([]);
    expect(await readdir(path.join(filesRoot(), "applications", world.application.id)).catch(() => [])).toEqual([]);
  });

  it("keeps only a safe name: no path, no control characters, the ending of the recognised kind", async () => {
    const world = await createUploadWorld();
    const names = ["..\\..\\windows\\Antrag\u202e final.pdf", "/etc/passwd", '"<Konzept>".pdf', ".versteckt"];
    const stored: string[] = [];
    for (const [index, name] of names.entries()) {
      const fieldKey = index < 2 ? "anlage" : `partner.${index}`;
      const id = await uploadAs(world, sample.pdf(), name, fieldKey);
      stored.push((await prisma.storedFile.findUniqueOrThrow({ where: { id } })).originalName);
    }
    expect(stored).toEqual(["Antrag final.pdf", "passwd.pdf", "__Konzept__.pdf", "versteckt.pdf"]);
  });

  it("refuses a file over the field's limit while it streams: the partial file is gone before the body ends, no row, HTTP 413", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const limit = 1024 * 1024;
    const observed: { sent: number; partial: number; partialBytes: number }[] = [];
    const look = async (sent: number) => {
      const names = await partialFiles();
      const sizes = await Promise.all(names.map((name) => stat(path.join(filesRoot(), ".partial", name)).then((info) => info.size)));
      observed.push({ sent, partial: names.length, partialBytes: sizes.reduce((sum, size) => sum + size, 0) });
    };
    let emptiedAt: number | null = null;
    const request = streamingUploadRequest({
      applicationId: world.application.id,
      cookie: browser.cookie,
      csrf: browser.csrf,
      fieldKey: "anlage",
      filename: "riesig.pdf",
      totalBytes: 3 * limit,
      onProgress: async (sent) => {
        if (sent === limit / 2) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          await look(sent);
        }
        if (sent >= limit + 256 * 1024 && emptiedAt === null) {
          for (let attempt = 0; attempt < 100 && (await partialFiles()).length > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
          if ((await partialFiles()).length === 0) emptiedAt = sent;
        }
      },
    });
    const answer = await settle(uploadAction({ request: new Request(request, { headers: new Headers([...request.headers, ["Accept", "application/json"]]) }), params: { applicationId: world.application.id }, context: {} }));
    expect(answer.status).toBe(413);
    expect(answer.reply).toMatchObject({ ok: false, messageKey: "files.error.tooLarge", message: "Die Datei ist zu groß: Erlaubt sind höchstens 1 MB." });
    // Halfway the file was being written to disk (streamed, not collected in memory) ...
    expect(observed[0]).toMatchObject({ sent: limit / 2, partial: 1 });
    expect(observed[0]!.partialBytes).toBeGreaterThan(0);
    // ... and once the limit was passed it was removed while the rest of the body was still arriving.
    expect(emptiedAt).not.toBeNull();
    expect(emptiedAt!).toBeLessThan(3 * limit);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
  });

  it("answers the fetcher with 413 for an oversize file, and a plain form with a redirect carrying the message", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const big = sample.pdf(1024 * 1024 + 10);
    const viaFetcher = await upload(
      uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "gross.pdf", content: big }], [{ name: "respond", value: "fetcher" }]) }),
      world.application.id,
    );
    expect(viaFetcher).toMatchObject({ status: 413, reply: { ok: false, messageKey: "files.error.tooLarge" } });
    const plain = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "gross.pdf", content: big }]) }), world.application.id);
    expect(plain.status).toBe(303);
    expect(plain.headers.get("Location")).toBe(`/applications/${world.application.id}?fileMessage=files.error.tooLarge&fileField=anlage#anlage`);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
  });

  it("keeps nothing of an upload whose connection breaks off, and answers instead of hanging", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    for (const breakAt of [16 * 1024, 512 * 1024]) {
      const complete = streamingUploadRequest({ applicationId: world.application.id, cookie: browser.cookie, csrf: browser.csrf, fieldKey: "anlage", filename: "a.pdf", totalBytes: 900 * 1024 });
      const reader = complete.body!.getReader();
      let passed = 0;
      const broken = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) return controller.close();
          passed += value.length;
          if (passed > breakAt) return controller.error(new Error("connection reset by peer"));
          controller.enqueue(value);
        },
      });
      const request = new Request(complete.url, { method: "POST", headers: complete.headers, body: broken, duplex: "half" } as RequestInit);
      const result = await receiveUploads({ request, applicationId: world.application.id, user: world.ours.coordinator, now: new Date(), storage: new LocalDiskStorage(filesRoot()) });
      expect(result.refusal, String(breakAt)).toMatchObject({ messageKey: "files.error.malformed", status: 400 });
      expect(result.stored).toEqual([]);
    }
    expect(await partialFiles()).toEqual([]);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
  });

  it("lets only one of two uploads racing for a field's last place in", async () => {
    const world = await createUploadWorld();
    const [first, second] = await Promise.all([browserOf(world.ours.coordinator), browserOf(world.ours.collaborator)]);
    const answers = await Promise.all(
      [first, second].map((browser) =>
        upload(
          uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, "bild", [{ name: "Foto.png", content: sample.png() }]) }),
          world.application.id,
        ),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id, fieldKey: "bild" } })).toBe(1);
    expect(await readdir(path.join(filesRoot(), "applications", world.application.id))).toHaveLength(1);
  });

  it("allows a field's number of files and no more, within one upload and across uploads", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const three = [1, 2, 3].map((number) => ({ name: `Teil ${number}.pdf`, content: sample.pdf(number * 100) }));
    const first = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, "anlage", three) }), world.application.id);
    expect(first.status).toBe(409);
    expect(first.reply).toMatchObject({ ok: false, messageKey: "files.error.tooMany", message: "Für dieses Feld sind höchstens 2 Dateien erlaubt. Löschen Sie zuerst eine Datei.", files: [{ originalName: "Teil 1.pdf" }, { originalName: "Teil 2.pdf" }] });
    const again = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, "anlage", [three[2]!]) }), world.application.id);
    expect(again).toMatchObject({ status: 409, reply: { messageKey: "files.error.tooMany", files: [] } });
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id, fieldKey: "anlage" } })).toBe(2);
    expect(await readdir(path.join(filesRoot(), "applications", world.application.id))).toHaveLength(2);
  });

  it("takes one PDF letter of intent per partner row, and nothing for keys that are not upload places", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const send = (fieldKey: string, name: string, content: Buffer) =>
      upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: formParts(browser.csrf, fieldKey, [{ name, content }]) }), world.application.id);
    expect(await send("partner.0", "Brief.pdf", sample.pdf())).toMatchObject({ status: 200 });
    expect(await send("partner.0", "Brief2.pdf", sample.pdf())).toMatchObject({ status: 409, reply: { messageKey: "files.error.tooMany" } });
    expect(await send("partner.1", "Brief.docx", sample.docx())).toMatchObject({ status: 415, reply: { messageKey: "files.error.notAllowed" } });
    // partner.4: the saved draft has four partner rows, so there is no fifth to attach a letter to.
    for (const fieldKey of ["titel", "partner", "partner.4", "unbekannt", "../anlage", "anlage.0"]) {
      expect(await send(fieldKey, "x.pdf", sample.pdf()), fieldKey).toMatchObject({ status: 400, reply: { messageKey: "files.error.unknownField" } });
    }
    const missingField = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: [{ name: "csrf", value: browser.csrf }, { name: "file", file: { name: "a.pdf", content: sample.pdf() } }] }), world.application.id);
    expect(missingField).toMatchObject({ status: 400, reply: { messageKey: "files.error.unknownField" } });
    const noFile = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, accept: "application/json", parts: [{ name: "csrf", value: browser.csrf }, { name: "fieldKey", value: "anlage" }, { name: "file", file: { name: "", content: Buffer.alloc(0) } }] }), world.application.id);
    expect(noFile).toMatchObject({ status: 400, reply: { messageKey: "files.error.noFile" } });
    expect(await prisma.storedFile.findMany({ where: { applicationId: world.application.id }, select: { fieldKey: true } })).toEqual([{ fieldKey: "partner.0" }]);
  });

  it("refuses a form without the CSRF token, or with another one, with 403 and stores nothing", async () => {
    const world = await createUploadWorld();
    const browser = await browserOf(world.ours.coordinator);
    const file = { name: "file", file: { name: "a.pdf", content: sample.pdf() } };
    const missing = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: [{ name: "fieldKey", value: "anlage" }, file] }), world.application.id);
    expect(missing.status).toBe(403);
    const wrong = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: [{ name: "csrf", value: "x".repeat(43) }, { name: "fieldKey", value: "anlage" }, file] }), world.application.id);
    expect(wrong.status).toBe(403);
    // A token sent after the file cannot protect it: the file would already be stored.
    const late = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: [{ name: "fieldKey", value: "anlage" }, file, { name: "csrf", value: browser.csrf }] }), world.application.id);
    expect(late.status).toBe(403);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
    // The query string may carry token and field (for clients that cannot order their parts).
    const viaQuery = await upload(
      uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, query: `?csrf=${browser.csrf}&fieldKey=anlage`, accept: "application/json", parts: [file] }),
      world.application.id,
    );
    expect(viaQuery).toMatchObject({ status: 200, reply: { ok: true, fieldKey: "anlage" } });
  });

  it("hides another network's application (404), refuses managers and jurors (404), and sends anonymous visitors to the login", async () => {
    const world = await createUploadWorld();
    const juror = await createPerson("JUROR");
    const admin = await createPerson("ADMIN");
    for (const person of [world.theirs.coordinator, world.manager, juror, admin]) {
      const browser = await browserOf(person);
      const answer = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "a.pdf", content: sample.pdf() }]) }), world.application.id);
      expect(answer.status, person.role).toBe(404);
    }
    const browser = await browserOf(world.ours.coordinator);
    const guessed = await upload(uploadRequest({ applicationId: "cl0000000000000000000000", cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "a.pdf", content: sample.pdf() }]) }), "cl0000000000000000000000");
    expect(guessed.status).toBe(404);
    const anonymous = await upload(uploadRequest({ applicationId: world.application.id, parts: formParts("x", "anlage", [{ name: "a.pdf", content: sample.pdf() }]) }), world.application.id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/applications/${world.application.id}/files`)}`);
    expect(await prisma.storedFile.count()).toBe(await prisma.storedFile.count({ where: { application: { networkId: { not: world.ours.network.id } } } }));
  });

  it("sends a plain GET of the route back to the application page", async () => {
    const answer = await settle(Promise.resolve(uploadsLoader({ request: new Request("http://portal.test/applications/abc/files"), params: { applicationId: "abc" }, context: {} })));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/applications/abc");
  });
});

describe("when uploads are allowed", () => {
  async function tryUpload(world: Awaited<ReturnType<typeof createUploadWorld>>, now: Date) {
    const browser = await browserOf(world.ours.coordinator);
    const request = uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "a.pdf", content: sample.pdf() }]) });
    return receiveUploads({ request, applicationId: world.application.id, user: world.ours.coordinator, now, storage: new LocalDiskStorage(filesRoot()) });
  }

  it("until one second before the deadline, not at it or after", async () => {
    const closesAt = new Date("2026-03-29T10:00:00Z");
    const world = await createUploadWorld({ opensAt: new Date("2026-03-01T00:00:00Z"), closesAt });
    const before = await tryUpload(world, new Date(closesAt.getTime() - 1000));
    expect(before.refusal).toBeNull();
    expect(before.stored).toHaveLength(1);
    const at = await tryUpload(world, closesAt);
    expect(at.refusal).toMatchObject({ messageKey: "files.error.closed", status: 409 });
    const after = await tryUpload(world, new Date(closesAt.getTime() + 1000));
    expect(after.refusal).toMatchObject({ messageKey: "files.error.closed" });
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(1);
  });

  it("until the individual extension, when the manager granted one", async () => {
    const closesAt = new Date("2026-10-25T09:00:00Z");
    const world = await createUploadWorld({ opensAt: new Date("2026-10-01T00:00:00Z"), closesAt });
    await prisma.application.update({ where: { id: world.application.id }, data: { deadlineExtendedUntil: new Date(closesAt.getTime() + 3_600_000), extensionReason: "Krankheit" } });
    expect((await tryUpload(world, new Date(closesAt.getTime() + 1_800_000))).refusal).toBeNull();
    expect((await tryUpload(world, new Date(closesAt.getTime() + 3_600_000))).refusal).toMatchObject({ messageKey: "files.error.closed" });
  });

  it("not before the stage opens, and not once the application is submitted", async () => {
    const world = await createUploadWorld({ opensAt: new Date("2027-01-01T00:00:00Z"), closesAt: new Date("2027-02-01T00:00:00Z") });
    expect((await tryUpload(world, new Date("2026-12-31T23:59:59Z"))).refusal).toMatchObject({ messageKey: "files.error.notOpen" });
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "submitted" } });
    expect((await tryUpload(world, new Date("2027-01-15T00:00:00Z"))).refusal).toMatchObject({ messageKey: "files.error.notDraft", status: 409 });
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
  });

  it("refuses an upload after the deadline through the route, with the message on the page", async () => {
    const world = await createUploadWorld({ opensAt: new Date(Date.now() - 2 * 86_400_000), closesAt: new Date(Date.now() - 1000) });
    const browser = await browserOf(world.ours.coordinator);
    const answer = await upload(uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "a.pdf", content: sample.pdf() }]) }), world.application.id);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe(`/applications/${world.application.id}?fileMessage=files.error.closed&fileField=anlage#anlage`);
    expect(await prisma.storedFile.count({ where: { applicationId: world.application.id } })).toBe(0);
  });
});

describe("downloading", () => {
  it("streams the file as a download with the recognised type to the network's people", async () => {
    const world = await createUploadWorld();
    const content = sample.docx();
    const fileId = await uploadAs(world, content, "Antrag für Köln.docx");
    for (const person of [world.ours.coordinator, world.ours.collaborator]) {
      const answer = await download(fileId, (await browserOf(person)).cookie);
      expect(answer.status).toBe(200);
      expect(Object.fromEntries(answer.headers)).toMatchObject({
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-length": String(content.length),
        "content-disposition": `attachment; filename="Antrag fur Koln.docx"; filename*=UTF-8''Antrag%20f%C3%BCr%20K%C3%B6ln.docx`,
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, no-store",
      });
      expect((await bodyOf(answer)).equals(content)).toBe(true);
    }
    const head = await download(fileId, (await browserOf(world.ours.coordinator)).cookie, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(content.length));
    expect(head.response!.body).toBeNull();
  });

  it("gives 404 to another network's coordinator guessing the file id, to managers of other programmes, to strangers", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    const stateCoordinator = await createPerson("STATE_COORDINATOR");
    for (const person of [world.theirs.coordinator, world.theirs.collaborator, world.otherManager, stateCoordinator]) {
      expect((await download(fileId, (await browserOf(person)).cookie)).status, person.role).toBe(404);
    }
    expect((await download("cl0000000000000000000000", (await browserOf(world.ours.coordinator)).cookie)).status).toBe(404);
    await prisma.applicationShare.create({ data: { applicationId: world.application.id, sharedWithUserId: stateCoordinator.id } });
    expect((await download(fileId, (await browserOf(stateCoordinator)).cookie)).status).toBe(200);
  });

  it("lets the manager of the call's programme download once the application is submitted, and an administrator", async () => {
    const world = await createUploadWorld();
    const content = sample.pdf(10_000);
    const fileId = await uploadAs(world, content, "a.pdf");
    expect((await download(fileId, (await browserOf(world.manager)).cookie)).status).toBe(404); // still the network's draft
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "submitted" } });
    for (const person of [world.manager, await createPerson("ADMIN")]) {
      const answer = await download(fileId, (await browserOf(person)).cookie);
      expect(answer.status, person.role).toBe(200);
      expect((await bodyOf(answer)).equals(content)).toBe(true);
    }
  });

  it("lets jurors download only from submitted applications assigned to them and free of conflict", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    const [assigned, unassigned, conflicted] = await Promise.all([createPerson("JUROR"), createPerson("JUROR"), createPerson("JUROR")]);
    for (const juror of [assigned, conflicted]) {
      await prisma.reviewAssignment.create({ data: { applicationId: world.application.id, jurorId: juror.id, assignedById: world.manager.id, releasedAt: new Date() } });
    }
    await prisma.conflict.create({ data: { applicationId: world.application.id, jurorId: conflicted.id, source: "DECLARED", status: "DECLARED", reason: "Mitglied im Netzwerk" } });
    expect((await download(fileId, (await browserOf(assigned)).cookie)).status).toBe(404); // still a draft
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "inReview" } });
    expect((await download(fileId, (await browserOf(assigned)).cookie)).status).toBe(200);
    expect((await download(fileId, (await browserOf(unassigned)).cookie)).status).toBe(404);
    expect((await download(fileId, (await browserOf(conflicted)).cookie)).status).toBe(404);
  });

  it("sends anonymous visitors to the login", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    const answer = await download(fileId);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/files/${fileId}`)}`);
  });

  it("answers 404, not an error page, when the stored bytes have gone missing", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    await storageOf("LOCAL").delete(file.storageKey);
    expect((await download(fileId, (await browserOf(world.ours.coordinator)).cookie)).status).toBe(404);
  });
});

describe("listing and deleting", () => {
  it("lists the current files by field for readers only", async () => {
    const world = await createUploadWorld();
    const first = await uploadAs(world, sample.pdf(), "Konzept.pdf");
    const letter = await uploadAs(world, sample.pdf(), "Brief.pdf", "partner.0");
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "submitted" } });
    const listed = await listApplicationFiles(world.application.id, world.manager);
    expect(Object.keys(listed).sort()).toEqual(["anlage", "partner.0"]);
    expect(listed.anlage).toEqual([expect.objectContaining({ id: first, originalName: "Konzept.pdf", contentType: "application/pdf", sizeBytes: sample.pdf().length })]);
    expect(listed["partner.0"]![0]!.id).toBe(letter);
    await expect(listApplicationFiles(world.application.id, world.theirs.coordinator)).rejects.toMatchObject({ status: 404 });
  });

  it("deletes a draft's file for the network's people (row and bytes), redirecting back to the field", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    const { storageKey } = await prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    const browser = await browserOf(world.ours.collaborator);
    const answer = await deleteRequest(fileId, browser.cookie, { csrf: browser.csrf, intent: "delete" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe(`/applications/${world.application.id}?fileMessage=files.deleted&fileField=anlage#anlage`);
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(0);
    await expect(stat(path.join(filesRoot(), storageKey))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await prisma.auditEvent.count({ where: { entityId: world.application.id, action: "fileDeleted" } })).toBe(1);
  });

  it("deletes with the DELETE method from a fetcher, answering with data", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    const browser = await browserOf(world.ours.coordinator);
    const answer = await deleteRequest(fileId, browser.cookie, { csrf: browser.csrf, respond: "fetcher" }, "DELETE");
    expect(answer).toMatchObject({ status: 200, reply: { ok: true, fieldKey: "anlage", messageKey: "files.deleted" } });
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(0);
  });

  it("refuses deletion by anyone outside the network (404), without the token (403), or without the intent (400)", async () => {
    const world = await createUploadWorld();
    const fileId = await uploadAs(world, sample.pdf(), "a.pdf");
    for (const person of [world.theirs.coordinator, world.manager, await createPerson("ADMIN")]) {
      const browser = await browserOf(person);
      expect((await deleteRequest(fileId, browser.cookie, { csrf: browser.csrf, intent: "delete" })).status, person.role).toBe(404);
    }
    const browser = await browserOf(world.ours.coordinator);
    expect((await deleteRequest(fileId, browser.cookie, { intent: "delete" })).status).toBe(403);
    expect((await deleteRequest(fileId, browser.cookie, { csrf: browser.csrf })).status).toBe(400);
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(1);
  });

  it("refuses deletion after the deadline and from a submitted application", async () => {
    const closesAt = new Date("2026-05-01T10:00:00Z");
    const world = await createUploadWorld({ opensAt: new Date("2026-04-01T00:00:00Z"), closesAt });
    const browser = await browserOf(world.ours.coordinator);
    const uploaded = await receiveUploads({
      request: uploadRequest({ applicationId: world.application.id, cookie: browser.cookie, parts: formParts(browser.csrf, "anlage", [{ name: "a.pdf", content: sample.pdf() }]) }),
      applicationId: world.application.id,
      user: world.ours.coordinator,
      now: new Date("2026-04-15T00:00:00Z"),
    });
    const fileId = uploaded.stored[0]!.id;
    const late = await deleteApplicationFile({ fileId, user: world.ours.coordinator, now: closesAt });
    expect(late.refusal).toMatchObject({ messageKey: "files.error.closed" });
    await prisma.application.update({ where: { id: world.application.id }, data: { state: "submitted" } });
    const submitted = await deleteApplicationFile({ fileId, user: world.ours.coordinator, now: new Date("2026-04-20T00:00:00Z") });
    expect(submitted.refusal).toMatchObject({ messageKey: "files.error.notDraft" });
    const viaRoute = await deleteRequest(fileId, browser.cookie, { csrf: browser.csrf, intent: "delete" });
    expect(viaRoute.headers.get("Location")).toBe(`/applications/${world.application.id}?fileMessage=files.error.closed&fileField=anlage#anlage`);
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(1);
  });

  it("keeps a file a submitted version points to: off the draft, still stored and readable", async () => {
    const world = await createUploadWorld();
    const content = sample.pdf(3000);
    const fileId = await uploadAs(world, content, "a.pdf");
    await prisma.applicationVersion.create({
      data: { applicationId: world.application.id, number: 1, answers: { fields: { anlage: [fileId] } }, receiptNumber: `R-${world.tag}`, submittedAt: new Date(), submittedById: world.ours.coordinator.id },
    });
    const outcome = await deleteApplicationFile({ fileId, user: world.ours.coordinator, now: new Date() });
    expect(outcome.refusal).toBeNull();
    expect(await prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } })).toMatchObject({ fieldKey: null });
    expect(await listApplicationFiles(world.application.id, world.ours.coordinator)).toEqual({});
    const opened = await openApplicationFile(fileId, world.ours.coordinator);
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    // Taken off the draft, it can no longer be deleted from it.
    await expect(deleteApplicationFile({ fileId, user: world.ours.coordinator, now: new Date() })).rejects.toMatchObject({ status: 404 });
  });
});

describe("removing a partner row", () => {
  const rows = ["Gymnasium am Markt", "Stadtwerke", "Hochschule", "Kita Sonnenschein"].map((name) => ({ name, type: "OTHER" as const, role: "" }));
  const draft = (partners = rows): DraftInput => ({ answers: { eligibility: {}, fields: { partner: partners, titel: "Projekt" } }, conditionAnswers: [], fieldsShown: true });
  const removeRow = (world: Awaited<ReturnType<typeof createUploadWorld>>, baseRevision: number, row: number) =>
    saveDraft(world.ours.coordinator, { applicationId: world.application.id, baseRevision, draft: draft(), rowChange: { kind: "removePartner", fieldKey: "partner", row }, rowChangeConfirmed: true }, new Date());
  const storedLetter = (fileId: string) => prisma.storedFile.findUnique({ where: { id: fileId }, select: { fieldKey: true, storageKey: true } });

  it("deletes the row's letter of intent, row and bytes, and moves the letters below up with their rows", async () => {
    const world = await createUploadWorld();
    const letters = [];
    for (const row of [0, 1, 2]) letters.push(await uploadAs(world, sample.pdf(1000 + row), `Brief ${row}.pdf`, `partner.${row}`));
    const removedKey = (await storedLetter(letters[1]!))!.storageKey;
    await removeRow(world, 0, 1);
    expect(await storedLetter(letters[1]!)).toBeNull();
    await expect(stat(path.join(filesRoot(), removedKey))).rejects.toMatchObject({ code: "ENOENT" });
    expect((await storedLetter(letters[0]!))?.fieldKey).toBe("partner.0");
    expect((await storedLetter(letters[2]!))?.fieldKey).toBe("partner.1");
    await stat(path.join(filesRoot(), (await storedLetter(letters[2]!))!.storageKey));
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: world.application.id, action: "fileDeleted" } })).toMatchObject({
      actorId: world.ours.coordinator.id,
      data: { fileId: letters[1], fieldKey: "partner.1", kept: false },
    });
    expect(Object.keys(await listApplicationFiles(world.application.id, world.ours.coordinator)).sort()).toEqual(["partner.0", "partner.1"]);
  });

  it("keeps a removed row's letter that a submitted version points to: off the draft, still stored", async () => {
    const world = await createUploadWorld();
    const letter = await uploadAs(world, sample.pdf(), "Brief.pdf", "partner.0");
    await prisma.applicationVersion.create({
      data: { applicationId: world.application.id, number: 1, answers: { fields: { partner: [{ ...rows[0], letterFileId: letter }] } }, receiptNumber: `R-${world.tag}`, submittedAt: new Date(), submittedById: world.ours.coordinator.id },
    });
    await removeRow(world, 0, 0);
    const kept = await storedLetter(letter);
    expect(kept?.fieldKey).toBeNull();
    await stat(path.join(filesRoot(), kept!.storageKey));
  });

  it("changes no file when the save is refused as stale", async () => {
    const world = await createUploadWorld();
    const letter = await uploadAs(world, sample.pdf(), "Brief.pdf", "partner.0");
    await prisma.application.update({ where: { id: world.application.id }, data: { answersRevision: 5 } });
    await expect(removeRow(world, 4, 0)).rejects.toMatchObject({ status: 409 });
    expect((await storedLetter(letter))?.fieldKey).toBe("partner.0");
  });
});

