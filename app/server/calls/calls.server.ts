import { prisma } from "../db.server";
import type { CurrentUser } from "../accounts/session.server";

const publicStatuses = ["PUBLISHED", "CLOSED", "ARCHIVED"] as const;

/** What a call's card in a list shows (with the status, which decides whether a stage is current). */
const callCard = {
  slug: true,
  title: true,
  summary: true,
  round: true,
  funder: true,
  status: true,
  awardType: true,
  maxAwardCents: true,
  programme: { select: { name: true } },
};

const callSummary = {
  ...callCard,
  id: true,
  plannedAwards: true,
  targetGroup: true,
  stages: { select: { kind: true, position: true, opensAt: true, closesAt: true }, orderBy: { position: "asc" as const } },
};

type Stage = { opensAt: Date; closesAt: Date };

/** The stage open at `now`, else the next to open, else null. */
export function currentStage<T extends Stage>(stages: T[], now: Date): T | null {
  return stages.find((stage) => stage.opensAt <= now && now < stage.closesAt) ?? stages.find((stage) => stage.opensAt > now) ?? null;
}

/**
 * Calls anyone may see, split into open now, opening later and finished rounds; each with what its
 * card shows (the page carries its data to the browser a second time, so nothing more).
 */
export async function listPublicCalls(now = new Date()) {
  const calls = await prisma.call.findMany({
    where: { status: { in: [...publicStatuses] } },
    select: { ...callCard, stages: { select: { kind: true, opensAt: true, closesAt: true }, orderBy: { position: "asc" } } },
    orderBy: [{ createdAt: "desc" }],
  });
  const cards = calls.map(({ status, stages, maxAwardCents, ...card }) => {
    const stage = status === "PUBLISHED" ? currentStage(stages, now) : null;
    // Decided here by the server's clock, so the browser renders the same card when it hydrates.
    return { ...card, maxAwardCents: maxAwardCents?.toString() ?? null, stage: stage && { ...stage, opensLater: stage.opensAt > now } };
  });
  return {
    open: cards.filter((call) => call.stage && !call.stage.opensLater),
    upcoming: cards.filter((call) => call.stage?.opensLater),
    past: cards.filter((call) => !call.stage),
  };
}

export type PublicCallSummary = Awaited<ReturnType<typeof listPublicCalls>>["open"][number];

export async function getPublicCall(slug: string) {
  const call = await prisma.call.findFirst({
    where: { slug, status: { in: [...publicStatuses] } },
    select: {
      ...callSummary,
      description: true,
      rules: true,
      eligibility: true,
      supportDescription: true,
      totalBudgetCents: true,
      fundingStartsOn: true,
      fundingEndsOn: true,
      contactName: true,
      contactEmail: true,
    },
  });
  if (!call) return null;
  return { ...call, maxAwardCents: call.maxAwardCents?.toString() ?? null, totalBudgetCents: call.totalBudgetCents?.toString() ?? null };
}

/** The programmes a manager runs with their calls (final deadline, number of applications); admins see all. */
export async function programmesManagedBy(actor: CurrentUser) {
  const programmes = await prisma.programme.findMany({
    where: actor.role === "ADMIN" ? {} : { managers: { some: { userId: actor.id } } },
    select: {
      id: true,
      name: true,
      funder: true,
      calls: {
        select: {
          id: true,
          title: true,
          status: true,
          stages: { select: { closesAt: true }, orderBy: { position: "desc" }, take: 1 },
          _count: { select: { applications: true } },
        },
        orderBy: { createdAt: "desc" },
      },
    },
    orderBy: { name: "asc" },
  });
  return programmes.map((programme) => ({
    ...programme,
    calls: programme.calls.map(({ stages, _count, ...call }) => ({ ...call, closesAt: stages[0]?.closesAt ?? null, applications: _count.applications })),
  }));
}
