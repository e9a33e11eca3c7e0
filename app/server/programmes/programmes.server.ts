import { Prisma } from "~/generated/prisma/client";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { germanOrder, requireAdmin } from "../accounts/admin-accounts.server";
import { slugFrom } from "../calls/call-setup.server";
import type { CurrentUser } from "../accounts/session.server";

type Admin = Pick<CurrentUser, "id" | "role">;

export interface ProgrammeInput {
  name: string;
  funder: string;
  description: string;
}

const byName = <T extends { name: string }>(a: T, b: T) => germanOrder.compare(a.name, b.name);

/** Every programme with its managers and number of calls, alphabetically. */
export async function listProgrammesForAdmin(actor: Pick<CurrentUser, "role">) {
  requireAdmin(actor);
  const programmes = await prisma.programme.findMany({
    select: {
      id: true,
      name: true,
      funder: true,
      managers: { select: { user: { select: { id: true, name: true } } } },
      _count: { select: { calls: true } },
    },
  });
  return programmes
    .map(({ managers, _count, ...programme }) => ({ ...programme, calls: _count.calls, managers: managers.map((entry) => entry.user).sort(byName) }))
    .sort(byName);
}

/** One programme with its managers, and the managers who could still join it. */
export async function programmeForAdmin(actor: Pick<CurrentUser, "role">, programmeId: string) {
  requireAdmin(actor);
  const programme = await prisma.programme.findUnique({
    where: { id: programmeId },
    select: {
      id: true,
      slug: true,
      name: true,
      funder: true,
      description: true,
      managers: { select: { user: { select: { id: true, name: true, email: true, disabledAt: true } } } },
      calls: { select: { id: true, title: true, status: true } },
    },
  });
  if (!programme) throw notFound();
  const candidates = await prisma.user.findMany({
    where: { role: "MANAGER", disabledAt: null, managedProgrammes: { none: { programmeId } } },
    select: { id: true, name: true, email: true },
  });
  return {
    ...programme,
    managers: programme.managers.map((entry) => entry.user).sort(byName),
    calls: programme.calls.sort((a, b) => germanOrder.compare(a.title, b.title)),
    candidates: candidates.sort(byName),
  };
}

/** A free slug from the name: the name's own, else numbered on (`mint-regionen-2`). */
async function freeProgrammeSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugFrom(name);
  const taken = new Set((await tx.programme.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
  return candidate;
}

export async function createProgramme(actor: Admin, input: ProgrammeInput, now = new Date()): Promise<{ id: string }> {
  requireAdmin(actor);
  // Two programmes of the same name created at the same moment: the unique slug lets one through,
  // and the other simply takes the next number.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(async (tx) => {
        const slug = await freeProgrammeSlug(tx, input.name);
        const programme = await tx.programme.create({ data: { ...input, slug, createdAt: now }, select: { id: true } });
        await recordAudit(
          tx,
          { actorId: actor.id, entityType: "Programme", entityId: programme.id, action: "programme-created", data: { ...input, slug } },
          now,
        );
        return programme;
      });
    } catch (error) {
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

/** Changes name, funder and description; the slug stays, so addresses already handed out keep working. */
export async function updateProgramme(actor: Admin, programmeId: string, input: ProgrammeInput, now = new Date()): Promise<void> {
  requireAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const before = await tx.programme.findUnique({ where: { id: programmeId }, select: { name: true, funder: true, description: true } });
    if (!before) throw notFound();
    const changed = (Object.keys(input) as (keyof ProgrammeInput)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return;
    await tx.programme.update({ where: { id: programmeId }, data: input });
    const data = Object.fromEntries(changed.map((key) => [key, { from: before[key], to: input[key] }]));
    await recordAudit(tx, { actorId: actor.id, entityType: "Programme", entityId: programmeId, action: "programme-updated", data }, now);
  });
}

/** Adds an active manager to the programme; returns their name for the page's confirmation. */
export async function assignProgrammeManager(actor: Admin, input: { programmeId: string; userId: string }, now = new Date()): Promise<{ name: string }> {
  requireAdmin(actor);
  return prisma.$transaction(async (tx) => {
    if (!(await tx.programme.findUnique({ where: { id: input.programmeId }, select: { id: true } }))) throw notFound();
    const person = await tx.user.findFirst({ where: { id: input.userId, role: "MANAGER", disabledAt: null }, select: { id: true, name: true } });
    if (!person) throw new RefusedError("admin.programme.error.notManager", { field: "userId" });
    const added = await tx.programmeManager.createMany({ data: [{ programmeId: input.programmeId, userId: person.id, createdAt: now }], skipDuplicates: true });
    if (added.count !== 1) throw new RefusedError("admin.programme.error.alreadyManager", { field: "userId" });
    await recordAudit(
      tx,
      { actorId: actor.id, entityType: "Programme", entityId: input.programmeId, action: "manager-assigned", data: { userId: person.id } },
      now,
    );
    return { name: person.name };
  });
}

/** Takes a manager off the programme; their account and other programmes stay. */
export async function removeProgrammeManager(actor: Admin, input: { programmeId: string; userId: string }, now = new Date()): Promise<{ name: string }> {
  requireAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: input.userId }, select: { name: true } });
    const removed = await tx.programmeManager.deleteMany({ where: { programmeId: input.programmeId, userId: input.userId } });
    if (!person || removed.count !== 1) throw new RefusedError("admin.programme.error.notAssigned");
    await recordAudit(
      tx,
      { actorId: actor.id, entityType: "Programme", entityId: input.programmeId, action: "manager-removed", data: { userId: input.userId } },
      now,
    );
    return { name: person.name };
  });
}
