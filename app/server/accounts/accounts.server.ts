import { prisma } from "../db.server";
import { hashToken, newToken } from "../crypto.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { countAttempts, refundAttempts, type CountedAttempt } from "./rate-limit.server";
import { composeEmail, queueEmail } from "../mail/outbox.server";
import type { EmailMessage } from "@emails/render";
import { recordAudit } from "../audit.server";
import { detectConflicts } from "../review/conflicts.server";
import { RefusedError } from "../http.server";
import { formatDateTime, type Locale } from "~/i18n";
import type { Bundesland, UserRole } from "~/generated/prisma/enums";
import type { CurrentUser } from "./session.server";

const CONFIRM_HOURS = 48;
const RESET_HOURS = 1;
const INVITATION_DAYS = 7;
const HOUR = 3_600_000;

/** Too many attempts: the route shows `error.rateLimited` with the minutes to wait. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("rate limited");
  }
}

/**
 * Attempts per account (the address typed in) and per client address within 15 minutes. Sign-up,
 * confirmation mails and password resets count every request: each one mails an address the sender
 * need not own, so the requests that succeed are exactly the ones to hold back. Logins and password
 * changes count only failures (see `logIn`).
 */
const LIMITS = {
  signup: { perAccount: 5, perAddress: 20 },
  confirm: { perAccount: 3, perAddress: 20 },
  reset: { perAccount: 3, perAddress: 20 },
  // A school's network puts a whole staff room behind one address; dozens log in before a deadline
  // and some mistype. 50 failures let them, and still hold a guesser at one address to 50 guesses per
  // quarter hour (and 5 per account).
  login: { perAccount: 5, perAddress: 50 },
  "password-change": { perAccount: 5, perAddress: 30 },
} as const;
const LIMIT_WINDOW_SECONDS = 15 * 60;

/** Counts the attempt, or refuses it (RateLimitedError) once either limit is exceeded. */
async function limitAttempts(action: keyof typeof LIMITS, email: string, clientAddress: string, now: Date): Promise<CountedAttempt[]> {
  const { perAccount, perAddress } = LIMITS[action];
  const { result, counted } = await countAttempts(
    [
      { key: `${action}:account:${email}`, limit: perAccount, windowSeconds: LIMIT_WINDOW_SECONDS },
      { key: `${action}:address:${clientAddress}`, limit: perAddress, windowSeconds: LIMIT_WINDOW_SECONDS },
    ],
    now,
  );
  if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
  return counted;
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  networkName: string;
  bundesland: Bundesland;
  region: string;
}

/**
 * Registers a network coordinator with their network and mails a confirmation link.
 * An address that already has an account is refused with `error.emailTaken`: sign-up cannot hide
 * that without leaving a real user stuck, so it is rate-limited per address like login.
 */
export async function signUp(
  input: SignUpInput,
  context: { locale: Locale; baseUrl: string; clientAddress: string; now?: Date },
): Promise<{ userId: string }> {
  const now = context.now ?? new Date();
  await limitAttempts("signup", input.email, context.clientAddress, now);
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new RefusedError("error.emailTaken", { field: "email" });
  }
  const passwordHash = await hashPassword(input.password);
  const token = newToken();
  const mail = await composeEmail(
    { email: input.email, locale: context.locale },
    { template: "confirm-email", props: { name: input.name, network: input.networkName, url: `${context.baseUrl}/confirm-email/${token}` } },
  );
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "APPLICANT", locale: context.locale, createdAt: now },
    });
    const network = await tx.network.upsert({
      where: { name_bundesland: { name: input.networkName, bundesland: input.bundesland } },
      create: { name: input.networkName, bundesland: input.bundesland, region: input.region, createdAt: now },
      update: {},
    });
    // Joining an existing network by its name alone would let anyone in; a second person of a known
    // network becomes a collaborator only when its coordinator invites them.
    const alreadyCoordinated = await tx.networkMembership.count({ where: { networkId: network.id, role: "COORDINATOR" } });
    if (alreadyCoordinated > 0) throw new RefusedError("error.networkTaken", { field: "networkName" });
    await tx.networkMembership.create({ data: { userId: user.id, networkId: network.id, role: "COORDINATOR", createdAt: now } });
    await tx.userToken.create({
      data: { tokenHash: hashToken(token), purpose: "VERIFY_EMAIL", userId: user.id, expiresAt: new Date(now.getTime() + CONFIRM_HOURS * HOUR), createdAt: now },
    });
    await queueEmail(tx, mail, now);
    await recordAudit(tx, { actorId: user.id, entityType: "User", entityId: user.id, action: "signed-up", data: { networkId: network.id } }, now);
    return { userId: user.id };
  });
}

