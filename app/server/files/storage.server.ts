import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, openAsBlob } from "node:fs";
import http from "node:http";
import https from "node:https";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { UTApi, UTFile } from "uploadthing/server";
import { dataDirectory } from "../db.server";
import type { FileStorage as StorageKind } from "~/generated/prisma/enums";

/**
 * Where uploaded files live. Keys are made by the portal (`newStorageKey`), never taken from a
 * request. Both implementations stream: a file passes through in chunks and is never held whole in
 * memory. A `put` that fails (including because the source stream was stopped by a check) leaves
 * nothing behind.
 */
export interface FileStorage {
  readonly kind: StorageKind;
  put(key: string, source: ReadableStream<Uint8Array> | Readable, meta: FileMeta): Promise<{ sizeBytes: number; sha256: string }>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export interface FileMeta {
  contentType: string;
  originalName: string;
}

/** The file is not (or no longer) in the storage. */
export class MissingFileError extends Error {}

const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*){0,5}$/;

/** A new key under `prefix` (path segments of letters, digits, `_` and `-`). */
export function newStorageKey(prefix: string): string {
  return checkedKey(`${prefix}/${randomUUID()}`);
}

function checkedKey(key: string): string {
  if (key.length > 200 || !keyPattern.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
}

function nodeReadable(source: ReadableStream<Uint8Array> | Readable): Readable {
  return source instanceof Readable ? source : Readable.fromWeb(source as WebReadableStream<Uint8Array>);
}

/**
 * Streams `source` into a new file at `file` (created exclusively), hashing on the way. On any
 * failure the partial file is removed before the error is passed on.
 */
async function spool(source: ReadableStream<Uint8Array> | Readable, file: string): Promise<{ sizeBytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(nodeReadable(source), measure, createWriteStream(file, { flags: "wx" }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { sizeBytes, sha256: hash.digest("hex") };
}

/** Files under `<root>/<key>`; a file appears under its key only once it is complete (temp file, then rename). */
export class LocalDiskStorage implements FileStorage {
  readonly kind = "LOCAL" as const;

  constructor(readonly root: string) {}

  /** Where unfinished uploads are written; on the same disk as the files, so the rename is atomic. */
  get temporaryDirectory(): string {
    return path.join(this.root, ".partial");
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...checkedKey(key).split("/"));
  }

  async put(key: string, source: ReadableStream<Uint8Array> | Readable, _meta: FileMeta) {
    const target = this.pathOf(key);
    await mkdir(this.temporaryDirectory, { recursive: true });
    const partial = path.join(this.temporaryDirectory, `${randomUUID()}.part`);
    const written = await spool(source, partial);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return written;
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new MissingFileError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

const quotedInHeader = (text: string) => text.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

async function* chunksOf(pieces: (Buffer | Blob)[]): AsyncGenerator<Buffer> {
  for (const piece of pieces) {
    if (piece instanceof Blob) yield* Readable.fromWeb(piece.stream() as WebReadableStream<Uint8Array>);
    else yield piece;
  }
}

/**
 * The fetch the UploadThing SDK sends through. It posts files as FormData, and Node 20's fetch reads
 * such a body far ahead of the network (measured: sending a 200 MB file raised memory by 210 MB;
 * node:http with a piped file, by the same few dozen MB as any socket). So FormData bodies go out
 * through node:http as a multipart stream that waits for the network; every other request (the
 * SDK's JSON calls) goes to the global fetch.
 */
export async function formDataStreamingFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const form = init?.body;
  if (!(form instanceof FormData)) return fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : input);
  const boundary = `----portal${randomUUID().replaceAll("-", "")}`;
  const pieces: (Buffer | Blob)[] = [];
  for (const [name, value] of form) {
    const file = typeof value === "string" ? null : value;
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${quotedInHeader(name)}"` +
      (file ? `; filename="${quotedInHeader(file.name)}"\r\nContent-Type: ${file.type || "application/octet-stream"}` : "") +
      "\r\n\r\n";
    pieces.push(Buffer.from(head), file ?? Buffer.from(value as string), Buffer.from("\r\n"));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const headers = new Headers(init?.headers);
  headers.set("content-type", `multipart/form-data; boundary=${boundary}`);
  headers.set("content-length", String(pieces.reduce((sum, piece) => sum + (piece instanceof Blob ? piece.size : piece.length), 0)));
  return new Promise<Response>((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: init?.method ?? "POST", headers: Object.fromEntries(headers), signal: init?.signal ?? undefined },
      (response) => {
        const responseHeaders = new Headers();
        for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) responseHeaders.append(response.rawHeaders[index]!, response.rawHeaders[index + 1]!);
        resolve(new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, { status: response.statusCode, statusText: response.statusMessage, headers: responseHeaders }));
      },
    );
    request.on("error", reject);
    pipeline(Readable.from(chunksOf(pieces)), request).catch(reject);
  });
}

