import { afterEach, describe, expect, it, vi } from "vitest";
import { csrfToken, readProtectedForm } from "../../app/server/web/csrf.server";
import { safeRedirectTarget, serializeCookie, sessionCookieName, startPageFor } from "../../app/server/accounts/session.server";
import { contentSecurityPolicy } from "../../app/server/web/security-headers.server";
import { navigationFor } from "../../app/components/navigation";

function post(body: Record<string, string>, cookie?: string) {
  return new Request("http://portal.test/login", {
    method: "POST",
    body: new URLSearchParams(body),
    headers: cookie ? { Cookie: cookie } : {},
  });
}

describe("CSRF protection", () => {
  const token = "t".repeat(43);

  it("hands out a token once and keeps it", () => {
    const fresh = csrfToken(new Request("http://portal.test/"));
    expect(fresh.setCookie).toMatch(/^portal_csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const again = csrfToken(new Request("http://portal.test/", { headers: { Cookie: `portal_csrf=${fresh.token}` } }));
    expect(again).toEqual({ token: fresh.token });
  });

  it("accepts a form whose token matches the cookie", async () => {
    const form = await readProtectedForm(post({ csrf: token, email: "a@b.de" }, `portal_csrf=${token}`));
    expect(form.get("email")).toBe("a@b.de");
  });

  it.each([
    ["no token", {}, `portal_csrf=${token}`],
    ["no cookie", { csrf: token }, undefined],
    ["a different token", { csrf: "x".repeat(43) }, `portal_csrf=${token}`],
    ["a token of another length", { csrf: "short" }, `portal_csrf=${token}`],
  ])("refuses a form with %s with 403", async (_case, body, cookie) => {
    const refusal = await readProtectedForm(post(body as Record<string, string>, cookie)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(403);
  });
});

describe("cookies", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are HttpOnly and SameSite=Lax, Secure with a __Host- name in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(sessionCookieName()).toBe("__Host-portal_session");
    expect(serializeCookie(sessionCookieName(), "v", 60)).toBe("__Host-portal_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure");
  });

  it("are not Secure in development over plain http", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(serializeCookie(sessionCookieName(), "v", 60)).toBe("portal_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
  });
});

describe("redirects after login", () => {
  it.each([
    ["/applicant", "/applicant"],
    ["/calls?x=1", "/calls?x=1"],
    ["//evil.example", "/fallback"],
    ["/\\evil.example", "/fallback"],
    ["https://evil.example", "/fallback"],
    [null, "/fallback"],
  ])("%s goes to %s", (target, expected) => {
    expect(safeRedirectTarget(target, "/fallback")).toBe(expected);
  });

  it("each role has its own start page", () => {
    expect(["APPLICANT", "JUROR", "MANAGER", "STATE_COORDINATOR", "ADMIN"].map((role) => startPageFor(role as never))).toEqual([
      "/applicant",
      "/juror",
      "/manager",
      "/coordinator",
      "/admin",
    ]);
  });
});

describe("navigation", () => {
  it("shows the public list to everyone and each role its own area", () => {
    expect(navigationFor(null, false).map((item) => item.to)).toEqual(["/calls"]);
    expect(navigationFor("APPLICANT", false).map((item) => item.to)).toEqual(["/calls", "/applicant", "/network", "/profile"]);
    expect(navigationFor("MANAGER", true).map((item) => item.to)).toEqual(["/calls", "/manager", "/invitations", "/profile"]);
    expect(navigationFor("JUROR", false).map((item) => item.to)).not.toContain("/invitations");
  });

  it("shows the development mailbox to administrators only, and only where it exists", () => {
    expect(navigationFor("ADMIN", true).map((item) => item.to)).toEqual(["/calls", "/admin", "/invitations", "/profile", "/dev/mailbox"]);
    expect(navigationFor("ADMIN", false).map((item) => item.to)).not.toContain("/dev/mailbox");
    for (const role of [null, "APPLICANT", "JUROR", "MANAGER", "STATE_COORDINATOR"] as const) {
      expect(navigationFor(role, true).map((item) => item.to), String(role)).not.toContain("/dev/mailbox");
    }
  });
});

describe("content security policy", () => {
  it("allows scripts only with the response's nonce and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });
});
