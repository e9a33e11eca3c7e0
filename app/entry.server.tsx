import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { contentSecurityPolicy } from "./server/web/security-headers.server";

export { staticSecurityHeaders } from "./server/web/security-headers.server";

export {
  prepareDatabase,
  connectDatabase,
  startBackgroundWork,
  stopGracefully,
  removeLeftoversOfLastRun,
  databaseIsHealthy,
  demoLoginsAvailable,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  UnusableDataFolderError,
} from "./server/startup.server";
export { shutdownGraceMs, watchRequests } from "./server/web/graceful-stop.server";
export { answeringBusyWhileDatabaseIsAway } from "./server/web/database-busy.server";
export { developmentMailboxEnabled } from "./server/config.server";

const RENDER_TIMEOUT_MS = 10_000;

// Every page is rendered whole before it is sent (onAllReady): nothing here is deferred. The
// streaming renderer is needed all the same: with single fetch, Remix hands the loader data to the
// browser inside a Suspense boundary that renderToString never waits for, and the page would then
// never hydrate.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = String(loadContext.nonce ?? "");
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    // Cleared as soon as the page is ready: a pending timer would keep the whole render alive.
    const abortTimer = setTimeout(() => abort(), RENDER_TIMEOUT_MS + 1000);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} abortDelay={RENDER_TIMEOUT_MS} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(abortTimer);
          // The whole page is ready: collect it and send it as one body with its length, rather than
          // as a stream of small chunks that each pass through the web-stream plumbing and the socket.
          const chunks: Buffer[] = [];
          const page = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
          });
          page.once("finish", () => {
            const body = Buffer.concat(chunks);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(body.byteLength));
            responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
            // Pages carry personal data and form tokens: never keep them in shared caches.
            responseHeaders.set("Cache-Control", "private, no-store");
            resolve(new Response(body, { status, headers: responseHeaders }));
          });
          pipe(page);
        },
        onShellError(error) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error) {
          status = 500;
          console.error(error);
        },
      },
    );
  });
}

// Unknown addresses answer 404 and closed connections abort loaders: neither is a server error
// worth a stack trace in the log.
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status === 404)) return;
  console.error(error);
}
