// The upload scenario of `npm run bench`: one 200 MB PDF streamed to the running portal, as a browser
// without JavaScript would send it (one multipart POST), while the server process's resident memory
// is sampled from /proc. Files must stream to storage, so the memory may grow by a few megabytes at
// most, whatever the file's size. Prints `bench upload-200mb: rss_growth_mb=… seconds=…`.
//
// It sets up what it needs in the bench database: a call of its own whose form has a file field
// taking up to 200 MB, and a draft for the demo applicant's network. The stored file is deleted
// through the portal afterwards, so the portal's data folder keeps nothing of it.
import { createHash, randomBytes, randomFillSync } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { connectPostgres } from "../app/server/db.server.ts";

const MEBIBYTE = 1024 * 1024;
const FILE_BYTES = 200 * MEBIBYTE;
const FIELD_KEY = "projektdokumentation";
const SAMPLE_EVERY_MS = 25;

export interface UploadBenchInput {
  /** The portal under test, e.g. http://127.0.0.1:4000, and its process id. */
  base: string;
  pid: number;
  databaseUrl: string;
  /** The demo applicant's cookies (session and CSRF), as `logIn` returns them. */
  cookie: string;
  applicantEmail: string;
}

export interface UploadBenchResult {
  rssGrowthMb: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  status: number;
}

function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

/** The call, stage and draft the upload goes to; returns the application's id. */
async function prepareApplication(databaseUrl: string, applicantEmail: string): Promise<string> {
  const db = connectPostgres(databaseUrl, 2);
  try {
    const prisma = db.prisma;
    const membership = await prisma.networkMembership.findFirstOrThrow({ where: { user: { email: applicantEmail }, role: "COORDINATOR" }, select: { networkId: true, userId: true } });
    const now = Date.now();
    const suffix = randomBytes(4).toString("hex");
    const programme = await prisma.programme.create({ data: { slug: `bench-uploads-${suffix}`, name: "Bench: große Anlagen", funder: "Bench" } });
    const call = await prisma.call.create({
      data: { programmeId: programme.id, slug: `bench-uploads-${suffix}`, title: "Bench: große Anlagen", funder: "Bench", awardType: "SUPPORT", status: "PUBLISHED", publishedAt: new Date(now) },
    });
    const definition = {
      eligibility: [],
      sections: [
        {
          key: "anlagen",
          titleDe: "Anlagen",
          titleEn: "Attachments",
          fields: [{ key: FIELD_KEY, type: "file", labelDe: "Projektdokumentation", labelEn: "Project documentation", required: true, accept: ["pdf"], maxSizeMb: 200, maxFiles: 1 }],
        },
      ],
    };
    const stage = await prisma.callStage.create({
      data: {
        callId: call.id,
        position: 1,
        kind: "SINGLE",
        opensAt: new Date(now - 3_600_000),
        closesAt: new Date(now + 86_400_000),
        form: { create: { definition, publishedAt: new Date(now) } },
      },
    });
    const application = await prisma.application.create({
      data: { callId: call.id, stageId: stage.id, networkId: membership.networkId, createdById: membership.userId, title: "Bench-Upload" },
    });
    return application.id;
  } finally {
    await db.close();
  }
}

/** A PDF of FILE_BYTES: a valid header, then random bytes (written in 1 MiB pieces). */
async function generatePdf(file: string): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  const piece = Buffer.alloc(MEBIBYTE);
  for (let written = 0; written < FILE_BYTES; written += MEBIBYTE) {
    randomFillSync(piece);
    if (written === 0) piece.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n", "latin1");
    hash.update(piece);
    if (!out.write(piece)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return hash.digest("hex");
}

function csrfFrom(cookie: string): string {
  const pair = cookie.split(";").map((part) => part.trim()).find((part) => part.split("=")[0]!.endsWith("portal_csrf"));
  if (!pair) throw new Error("The applicant's cookies carry no CSRF token");
  return decodeURIComponent(pair.slice(pair.indexOf("=") + 1));
}

/** POSTs the form with node:http, piping the file from disk, so the client holds no more of it than the server does. */
function postMultipart(url: URL, cookie: string, csrf: string, file: string): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    `${field("csrf", csrf)}${field("fieldKey", FIELD_KEY)}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Projektdokumentation.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        headers: {
          Cookie: cookie,
          Accept: "application/json",
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(head.length + FILE_BYTES + tail.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.write(head);
    const source = createReadStream(file, { highWaterMark: 256 * 1024 });
    source.on("error", reject);
    source.on("end", () => request.end(tail));
    source.pipe(request, { end: false });
  });
}

async function deleteThroughPortal(base: string, cookie: string, csrf: string, fileId: string): Promise<void> {
  const response = await fetch(`${base}/files/${fileId}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({ csrf, intent: "delete" }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`Deleting the uploaded file answered HTTP ${response.status}`);
}

export async function benchUpload(input: UploadBenchInput): Promise<UploadBenchResult> {
  const applicationId = await prepareApplication(input.databaseUrl, input.applicantEmail);
  const directory = await mkdtemp(path.join(tmpdir(), "bench-upload-"));
  const file = path.join(directory, "Projektdokumentation.pdf");
  try {
    const sha256 = await generatePdf(file);
    const csrf = csrfFrom(input.cookie);
    // Let the server settle after the load scenarios, so their garbage is not counted as the upload's.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssBeforeMb = rssMbOf(input.pid);
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMbOf(input.pid))), SAMPLE_EVERY_MS);
    const started = performance.now();
    let answer: { status: number; body: string };
    try {
      answer = await postMultipart(new URL(`/applications/${applicationId}/files`, input.base), input.cookie, csrf, file);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const rssAfterMb = rssMbOf(input.pid);
    rssPeakMb = Math.max(rssPeakMb, rssAfterMb);
    let reply: { ok?: boolean; files?: { id: string; sizeBytes: number }[] } = {};
    try {
      reply = JSON.parse(answer.body) as typeof reply;
    } catch {
      // Not JSON: reported with the body below.
    }
    if (answer.status !== 200 || !reply.ok || reply.files?.[0]?.sizeBytes !== FILE_BYTES) {
      throw new Error(`The 200 MB upload was not stored: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
    }
    const stored = reply.files[0];
    const db = connectPostgres(input.databaseUrl, 1);
    try {
      const row = await db.prisma.storedFile.findUniqueOrThrow({ where: { id: stored.id }, select: { sha256: true } });
      if (row.sha256 !== sha256) throw new Error("The stored file's SHA-256 differs from the one sent");
    } finally {
      await db.close();
    }
    await deleteThroughPortal(input.base, input.cookie, csrf, stored.id);
    return { rssGrowthMb: rssPeakMb - rssBeforeMb, seconds, rssBeforeMb, rssPeakMb, rssAfterMb, status: answer.status };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Runs the scenario and prints its line (and the figures behind it). */
export async function printUploadBench(input: UploadBenchInput): Promise<void> {
  const result = await benchUpload(input);
  console.log(`bench upload-200mb: rss_growth_mb=${result.rssGrowthMb.toFixed(1)} seconds=${result.seconds.toFixed(2)}`);
  console.log(
    `  upload-200mb: rss_before_mb=${result.rssBeforeMb.toFixed(1)} rss_peak_mb=${result.rssPeakMb.toFixed(1)} rss_after_mb=${result.rssAfterMb.toFixed(1)} (sampled every ${SAMPLE_EVERY_MS} ms), HTTP ${result.status}, SHA-256 checked`,
  );
}
