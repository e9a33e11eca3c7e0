import { Transform, type TransformCallback } from "node:stream";
import type { FileKind } from "~/forms/form-definition";
import { fileKindInfo } from "~/forms/file-fields";

/**
 * Recognises a file by its first bytes, never by its name or the type the browser claims. Office
 * documents are ZIP archives: Word and Excel files (OOXML) list `[Content_Types].xml` and keep
 * their parts under `word/` or `xl/`; an OpenDocument text starts with an uncompressed entry
 * `mimetype` holding its media type.
 */

/** How much of the start is read before deciding; the first ZIP entries of an office file fit easily. */
export const SNIFF_BYTES = 64 * 1024;
/** The ZIP directory's end record sits within the last 22 + 65,535 bytes (its comment is at most that long). */
const ZIP_TAIL_BYTES = 22 + 0xffff;

const ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

export type SniffResult = { kind: FileKind } | { kind: null; reason: "empty" | "unknown" };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_HEADER_CHUNK = ascii("IHDR");
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_ENTRY = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

/** The kind of a file from its first bytes (up to SNIFF_BYTES, or all of a shorter file). */
export function sniffFileKind(head: Uint8Array): SniffResult {
  if (head.length === 0) return { kind: null, reason: "empty" };
  if (startsWith(head, PDF)) return { kind: "pdf" };
  if (startsWith(head, PNG) && startsWith(head, PNG_HEADER_CHUNK, 12)) return { kind: "png" };
  if (startsWith(head, JPEG)) return { kind: "jpeg" };
  if (startsWith(head, ZIP_ENTRY)) {
    const kind = officeKindOf(zipEntries(head));
    if (kind) return { kind };
  }
  return { kind: null, reason: "unknown" };
}

interface ZipEntry {
  name: string;
  /** The entry's bytes when it is stored uncompressed and lies within the sniffed start. */
  storedContent: Uint8Array | null;
}

/** The local entries of a ZIP archive found in its first bytes, in order. */
function zipEntries(head: Uint8Array): ZipEntry[] {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 30 <= head.length && startsWith(head, ZIP_ENTRY, offset)) {
    const flags = view.getUint16(offset + 6, true);
    const method = view.getUint16(offset + 8, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const nameStart = offset + 30;
    if (nameStart + nameLength > head.length) break;
    const name = new TextDecoder().decode(head.subarray(nameStart, nameStart + nameLength));
    const dataStart = nameStart + nameLength + extraLength;
    // Bit 3: the sizes follow the data instead of preceding it, so the next entry must be searched for.
    const sizeKnown = (flags & 0x08) === 0;
    const dataEnd = dataStart + compressedSize;
    const storedContent = method === 0 && sizeKnown && dataEnd <= head.length ? head.subarray(dataStart, dataEnd) : null;
    entries.push({ name, storedContent });
    offset = sizeKnown && dataEnd <= head.length ? dataEnd : nextEntryAfter(head, dataStart);
    if (offset < 0) break;
  }
  return entries;
}

function nextEntryAfter(head: Uint8Array, from: number): number {
  for (let index = from; index + 4 <= head.length; index++) {
    if (startsWith(head, ZIP_ENTRY, index)) return index;
  }
  return -1;
}

function officeKindOf(entries: ZipEntry[]): FileKind | null {
  const first = entries[0];
  if (first?.name === "mimetype" && first.storedContent && new TextDecoder().decode(first.storedContent).trim() === ODT_MEDIA_TYPE) return "odt";
  const names = entries.map((entry) => entry.name);
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((name) => name.startsWith("word/"))) return "docx";
  if (names.some((name) => name.startsWith("xl/"))) return "xlsx";
  return null;
}

/**
 * Whether the end of a ZIP archive is whole: the directory's end record is there and the directory
 * it describes lies before it. A download cut short, or a file cut on purpose, fails this.
 */
