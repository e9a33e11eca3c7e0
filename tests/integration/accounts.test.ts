import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import {
  acceptInvitation,
  changePassword,
  confirmEmail,
  invitePerson,
  logIn,
  passwordResetTokenIsValid,
  RateLimitedError,
  requestPasswordReset,
  resetPassword,
  signUp,
  updateProfile,
} from "../../app/server/accounts/accounts.server";
import { RefusedError } from "../../app/server/http.server";
import { currentUser, endSession, sessionCookieName, startSession } from "../../app/server/accounts/session.server";
import { createPerson, lastMailLink } from "../support/accounts";

const baseUrl = "http://portal.test";
let addressCounter = 0;
/** Each test its own client address, so the per-address limits of one test do not leak into another. */
function context(now = new Date()) {
  addressCounter += 1;
  return { baseUrl, clientAddress: `10.0.0.${addressCounter}`, locale: "de" as const, now };
}

function signUpInput(email: string, networkName = `Netzwerk ${email}`) {
  return { name: "Clara Koordinatorin", email, password: "ein langes passwort", networkName, bundesland: "BW" as const, region: "Freiburg" };
}

describe("sign-up and email confirmation", () => {
  it("creates an unconfirmed coordinator with a network, and queues a confirmation mail in the same transaction", async () => {
    const { userId } = await signUp(signUpInput("clara@example.test"), context());
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: { include: { network: true } } } });
    expect(user.role).toBe("APPLICANT");
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]!.role).toBe("COORDINATOR");
    expect(user.memberships[0]!.network).toMatchObject({ name: "Netzwerk clara@example.test", bundesland: "BW", region: "Freiburg" });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: "clara@example.test" } });
    expect(mail).toMatchObject({ template: "confirm-email", status: "PENDING", locale: "de", subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse" });
    expect(mail.html).toContain(`${baseUrl}/confirm-email/`);
  });

  it("refuses an address that already has an account, on the email field", async () => {
    await signUp(signUpInput("taken@example.test"), context());
    const error = await signUp(signUpInput("taken@example.test", "Anderes Netzwerk"), context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedError);
    expect(error).toMatchObject({ messageKey: "error.emailTaken", options: { field: "email" } });
  });

  it("refuses joining a network that already has a coordinator, and leaves no half-created account", async () => {
    await signUp(signUpInput("first@example.test", "MINT-Netz Doppelt"), context());
    const error = await signUp(signUpInput("second@example.test", "MINT-Netz Doppelt"), context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ messageKey: "error.networkTaken" });
    expect(await prisma.user.count({ where: { email: "second@example.test" } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { toEmail: "second@example.test" } })).toBe(0);
  });

  it("confirms the address once by the mailed link; the link then stops working", async () => {
    await signUp(signUpInput("confirm@example.test"), context());
    const token = await lastMailLink("confirm@example.test", "/confirm-email");
    expect(await confirmEmail(token)).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "confirm@example.test" } })).emailVerifiedAt).not.toBeNull();
    expect(await confirmEmail(token)).toBe(false);
    expect(await confirmEmail("not-a-token")).toBe(false);
  });

  it("refuses an expired confirmation link", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    await signUp(signUpInput("late@example.test"), context(now));
    const token = await lastMailLink("late@example.test", "/confirm-email");
    expect(await confirmEmail(token, new Date("2026-03-03T10:00:01Z"))).toBe(false);
    expect(await confirmEmail(token, new Date("2026-03-03T09:59:59Z"))).toBe(true);
  });
});

