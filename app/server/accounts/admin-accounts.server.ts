import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { forbidden, notFound, RefusedError } from "../http.server";
import type { CurrentUser } from "./session.server";
import type { AccountFilter, AccountStatus } from "~/forms/admin-schemas";
import type { Bundesland, UserRole } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";

/** Lists of people sort the way a German reader expects: umlauts beside their vowels, any case. */
export const germanOrder = new Intl.Collator("de", { sensitivity: "base", numeric: true });

/** The administration's functions check the role themselves too, so no route can forget it. */
export function requireAdmin(actor: Pick<CurrentUser, "role">): void {
  if (actor.role !== "ADMIN") throw forbidden();
}

const ACCOUNT_LIST_LIMIT = 500;

function statusWhere(status: AccountStatus): Prisma.UserWhereInput {
  if (status === "deactivated") return { disabledAt: { not: null } };
  if (status === "unconfirmed") return { disabledAt: null, emailVerifiedAt: null };
  return { disabledAt: null, emailVerifiedAt: { not: null } };
}

export function accountStatusOf(account: { disabledAt: Date | null; emailVerifiedAt: Date | null }): AccountStatus {
  if (account.disabledAt) return "deactivated";
  return account.emailVerifiedAt ? "active" : "unconfirmed";
}

/**
 * Accounts matching the search, alphabetically by name. At most `ACCOUNT_LIST_LIMIT` come back
 * (`truncated` says when there were more): the portal holds every applicant of every network, and a
 * page of thousands helps nobody.
 */
export async function listAccountsForAdmin(actor: Pick<CurrentUser, "role">, filter: AccountFilter) {
  requireAdmin(actor);
  const where: Prisma.UserWhereInput = {
    AND: [
      filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] } : {},
      filter.role ? { role: filter.role } : {},
      filter.status ? statusWhere(filter.status) : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: { id: true, name: true, email: true, role: true, emailVerifiedAt: true, disabledAt: true, createdAt: true },
      // The database's order picks which rows come; the German order arranges them.
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: ACCOUNT_LIST_LIMIT,
    }),
  ]);
  const accounts = rows
    .map((row) => ({ ...row, status: accountStatusOf(row) }))
    .sort((a, b) => germanOrder.compare(a.name, b.name) || a.email.localeCompare(b.email));
  return { accounts, total, truncated: total > rows.length };
}

/** One account with what an administrator decides about: role, access, programmes, networks. */
export async function accountForAdmin(actor: Pick<CurrentUser, "role">, userId: string, now = new Date()) {
  requireAdmin(actor);
  const account = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      bundesland: true,
      locale: true,
      emailVerifiedAt: true,
      disabledAt: true,
      createdAt: true,
      managedProgrammes: { select: { programme: { select: { id: true, name: true } } } },
      memberships: { select: { role: true, network: { select: { id: true, name: true, bundesland: true } } } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  if (!account) throw notFound();
  const { managedProgrammes, memberships, _count, ...rest } = account;
  return {
    ...rest,
    status: accountStatusOf(account),
    activeSessions: _count.sessions,
    programmes: managedProgrammes.map((entry) => entry.programme).sort((a, b) => germanOrder.compare(a.name, b.name)),
    networks: memberships.map((entry) => ({ ...entry.network, role: entry.role })).sort((a, b) => germanOrder.compare(a.name, b.name)),
  };
}

/**
 * The active administrators, locked for the rest of the transaction: two administrators demoting or
 * deactivating each other at the same moment are decided one after the other, so one always stays.
 */
async function lockActiveAdmins(tx: Transaction): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

function refuseLeavingNoAdmin(activeAdmins: string[], userId: string, field?: string): void {
  if (activeAdmins.length === 1 && activeAdmins[0] === userId) throw new RefusedError("admin.error.lastAdmin", field ? { field } : {});
}

async function lockedAccount(tx: Transaction, userId: string) {
  const account = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, bundesland: true, disabledAt: true } });
  if (!account) throw notFound();
  return account;
}

/**
 * Gives the account another role. Leaving the programme management also leaves its programmes (a
 * later promotion must not bring old programmes back unseen); only state coordination keeps a Land.
 * The last active administrator cannot give up the role.
 */
export async function changeAccountRole(
  actor: Pick<CurrentUser, "id" | "role">,
  input: { userId: string; role: UserRole; bundesland?: Bundesland },
  now = new Date(),
): Promise<{ changed: boolean }> {
  requireAdmin(actor);
  if (input.role === "STATE_COORDINATOR" && !input.bundesland) throw new RefusedError("error.choose", { field: "bundesland" });
  const bundesland = input.role === "STATE_COORDINATOR" ? input.bundesland ?? null : null;
  return prisma.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const account = await lockedAccount(tx, input.userId);
    if (account.role === input.role && account.bundesland === bundesland) return { changed: false };
    if (account.role === "ADMIN" && input.role !== "ADMIN") refuseLeavingNoAdmin(activeAdmins, account.id, "role");
    await tx.user.update({ where: { id: account.id }, data: { role: input.role, bundesland } });
    let leftProgrammes: string[] = [];
    if (account.role === "MANAGER" && input.role !== "MANAGER") {
      const assignments = await tx.programmeManager.findMany({ where: { userId: account.id }, select: { programmeId: true } });
      leftProgrammes = assignments.map((assignment) => assignment.programmeId);
      await tx.programmeManager.deleteMany({ where: { userId: account.id } });
    }
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "User",
        entityId: account.id,
        action: "role-changed",
        fromState: account.role,
        toState: input.role,
        data: { ...(bundesland ? { bundesland } : {}), ...(leftProgrammes.length > 0 ? { leftProgrammes } : {}) },
      },
      now,
    );
    return { changed: true };
  });
}

/**
 * Closes the account: it can no longer log in, and every session it has ends now (the session lookup
 * already ignores disabled people; revoking keeps them ended after a reactivation too). The last
 * active administrator cannot be deactivated.
 */
export async function deactivateAccount(
  actor: Pick<CurrentUser, "id" | "role">,
  input: { userId: string },
  now = new Date(),
): Promise<{ sessionsEnded: number }> {
  requireAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const account = await lockedAccount(tx, input.userId);
    if (account.disabledAt) throw new RefusedError("admin.error.alreadyDeactivated");
    if (account.role === "ADMIN") refuseLeavingNoAdmin(activeAdmins, account.id);
    await tx.user.update({ where: { id: account.id }, data: { disabledAt: now } });
    const ended = await tx.session.updateMany({ where: { userId: account.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(
      tx,
      { actorId: actor.id, entityType: "User", entityId: account.id, action: "account-deactivated", data: { sessionsEnded: ended.count } },
      now,
    );
    return { sessionsEnded: ended.count };
  });
}

/** Opens a deactivated account again; the person logs in afresh (old sessions stay ended). */
export async function reactivateAccount(actor: Pick<CurrentUser, "id" | "role">, input: { userId: string }, now = new Date()): Promise<void> {
  requireAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const reopened = await tx.user.updateMany({ where: { id: input.userId, disabledAt: { not: null } }, data: { disabledAt: null } });
    if (reopened.count !== 1) {
      await lockedAccount(tx, input.userId);
      throw new RefusedError("admin.error.notDeactivated");
    }
    await recordAudit(tx, { actorId: actor.id, entityType: "User", entityId: input.userId, action: "account-reactivated" }, now);
  });
}