/** Uses a one-time link; returns the user it belongs to, or null when it is unknown, used or expired. */
async function redeemToken(token: string, purpose: "VERIFY_EMAIL" | "PASSWORD_RESET", now: Date) {
  const claimed = await prisma.userToken.updateMany({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return null;
  return prisma.userToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
}

export async function confirmEmail(token: string, now = new Date()): Promise<boolean> {
  const used = await redeemToken(token, "VERIFY_EMAIL", now);
  if (!used) return false;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, { actorId: used.userId, entityType: "User", entityId: used.userId, action: "email-confirmed" }, now);
  });
  return true;
}

/** Mails a fresh confirmation link if the address has an unconfirmed account; says nothing either way. */
export async function resendConfirmation(email: string, context: { baseUrl: string; clientAddress: string; now?: Date }): Promise<void> {
  const now = context.now ?? new Date();
  await limitAttempts("confirm", email, context.clientAddress, now);
  const user = await prisma.user.findFirst({
    where: { email, emailVerifiedAt: null, disabledAt: null },
    select: { id: true, name: true, locale: true, memberships: { select: { network: { select: { name: true } } }, take: 1 } },
  });
  if (!user) return;
  const token = newToken();
  const mail = await composeEmail(
    { email, locale: user.locale },
    {
      template: "confirm-email",
      props: { name: user.name, network: user.memberships[0]?.network.name ?? "", url: `${context.baseUrl}/confirm-email/${token}` },
    },
  );
  await prisma.$transaction(async (tx) => {
    await tx.userToken.create({
      data: { tokenHash: hashToken(token), purpose: "VERIFY_EMAIL", userId: user.id, expiresAt: new Date(now.getTime() + CONFIRM_HOURS * HOUR), createdAt: now },
    });
    await queueEmail(tx, mail, now);
  });
}

export type LogInResult = { ok: true; userId: string; role: UserRole } | { ok: false; reason: "invalid" | "unverified" };

/**
 * Checks the password. Wrong address and wrong password give the same answer, in about the same time.
 * An unconfirmed account only learns that it is unconfirmed when the password was right.
 * Every attempt is counted before the password is checked (so parallel guesses cannot all slip
 * through) and handed back when the password was right: only failures count, so thirty people behind
 * one school's address can all log in. A success gives back its own attempt only; it never clears
 * failures someone else left on the same account or address.
 */
export async function logIn(
  input: { email: string; password: string },
  context: { baseUrl: string; clientAddress: string; now?: Date },
): Promise<LogInResult> {
  const now = context.now ?? new Date();
  const attempt = await limitAttempts("login", input.email, context.clientAddress, now);
  const user = await prisma.user.findFirst({
    where: { email: input.email, disabledAt: null },
    select: { id: true, role: true, passwordHash: true, emailVerifiedAt: true },
  });
  if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) return { ok: false, reason: "invalid" };
  await refundAttempts(attempt);
  if (!user.emailVerifiedAt) {
    await resendConfirmation(input.email, context).catch((error: unknown) => {
      if (!(error instanceof RateLimitedError)) throw error;
    });
    return { ok: false, reason: "unverified" };
  }
  return { ok: true, userId: user.id, role: user.role };
}

/** Mails a reset link when the address has an account; the page says the same either way. */
export async function requestPasswordReset(email: string, context: { baseUrl: string; clientAddress: string; now?: Date }): Promise<void> {
  const now = context.now ?? new Date();
  await limitAttempts("reset", email, context.clientAddress, now);
  const user = await prisma.user.findFirst({ where: { email, disabledAt: null, passwordHash: { not: null } }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  const token = newToken();
  const mail = await composeEmail(
    { email, locale: user.locale },
    { template: "password-reset", props: { name: user.name, url: `${context.baseUrl}/reset-password/${token}` } },
  );
  await prisma.$transaction(async (tx) => {
    await tx.userToken.create({
      data: { tokenHash: hashToken(token), purpose: "PASSWORD_RESET", userId: user.id, expiresAt: new Date(now.getTime() + RESET_HOURS * HOUR), createdAt: now },
    });
    await queueEmail(tx, mail, now);
    await recordAudit(tx, { actorId: null, entityType: "User", entityId: user.id, action: "password-reset-requested" }, now);
  });
}

export async function passwordResetTokenIsValid(token: string, now = new Date()): Promise<boolean> {
  const found = await prisma.userToken.count({ where: { tokenHash: hashToken(token), purpose: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: now } } });
  return found === 1;
}

/** Sets the new password, confirms the address (the link proved it) and ends every session of the account. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const used = await redeemToken(token, "PASSWORD_RESET", now);
  if (!used) return false;
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { emailVerifiedAt: true } });
    await tx.user.update({ where: { id: used.userId }, data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now } });
    await tx.session.updateMany({ where: { userId: used.userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { actorId: used.userId, entityType: "User", entityId: used.userId, action: "password-reset" }, now);
  });
  return true;
}

export async function loadProfile(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      bundesland: true,
      memberships: { select: { role: true, network: { select: { id: true, name: true, bundesland: true, region: true } } } },
    },
  });
}

export async function updateProfile(actor: CurrentUser, input: { name: string; locale: Locale }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { name: input.name, locale: input.locale } });
    await recordAudit(tx, { actorId: actor.id, entityType: "User", entityId: actor.id, action: "profile-updated" }, now);
  });
}

/** Remembers the language an account chose with the switch, so it follows the person to other devices. */
export async function rememberLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}