describe("login", () => {
  it("accepts the right password and refuses a wrong one or an unknown address with the same answer", async () => {
    const person = await createPerson("MANAGER", { password: "richtiges passwort" });
    expect(await logIn({ email: person.email, password: "richtiges passwort" }, context())).toEqual({ ok: true, userId: person.id, role: "MANAGER" });
    expect(await logIn({ email: person.email, password: "falsches passwort" }, context())).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn({ email: "nobody@example.test", password: "falsches passwort" }, context())).toEqual({ ok: false, reason: "invalid" });
  });

  it("tells an unconfirmed account to confirm only when the password was right, and mails the link again", async () => {
    await signUp(signUpInput("unconfirmed@example.test"), context());
    expect(await logIn({ email: "unconfirmed@example.test", password: "wrong wrong wrong" }, context())).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn({ email: "unconfirmed@example.test", password: "ein langes passwort" }, context())).toEqual({ ok: false, reason: "unverified" });
    expect(await prisma.outboxEmail.count({ where: { toEmail: "unconfirmed@example.test", template: "confirm-email" } })).toBe(2);
  });

  it("refuses a disabled account", async () => {
    const person = await createPerson("JUROR", { password: "richtiges passwort" });
    await prisma.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect(await logIn({ email: person.email, password: "richtiges passwort" }, context())).toEqual({ ok: false, reason: "invalid" });
  });

  it("limits attempts per account: the sixth within 15 minutes is refused, also with the right password, and allowed again later", async () => {
    const person = await createPerson("APPLICANT", { password: "richtiges passwort" });
    const start = new Date("2026-05-01T08:00:00Z");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await logIn({ email: person.email, password: "falsch falsch" }, { baseUrl, clientAddress: `192.0.2.${attempt}`, now: start });
    }
    const refused = await logIn({ email: person.email, password: "richtiges passwort" }, { baseUrl, clientAddress: "192.0.2.99", now: start }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(15 * 60);
    const later = new Date(start.getTime() + 15 * 60 * 1000 + 1000);
    expect(await logIn({ email: person.email, password: "richtiges passwort" }, { baseUrl, clientAddress: "192.0.2.99", now: later })).toMatchObject({ ok: true });
  });

  it("limits failed attempts per client address across many accounts", async () => {
    const now = new Date("2026-05-02T08:00:00Z");
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await logIn({ email: `guess${attempt}@example.test`, password: "x" }, { baseUrl, clientAddress: "198.51.100.7", now });
    }
    await expect(logIn({ email: "guess-last@example.test", password: "x" }, { baseUrl, clientAddress: "198.51.100.7", now })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(logIn({ email: "guess-last@example.test", password: "x" }, { baseUrl, clientAddress: "198.51.100.8", now })).resolves.toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  async function sessionRequest(userId: string, now = new Date()) {
    const cookie = (await startSession(userId, "vitest", now)).split(";")[0]!;
    const request = new Request(`${baseUrl}/`, { headers: { Cookie: cookie } });
    const sessionId = (await prisma.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } })).id;
    return { request, sessionId };
  }

  it("knows the person behind a live session, and nobody without a cookie or with an unknown one", async () => {
    const person = await createPerson("MANAGER");
    const { request, sessionId } = await sessionRequest(person.id);
    expect(await currentUser(request)).toEqual({ ...person, sessionId });
    expect(await currentUser(new Request(`${baseUrl}/`))).toBeNull();
    expect(await currentUser(new Request(`${baseUrl}/`, { headers: { Cookie: `${sessionCookieName()}=made-up` } }))).toBeNull();
  });

  it("refuses a session once it is ended, expired, or its person disabled", async () => {
    const ended = await sessionRequest((await createPerson("APPLICANT")).id);
    await endSession(ended.request);
    expect(await currentUser(ended.request)).toBeNull();

    const expired = await sessionRequest((await createPerson("APPLICANT")).id);
    await prisma.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await currentUser(expired.request)).toBeNull();

    const person = await createPerson("JUROR");
    const disabled = await sessionRequest(person.id);
    await prisma.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect(await currentUser(disabled.request)).toBeNull();
  });

  it("keeps an active session alive: a visit more than an hour after the last extends it", async () => {
    const person = await createPerson("APPLICANT");
    const { request, sessionId } = await sessionRequest(person.id, new Date(Date.now() - 2 * 3_600_000));
    expect(await currentUser(request)).toMatchObject({ id: person.id });
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(Date.now() - session.lastSeenAt.getTime()).toBeLessThan(60_000);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  });
});

