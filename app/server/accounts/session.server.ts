import { redirect } from "@remix-run/node";
import { prisma } from "../db.server";
import { hashToken, newToken } from "../crypto.server";
import { secureCookies } from "../config.server";
import { forbidden } from "../http.server";
import type { UserRole } from "~/generated/prisma/enums";

const SESSION_DAYS = 14;
// Touching the session on every request would write on every page view; once an hour is enough to
// keep an active person's session alive.
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export function sessionCookieName(): string {
  return secureCookies() ? "__Host-portal_session" : "portal_session";
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

export function serializeCookie(name: string, value: string, maxAgeSeconds: number): string {
  const attributes = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (secureCookies()) attributes.push("Secure");
  return attributes.join("; ");
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  locale: "de" | "en";
  bundesland: string | null;
  sessionId: string;
}

/** Starts a session and returns the Set-Cookie header that carries it. */
export async function startSession(userId: string, userAgent: string | null, now = new Date()): Promise<string> {
  const token = newToken();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    },
  });
  return serializeCookie(sessionCookieName(), token, SESSION_DAYS * 86_400);
}

// Lookups in flight, by token. Remix hands each loader of one request its own Request object, and
// the root and page loaders run at the same time: sharing the lookup that is already under way saves a
// query per page without ever answering from an older result (the entry goes when the lookup ends).
const lookupsInFlight = new Map<string, Promise<CurrentUser | null>>();

/** The person behind the request's session cookie, or null. */
export function currentUser(request: Request): Promise<CurrentUser | null> {
  const token = readCookie(request, sessionCookieName());
  if (!token) return Promise.resolve(null);
  let lookup = lookupsInFlight.get(token);
  if (!lookup) {
    lookup = lookUpSession(token).finally(() => lookupsInFlight.delete(token));
    lookupsInFlight.set(token, lookup);
  }
  return lookup;
}

// Every page asks this, so it is one hand-written statement: through Prisma's query builder the same
// lookup costs about twice the CPU time. A session counts only while unrevoked, unexpired and its
// person not disabled.
async function lookUpSession(token: string, now = new Date()): Promise<CurrentUser | null> {
  const [session] = await prisma.$queryRaw<(CurrentUser & { lastSeenAt: Date })[]>`
    SELECT s."id" AS "sessionId", s."lastSeenAt", u."id", u."email", u."name", u."role"::text AS "role",
           u."locale"::text AS "locale", u."bundesland"::text AS "bundesland"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${hashToken(token)} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now} AND u."disabledAt" IS NULL`;
  if (!session) return null;
  const { lastSeenAt, ...user } = session;
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.update({
      where: { id: user.sessionId },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000) },
    });
  }
  return user;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await currentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Logged in and holding one of the roles, else a redirect to the login page or 403. */
export async function requireRole(request: Request, roles: readonly UserRole[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/** Ends the session on the server (the cookie alone would still work until it expires) and clears the cookie. */
export async function endSession(request: Request, now = new Date()): Promise<string> {
  const token = readCookie(request, sessionCookieName());
  if (token) await prisma.session.updateMany({ where: { id: hashToken(token), revokedAt: null }, data: { revokedAt: now } });
  return serializeCookie(sessionCookieName(), "", 0);
}

/** Pages for anonymous visitors (login, sign-up) send someone already logged in to their start page. */
export async function redirectLoggedInToStart(request: Request): Promise<null> {
  const user = await currentUser(request);
  if (user) throw redirect(startPageFor(user.role));
  return null;
}

/** Where each role starts after logging in. */
export function startPageFor(role: UserRole): string {
  switch (role) {
    case "APPLICANT":
      return "/applicant";
    case "JUROR":
      return "/juror";
    case "MANAGER":
      return "/manager";
    case "STATE_COORDINATOR":
      return "/coordinator";
    case "ADMIN":
      return "/admin";
  }
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after login. */
export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