/** Changes the password after checking the current one; other sessions end, this one stays. */
export async function changePassword(
  actor: CurrentUser,
  input: { currentPassword: string; password: string },
  context: { clientAddress: string; now?: Date },
): Promise<boolean> {
  const now = context.now ?? new Date();
  const attempt = await limitAttempts("password-change", actor.email, context.clientAddress, now);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return false;
  await refundAttempts(attempt);
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId: actor.id, revokedAt: null, id: { not: actor.sessionId } }, data: { revokedAt: now } });
    await recordAudit(tx, { actorId: actor.id, entityType: "User", entityId: actor.id, action: "password-changed" }, now);
  });
  return true;
}

export interface InviteInput {
  name: string;
  email: string;
  role: "JUROR" | "MANAGER" | "STATE_COORDINATOR" | "ADMIN";
  programmeId?: string;
  bundesland?: Bundesland;
  locale: Locale;
}

/** Which roles an inviter may hand out: managers bring in jurors and fellow managers, admins anyone. */
export function rolesInvitableBy(role: UserRole): readonly InviteInput["role"][] {
  if (role === "ADMIN") return ["JUROR", "MANAGER", "STATE_COORDINATOR", "ADMIN"];
  if (role === "MANAGER") return ["JUROR", "MANAGER"];
  return [];
}

