/**
 * How this process runs. `demo` (the default without DATABASE_URL) seeds demo data and shows the
 * development mailbox; `production` (the default with DATABASE_URL) does neither unless asked.
 */
export type PortalMode = "production" | "demo" | "development";

export function portalMode(): PortalMode {
  const mode = process.env.PORTAL_MODE;
  if (mode === "production" || mode === "demo" || mode === "development") return mode;
  return process.env.DATABASE_URL ? "production" : "demo";
}

/** The development mailbox exists only where no real mail leaves the portal. */
export function developmentMailboxEnabled(): boolean {
  return portalMode() !== "production" && !process.env.RESEND_API_KEY;
}

export function secureCookies(): boolean {
  return process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";
}
