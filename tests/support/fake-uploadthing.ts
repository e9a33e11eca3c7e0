import { createHmac, createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

/**
 * A stand-in for UploadThing on loopback, enough for the server SDK's `UTApi` (uploadthing 7) as the
 * portal uses it, answering the calls the SDK makes:
 * - upload: `PUT <ingestUrl>/<fileKey>?expires=…&x-ut-identifier=…&x-ut-file-name=…&x-ut-file-size=…
 *   &x-ut-file-type=…&x-ut-custom-id=…&x-ut-content-disposition=…&signature=hmac-sha256=<hex>`, a
 *   multipart body with the file under `file`; the signature is HMAC-SHA256 of the URL before
 *   `&signature`, keyed with the API key. Answers `{ url, appUrl, ufsUrl, fileHash }`.
 * - download: `GET <ufsHost>/a/<appId>/<fileKey or customId>?expires=…&signature=…` (UTApi
 *   `generateSignedURL` with `ufsAppIdLocation: "path"`), signed the same way.
 * - delete: `POST <apiUrl>/v6/deleteFiles` with header `x-uploadthing-api-key` and
 *   `{ fileKeys }` or `{ customIds }`; answers `{ success, deletedCount }`.
 * `env` holds the settings that point the real SDK here (it reads them from process.env).
 */

export interface FakeUploadThingFile {
  key: string;
  customId: string | null;
  name: string;
  type: string;
  contentDisposition: string | null;
  content: Buffer;
}

export interface FakeUploadThing {
  url: string;
  appId: string;
  apiKey: string;
  env: Record<string, string>;
  files: Map<string, FakeUploadThingFile>;
  requests: { method: string; path: string; status: number }[];
  /** The next `count` uploads fail with HTTP 500. */
  failUploads(count: number): void;
  close(): Promise<void>;
}

function sign(payload: string, apiKey: string): string {
  return `hmac-sha256=${createHmac("sha256", apiKey).update(payload).digest("hex")}`;
}

function signedCorrectly(url: string, apiKey: string): boolean {
  const at = url.lastIndexOf("&signature=");
  if (at < 0) return false;
  const expected = Buffer.from(sign(url.slice(0, at), apiKey));
  const given = Buffer.from(decodeURIComponent(url.slice(at + "&signature=".length)));
  const expires = Number(new URL(url).searchParams.get("expires"));
  return expected.length === given.length && timingSafeEqual(expected, given) && expires > Date.now();
}

/** The SDK encodes each value once more before appending it, so it arrives encoded twice. */
function param(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null ? null : decodeURIComponent(value);
}

async function readFilePart(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: request.headers });
    let content: Buffer | null = null;
    parser.on("file", (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (name === "file") content = Buffer.concat(chunks);
      });
    });
    parser.on("close", () => resolve(content));
    parser.on("error", reject);
    request.pipe(parser);
  });
}

export async function startFakeUploadThing(options: { appId?: string; apiKey?: string } = {}): Promise<FakeUploadThing> {
  const appId = options.appId ?? "portaltestapp";
  const apiKey = options.apiKey ?? "sk_test_fake_uploadthing_key";
  const files = new Map<string, FakeUploadThingFile>();
  const requests: FakeUploadThing["requests"] = [];
  let failingUploads = 0;

  async function handle(request: IncomingMessage, response: ServerResponse, record: { status: number }): Promise<void> {
    const answer = (status: number, payload: unknown) => {
      record.status = status;
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    const fullUrl = `${fake.url}${request.url ?? "/"}`;
    const url = new URL(fullUrl);

    if (request.method === "PUT") {
      if (!signedCorrectly(fullUrl, apiKey)) return answer(403, { error: "Invalid signature" });
      if (param(url, "x-ut-identifier") !== appId) return answer(403, { error: "Wrong app" });
      const content = await readFilePart(request);
      if (failingUploads > 0) {
        failingUploads--;
        return answer(500, { error: "Internal error" });
      }
      if (!content) return answer(400, { error: "No file" });
      if (Number(param(url, "x-ut-file-size")) !== content.length) return answer(400, { error: "Size does not match" });
      const key = url.pathname.slice(1);
      files.set(key, {
        key,
        customId: param(url, "x-ut-custom-id"),
        name: param(url, "x-ut-file-name") ?? "",
        type: param(url, "x-ut-file-type") ?? "",
        contentDisposition: param(url, "x-ut-content-disposition"),
        content,
      });
      const ufsUrl = `${fake.url}/a/${appId}/${key}`;
      return answer(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: createHash("md5").update(content).digest("hex") });
    }

    if (request.method === "GET" && url.pathname.startsWith(`/a/${appId}/`)) {
      if (!signedCorrectly(fullUrl, apiKey)) return answer(403, { error: "Invalid signature" });
      const id = decodeURIComponent(url.pathname.slice(`/a/${appId}/`.length));
      const file = files.get(id) ?? [...files.values()].find((candidate) => candidate.customId === id);
      if (!file) return answer(404, { error: "Not found" });
      record.status = 200;
      response.writeHead(200, { "content-type": file.type, "content-length": String(file.content.length) });
      response.end(file.content);
      return;
    }

    if (request.method === "POST" && url.pathname === "/v6/deleteFiles") {
      if (request.headers["x-uploadthing-api-key"] !== apiKey) return answer(401, { error: "Invalid API key" });
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { fileKeys?: string[]; customIds?: string[] };
      let deletedCount = 0;
      for (const [key, file] of files) {
        if (body.fileKeys?.includes(key) || (file.customId && body.customIds?.includes(file.customId))) {
          files.delete(key);
          deletedCount++;
        }
      }
      return answer(200, { success: true, deletedCount });
    }

    return answer(404, { error: "Unknown endpoint" });
  }

  const server = createServer((request, response) => {
    const record = { method: request.method ?? "", path: new URL(request.url ?? "/", "http://localhost").pathname, status: 0 };
    requests.push(record);
    handle(request, response, record).catch((error: unknown) => {
      record.status = 500;
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: String(error) }));
    });
  });
  // `localhost`, not an address: the SDK serves downloads over http only for hosts named "local…".
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as AddressInfo;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fake1"] })).toString("base64");

  const fake: FakeUploadThing = {
    url: `http://localhost:${port}`,
    appId,
    apiKey,
    env: {
      UPLOADTHING_TOKEN: token,
      UPLOADTHING_INGEST_URL: `http://localhost:${port}`,
      UPLOADTHING_API_URL: `http://localhost:${port}`,
      UPLOADTHING_UFS_HOST: `localhost:${port}`,
      UPLOADTHING_UFS_APP_ID_LOCATION: "path",
      UPLOADTHING_LOG_LEVEL: "Error",
    },
    files,
    requests,
    failUploads(count) {
      failingUploads = count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}