export function zipEndIsIntact(tail: Uint8Array, totalBytes: number): boolean {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let index = tail.length - 22; index >= 0; index--) {
    if (!startsWith(tail, ZIP_END, index)) continue;
    const commentLength = view.getUint16(index + 20, true);
    if (index + 22 + commentLength !== tail.length) continue;
    const directorySize = view.getUint32(index + 12, true);
    const directoryOffset = view.getUint32(index + 16, true);
    const recordOffset = totalBytes - tail.length + index;
    return directorySize > 0 && directoryOffset + directorySize <= recordOffset;
  }
  return false;
}

const ZIP_KINDS: ReadonlySet<FileKind> = new Set(["docx", "xlsx", "odt"]);

/** The ending of a file name, if it looks like one (letters and digits after the last dot, at least one letter). */
export function nameEnding(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return match && /[A-Za-z]/.test(match[1]!) ? match[1]!.toLowerCase() : null;
}

export type InspectionRefusal = "tooLarge" | "empty" | "notAllowed" | "nameMismatch" | "damaged";

/** Why a stream was stopped; uploads turn it into the message for the person. */
export class InspectionError extends Error {
  constructor(readonly refusal: InspectionRefusal) {
    super(`file refused: ${refusal}`);
  }
}

/**
 * Passes a file through while checking it: counts bytes and fails as soon as `maxBytes` is passed,
 * holds back the first SNIFF_BYTES until the content shows its kind, and at the end checks that a
 * ZIP-based file is whole. Nothing it lets through is more than SNIFF_BYTES ahead of a decision,
 * and it never holds more than that (plus a ZIP's tail) in memory.
 */
export class FileInspector extends Transform {
  kind: FileKind | null = null;
  bytes = 0;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  /** Settles once the first bytes were judged: the kind, or the refusal. Nothing is passed on before. */
  readonly decided: Promise<FileKind>;
  private settle!: { resolve: (kind: FileKind) => void; reject: (error: unknown) => void };

  constructor(private readonly limits: { accept: readonly FileKind[]; maxBytes: number; originalName: string }) {
    super();
    this.decided = new Promise<FileKind>((resolve, reject) => (this.settle = { resolve, reject }));
    // Whoever stores the file learns of a refusal through the stream as well; this copy may go unread.
    this.decided.catch(() => undefined);
    this.once("error", (error) => this.settle.reject(error));
    this.once("close", () => this.settle.reject(new Error("The file ended before its type could be judged")));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) return callback(new InspectionError("tooLarge"));
    if (this.kind === null) {
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (this.heldBytes < SNIFF_BYTES) return callback();
      const refusal = this.decide();
      if (refusal) return callback(refusal);
      return callback();
    }
    this.keepTail(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.kind === null) {
      const refusal = this.decide();
      if (refusal) return callback(refusal);
    }
    if (this.kind && ZIP_KINDS.has(this.kind) && !zipEndIsIntact(Buffer.concat(this.tail, this.tailBytes), this.bytes)) {
      return callback(new InspectionError("damaged"));
    }
    callback();
  }

  private decide(): InspectionError | null {
    const head = Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    const sniffed = sniffFileKind(head);
    const refusal = this.refusalOf(sniffed);
    if (refusal) {
      this.settle.reject(refusal);
      return refusal;
    }
    this.kind = sniffed.kind!;
    this.keepTail(head);
    this.push(head);
    this.settle.resolve(this.kind);
    return null;
  }

  private refusalOf(sniffed: SniffResult): InspectionError | null {
    if (sniffed.kind === null) return new InspectionError(sniffed.reason === "empty" ? "empty" : "notAllowed");
    if (!this.limits.accept.includes(sniffed.kind)) return new InspectionError("notAllowed");
    const ending = nameEnding(this.limits.originalName);
    if (ending !== null && !fileKindInfo[sniffed.kind].extensions.includes(ending)) return new InspectionError("nameMismatch");
    return null;
  }

  private keepTail(chunk: Buffer): void {
    if (!this.kind || !ZIP_KINDS.has(this.kind)) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tail.length > 1 && this.tailBytes - this.tail[0]!.length >= ZIP_TAIL_BYTES) {
      this.tailBytes -= this.tail.shift()!.length;
    }
  }
}
