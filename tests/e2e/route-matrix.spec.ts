import type { APIRequest, APIRequestContext, APIResponse } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD, expect, storageStatePath, test, type Role } from "./fixtures";

// Who may open which page, checked over plain HTTP with the sessions the global setup made.
// No redirects are followed, so a redirect to the login page is seen as such.

type Who = "anonymous" | Role;

/**
 * 200: the page is shown. 403 / 404: refused. "login": a redirect to the login page.
 * "→/path": a redirect elsewhere (a logged-in person opening the login or sign-up page is sent to
 * their start page).
 */
type Expected = 200 | 403 | 404 | "login" | `→/${string}`;

const SEEDED_CALL = "/calls/mint-regionen-2017";
const SEEDED_VERSION_PDF = "/applications/seed-application-digital-skills-2018-1-mint-region-freiburg-bw-1gl7n6n/versions/1/pdf";

const who: Who[] = ["anonymous", "applicant", "applicant2", "juror", "manager", "coordinator", "admin"];

// prettier-ignore
const matrix: Record<string, Expected[]> = {
  //                   anonymous  applicant       applicant2      juror      manager      coordinator      admin
  "/":                 [200,      200,            200,            200,       200,         200,             200],
  "/calls":            [200,      200,            200,            200,       200,         200,             200],
  [SEEDED_CALL]:       [200,      200,            200,            200,       200,         200,             200],
  "/login":            [200,      "→/applicant",  "→/applicant",  "→/juror", "→/manager", "→/coordinator", "→/admin"],
  "/signup":           [200,      "→/applicant",  "→/applicant",  "→/juror", "→/manager", "→/coordinator", "→/admin"],
  "/forgot-password":  [200,      200,            200,            200,       200,         200,             200],
  "/confirm-email":    [200,      200,            200,            200,       200,         200,             200],
  "/profile":          ["login",  200,            200,            200,       200,         200,             200],
  "/applicant":        ["login",  200,            200,            403,       403,         403,             403],
  "/juror":            ["login",  403,            403,            200,       403,         403,             403],
  "/manager":          ["login",  403,            403,            403,       200,         403,             403],
  "/coordinator":      ["login",  403,            403,            403,       403,         200,             403],
  "/admin":            ["login",  403,            403,            403,       403,         403,             200],
  "/admin/programmes/new": ["login", 403,           403,            403,       403,         403,             200],
  "/admin/programmes/no-such-programme": ["login", 403, 403,     403,       403,         403,             404],
  "/admin/accounts/no-such-account": ["login", 403, 403,           403,       403,         403,             404],
  "/invitations":      ["login",  403,            403,            403,       200,         403,             200],
  "/network":          ["login",  200,            200,            403,       403,         403,             403],
  "/manager/calls/new": ["login", 403,            403,            403,       200,         403,             200],
  "/manager/calls/no-such-call": ["login", 403,   403,            403,       404,         403,             404],
  "/manager/calls/no-such-call/outcome-mails": ["login", 403, 403,  403,       404,         403,             404],
  "/manager/calls/no-such-call/stages/no-such-stage/release": ["login", 403, 403, 403, 404, 403,          404],
  "/manager/calls/no-such-call/stages/no-such-stage/assignment": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/review-settings": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/eligibility": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/jury": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/conflicts": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/reviews": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/export.csv": ["login", 403, 403, 403, 404, 403,     404],
  "/manager/calls/no-such-call/stages/no-such-stage/export.xlsx": ["login", 403, 403, 403, 404, 403,    404],
  "/manager/calls/no-such-call/audit": ["login", 403, 403,        403,       404,         403,             404],
  "/manager/applications/no-such-application/audit": ["login", 403, 403, 403, 404, 403,           404],
  "/manager/calls/no-such-call/stages/no-such-stage/ranking": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/calls/no-such-call/stages/no-such-stage/ranking/projector": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/programmes/no-such-programme/expertise": ["login", 403, 403, 403, 404, 403,          404],
  "/manager/applications/no-such-application/reviews": ["login", 403, 403, 403, 404, 403,         404],
  "/manager/calls/no-such-call/stages/no-such-stage/decisions": ["login", 403, 403, 403, 404, 403,        404],
  "/manager/applications/no-such-application/decision": ["login", 403, 403, 403, 404, 403,        404],
  // The juror's pages for a stage, a review, its PDF and its discussion: only jurors, and only their own.
  "/juror/stages/no-such-stage": ["login", 403,    403,            404,       403,         403,             403],
  "/juror/reviews/no-such-assignment": ["login", 403, 403,         404,       403,         403,             403],
  "/juror/reviews/no-such-assignment/pdf": ["login", 403, 403,     404,       403,         403,             403],
  "/juror/reviews/no-such-assignment/discussion": ["login", 403, 403, 404,    403,         403,             403],
  "/manager/applications/no-such-application": ["login", 403, 403, 403,     404,         403,             404],
  "/applications/no-such-application": ["login", 404, 404,        404,       404,         404,             404],
  "/files/no-such-file": ["login", 404,           404,            404,       404,         404,             404],
  // A submitted version's PDF: the seeded application of the applicant's network (Freiburg), which the
  // programme's manager reads too; nobody has shared it with the coordinator or assigned a juror.
  [SEEDED_VERSION_PDF]: ["login",  200,           404,            404,       200,         404,             200],
  "/applications/no-such-application/versions/1/pdf": ["login", 404, 404, 404, 404,     404,             404],
  // Starting an application is a form target; opened directly it leads back to the call.
  [`${SEEDED_CALL}/apply`]: ["→/calls/mint-regionen-2017", "→/calls/mint-regionen-2017", "→/calls/mint-regionen-2017", "→/calls/mint-regionen-2017", "→/calls/mint-regionen-2017", "→/calls/mint-regionen-2017", "→/calls/mint-regionen-2017"],
  // The development mailbox exists in demo mode only, and there it opens from the machine itself (as
  // these requests come) or for administrators (tests/integration/dev-mailbox-access.test.ts checks
  // other addresses); in production mode it is a 404 for everyone.
  "/dev/mailbox":      [200,      200,            200,            200,       200,         200,             200],
  "/dev/mailbox/no-such-mail": [404, 404,         404,            404,       404,         404,             404],
  // One-time links: an unknown token shows the page with its "invalid link" message.
  "/confirm-email/unknown-token":  [200, 200,       200,            200,       200,         200,             200],
  "/reset-password/unknown-token": [200, 200,       200,            200,       200,         200,             200],
  "/invitation/unknown-token":     [200, 200,       200,            200,       200,         200,             200],
  // Form targets only: opened directly they send the reader home.
  "/logout":           ["→/",     "→/",           "→/",           "→/",      "→/",        "→/",            "→/"],
  "/language":         ["→/",     "→/",           "→/",           "→/",      "→/",        "→/",            "→/"],
  "/no-such-page":     [404,      404,            404,            404,       404,         404,             404],
  "/calls/no-such-call": [404,    404,            404,            404,       404,         404,             404],
};

