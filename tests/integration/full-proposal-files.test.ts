import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { createFullProposal } from "../../app/server/decisions/full-proposal.server";
import { applicationForPage, saveDraft } from "../../app/server/applications/applications.server";
import { receiveUploads } from "../../app/server/files/uploads.server";
import { deleteApplicationFile, openApplicationFile, releaseStoredObjects } from "../../app/server/files/application-files.server";
import type { Answers } from "../../app/forms/answers";
import { createPerson } from "../support/accounts";
import { sample } from "../support/sample-files";
import { browserOf, createNetworkWithPeople, formParts, temporaryFilesRoot, uploadRequest } from "../support/file-uploads";

/**
 * Inviting an outline to the full proposal carries its files along where the full proposal's form
 * has a place for them: the new rows name the outline's stored bytes, which stay as long as either
 * application still names them.
 */

const filesRoot = temporaryFilesRoot("portal-carry-");

const WRITING_OUTLINE = new Date("2026-04-15T10:00:00Z");
const INVITING = new Date("2026-05-20T10:00:00Z");
const WRITING_FULL = new Date("2026-06-15T10:00:00Z");
const MEBIBYTE = 1024 * 1024;

const section = (fields: object[]) => ({ eligibility: [], sections: [{ key: "antrag", titleDe: "Antrag", titleEn: "Application", fields }] });
const file = (key: string, limits: { accept: string[]; maxSizeMb: number; maxFiles: number }) => ({ key, type: "file", labelDe: key, labelEn: key, required: false, ...limits });
const partners = { key: "partner", type: "partners", labelDe: "Partner", labelEn: "Partners", required: false, requireLetterOfIntent: true };
const shortText = (key: string) => ({ key, type: "shortText", labelDe: key, labelEn: key, required: false, maxLength: 200 });

const outlineForm = section([
  file("konzept", { accept: ["pdf", "docx"], maxSizeMb: 2, maxFiles: 3 }),
  file("foto", { accept: ["png"], maxSizeMb: 1, maxFiles: 1 }),
  file("anhang", { accept: ["pdf"], maxSizeMb: 2, maxFiles: 1 }),
  file("tabelle", { accept: ["xlsx"], maxSizeMb: 1, maxFiles: 1 }),
  partners,
  shortText("titel"),
]);
// konzept: PDF only and one file; foto: more kinds; anhang: smaller; tabelle: now a text; partner: same.
const fullForm = section([
  file("konzept", { accept: ["pdf"], maxSizeMb: 1, maxFiles: 1 }),
  file("foto", { accept: ["png", "jpeg"], maxSizeMb: 1, maxFiles: 1 }),
  file("anhang", { accept: ["pdf"], maxSizeMb: 1, maxFiles: 1 }),
  shortText("tabelle"),
  partners,
  shortText("titel"),
]);

let counter = 0;

async function twoStageWorld() {
  counter += 1;
  const manager = await createPerson("MANAGER");
  const programme = await prisma.programme.create({ data: { slug: `carry-${counter}`, name: `Programm ${counter}`, funder: "BMFTR", managers: { create: { userId: manager.id } } } });
  const call = await prisma.call.create({
    data: { programmeId: programme.id, slug: `carry-call-${counter}`, title: `MINT-Cluster ${counter}`, funder: "BMFTR", awardType: "MONEY", status: "PUBLISHED", publishedAt: new Date("2026-03-01T00:00:00Z") },
  });
  const stage = (position: number, kind: "OUTLINE" | "FULL_PROPOSAL", opensAt: string, closesAt: string, definition: object) =>
    prisma.callStage.create({
      data: { callId: call.id, position, kind, opensAt: new Date(opensAt), closesAt: new Date(closesAt), form: { create: { definition, publishedAt: new Date("2026-03-01T00:00:00Z") } } },
    });
  const outlineStage = await stage(1, "OUTLINE", "2026-04-01T00:00:00Z", "2026-05-01T10:00:00Z", outlineForm);
  await stage(2, "FULL_PROPOSAL", "2026-06-01T00:00:00Z", "2026-09-01T10:00:00Z", fullForm);
  const ours = await createNetworkWithPeople(`Cluster A ${counter}`);
  const theirs = await createNetworkWithPeople(`Cluster B ${counter}`);
  const partnerRows = ["Gymnasium am Markt", "Stadtwerke", "Hochschule"].map((name) => ({ name, type: "OTHER", role: "" }));
  const outline = await prisma.application.create({
    data: { callId: call.id, stageId: outlineStage.id, networkId: ours.network.id, createdById: ours.coordinator.id, answers: { fields: { partner: partnerRows, titel: "Cluster Nord" } } },
  });
  return { manager, ours, theirs, outline };
}

