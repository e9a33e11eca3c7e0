import { prisma } from "../../app/server/db.server";
import { hashPassword } from "../../app/server/accounts/passwords.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import type { UserRole } from "../../app/generated/prisma/enums";

let counter = 0;

/** A confirmed account with a password, as the session layer would see it once logged in. */
export async function createPerson(role: UserRole, overrides: { email?: string; password?: string; name?: string } = {}): Promise<CurrentUser> {
  counter += 1;
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${counter}-${Date.now()}@example.test`,
      name: overrides.name ?? `${role} ${counter}`,
      role,
      passwordHash: await hashPassword(overrides.password ?? "correct horse battery"),
      emailVerifiedAt: new Date(),
      bundesland: role === "STATE_COORDINATOR" ? "BW" : null,
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, bundesland: user.bundesland, sessionId: "test-session" };
}

/** The link of the newest mail queued for an address (the token is its last path segment). */
export async function lastMailLink(email: string, pathPrefix: string): Promise<string> {
  const mail = await prisma.outboxEmail.findFirst({ where: { toEmail: email }, orderBy: { createdAt: "desc" } });
  if (!mail) throw new Error(`no mail to ${email}`);
  const match = mail.text.match(new RegExp(`https?://[^\\s\\]]*${pathPrefix}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in mail to ${email}:\n${mail.text}`);
  return match[1];
}