describe("password reset", () => {
  it("mails a one-hour link, sets the new password, ends all sessions and confirms the address", async () => {
    const person = await createPerson("APPLICANT", { password: "altes passwort!" });
    await prisma.session.create({ data: { id: "old-session", userId: person.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    const now = new Date();
    await requestPasswordReset(person.email, { baseUrl, clientAddress: "10.1.0.1", now });
    const token = await lastMailLink(person.email, "/reset-password");
    expect(await passwordResetTokenIsValid(token, now)).toBe(true);
    expect(await passwordResetTokenIsValid(token, new Date(now.getTime() + 3_600_001))).toBe(false);
    expect(await resetPassword(token, "neues passwort!!", now)).toBe(true);
    expect(await resetPassword(token, "noch ein passwort", now)).toBe(false);
    expect(await logIn({ email: person.email, password: "neues passwort!!" }, context())).toMatchObject({ ok: true });
    expect(await logIn({ email: person.email, password: "altes passwort!" }, context())).toMatchObject({ ok: false });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: "old-session" } })).revokedAt).not.toBeNull();
  });

  it("says nothing and sends nothing for an unknown address", async () => {
    await requestPasswordReset("unknown@example.test", { baseUrl, clientAddress: "10.1.0.2" });
    expect(await prisma.outboxEmail.count({ where: { toEmail: "unknown@example.test" } })).toBe(0);
  });

  it("limits reset requests per address", async () => {
    const person = await createPerson("APPLICANT");
    const now = new Date("2026-06-01T08:00:00Z");
    for (let attempt = 0; attempt < 3; attempt += 1) await requestPasswordReset(person.email, { baseUrl, clientAddress: `10.2.0.${attempt}`, now });
    await expect(requestPasswordReset(person.email, { baseUrl, clientAddress: "10.2.0.9", now })).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("profile", () => {
  it("updates name and language", async () => {
    const person = await createPerson("JUROR");
    await updateProfile(person, { name: "Neuer Name", locale: "en" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: "Neuer Name", locale: "en" });
  });

  it("changes the password only with the current one and ends the other sessions, not this one", async () => {
    const person = await createPerson("APPLICANT", { password: "aktuelles passwort" });
    const expiresAt = new Date(Date.now() + 86_400_000);
    await prisma.session.createMany({ data: [{ id: "this-one", userId: person.id, expiresAt }, { id: "other-one", userId: person.id, expiresAt }] });
    const actor = { ...person, sessionId: "this-one" };
    expect(await changePassword(actor, { currentPassword: "falsch!", password: "ganz neues passwort" }, { clientAddress: "10.3.0.1" })).toBe(false);
    expect(await changePassword(actor, { currentPassword: "aktuelles passwort", password: "ganz neues passwort" }, { clientAddress: "10.3.0.1" })).toBe(true);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: "this-one" } })).revokedAt).toBeNull();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: "other-one" } })).revokedAt).not.toBeNull();
  });
});