async function requestAs(playwright: { request: APIRequest }, baseURL: string | undefined, role: Who): Promise<APIRequestContext> {
  return playwright.request.newContext({
    baseURL,
    maxRedirects: 0,
    storageState: role === "anonymous" ? undefined : storageStatePath(role),
  });
}

function locationPath(response: APIResponse, baseURL: string | undefined): string {
  const location = response.headers()["location"] ?? "";
  return new URL(location, baseURL).pathname + new URL(location, baseURL).search;
}

/** The CSRF token the role's pages carry (the double-submit cookie from the storage state). */
function csrfTokenOf(role: Role): string {
  const state = JSON.parse(readFileSync(storageStatePath(role), "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.find((candidate) => candidate.name.endsWith("portal_csrf"));
  if (!cookie) throw new Error(`no CSRF cookie in the storage state of ${role}`);
  return decodeURIComponent(cookie.value);
}

test.describe("route permissions", () => {
  for (const [route, row] of Object.entries(matrix)) {
    row.forEach((expected, index) => {
      const role = who[index]!;
      test(`${role} GET ${route} → ${expected}`, async ({ playwright, baseURL }) => {
        const context = await requestAs(playwright, baseURL, role);
        const response = await context.get(route);
        const status = response.status();
        if (expected === "login") {
          expect([302, 303], `status of ${route}`).toContain(status);
          const target = locationPath(response, baseURL);
          expect(target.startsWith("/login"), `redirect target ${target}`).toBe(true);
          expect(target).toBe(`/login?redirectTo=${encodeURIComponent(route)}`);
        } else if (typeof expected === "string") {
          expect([302, 303], `status of ${route}`).toContain(status);
          expect(locationPath(response, baseURL)).toBe(expected.slice(1));
        } else {
          expect(status, `status of ${route}`).toBe(expected);
          // Downloads are resource routes: their refusals are plain responses, not pages.
          if (route.endsWith("/pdf") && expected === 200) expect(response.headers()["content-type"]).toBe("application/pdf");
          else if (!route.startsWith("/files/") && !/\/pdf$|\/export\.(csv|xlsx)$/.test(route)) {
            expect(response.headers()["content-type"]).toContain("text/html");
            if (expected === 403) expect(await response.text()).toContain("Kein Zugriff");
            if (expected === 404) expect(await response.text()).toContain("Nicht gefunden");
          }
        }
        await context.dispose();
      });
    });
  }
});

test.describe("form protection", () => {
  const invitation = (email: string, csrf?: string) => ({
    ...(csrf === undefined ? {} : { csrf }),
    name: "Quentin Querschläger",
    email,
    role: "JUROR",
    locale: "de",
  });

  test("state-changing requests without the token, from another origin, or by the wrong role are refused", async ({ playwright, baseURL }) => {
    const email = `abgelehnt-${Date.now().toString(36)}@example.net`;
    const manager = await requestAs(playwright, baseURL, "manager");
    const applicant = await requestAs(playwright, baseURL, "applicant");

    const withoutToken = await manager.post("/invitations", { form: invitation(email) });
    expect(withoutToken.status(), "POST without CSRF token").toBe(403);

    const wrongToken = await manager.post("/invitations", { form: invitation(email, "x".repeat(43)) });
    expect(wrongToken.status(), "POST with a wrong CSRF token").toBe(403);

    const foreignOrigin = await manager.post("/invitations", {
      form: invitation(email, csrfTokenOf("manager")),
      headers: { Origin: "https://angreifer.example" },
    });
    expect(foreignOrigin.status(), "POST from a foreign origin").toBe(403);

    const byApplicant = await applicant.post("/invitations", { form: invitation(email, csrfTokenOf("applicant")) });
    expect(byApplicant.status(), "POST by an applicant").toBe(403);

    // Another person's token does not fit this session's cookie either.
    const borrowedToken = await manager.post("/invitations", { form: invitation(email, csrfTokenOf("applicant")) });
    expect(borrowedToken.status(), "POST with another visitor's token").toBe(403);

    // None of them invited anyone: no mail went out.
    const mailbox = await manager.get(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    expect(await mailbox.text()).toContain("Noch keine E-Mails.");

    // The same request done right goes through (so the refusals above are the protection at work).
    const proper = await manager.post("/invitations", { form: invitation(email, csrfTokenOf("manager")), headers: { Origin: baseURL! } });
    expect(proper.status(), "POST with token from the portal's own origin").toBe(200);
    expect(await proper.text()).toContain(`Die Einladung an ${email} ist verschickt.`);

    await manager.dispose();
    await applicant.dispose();
  });

  test("pages carry the security headers", async ({ playwright, baseURL }) => {
    const context = await requestAs(playwright, baseURL, "anonymous");
    const first = await context.get("/");
    expect(first.status()).toBe(200);
    const headers = first.headers();
    const csp = headers["content-security-policy"] ?? "";
    const directives = new Map(
      csp
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map((parts) => [parts[0]!, parts.slice(1)]),
    );
    const scriptSources = directives.get("script-src") ?? [];
    const nonce = scriptSources.find((source) => source.startsWith("'nonce-"));
    expect(nonce, `script-src of ${csp}`).toBeTruthy();
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["referrer-policy"]).not.toBe("unsafe-url");
    expect(headers["x-content-type-options"]).toBe("nosniff");

    // Every inline script of the page carries this response's nonce, and the next page gets a new one.
    const html = await first.text();
    const nonceValue = nonce!.slice("'nonce-".length, -1);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonceValue}"`);
    const second = await context.get("/calls");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
    await context.dispose();
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ playwright, baseURL }) => {
    const context = await requestAs(playwright, baseURL, "anonymous");
    const loginPage = await context.get("/login");
    expect(loginPage.status()).toBe(200);
    const csrfCookie = loginPage.headersArray().find((header) => header.name.toLowerCase() === "set-cookie" && /portal_csrf=/.test(header.value));
    expect(csrfCookie?.value).toMatch(/;\s*HttpOnly/i);
    expect(csrfCookie?.value).toMatch(/;\s*SameSite=Lax/i);
    const token = decodeURIComponent(/portal_csrf=([^;]*)/.exec(csrfCookie!.value)![1]!);

    const response = await context.post("/login", {
      form: { csrf: token, email: "juror2@example.org", password: DEMO_PASSWORD, redirectTo: "" },
    });
    expect([302, 303]).toContain(response.status());
    expect(locationPath(response, baseURL)).toBe("/juror");
    const sessionCookie = response.headersArray().find((header) => header.name.toLowerCase() === "set-cookie" && /portal_session=/.test(header.value));
    expect(sessionCookie, "login sets the session cookie").toBeTruthy();
    expect(sessionCookie!.value).toMatch(/;\s*HttpOnly/i);
    expect(sessionCookie!.value).toMatch(/;\s*SameSite=Lax/i);
    expect(sessionCookie!.value).toMatch(/;\s*Path=\//i);

    const start = await context.get("/juror");
    expect(start.status()).toBe(200);
    await context.dispose();
  });

  test("/healthz reports the database", async ({ playwright, baseURL }) => {
    const context = await requestAs(playwright, baseURL, "anonymous");
    const response = await context.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    await context.dispose();
  });
});
