import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import busboy from "busboy";
import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { verifyCsrfToken } from "../web/csrf.server";
import { requireFormBody, unreadableForm } from "../web/form-body.server";
import type { CurrentUser } from "../accounts/session.server";
import { FileInspector, InspectionError, nameEnding, type InspectionRefusal } from "./file-types.server";
import { newStorageKey, uploadStorage, type FileStorage } from "./storage.server";
import {
  applicationForFileChanges,
  FileRefusedError,
  lockApplicationForFiles,
  refusalToChangeFiles,
  type ApplicationFileSummary,
  type FilesTarget,
  type UploadTarget,
} from "./application-files.server";
import { fileKindInfo, partnerRowOf, uploadLimitsFor, type UploadLimits } from "~/forms/file-fields";
import type { Answers } from "~/forms/answers";
import { CSRF_FIELD } from "~/forms/form-protocol";

const MEBIBYTE = 1024 * 1024;
/** The small text parts an upload form sends along with its files. */
const FORM_FIELDS = [CSRF_FIELD, "fieldKey", "respond"] as const;
type FormFields = Partial<Record<(typeof FORM_FIELDS)[number], string>>;
/**
 * After a refusal the rest of the body is read and discarded up to this much, so the browser finishes
 * sending and sees the answer; a body running on beyond it is cut off.
 */
const DRAIN_ALLOWANCE_BYTES = 64 * MEBIBYTE;

/**
 * Node reads a request body into a fresh 64 KiB buffer per socket read and frees it only when the
 * garbage collector runs; V8 lets such buffers pile up to some 64 MB before it does. Measured here:
 * a bare node:http server that merely discards a 200 MB body grows by 40 MB, and the first 200 MB
 * upload into the portal grew it by 8–41 MB (five runs, `npm run bench`). A young-generation
 * collection (about a millisecond) after every 4 MiB received, counted across all uploads of the
 * process, frees them early: 2–5 MB in three runs. `gc` is exposed by setting the flag at runtime
 * (as the `expose-gc` package does), so the server needs no special start command.
 * Any collection frees them, V8's own as well: the count starts again after each. Under many uploads
 * at once (a deadline surge) the server allocates enough for V8 to collect often by itself, and the
 * forced collections, which cost the surge a tenth of its CPU, are then rarely needed.
 */
const COLLECT_AFTER_BYTES = 4 * MEBIBYTE;
let receivedSinceCollection = 0;
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as (options: { type: "minor"; execution: "sync" }) => void;
new PerformanceObserver(() => {
  receivedSinceCollection = 0;
}).observe({ entryTypes: ["gc"] });

function noteBytesReceived(bytes: number): void {
  receivedSinceCollection += bytes;
  if (receivedSinceCollection < COLLECT_AFTER_BYTES) return;
  receivedSinceCollection = 0;
  collectGarbage({ type: "minor", execution: "sync" });
}

export interface UploadResult {
  /** The field the files were meant for, as sent (query or form part). */
  fieldKey: string | null;
  fields: FormFields;
  stored: ApplicationFileSummary[];
  /** Why the upload (or its rest) was refused; files stored before the refusal stay. */
  refusal: FileRefusedError | null;
}

const inspectionMessages: Record<InspectionRefusal, { key: ConstructorParameters<typeof FileRefusedError>[0]; status: number }> = {
  tooLarge: { key: "files.error.tooLarge", status: 413 },
  notAllowed: { key: "files.error.notAllowed", status: 415 },
  nameMismatch: { key: "files.error.nameMismatch", status: 415 },
  empty: { key: "files.error.empty", status: 400 },
  damaged: { key: "files.error.damaged", status: 400 },
};

function refusalOfInspection(refusal: InspectionRefusal, limits: UploadLimits): FileRefusedError {
  const { key, status } = inspectionMessages[refusal];
  return new FileRefusedError(key, { maxMb: limits.maxSizeMb, kinds: limits.accept.map((kind) => fileKindInfo[kind].label).join(", ") }, status);
}

