import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { contentSecurityPolicy } from "./server/security-headers.server";

export { staticSecurityHeaders } from "./server/security-headers.server";

export { prepareDatabase, startBackgroundWork, databaseIsHealthy, demoLoginsAvailable, DEMO_LOGINS, DEMO_PASSWORD } from "./server/startup.server";

// Every page is rendered whole before it is sent: nothing here is deferred, and renderToString
// serves about twice the pages per second of the streaming renderer on these machines (DESIGN.md).
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = String(loadContext.nonce ?? "");
  const markup = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // Pages carry personal data and form tokens: never keep them in shared caches.
  responseHeaders.set("Cache-Control", "private, no-store");
  return new Response(`<!DOCTYPE html>${markup}`, { status: responseStatusCode, headers: responseHeaders });
}