/** Programmes the person may invite managers into: all for admins, their own for managers. */
export async function programmesForInviter(actor: CurrentUser) {
  return prisma.programme.findMany({
    where: actor.role === "ADMIN" ? {} : { managers: { some: { userId: actor.id } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Invites a person by mail. The link sets their password once and expires after seven days.
 * Refusals carry the field they concern, so the form can show them in place.
 */
export async function invitePerson(
  actor: CurrentUser,
  input: InviteInput,
  context: { baseUrl: string; now?: Date },
): Promise<{ invitationId: string }> {
  const now = context.now ?? new Date();
  if (!rolesInvitableBy(actor.role).includes(input.role)) throw new RefusedError("invite.notAllowed", { field: "role" });
  if (input.role === "MANAGER") {
    const allowed = await programmesForInviter(actor);
    if (!input.programmeId || !allowed.some((programme) => programme.id === input.programmeId)) {
      throw new RefusedError("invite.programmeRequired", { field: "programmeId" });
    }
  }
  if (input.role === "STATE_COORDINATOR" && !input.bundesland) throw new RefusedError("error.choose", { field: "bundesland" });
  return createInvitation(
    actor,
    {
      email: input.email,
      name: input.name,
      locale: input.locale,
      role: input.role,
      programmeId: input.role === "MANAGER" ? (input.programmeId ?? null) : null,
      bundesland: input.role === "STATE_COORDINATOR" ? (input.bundesland ?? null) : null,
    },
    (link) => ({ template: "invitation", props: { name: input.name, inviter: actor.name, role: input.role, ...link } }),
    { baseUrl: context.baseUrl, now },
  );
}

/**
 * A manager invites a juror onto one call stage's jury (the caller has checked that the stage is
 * theirs); accepting the link creates the account with its seat on that jury.
 */
export async function inviteJurorOntoStage(
  actor: Pick<CurrentUser, "id" | "name">,
  input: { name: string; email: string; locale: Locale; callId: string; stageId: string },
  context: { baseUrl: string; now?: Date },
): Promise<{ invitationId: string }> {
  const { name, email, locale, callId, stageId } = input;
  return createInvitation(actor, { email, name, locale, role: "JUROR", callId, stageId }, (link) => ({ template: "invitation", props: { name, inviter: actor.name, role: "JUROR", ...link } }), {
    baseUrl: context.baseUrl,
    now: context.now ?? new Date(),
  });
}

/**
 * A network's coordinator invites a collaborator by mail; accepting the link creates the account as
 * a collaborator of that network, with access to its applications. Only coordinators invite.
 */
export async function inviteCollaborator(
  actor: Pick<CurrentUser, "id" | "name">,
  input: { networkId: string; name: string; email: string; locale: Locale },
  context: { baseUrl: string; now?: Date },
): Promise<{ invitationId: string }> {
  const now = context.now ?? new Date();
  const membership = await prisma.networkMembership.findFirst({
    where: { userId: actor.id, networkId: input.networkId, role: "COORDINATOR" },
    select: { network: { select: { id: true, name: true } } },
  });
  if (!membership) throw new RefusedError("networkPage.invite.coordinatorOnly");
  return createInvitation(
    actor,
    { email: input.email, name: input.name, locale: input.locale, role: "APPLICANT", networkId: membership.network.id },
    (link) => ({ template: "collaborator-invitation", props: { name: input.name, inviter: actor.name, network: membership.network.name, ...link } }),
    { baseUrl: context.baseUrl, now },
  );
}

/**
 * Writes an invitation, its mail (to the outbox) and its audit record in one transaction. An address
 * that already has an account is refused. `mail` builds the message around the link and its expiry.
 */
async function createInvitation(
  actor: Pick<CurrentUser, "id">,
  invitee: {
    email: string;
    name: string;
    locale: Locale;
    role: UserRole;
    programmeId?: string | null;
    bundesland?: Bundesland | null;
    networkId?: string;
    callId?: string;
    stageId?: string;
  },
  mail: (link: { url: string; expires: string }) => EmailMessage,
  context: { baseUrl: string; now: Date },
): Promise<{ invitationId: string }> {
  const { now } = context;
  if (await prisma.user.findUnique({ where: { email: invitee.email }, select: { id: true } })) {
    throw new RefusedError("invite.alreadyUser", { field: "email" });
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * HOUR);
  const { locale, networkId, ...stored } = invitee;
  const composed = await composeEmail({ email: invitee.email, locale }, mail({ url: `${context.baseUrl}/invitation/${token}`, expires: formatDateTime(locale, expiresAt) }));
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({ data: { ...stored, networkId, tokenHash: hashToken(token), invitedById: actor.id, expiresAt, createdAt: now } });
    await queueEmail(tx, composed, now);
    const data = { role: invitee.role, email: invitee.email, ...(networkId ? { networkId } : {}) };
    await recordAudit(tx, { actorId: actor.id, entityType: "Invitation", entityId: invitation.id, action: "invited", data }, now);
    return { invitationId: invitation.id };
  });
}

export async function listInvitations(actor: CurrentUser) {
  return prisma.invitation.findMany({
    where: actor.role === "ADMIN" ? {} : { invitedById: actor.id },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true, programme: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

export async function findOpenInvitation(token: string, now = new Date()) {
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, name: true, role: true },
  });
}

/**
 * Turns an open invitation into an account with the chosen password. The claim is one conditional
 * update, so a link used twice at the same moment creates one account.
 */
export async function acceptInvitation(token: string, password: string, now = new Date()): Promise<{ userId: string; role: UserRole } | null> {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) return null;
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) return null;
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: invitation.name,
        passwordHash,
        role: invitation.role,
        bundesland: invitation.bundesland,
        // The invitation mail reached this address, which confirms it.
        emailVerifiedAt: now,
        createdAt: now,
      },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    if (invitation.role === "MANAGER" && invitation.programmeId) {
      await tx.programmeManager.create({ data: { programmeId: invitation.programmeId, userId: user.id, createdAt: now } });
    }
    if (invitation.callId && invitation.stageId && invitation.role === "JUROR") {
      await tx.juryMembership.create({ data: { callId: invitation.callId, stageId: invitation.stageId, userId: user.id, createdAt: now } });
      // The new juror's address alone may already tie them to an applying network.
      await detectConflicts(invitation.stageId, { tx, jurorId: user.id, actorId: user.id, now });
    }
    if (invitation.networkId && invitation.role === "APPLICANT") {
      await tx.networkMembership.create({ data: { userId: user.id, networkId: invitation.networkId, role: "COLLABORATOR", createdAt: now } });
    }
    await recordAudit(tx, { actorId: user.id, entityType: "Invitation", entityId: invitation.id, action: "accepted" }, now);
    return { userId: user.id, role: user.role };
  });
}

/** For administrators: every account, newest first. */
export async function listAccounts() {
  return prisma.user.findMany({
    select: { id: true, name: true, email: true, role: true, emailVerifiedAt: true, createdAt: true, disabledAt: true },
    orderBy: { createdAt: "desc" },
  });
}
