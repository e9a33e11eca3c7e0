// `npm start`: builds when there is no build yet, migrates, seeds the demo into an empty demo
// database, then serves the portal. One process; run several behind a load balancer to scale.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";

process.env.NODE_ENV ??= "production";
const buildEntry = path.resolve("build/server/index.js");

if (!existsSync(buildEntry) || process.env.REBUILD === "1") {
  console.log("Building the portal (first start)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const build = await import(pathToFileURL(buildEntry).href);
const { prepareDatabase, startBackgroundWork } = build.entry.module;
const { seeded } = await prepareDatabase();
const stopBackgroundWork = startBackgroundWork();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
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
    build,
    getLoadContext: (request) => ({
      nonce: randomBytes(16).toString("base64"),
      clientAddress: request.ip ?? "unknown",
    }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const server = app.listen(port, host, () => {
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  console.log(`MINT-Förderportal läuft auf ${url}${seeded ? " (Demo-Daten angelegt)" : ""}`);
  if (build.entry.module.demoLoginsAvailable()) {
    console.log(`Demo-Zugänge (Passwort für alle: ${build.entry.module.DEMO_PASSWORD}):`);
    for (const [role, email] of build.entry.module.DEMO_LOGINS) console.log(`  ${role.padEnd(22)} ${email}`);
    console.log(`Entwicklungs-Postfach: ${url}/dev/mailbox`);
  }
});

function shutDown() {
  stopBackgroundWork();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutDown);
process.on("SIGINT", shutDown);
