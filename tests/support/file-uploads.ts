import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { prisma } from "../../app/server/db.server";
import { startSession } from "../../app/server/accounts/session.server";
import { newToken } from "../../app/server/crypto.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "./accounts";
import { sample } from "./sample-files";

/**
 * A call with an open stage whose form has upload fields, two networks with a draft each, and the
 * people around them: what the file tests act on.
 */

export const uploadForm = {
  eligibility: [],
  sections: [
    {
      key: "anlagen",
      titleDe: "Anlagen",
      titleEn: "Attachments",
      fields: [
        { key: "anlage", type: "file", labelDe: "Konzept", labelEn: "Concept", required: true, accept: ["pdf", "docx"], maxSizeMb: 1, maxFiles: 2 },
        { key: "bild", type: "file", labelDe: "Foto", labelEn: "Photo", required: false, accept: ["png", "jpeg"], maxSizeMb: 1, maxFiles: 1 },
        { key: "partner", type: "partners", labelDe: "Partner", labelEn: "Partners", required: false, requireLetterOfIntent: true },
        { key: "titel", type: "shortText", labelDe: "Titel", labelEn: "Title", required: true, maxLength: 200 },
      ],
    },
  ],
};

/**
 * Points DATA_DIR at a fresh temporary folder for the test file (so local-disk uploads land there)
 * and removes it afterwards; returns where stored files appear.
 */
export function temporaryFilesRoot(prefix: string): () => string {
  const previous = process.env.DATA_DIR;
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    process.env.DATA_DIR = dataDir;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    await rm(dataDir, { recursive: true, force: true });
  });
  return () => path.join(dataDir, "files");
}

let worldCounter = 0;

export async function createNetworkWithPeople(name: string) {
  const network = await prisma.network.create({ data: { name, bundesland: "BW", region: "Freiburg" } });
  const coordinator = await createPerson("APPLICANT");
  const collaborator = await createPerson("APPLICANT");
  await prisma.networkMembership.createMany({
    data: [
      { userId: coordinator.id, networkId: network.id, role: "COORDINATOR" },
      { userId: collaborator.id, networkId: network.id, role: "COLLABORATOR" },
    ],
  });
  return { network, coordinator, collaborator };
}

export async function createUploadWorld(options: { opensAt?: Date; closesAt?: Date; form?: unknown } = {}) {
  worldCounter += 1;
  const tag = `${worldCounter}-${randomBytes(3).toString("hex")}`;
  const now = new Date();
  const manager = await createPerson("MANAGER");
  const otherManager = await createPerson("MANAGER");
  const programme = await prisma.programme.create({ data: { slug: `files-${tag}`, name: `Programm ${tag}`, funder: "Stiftung", managers: { create: { userId: manager.id } } } });
  await prisma.programme.create({ data: { slug: `other-${tag}`, name: `Anderes ${tag}`, funder: "Ministerium", managers: { create: { userId: otherManager.id } } } });
  const call = await prisma.call.create({
    data: { programmeId: programme.id, slug: `call-${tag}`, title: `Ausschreibung ${tag}`, funder: "Stiftung", awardType: "MONEY", status: "PUBLISHED", publishedAt: now },
  });
  const stage = await prisma.callStage.create({
    data: {
      callId: call.id,
      position: 1,
      kind: "SINGLE",
      opensAt: options.opensAt ?? new Date(now.getTime() - 86_400_000),
      closesAt: options.closesAt ?? new Date(now.getTime() + 86_400_000),
      form: { create: { definition: (options.form ?? uploadForm) as object, publishedAt: now } },
    },
  });
  const ours = await createNetworkWithPeople(`Netz A ${tag}`);
  const theirs = await createNetworkWithPeople(`Netz B ${tag}`);
  const partners = ["Gymnasium am Markt", "Stadtwerke", "Hochschule", "Kita Sonnenschein"].map((name) => ({ name, type: "OTHER", role: "" }));
  const application = await prisma.application.create({
    data: { callId: call.id, stageId: stage.id, networkId: ours.network.id, createdById: ours.coordinator.id, answers: { fields: { partner: partners } } },
  });
  const otherApplication = await prisma.application.create({ data: { callId: call.id, stageId: stage.id, networkId: theirs.network.id, createdById: theirs.coordinator.id } });
  return { tag, manager, otherManager, programme, call, stage, ours, theirs, application, otherApplication };
}

/** The cookies of a logged-in browser: a real session and a CSRF token; `csrf` is what its forms send. */
export async function browserOf(user: CurrentUser): Promise<{ cookie: string; csrf: string }> {
  const session = (await startSession(user.id, "vitest")).split(";")[0]!;
  const csrf = newToken();
  return { cookie: `${session}; portal_csrf=${csrf}`, csrf };
}

export interface UploadPart {
  name: string;
  value?: string;
  file?: { name: string; content: Buffer; type?: string };
}

export function uploadRequest(input: { applicationId: string; cookie?: string; parts: UploadPart[]; query?: string; accept?: string }): Request {
  const form = new FormData();
  for (const part of input.parts) {
    if (part.file) form.append(part.name, new File([new Uint8Array(part.file.content)], part.file.name, { type: part.file.type ?? "application/octet-stream" }));
    else form.append(part.name, part.value ?? "");
  }
  const headers: Record<string, string> = {};
  if (input.cookie) headers.Cookie = input.cookie;
  if (input.accept) headers.Accept = input.accept;
  return new Request(`http://portal.test/applications/${input.applicationId}/files${input.query ?? ""}`, { method: "POST", headers, body: form });
}

/** The usual upload form: token, field, then the files. */
export function formParts(csrf: string, fieldKey: string, files: { name: string; content: Buffer }[], extra: UploadPart[] = []): UploadPart[] {
  return [{ name: "csrf", value: csrf }, { name: "fieldKey", value: fieldKey }, ...extra, ...files.map((file) => ({ name: "file", file }))];
}

/**
 * An upload whose file is generated while the body is being read: a PDF of `totalBytes`, sent in
 * 64 KiB chunks; `onProgress` runs before each chunk with the file bytes sent so far.
 */
export function streamingUploadRequest(input: {
  applicationId: string;
  cookie: string;
  csrf: string;
  fieldKey: string;
  filename: string;
  totalBytes: number;
  onProgress?: (sentBytes: number) => Promise<void>;
}): Request {
  const boundary = `----portal${randomBytes(8).toString("hex")}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    `${field("csrf", input.csrf)}${field("fieldKey", input.fieldKey)}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunkBytes = 64 * 1024;
  const firstChunk = Buffer.concat([sample.pdf(0), Buffer.alloc(chunkBytes, 0x41)]).subarray(0, chunkBytes);
  const filler = Buffer.alloc(chunkBytes, 0x41);
  let sent = 0;
  let headSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headSent) {
        headSent = true;
        controller.enqueue(head);
        return;
      }
      if (sent < input.totalBytes) {
        await input.onProgress?.(sent);
        const size = Math.min(chunkBytes, input.totalBytes - sent);
        controller.enqueue((sent === 0 ? firstChunk : filler).subarray(0, size));
        sent += size;
        return;
      }
      controller.enqueue(tail);
      controller.close();
    },
  });
  return new Request(`http://portal.test/applications/${input.applicationId}/files`, {
    method: "POST",
    headers: { Cookie: input.cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
}
