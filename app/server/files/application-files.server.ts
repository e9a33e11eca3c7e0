import type { Readable } from "node:stream";
import { prisma, type Transaction } from "../db.server";
import { editableApplications, readableApplications } from "../applications/access.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { storageOf } from "./storage.server";
import type { FileStorage as FileStorageKind } from "~/generated/prisma/enums";
import type { MessageKey } from "~/i18n";

type Person = Pick<CurrentUser, "id" | "role">;

/** A refusal whose message needs numbers or names (the limit, the allowed kinds). */
export class FileRefusedError extends RefusedError {
  constructor(
    messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    status = 409,
  ) {
    super(messageKey, { status });
  }
}

/** What a network may change about its application's files, and until when. */
export interface FilesTarget {
  id: string;
  state: string;
  answers: unknown;
  deadlineExtendedUntil: Date | null;
  stage: { opensAt: Date; closesAt: Date; form: { definition: unknown } | null };
}

/** A files target with the field of each of its files, for refusing one too many before its bytes arrive. */
export type UploadTarget = FilesTarget & { files: { fieldKey: string | null }[] };

const targetSelect = {
  id: true,
  state: true,
  answers: true,
  deadlineExtendedUntil: true,
  stage: { select: { opensAt: true, closesAt: true, form: { select: { definition: true } } } },
} as const;

/** The application, if this person may change its files at all (their network's); else 404. */
export async function applicationForFileChanges(applicationId: string, user: Person): Promise<UploadTarget> {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, editableApplications(user)] },
    select: { ...targetSelect, files: { select: { fieldKey: true } } },
  });
  if (!application) throw notFound();
  return application;
}

/** The stage's deadline, or the application's individual extension when that is later. */
export function filesDeadline(target: Pick<FilesTarget, "deadlineExtendedUntil" | "stage">): Date {
  const extension = target.deadlineExtendedUntil;
  return extension && extension > target.stage.closesAt ? extension : target.stage.closesAt;
}

/** Files change only in a draft, while its stage is open (server clock; the extension counts). */
export function refusalToChangeFiles(target: Pick<FilesTarget, "state" | "deadlineExtendedUntil" | "stage">, now: Date): FileRefusedError | null {
  if (now < target.stage.opensAt) return new FileRefusedError("files.error.notOpen");
  if (now >= filesDeadline(target)) return new FileRefusedError("files.error.closed");
  if (target.state !== "draft") return new FileRefusedError("files.error.notDraft");
  return null;
}

/**
 * Serialises file changes of one application (two uploads racing for the last free place) and
 * re-reads its state, which may have changed while a large file was streaming.
 */
export async function lockApplicationForFiles(tx: Transaction, applicationId: string): Promise<{ state: string }> {
  const rows = await tx.$queryRaw<{ state: string }[]>`SELECT "state" FROM "Application" WHERE "id" = ${applicationId} FOR UPDATE`;
  if (!rows[0]) throw notFound();
  return rows[0];
}

export interface ApplicationFileSummary {
  id: string;
  fieldKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** The current files of an application the person may read, by the field (or partner row) they answer. */
export async function listApplicationFiles(applicationId: string, user: Person): Promise<Record<string, ApplicationFileSummary[]>> {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, readableApplications(user)] },
    select: {
      files: {
        where: { fieldKey: { not: null } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, fieldKey: true, originalName: true, contentType: true, sizeBytes: true, createdAt: true },
      },
    },
  });
  if (!application) throw notFound();
  const byField: Record<string, ApplicationFileSummary[]> = {};
  for (const file of application.files) {
    const summary = { ...file, fieldKey: file.fieldKey!, sizeBytes: Number(file.sizeBytes) };
    (byField[summary.fieldKey] ??= []).push(summary);
  }
  return byField;
}

export interface OpenedFile {
  originalName: string;
  contentType: string;
  sizeBytes: number;
  stream: Readable;
}