/** UploadThing serves files by `customId` in a URL path, where a slash would read as a folder; keys never hold a dot. */
const customIdOf = (key: string) => checkedKey(key).replaceAll("/", ".");

/**
 * Files at UploadThing through its server SDK (`UTApi`), keyed by our key as the file's `customId`.
 * The SDK uploads a Blob; the incoming stream is first written to a temporary file whose Blob is
 * backed by the disk (`openAsBlob`), and the SDK's request goes out through `formDataStreamingFetch`,
 * so the upload streams from there. Downloads fetch a short-lived signed URL. The SDK reads its settings from the environment (UPLOADTHING_TOKEN, and for other
 * hosts UPLOADTHING_INGEST_URL, UPLOADTHING_API_URL, UPLOADTHING_UFS_HOST, UPLOADTHING_UFS_APP_ID_LOCATION).
 */
export class UploadThingStorage implements FileStorage {
  readonly kind = "UPLOADTHING" as const;
  private readonly api: UTApi;

  constructor(token: string) {
    this.api = new UTApi({ token, fetch: formDataStreamingFetch });
  }

  async put(key: string, source: ReadableStream<Uint8Array> | Readable, meta: FileMeta) {
    const customId = customIdOf(key);
    const spoolFile = path.join(tmpdir(), `portal-upload-${randomUUID()}.part`);
    try {
      const written = await spool(source, spoolFile);
      const file = new UTFile([await openAsBlob(spoolFile)], meta.originalName, { type: meta.contentType, customId });
      const result = await this.api.uploadFiles(file, { contentDisposition: "attachment" });
      if (result.error) throw new Error(`UploadThing refused the upload: ${result.error.code} ${result.error.message}`);
      return written;
    } finally {
      await rm(spoolFile, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const { ufsUrl } = await this.api.generateSignedURL(customIdOf(key), { expiresIn: 60 });
    const response = await fetch(ufsUrl);
    if (response.status === 404) throw new MissingFileError(key);
    if (!response.ok || !response.body) throw new Error(`UploadThing answered HTTP ${response.status} for a file`);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    await this.api.deleteFiles(customIdOf(key), { keyType: "customId" });
  }
}

const storages = new Map<string, FileStorage>();

function cached(id: string, make: () => FileStorage): FileStorage {
  let storage = storages.get(id);
  if (!storage) {
    storage = make();
    storages.set(id, storage);
  }
  return storage;
}

/**
 * The storage new uploads go to: UploadThing when UPLOADTHING_TOKEN is set, else the local disk
 * under `${DATA_DIR}/files`. Read on every call, so the setting is the one in force now.
 */
export function uploadStorage(): FileStorage {
  const token = process.env.UPLOADTHING_TOKEN;
  return token ? storageOf("UPLOADTHING") : storageOf("LOCAL");
}

/**
 * Removes the unfinished uploads on the local disk (`${DATA_DIR}/files/.partial`). Run at start-up,
 * before any request: a process stopped mid-upload cannot remove its own, and no upload is running yet.
 */
export async function removeUnfinishedUploads(): Promise<void> {
  const local = storageOf("LOCAL") as LocalDiskStorage;
  await rm(local.temporaryDirectory, { recursive: true, force: true });
}

/** The storage that holds files recorded with this kind (a file stays where it was uploaded). */
export function storageOf(kind: StorageKind): FileStorage {
  if (kind === "UPLOADTHING") {
    const token = process.env.UPLOADTHING_TOKEN;
    if (!token) throw new Error("This file is stored at UploadThing, but UPLOADTHING_TOKEN is not set.");
    return cached(`uploadthing:${token}`, () => new UploadThingStorage(token));
  }
  const root = path.resolve(dataDirectory(), "files");
  return cached(`local:${root}`, () => new LocalDiskStorage(root));
}