/**
 * Receives the files of one upload form for an application of the person's network: reads the
 * multipart body as a stream, checks the CSRF token and the field before the first file byte is
 * stored, checks each file's content and size while it streams into storage, and records each
 * stored file. The form must send `csrf` and `fieldKey` before its files (the upload form does; the
 * query string may carry them instead). Throws 404 for an application the person may not change,
 * 403 for a missing or wrong token, 415 for a body that is no multipart form and 400 for one that is
 * malformed before its first file; every other refusal comes back in the result.
 */
export async function receiveUploads(input: {
  request: Request;
  applicationId: string;
  user: Pick<CurrentUser, "id" | "role">;
  now: Date;
  storage?: FileStorage;
}): Promise<UploadResult> {
  const { request, user, now } = input;
  requireFormBody(request, ["multipart/form-data"]);
  const storage = input.storage ?? uploadStorage();
  const target = await applicationForFileChanges(input.applicationId, user);
  const query = new URL(request.url).searchParams;
  const fields: FormFields = {};
  const result: UploadResult = { fieldKey: query.get("fieldKey"), fields, stored: [], refusal: null };
  let limits: UploadLimits | null = null;
  let existingFiles = 0;
  let sawFile = false;

  const body = new MultipartBody(request);
  try {
    for await (const part of body.parts()) {
      if (part.kind === "field") {
        if ((FORM_FIELDS as readonly string[]).includes(part.name)) fields[part.name as keyof FormFields] = part.value;
        if (part.name === "fieldKey" && !query.has("fieldKey")) result.fieldKey = part.value;
        continue;
      }
      // A form whose file input was left empty still sends an empty, nameless file part.
      if (part.filename === "") {
        part.stream.resume();
        continue;
      }
      sawFile = true;
      if (result.refusal) {
        part.stream.resume();
        continue;
      }
      if (!limits) {
        verifyCsrfToken(request, fields.csrf ?? query.get(CSRF_FIELD));
        const opened = openField(target, result.fieldKey, now);
        if ("refusal" in opened) {
          result.refusal = opened.refusal;
          body.drainAtMost(DRAIN_ALLOWANCE_BYTES);
          part.stream.resume();
          continue;
        }
        ({ limits, existingFiles } = opened);
      }
      if (existingFiles + result.stored.length >= limits.maxFiles) {
        result.refusal = new FileRefusedError("files.error.tooMany", { maxFiles: limits.maxFiles }, 409);
        body.drainAtMost(DRAIN_ALLOWANCE_BYTES);
        part.stream.resume();
        continue;
      }
      const outcome = await storeFile({ part, target, fieldKey: result.fieldKey!, limits, storage, user, now });
      if ("refusal" in outcome) {
        result.refusal = outcome.refusal;
        body.drainAtMost(DRAIN_ALLOWANCE_BYTES);
      } else {
        result.stored.push(outcome.file);
      }
    }
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    // Malformed before its first file was taken in, the body is no upload form (400); an upload whose
    // connection breaks off is one, and its page gets the message below.
    if (error.reason === "malformed" && !result.refusal && !limits) throw unreadableForm();
    // A body cut off while draining after a refusal keeps that refusal as the answer.
    result.refusal ??= new FileRefusedError("files.error.malformed", {}, 400);
  } finally {
    body.close();
  }
  if (!result.refusal && !sawFile) result.refusal = new FileRefusedError("files.error.noFile", {}, 400);
  return result;
}

function openField(
  target: UploadTarget,
  fieldKey: string | null,
  now: Date,
): { limits: UploadLimits; existingFiles: number } | { refusal: FileRefusedError } {
  const limits = fieldKey ? uploadLimitsFor(target.stage.form?.definition, fieldKey) : null;
  if (!fieldKey || !limits || !partnerRowIsSaved(target.answers, fieldKey)) return { refusal: new FileRefusedError("files.error.unknownField", {}, 400) };
  const refusal = refusalToChangeFiles(target, now);
  if (refusal) return { refusal };
  // Counted again under the application's lock before a file is recorded.
  const existingFiles = target.files.filter((file) => file.fieldKey === fieldKey).length;
  return { limits, existingFiles };
}

/** A letter of intent belongs to a partner row of the saved draft; other uploads need no row. */
function partnerRowIsSaved(answers: unknown, fieldKey: string): boolean {
  const row = partnerRowOf(fieldKey);
  if (!row) return true;
  const rows = (answers as Answers | null)?.fields?.[row.partnersKey];
  return Array.isArray(rows) && row.row < rows.length;
}