describe("invitations", () => {
  async function programmeManagedBy(managerId: string) {
    const programme = await prisma.programme.create({ data: { slug: `programm-${managerId}`, name: "MINT-Cluster", funder: "BMFTR" } });
    await prisma.programmeManager.create({ data: { programmeId: programme.id, userId: managerId } });
    return programme;
  }

  it("a manager invites a juror; the link creates a confirmed juror account once", async () => {
    const manager = await createPerson("MANAGER");
    await invitePerson(manager, { name: "Jonas Juror", email: "jonas@example.test", role: "JUROR", locale: "de" }, { baseUrl });
    const token = await lastMailLink("jonas@example.test", "/invitation");
    const accepted = await acceptInvitation(token, "mein juroren passwort");
    expect(accepted?.role).toBe("JUROR");
    const juror = await prisma.user.findUniqueOrThrow({ where: { email: "jonas@example.test" } });
    expect(juror).toMatchObject({ role: "JUROR", name: "Jonas Juror" });
    expect(juror.emailVerifiedAt).not.toBeNull();
    expect(await acceptInvitation(token, "noch einmal versuchen")).toBeNull();
    expect(await prisma.user.count({ where: { email: "jonas@example.test" } })).toBe(1);
  });

  it("a manager invites another manager into their own programme, who then manages it", async () => {
    const manager = await createPerson("MANAGER");
    const programme = await programmeManagedBy(manager.id);
    await invitePerson(manager, { name: "Maria", email: "maria@example.test", role: "MANAGER", programmeId: programme.id, locale: "en" }, { baseUrl });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: "maria@example.test" } });
    expect(mail.subject).toBe("Invitation to the MINT Funding Portal");
    const accepted = await acceptInvitation(await lastMailLink("maria@example.test", "/invitation"), "managerin passwort");
    expect(await prisma.programmeManager.count({ where: { programmeId: programme.id, userId: accepted!.userId } })).toBe(1);
  });

  it("refuses a manager inviting into a programme they do not run, or without one", async () => {
    const manager = await createPerson("MANAGER");
    const otherManager = await createPerson("MANAGER");
    const foreign = await programmeManagedBy(otherManager.id);
    await expect(invitePerson(manager, { name: "X", email: "x@example.test", role: "MANAGER", programmeId: foreign.id, locale: "de" }, { baseUrl })).rejects.toMatchObject({
      messageKey: "invite.programmeRequired",
      options: { field: "programmeId" },
    });
    await expect(invitePerson(manager, { name: "X", email: "x@example.test", role: "MANAGER", locale: "de" }, { baseUrl })).rejects.toBeInstanceOf(RefusedError);
  });

  it("refuses roles the inviter may not hand out", async () => {
    const manager = await createPerson("MANAGER");
    for (const role of ["ADMIN", "STATE_COORDINATOR"] as const) {
      await expect(invitePerson(manager, { name: "X", email: `${role}@example.test`, role, bundesland: "BW", locale: "de" }, { baseUrl })).rejects.toMatchObject({
        messageKey: "invite.notAllowed",
      });
    }
    for (const inviterRole of ["APPLICANT", "JUROR", "STATE_COORDINATOR"] as const) {
      const inviter = await createPerson(inviterRole);
      await expect(invitePerson(inviter, { name: "X", email: `from-${inviterRole}@example.test`, role: "JUROR", locale: "de" }, { baseUrl })).rejects.toMatchObject({
        messageKey: "invite.notAllowed",
      });
    }
    expect(await prisma.invitation.count({ where: { email: { contains: "@example.test" }, name: "X" } })).toBe(0);
  });

  it("an admin invites a state coordinator for a Land, who then advises it", async () => {
    const admin = await createPerson("ADMIN");
    await expect(invitePerson(admin, { name: "Lena", email: "lena@example.test", role: "STATE_COORDINATOR", locale: "de" }, { baseUrl })).rejects.toMatchObject({
      options: { field: "bundesland" },
    });
    await invitePerson(admin, { name: "Lena", email: "lena@example.test", role: "STATE_COORDINATOR", bundesland: "SN", locale: "de" }, { baseUrl });
    await acceptInvitation(await lastMailLink("lena@example.test", "/invitation"), "koordinatorin passwort");
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "lena@example.test" } })).toMatchObject({ role: "STATE_COORDINATOR", bundesland: "SN" });
  });

  it("refuses inviting an address that already has an account", async () => {
    const admin = await createPerson("ADMIN");
    const existing = await createPerson("JUROR");
    await expect(invitePerson(admin, { name: "Y", email: existing.email, role: "JUROR", locale: "de" }, { baseUrl })).rejects.toMatchObject({ messageKey: "invite.alreadyUser" });
  });

  it("an invitation expires after seven days", async () => {
    const admin = await createPerson("ADMIN");
    const now = new Date("2026-07-01T12:00:00Z");
    await invitePerson(admin, { name: "Spät", email: "spaet@example.test", role: "JUROR", locale: "de" }, { baseUrl, now });
    const token = await lastMailLink("spaet@example.test", "/invitation");
    expect(await acceptInvitation(token, "zu spaet passwort", new Date("2026-07-08T12:00:01Z"))).toBeNull();
    expect(await acceptInvitation(token, "gerade noch recht", new Date("2026-07-08T11:59:59Z"))).not.toBeNull();
  });

  it("two simultaneous acceptances of one link create one account", async () => {
    const admin = await createPerson("ADMIN");
    await invitePerson(admin, { name: "Doppelt", email: "doppelt@example.test", role: "JUROR", locale: "de" }, { baseUrl });
    const token = await lastMailLink("doppelt@example.test", "/invitation");
    const results = await Promise.all([acceptInvitation(token, "erstes passwort!"), acceptInvitation(token, "zweites passwort")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await prisma.user.count({ where: { email: "doppelt@example.test" } })).toBe(1);
  });
});
