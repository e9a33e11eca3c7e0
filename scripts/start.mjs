// `npm start`: builds when there is no build yet, migrates, completes the demo seed in a demo
// database, removes what an interrupted run left behind, then serves the portal until SIGTERM or
// Ctrl-C, after which it lets requests and background work finish (SHUTDOWN_GRACE_SECONDS). With
// WEB_CONCURRENCY=N (and a PostgreSQL DATABASE_URL) it runs N app processes on one port; they share
// nothing but the database, as separate machines would.
import cluster from "node:cluster";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";

process.env.NODE_ENV ??= "production";
const buildEntry = path.resolve("build/server/index.js");

const processCount = Number(process.env.WEB_CONCURRENCY ?? 1);
if (!Number.isInteger(processCount) || processCount < 1) {
  console.error(`WEB_CONCURRENCY must be a whole number of processes, not "${process.env.WEB_CONCURRENCY}"`);
  process.exit(1);
}
// TRUST_PROXY=N: N reverse proxies of our own stand in front of the portal (usually 1). Express then
// takes the client's address from the N-th entry of X-Forwarded-For counted from the right; entries
// further left were written by the client and could name anyone, 127.0.0.1 included.
const trustedProxies = Number(process.env.TRUST_PROXY ?? 0);
if (!Number.isInteger(trustedProxies) || trustedProxies < 0) {
  console.error(`TRUST_PROXY must be the number of reverse proxies in front of the portal, not "${process.env.TRUST_PROXY}"`);
  process.exit(1);
}
if (processCount > 1 && !process.env.DATABASE_URL) {
  console.error("WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database serves one process only.");
  process.exit(1);
}

if (cluster.isPrimary && (!existsSync(buildEntry) || process.env.REBUILD === "1")) {
  console.log("Building the portal (first start)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const build = await import(pathToFileURL(buildEntry).href);
let graceMs;
try {
  graceMs = build.entry.module.shutdownGraceMs();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;

if (cluster.isPrimary) {
  // A second start on a port in use (usually: the portal runs already) must stop before it opens the
  // database, which the running portal holds, and say so in words instead of Node's EADDRINUSE stack.
  await stopIfPortTaken();
  // Migrating, seeding and tidying up happen once, before any process serves.
  const { seeded } = await explainedIfUnusable(() => build.entry.module.prepareDatabase());
  await build.entry.module.removeLeftoversOfLastRun();
  if (processCount === 1) serve(() => announce(seeded));
  else startProcesses(() => announce(seeded));
} else {
  await build.entry.module.connectDatabase();
  serve(() => undefined);
}

async function stopIfPortTaken() {
  const problem = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => resolve(error.code ?? "ERROR"));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
  if (problem === null) return;
  const reason = problem === "EADDRINUSE" ? "is already in use — is the portal running already?" : `cannot be used (${problem})`;
  console.error(`Port ${port} on ${host} ${reason} Stop the other process, or start on another port: PORT=${port + 1} npm start`);
  process.exit(1);
}

/** A data folder the portal cannot use ends the start with the plain explanation, not a stack trace. */
async function explainedIfUnusable(prepare) {
  try {
    return await prepare();
  } catch (error) {
    if (!(error instanceof build.entry.module.UnusableDataFolderError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

function announce(seeded) {
  const processes = processCount > 1 ? ` mit ${processCount} Prozessen` : "";
  console.log(`MINT-Förderportal läuft auf ${url}${processes}${seeded ? " (Demo-Daten angelegt)" : ""}`);
  if (build.entry.module.demoLoginsAvailable()) {
    console.log(`Demo-Zugänge (Passwort für alle: ${build.entry.module.DEMO_PASSWORD}):`);
    for (const [role, email] of build.entry.module.DEMO_LOGINS) console.log(`  ${role.padEnd(22)} ${email}`);
    if (build.entry.module.developmentMailboxEnabled()) {
      console.log(`Entwicklungs-Postfach: ${url}/dev/mailbox (von diesem Rechner aus oder mit dem Administrationszugang)`);
    }
  }
}

/** Forks the app processes, announces once all listen, and replaces one that dies. */
function startProcesses(onAllListening) {
  let stopping = false;
  let listening = 0;
  for (let index = 0; index < processCount; index++) cluster.fork();
  cluster.on("listening", () => {
    listening += 1;
    if (listening === processCount) onAllListening();
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`App process ${worker.process.pid} ended (${signal ?? code}); starting a new one.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    // Each app process stops within its grace period; this only catches one that hangs.
    setTimeout(() => process.exit(0), graceMs + 10_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function serve(onListening) {
  const stopBackgroundWork = build.entry.module.startBackgroundWork();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustedProxies > 0 ? trustedProxies : false);
  app.use(compression());

  app.use((request, response, next) => {
    response.set(build.entry.module.staticSecurityHeaders);
    // A state-changing request from another origin is refused before any action runs
    // (forms also carry a CSRF token; this catches what a forgotten token would not).
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) {
      const origin = request.get("origin");
      if (origin && origin !== `${request.protocol}://${request.get("host")}`) {
        response.status(403).type("text/plain").send("Cross-origin request refused");
        return;
      }
    }
    next();
  });

  // Browsers ask for /favicon.ico on their own; the icon is an SVG.
  app.get("/favicon.ico", (_request, response) => response.redirect(301, "/favicon.svg"));
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // The few files beside the assets (the icon): asking the file system about every page's path
  // would cost each page a failed stat.
  const clientFiles = new Set(readdirSync("build/client", { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`));
  const serveClientFile = express.static("build/client", { maxAge: "1h" });
  app.use((request, response, next) => (clientFiles.has(request.path) ? serveClientFile(request, response, next) : next()));

  app.get("/healthz", async (_request, response) => {
    const healthy = await build.entry.module.databaseIsHealthy();
    response.status(healthy ? 200 : 503).json({ status: healthy ? "ok" : "unavailable", database: healthy ? "ok" : "unavailable" });
  });

  app.all(
    "*",
    createRequestHandler({
      build: build.entry.module.answeringBusyWhileDatabaseIsAway(build),
      getLoadContext: (request) => ({
        nonce: randomBytes(16).toString("base64"),
        clientAddress: request.ip ?? "unknown",
      }),
    }),
  );

  const server = app.listen(port, host, onListening);
  const requests = build.entry.module.watchRequests(server);

  let stopping = false;
  async function shutDown(signal) {
    // Ctrl-C reaches both npm and this process, and npm passes it on: one stop is enough.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in flight (at most ${graceMs / 1000} s), then stopping.`);
    try {
      const { cutOff } = await build.entry.module.stopGracefully({ requests, stopBackgroundWork, graceMs });
      if (cutOff > 0) console.error(`${cutOff} ${cutOff === 1 ? "request" : "requests"} did not finish within SHUTDOWN_GRACE_SECONDS and ${cutOff === 1 ? "was" : "were"} cut off.`);
      process.exit(0);
    } catch (error) {
      console.error("The stop did not complete cleanly:", error);
      process.exit(1);
    }
  }
  process.on("SIGTERM", () => void shutDown("SIGTERM"));
  process.on("SIGINT", () => void shutDown("SIGINT"));
}