/** A name safe to show and to send back in a download header: no path, no control characters, its kind's ending. */
export function sanitisedFileName(name: string, extension: string): string {
  // Browsers escape these three in a form's file names (HTML's multipart/form-data encoding).
  const sent = name.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
  const base = sent.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/["*:<>?|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const ending = nameEnding(cleaned);
  const stem = (ending ? cleaned.slice(0, -(ending.length + 1)) : cleaned).trim().slice(0, 150) || "Datei";
  return `${stem}.${ending ?? extension}`;
}

async function storeFile(input: {
  part: FilePart;
  target: FilesTarget;
  fieldKey: string;
  limits: UploadLimits;
  storage: FileStorage;
  user: Pick<CurrentUser, "id">;
  now: Date;
}): Promise<{ file: ApplicationFileSummary } | { refusal: FileRefusedError }> {
  const { part, limits, storage } = input;
  // The body failed while the field was being looked up.
  if (part.stream.destroyed) throw new BodyError("malformed");
  const inspector = new FileInspector({ accept: limits.accept, maxBytes: limits.maxSizeMb * MEBIBYTE, originalName: part.filename });
  // The file part is never destroyed here: the parser would wait for it forever. It is drained once
  // the inspector stops, so the rest of the form can still be read. When the body fails, the parser
  // destroys the part, and that stops the inspector (and with it the storage).
  part.stream.once("close", () => {
    if (!part.stream.readableEnded) inspector.destroy(new BodyError("malformed"));
  });
  inspector.on("error", () => {
    part.stream.unpipe(inspector);
    part.stream.resume();
  });
  part.stream.pipe(inspector);

  const refusalOf = (error: unknown) => (error instanceof InspectionError ? { refusal: refusalOfInspection(error.refusal, limits) } : null);
  let kind;
  try {
    kind = await inspector.decided;
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) return refused;
    throw error;
  }
  const info = fileKindInfo[kind];
  const originalName = sanitisedFileName(part.filename, info.extensions[0]!);
  const storageKey = newStorageKey(`applications/${input.target.id}`);
  let written;
  try {
    written = await storage.put(storageKey, inspector, { contentType: info.contentType, originalName });
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) return refused;
    if (error instanceof BodyError) throw error;
    console.error("Storing an upload failed:", error);
    return { refusal: new FileRefusedError("files.error.unavailable", {}, 503) };
  }
  try {
    const file = await prisma.$transaction(async (tx) => {
      const { state } = await lockApplicationForFiles(tx, input.target.id);
      if (state !== "draft") throw new FileRefusedError("files.error.notDraft");
      if ((await tx.storedFile.count({ where: { applicationId: input.target.id, fieldKey: input.fieldKey } })) >= limits.maxFiles) {
        throw new FileRefusedError("files.error.tooMany", { maxFiles: limits.maxFiles }, 409);
      }
      const created = await tx.storedFile.create({
        data: {
          applicationId: input.target.id,
          fieldKey: input.fieldKey,
          storage: storage.kind,
          storageKey,
          originalName,
          contentType: info.contentType,
          sizeBytes: BigInt(written.sizeBytes),
          sha256: written.sha256,
          uploadedById: input.user.id,
          createdAt: input.now,
        },
        select: { id: true, fieldKey: true, originalName: true, contentType: true, sizeBytes: true, createdAt: true },
      });
      await recordAudit(
        tx,
        {
          actorId: input.user.id,
          entityType: "Application",
          entityId: input.target.id,
          action: "fileUploaded",
          data: { fileId: created.id, fileName: originalName, fieldKey: input.fieldKey, kind, sizeBytes: written.sizeBytes, sha256: written.sha256 },
        },
        input.now,
      );
      return created;
    });
    return { file: { ...file, fieldKey: file.fieldKey!, sizeBytes: Number(file.sizeBytes) } };
  } catch (error) {
    await storage.delete(storageKey).catch((cleanup: unknown) => console.error(`Could not remove ${storageKey} after a refused upload:`, cleanup));
    if (error instanceof FileRefusedError) return { refusal: error };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The multipart body as a stream of parts

interface FieldPart {
  kind: "field";
  name: string;
  value: string;
}
interface FilePart {
  kind: "file";
  name: string;
  filename: string;
  stream: Readable;
}

/** The body could not be read as a form: malformed, cut off by the client, or longer than any upload it may carry. */
class BodyError extends Error {
  constructor(readonly reason: "malformed" | "cutOff" | "tooLarge") {
    super(`upload body ${reason}`);
  }
}

/**
 * busboy over the request's body, handed out one part at a time. A file part must be read (or
 * resumed to discard it) before the next part comes. The body may run only as far as `allow` says:
 * beyond that the connection is cut instead of read to its end.
 */
class MultipartBody {
  private read = 0;
  private budget = Number.POSITIVE_INFINITY;
  private readonly source: Readable | null = null;
  private readonly parser: busboy.Busboy | null = null;
  private readonly queue: (FieldPart | FilePart)[] = [];
  private current: Readable | null = null;
  private finished = false;
  private draining = false;
  private failure: BodyError | null = null;
  private wake: (() => void) | null = null;

  constructor(request: Request) {
    const contentType = request.headers.get("content-type") ?? "";
    let parser: busboy.Busboy | null = null;
    try {
      if (request.body && /^multipart\/form-data;/i.test(contentType)) {
        parser = busboy({
          headers: { "content-type": contentType },
          defParamCharset: "utf8",
          limits: { fields: 10, fieldSize: 4096, parts: 100, headerPairs: 20 },
        });
      }
    } catch {
      parser = null;
    }
    if (!parser || !request.body) {
      this.finished = true;
      this.failure = new BodyError("malformed");
      return;
    }
    this.parser = parser;
    parser.on("field", (name, value) => this.enqueue({ kind: "field", name, value }));
    parser.on("file", (name, stream, info) => {
      // The parser fails an unfinished part when the body breaks off; that shows as the part's close.
      stream.on("error", () => undefined);
      this.enqueue({ kind: "file", name, filename: info.filename ?? "", stream });
    });
    parser.on("close", () => this.end(null));
    parser.on("error", (error) => this.end(error instanceof BodyError ? error : new BodyError("malformed")));
    parser.on("partsLimit", () => this.cut(new BodyError("malformed")));
    parser.on("fieldsLimit", () => this.cut(new BodyError("malformed")));
    this.source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
    // A client that goes away mid-file: the parser fails the open file part, so its storage stops too.
    this.source.on("error", () => parser.destroy(new BodyError("cutOff")));
    this.source.pipe(this.counter()).pipe(parser);
  }

  /** Once the answer is decided, the body may run at most `bytes` further (kept from a later, larger call). */
  drainAtMost(bytes: number): void {
    this.budget = Math.min(this.budget, this.read + bytes);
  }

  private counter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback: TransformCallback) => {
        this.read += chunk.length;
        noteBytesReceived(chunk.length);
        if (this.read <= this.budget) return callback(null, chunk);
        this.cut(new BodyError("tooLarge"));
        callback();
      },
    });
  }

  /** Stops reading for good; the client gets the answer (if it still listens) on a closed connection. */
  private cut(failure: BodyError): void {
    this.end(failure);
    this.source?.destroy();
    this.parser?.destroy(failure);
  }

  private enqueue(part: FieldPart | FilePart): void {
    if (this.draining) {
      if (part.kind === "file") part.stream.resume();
      return;
    }
    this.queue.push(part);
    this.notify();
  }

  private end(failure: BodyError | null): void {
    if (this.finished) return;
    this.finished = true;
    this.failure ??= failure;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *parts(): AsyncGenerator<FieldPart | FilePart> {
    while (true) {
      const part = this.queue.shift();
      if (part) {
        if (part.kind === "file") this.current = part.stream;
        yield part;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /**
   * Done with the form before its end (a refusal thrown): the rest is read and discarded, up to a
   * limit, so the browser finishes sending and then sees the answer instead of a broken connection.
   */
  close(): void {
    if (this.finished) return;
    this.draining = true;
    this.drainAtMost(DRAIN_ALLOWANCE_BYTES);
    for (const part of this.queue.splice(0)) if (part.kind === "file") part.stream.resume();
    this.current?.unpipe();
    this.current?.resume();
  }
}