type World = Awaited<ReturnType<typeof twoStageWorld>>;

async function uploadToOutline(world: World, fieldKey: string, name: string, content: Buffer): Promise<string> {
  const browser = await browserOf(world.ours.coordinator);
  const result = await receiveUploads({
    request: uploadRequest({ applicationId: world.outline.id, cookie: browser.cookie, parts: formParts(browser.csrf, fieldKey, [{ name, content }]) }),
    applicationId: world.outline.id,
    user: world.ours.coordinator,
    now: WRITING_OUTLINE,
  });
  expect(result.refusal, `${fieldKey} ${name}`).toBeNull();
  return result.stored[0]!.id;
}

/** The outline's invitation, as its release leaves the outline and creates the full proposal. */
async function invite(world: World): Promise<string> {
  await prisma.application.update({
    where: { id: world.outline.id },
    data: { state: "invitedToNextStage", snapshot: { value: "invitedToNextStage", context: { submissions: 1, ineligibleReason: null } }, version: 5, submittedAt: new Date("2026-04-30T10:00:00Z") },
  });
  const { fullProposalId } = await prisma.$transaction((tx) => createFullProposal(tx, { outlineId: world.outline.id, conditions: [], actorId: world.manager.id, now: INVITING }));
  return fullProposalId;
}