/** A file of an application the person may read, ready to stream; 404 for anything else. */
export async function openApplicationFile(fileId: string, user: Person): Promise<OpenedFile> {
  const file = await prisma.storedFile.findFirst({
    where: { id: fileId, application: readableApplications(user) },
    select: { storage: true, storageKey: true, originalName: true, contentType: true, sizeBytes: true },
  });
  if (!file) throw notFound();
  const stream = await storageOf(file.storage).get(file.storageKey);
  return { originalName: file.originalName, contentType: file.contentType, sizeBytes: Number(file.sizeBytes), stream };
}

/** The stored bytes a StoredFile row names. */
export interface StoredObject {
  storage: FileStorageKind;
  storageKey: string;
}

/**
 * Takes a file off a draft. A file that a submitted version still points to stays stored (only
 * taken off the draft), so every submitted version keeps what was submitted; any other file's row
 * is deleted, and its stored object is returned for `releaseStoredObjects` after commit.
 */
export async function takeFileOffDraft(tx: Transaction, applicationId: string, file: { id: string } & StoredObject): Promise<StoredObject | null> {
  const [check] = await tx.$queryRaw<{ referenced: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ApplicationVersion" WHERE "applicationId" = ${applicationId} AND "answers"::text LIKE ${`%"${file.id}"%`}
    ) AS "referenced"`;
  if (check?.referenced === true) {
    await tx.storedFile.update({ where: { id: file.id }, data: { fieldKey: null } });
    return null;
  }
  await tx.storedFile.delete({ where: { id: file.id } });
  return { storage: file.storage, storageKey: file.storageKey };
}

/**
 * Deletes the bytes of files whose rows are gone, unless another row still names them (a file
 * carried from an outline into its full proposal shares the outline's bytes). Runs after the
 * deleting transaction has committed: of two rows sharing bytes and deleted at once, the later
 * look-up sees both gone. New rows name existing bytes only by copying a row of an application that
 * is no longer a draft, whose rows cannot be deleted, so bytes found unnamed stay unnamed. A
 * failure only leaves bytes nobody can reach.
 */
export async function releaseStoredObjects(objects: readonly StoredObject[]): Promise<void> {
  for (const object of objects) {
    try {
      if ((await prisma.storedFile.count({ where: { storageKey: object.storageKey } })) > 0) continue;
      await storageOf(object.storage).delete(object.storageKey);
    } catch (error) {
      console.error(`Could not delete stored file ${object.storageKey}:`, error);
    }
  }
}

/**
 * Removes a file from a draft of the person's network while the stage is open (see
 * `takeFileOffDraft` for a file a submitted version points to). 404 for a file the person may not
 * change; a refusal (deadline, not a draft) comes back with the application and field it concerns.
 */
export async function deleteApplicationFile(input: {
  fileId: string;
  user: Person;
  now: Date;
}): Promise<{ applicationId: string; fieldKey: string; refusal: FileRefusedError | null }> {
  const file = await prisma.storedFile.findFirst({
    where: { id: input.fileId, fieldKey: { not: null }, application: editableApplications(input.user) },
    select: { id: true, fieldKey: true, originalName: true, storage: true, storageKey: true, application: { select: targetSelect } },
  });
  if (!file?.application || !file.fieldKey) throw notFound();
  const applicationId = file.application.id;
  const fieldKey = file.fieldKey;
  const refusal = refusalToChangeFiles(file.application, input.now);
  if (refusal) return { applicationId, fieldKey, refusal };
  let released: StoredObject | null;
  try {
    released = await prisma.$transaction(async (tx) => {
      const { state } = await lockApplicationForFiles(tx, applicationId);
      if (state !== "draft") throw new FileRefusedError("files.error.notDraft");
      const removed = await takeFileOffDraft(tx, applicationId, file);
      await recordAudit(
        tx,
        { actorId: input.user.id, entityType: "Application", entityId: applicationId, action: "fileDeleted", data: { fileId: file.id, fileName: file.originalName, fieldKey, kept: removed === null } },
        input.now,
      );
      return removed;
    });
  } catch (error) {
    if (error instanceof FileRefusedError) return { applicationId, fieldKey, refusal: error };
    throw error;
  }
  if (released) await releaseStoredObjects([released]);
  return { applicationId, fieldKey, refusal: null };
}
