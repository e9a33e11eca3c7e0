import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Resend API on 127.0.0.1, enough for `resend.emails.send`: the SDK (v6) posts
 * JSON to `${baseUrl}/emails` with `Authorization: Bearer <key>`, `Content-Type: application/json`,
 * `User-Agent: resend-node:<version>` and, when given, `Idempotency-Key`; attachments come as
 * `{ filename, content: <base64>, content_type }` and are recorded decoded. Answers as Resend does:
 * 200 `{ id }`, errors as `{ statusCode, name, message }`. Requests with a key seen before (and the
 * same body) get the first answer again and create no new mail; Resend does the same for 24 hours.
 */

export interface FakeResendRequest {
  method: string;
  path: string;
  authorization?: string;
  idempotencyKey?: string;
  userAgent?: string;
  contentType?: string;
  body: unknown;
  /** What the fake answered. */
  status: number;
}

export interface FakeResendAttachment {
  filename?: string;
  contentType?: string;
  /** The base64 text as sent. */
  base64: string;
  /** `base64` decoded. */
  content: Buffer;
}

export interface FakeResendEmail {
  id: string;
  idempotencyKey?: string;
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  attachments: FakeResendAttachment[];
  body: Record<string, unknown>;
}

export interface FakeResend {
  /** Pass as `baseUrl` to the transport (no trailing slash). */
  url: string;
  /** Every request, in order, including failed and replayed ones. */
  requests: FakeResendRequest[];
  /** Mails Resend would have delivered: one per accepted request, replays not counted. */
  emails: FakeResendEmail[];
  /** Requests answered from the idempotency store instead of creating a mail. */
  replays: number;
  /** The next `count` requests to POST /emails fail with `status` (500 or 429 are the interesting ones). */
  failNext(count: number, status?: 500 | 429 | 503): void;
  reset(): void;
  close(): Promise<void>;
}

const errorNames: Record<number, string> = {
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  405: "method_not_allowed",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
  503: "application_error",
};

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Resend's JSON shape (`content` base64, `content_type`); null when an attachment is malformed. */
function parseAttachments(value: unknown): FakeResendAttachment[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return null;
  const attachments: FakeResendAttachment[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== "object" || item === null) return null;
    const { content, filename, content_type: contentType } = item as Record<string, unknown>;
    if (typeof content !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) return null;
    attachments.push({
      filename: typeof filename === "string" ? filename : undefined,
      contentType: typeof contentType === "string" ? contentType : undefined,
      base64: content,
      content: Buffer.from(content, "base64"),
    });
  }
  return attachments;
}

/** `answerDelayMs`: each mail is answered this much later, as a slow provider would (a send in flight for a while). */
export async function startFakeResend(options: { apiKey?: string; answerDelayMs?: number } = {}): Promise<FakeResend> {
  const requests: FakeResendRequest[] = [];
  const emails: FakeResendEmail[] = [];
  const idempotent = new Map<string, { body: string; id: string }>();
  let failures: { count: number; status: number } = { count: 0, status: 500 };

  const fake: FakeResend = {
    url: "",
    requests,
    emails,
    replays: 0,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    reset() {
      requests.length = 0;
      emails.length = 0;
      idempotent.clear();
      fake.replays = 0;
      failures = { count: 0, status: 500 };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const record: FakeResendRequest = {
      method: request.method ?? "",
      path,
      authorization: header(request, "authorization"),
      idempotencyKey: header(request, "idempotency-key"),
      userAgent: header(request, "user-agent"),
      contentType: header(request, "content-type"),
      body,
      status: 0,
    };
    requests.push(record);

    if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
    const answer = (status: number, payload: unknown, extraHeaders: Record<string, string> = {}) => {
      record.status = status;
      response.writeHead(status, { "content-type": "application/json", ...extraHeaders });
      response.end(JSON.stringify(payload));
    };
    const fail = (status: number, message: string, extraHeaders?: Record<string, string>) =>
      answer(status, { statusCode: status, name: errorNames[status] ?? "application_error", message }, extraHeaders);

    if (path !== "/emails") return fail(404, "The requested endpoint does not exist.");
    if (request.method !== "POST") return fail(405, "Method not allowed.");
    if (!record.authorization) return fail(401, "Missing API key in the authorization header.");
    if (options.apiKey && record.authorization !== `Bearer ${options.apiKey}`) return fail(403, "API key is invalid.");

    if (failures.count > 0) {
      failures.count--;
      if (failures.status === 429) {
        return fail(429, "Too many requests. You can only make 2 requests per second.", { "retry-after": "1" });
      }
      return fail(failures.status, "Internal server error.");
    }

    const mail = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined;
    if (!mail || typeof mail.from !== "string" || !mail.to || typeof mail.subject !== "string") {
      return fail(422, "Missing `from`, `to` or `subject` field.");
    }
    const attachments = parseAttachments(mail.attachments);
    if (attachments === null) return fail(422, "Each attachment needs `content` as a base64 string.");

    const key = record.idempotencyKey;
    if (key !== undefined) {
      if (key.length < 1 || key.length > 256) return fail(422, "Idempotency key must be 1-256 characters.");
      const earlier = idempotent.get(key);
      if (earlier) {
        if (earlier.body !== raw) return fail(409, "Same idempotency key used with a different request payload.");
        fake.replays++;
        return answer(200, { id: earlier.id });
      }
    }

    const id = randomUUID();
    if (key !== undefined) idempotent.set(key, { body: raw, id });
    emails.push({
      id,
      idempotencyKey: key,
      from: mail.from,
      to: mail.to as string | string[],
      subject: mail.subject,
      html: typeof mail.html === "string" ? mail.html : undefined,
      text: typeof mail.text === "string" ? mail.text : undefined,
      attachments,
      body: mail,
    });
    return answer(200, { id });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ statusCode: 500, name: "internal_server_error", message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}