async function bytesOf(fileId: string, user: World["ours"]["coordinator"]): Promise<Buffer> {
  const opened = await openApplicationFile(fileId, user);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const onDisk = (storageKey: string) => path.join(filesRoot(), storageKey);

describe("carrying files into the full proposal", () => {
  it("carries the files that fit the full proposal's fields and the partner rows' letters, naming the same stored bytes", async () => {
    const world = await twoStageWorld();
    await uploadToOutline(world, "konzept", "Konzept.docx", sample.docx());
    const firstPdf = await uploadToOutline(world, "konzept", "Konzept.pdf", sample.pdf(4000));
    await uploadToOutline(world, "konzept", "Konzept 2.pdf", sample.pdf(5000));
    const photo = await uploadToOutline(world, "foto", "Team.png", sample.png());
    await uploadToOutline(world, "anhang", "Gross.pdf", sample.pdf(1.5 * MEBIBYTE));
    await uploadToOutline(world, "tabelle", "Zahlen.xlsx", sample.xlsx());
    const letters = [await uploadToOutline(world, "partner.0", "Brief Gymnasium.pdf", sample.pdf(1000)), await uploadToOutline(world, "partner.1", "Brief Stadtwerke.pdf", sample.pdf(1100))];

    const fullProposalId = await invite(world);

    const outlineFiles = await prisma.storedFile.findMany({ where: { applicationId: world.outline.id } });
    const carried = await prisma.storedFile.findMany({ where: { applicationId: fullProposalId }, orderBy: { fieldKey: "asc" } });
    // Not carried: the Word file (the full proposal takes PDF only), the second PDF (one file only),
    // the 1.5 MB attachment (1 MB there) and the spreadsheet (a text field there).
    expect(carried.map((copy) => copy.fieldKey)).toEqual(["foto", "konzept", "partner.0", "partner.1"]);
    const source = new Map([
      ["foto", photo],
      ["konzept", firstPdf],
      ["partner.0", letters[0]],
      ["partner.1", letters[1]],
    ]);
    for (const copy of carried) {
      const original = outlineFiles.find((candidate) => candidate.id === source.get(copy.fieldKey!))!;
      const { id: _originalId, applicationId: _outlineId, ...sameFacts } = original;
      expect(copy).toMatchObject(sameFacts);
      expect(copy.id).not.toBe(original.id);
      expect((await bytesOf(copy.id, world.ours.collaborator)).equals(await readFile(onDisk(original.storageKey)))).toBe(true);
    }
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: fullProposalId, action: "CREATE_FROM_INVITATION" } });
    expect((audit.data as { carriedFiles: { fromFileId: string }[] }).carriedFiles.map((pair) => pair.fromFileId).sort()).toEqual([...source.values()].sort());

    // The full proposal's page counts the letters as given and lists the files under their fields.
    const page = await applicationForPage(world.ours.coordinator, fullProposalId, WRITING_FULL);
    expect(page.checklist.filter((item) => item.kind === "field" && item.fieldKey === "partner")).toEqual([
      expect.objectContaining({ problem: "letterMissing", detail: { count: 1 } }),
    ]);
    expect(page.files.map((entry) => entry.fieldKey).sort()).toEqual(["foto", "konzept", "partner.0", "partner.1"]);
    expect((page.answers as Answers).fields?.partner).toHaveLength(3);

    // Another network's coordinator guessing a carried file's id gets a 404.
    await expect(openApplicationFile(carried[0]!.id, world.theirs.coordinator)).rejects.toMatchObject({ status: 404 });
  });

  it("keeps the shared bytes while the other application still names them, and deletes them with the last row", async () => {
    const world = await twoStageWorld();
    const content = sample.pdf(3000);
    const concept = await uploadToOutline(world, "konzept", "Konzept.pdf", content);
    const letter = await uploadToOutline(world, "partner.0", "Brief.pdf", sample.pdf(1200));
    const fullProposalId = await invite(world);
    const copyOf = async (fieldKey: string) => (await prisma.storedFile.findFirstOrThrow({ where: { applicationId: fullProposalId, fieldKey } })).id;
    const conceptKey = (await prisma.storedFile.findUniqueOrThrow({ where: { id: concept } })).storageKey;
    const letterKey = (await prisma.storedFile.findUniqueOrThrow({ where: { id: letter } })).storageKey;

    // The network deletes the carried concept from its full proposal: the outline keeps it.
    const deleted = await deleteApplicationFile({ fileId: await copyOf("konzept"), user: world.ours.coordinator, now: WRITING_FULL });
    expect(deleted.refusal).toBeNull();
    expect(await prisma.storedFile.count({ where: { applicationId: fullProposalId, fieldKey: "konzept" } })).toBe(0);
    await stat(onDisk(conceptKey));
    expect((await bytesOf(concept, world.manager)).equals(content)).toBe(true);

    // It removes the first partner row: its carried letter goes, the outline's stays.
    const full = await prisma.application.findUniqueOrThrow({ where: { id: fullProposalId } });
    const draft = { answers: full.answers as Answers, conditionAnswers: [], fieldsShown: true };
    await saveDraft(world.ours.coordinator, { applicationId: fullProposalId, baseRevision: full.answersRevision, draft, rowChange: { kind: "removePartner", fieldKey: "partner", row: 0 }, rowChangeConfirmed: true }, WRITING_FULL);
    expect(await prisma.storedFile.count({ where: { applicationId: fullProposalId } })).toBe(0);
    await stat(onDisk(letterKey));
    expect(await prisma.storedFile.count({ where: { id: letter, fieldKey: "partner.0" } })).toBe(1);

    // Once no row names the bytes any more, releasing them deletes them.
    await prisma.storedFile.delete({ where: { id: concept } });
    await releaseStoredObjects([{ storage: "LOCAL", storageKey: conceptKey }]);
    await expect(stat(onDisk(conceptKey))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("carries nothing when the full proposal's form has no place for the files", async () => {
    const world = await twoStageWorld();
    await uploadToOutline(world, "tabelle", "Zahlen.xlsx", sample.xlsx());
    await prisma.application.update({ where: { id: world.outline.id }, data: { answers: { fields: { titel: "Ohne Partner" } } } });
    // A letter whose row is gone from the answers has nowhere to go either.
    await prisma.storedFile.create({
      data: { applicationId: world.outline.id, fieldKey: "partner.0", storage: "LOCAL", storageKey: `applications/${world.outline.id}/verwaist`, originalName: "Brief.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), uploadedById: world.ours.coordinator.id },
    });
    const fullProposalId = await invite(world);
    expect(await prisma.storedFile.count({ where: { applicationId: fullProposalId } })).toBe(0);
  });
});
