// The clients of the deadline surge, run by bench/surge.ts as a process of its own so that they do not
// share an event loop with the server they measure. Reads a plan on stdin:
//   {base, concurrency, fileBytes, resultsFile, items: [{applicationId, cookie,
//     upload: {path, fields: [[name, value]], fileName}, submit: {path, fields: [[name, value]]}}]}
// `concurrency` clients work through the items: each uploads a PDF of `fileBytes` (multipart, as the
// page's upload form sends it, answer asked for as JSON) and then submits the application (the
// page's form, urlencoded). Writes {elapsedMs, results} to resultsFile; one result per item with
// what the client was told: "submitted" (redirected to the receipt), "refused" (a clear error: a 4xx
// or 503 answer that says why) or "unclear" (anything else: 5xx, a cut connection, a timeout).
import { randomFillSync } from "node:crypto";
import { writeFile } from "node:fs/promises";

const REQUEST_TIMEOUT_MS = 120_000;

type Pairs = [string, string][];
interface Item {
  applicationId: string;
  cookie: string;
  upload: { path: string; fields: Pairs; fileName: string };
  submit: { path: string; fields: Pairs };
}
export interface SurgePlan {
  base: string;
  concurrency: number;
  fileBytes: number;
  resultsFile: string;
  items: Item[];
}
export interface Reply {
  status: number | null;
  location?: string | null;
  message?: string | null;
  error?: string;
}
export interface SurgeAttempt {
  applicationId: string;
  outcome: "submitted" | "refused" | "unclear";
  latencyMs: number;
  uploadMs: number | null;
  submitMs: number | null;
  upload: Reply | null;
  submit: Reply | null;
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const plan = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SurgePlan;

/** A PDF as far as any content check goes: the header, then noise (every file differs). */
function pdfOf(bytes: number): Uint8Array<ArrayBuffer> {
  const file = randomFillSync(new Uint8Array(bytes));
  file.set(Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"));
  return file;
}

const clearStatus = (status: number) => (status >= 400 && status < 500) || status === 503;

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The message a refused page shows: the first alert or status notice. */
function messageOfPage(html: string): string | null {
  const match = /<[^>]*role="(?:alert|status)"[^>]*>([\s\S]*?)<\/(?:div|p|section|ul)>/.exec(html);
  return match ? textOf(match[1]!).slice(0, 200) : null;
}

async function upload(item: Item) {
  const form = new FormData();
  // The small fields first: the server checks the token and the field before the file's first byte.
  for (const [name, value] of item.upload.fields) form.append(name, value);
  form.append("file", new Blob([pdfOf(plan.fileBytes)], { type: "application/pdf" }), item.upload.fileName);
  const response = await fetch(`${plan.base}${item.upload.path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: item.cookie, Accept: "application/json" },
    body: form,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await response.text();
  let reply: { ok?: unknown; message?: string } | null = null;
  try {
    reply = JSON.parse(body) as { ok?: unknown; message?: string };
  } catch {
    // Not the JSON answer: a proxy's or the framework's page, or a bare refusal text.
  }
  return {
    status: response.status,
    ok: response.status === 200 && reply?.ok === true,
    clear: clearStatus(response.status) && body.trim() !== "",
    message: reply?.message ?? (body.length < 300 ? body : messageOfPage(body)),
  };
}

async function submit(item: Item) {
  const response = await fetch(`${plan.base}${item.submit.path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: item.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(item.submit.fields),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await response.text();
  const location = response.headers.get("Location");
  const ok = response.status >= 300 && response.status < 400 && /\/receipt(\?|$)/.test(location ?? "");
  return { status: response.status, location, ok, clear: clearStatus(response.status) && body.trim() !== "", message: ok ? null : body.length < 300 ? body : messageOfPage(body) };
}

async function attempt(item: Item): Promise<SurgeAttempt> {
  const result: SurgeAttempt = { applicationId: item.applicationId, outcome: "unclear", latencyMs: 0, uploadMs: null, submitMs: null, upload: null, submit: null };
  const started = performance.now();
  try {
    const uploaded = await upload(item);
    result.uploadMs = performance.now() - started;
    result.upload = { status: uploaded.status, message: uploaded.ok ? null : uploaded.message };
    if (!uploaded.ok) {
      result.outcome = uploaded.clear ? "refused" : "unclear";
      return result;
    }
    const submitStarted = performance.now();
    const submitted = await submit(item);
    result.submitMs = performance.now() - submitStarted;
    result.submit = { status: submitted.status, location: submitted.location, message: submitted.message };
    result.outcome = submitted.ok ? "submitted" : submitted.clear ? "refused" : "unclear";
  } catch (error) {
    const failure = error as Error & { cause?: { code?: string } };
    const reply: Reply = { status: null, error: failure.name === "TimeoutError" ? "timeout" : String(failure.cause?.code ?? failure.message ?? error) };
    if (result.upload) result.submit = reply;
    else result.upload = reply;
  } finally {
    result.latencyMs = performance.now() - started;
  }
  return result;
}

const queue = [...plan.items];
const results: SurgeAttempt[] = [];
const startedAt = performance.now();
await Promise.all(
  Array.from({ length: Math.min(plan.concurrency, queue.length) }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) results.push(await attempt(item));
  }),
);
const elapsedMs = performance.now() - startedAt;
await writeFile(plan.resultsFile, JSON.stringify({ elapsedMs, results }));
const submitted = results.filter((result) => result.outcome === "submitted").length;
console.log(`surge driver: ${submitted} of ${results.length} submitted in ${(elapsedMs / 1000).toFixed(1)} s`);
