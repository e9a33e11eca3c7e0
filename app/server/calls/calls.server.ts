import type { Prisma } from "~/generated/prisma/client";
import type { CallStatus } from "~/generated/prisma/enums";
import { berlinDaysBetween } from "~/forms/call-rounds";
import { sortByGermanName } from "~/i18n/collation";
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
  openToBundeslaender: true,
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
export async function programmesManagedBy(actor: Pick<CurrentUser, "id" | "role">) {
  const programmes = await prisma.programme.findMany({
    where: managedProgrammes(actor),
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
  });
  return sortByGermanName(programmes, (programme) => programme.name).map((programme) => ({
    ...programme,
    calls: programme.calls.map(({ stages, _count, ...call }) => ({ ...call, closesAt: stages[0]?.closesAt ?? null, applications: _count.applications })),
  }));
}

function managedProgrammes(actor: Pick<CurrentUser, "id" | "role">): Prisma.ProgrammeWhereInput {
  return actor.role === "ADMIN" ? {} : { managers: { some: { userId: actor.id } } };
}

const DAY_MS = 86_400_000;
/** A deadline this close is marked as closing soon. */
const CLOSING_SOON_DAYS = 14;
/** A stage opening this soon is listed with what needs doing (the call must be ready by then). */
const OPENING_SOON_DAYS = 30;

/**
 * The manager's start page, what needs doing first: stages open now with their deadlines (marked
 * when closing soon) and stages opening soon; stages closed with submitted applications whose
 * eligibility check has not begun. Then each programme's calls, current ones before archived ones,
 * names in German collation.
 */
export async function managerOverview(actor: Pick<CurrentUser, "id" | "role">, now = new Date()) {
  const programmes = await prisma.programme.findMany({
    where: managedProgrammes(actor),
    select: {
      id: true,
      name: true,
      calls: {
        select: {
          id: true,
          title: true,
          status: true,
          stages: {
            select: { id: true, kind: true, opensAt: true, closesAt: true, _count: { select: { applications: { where: { state: "submitted" } } } } },
            orderBy: { position: "asc" },
          },
          _count: { select: { applications: true } },
        },
      },
    },
  });
  const calls = programmes.flatMap((programme) => programme.calls);
  const stagesOf = (statuses: readonly CallStatus[]) =>
    calls.filter((call) => statuses.includes(call.status)).flatMap((call) => call.stages.map((stage) => ({ call: { id: call.id, title: call.title }, ...stage })));
  const byDate = <T>(dateOf: (item: T) => Date) => (a: T, b: T) => dateOf(a).getTime() - dateOf(b).getTime();

  const published = stagesOf(["PUBLISHED"]);
  const openNow = published
    .filter((stage) => stage.opensAt <= now && now < stage.closesAt)
    .map(({ call, kind, closesAt }) => ({ call, kind, closesAt, daysLeft: berlinDaysBetween(now, closesAt), closingSoon: closesAt.getTime() - now.getTime() <= CLOSING_SOON_DAYS * DAY_MS }))
    .sort(byDate((stage) => stage.closesAt));
  const openingSoon = published
    .filter((stage) => now < stage.opensAt && stage.opensAt.getTime() - now.getTime() <= OPENING_SOON_DAYS * DAY_MS)
    .map(({ call, kind, opensAt, closesAt }) => ({ call, kind, opensAt, closesAt }))
    .sort(byDate((stage) => stage.opensAt));
  const awaitingEligibilityCheck = stagesOf(["PUBLISHED", "CLOSED", "ARCHIVED"])
    .filter((stage) => stage.closesAt <= now && stage._count.applications > 0)
    .map(({ call, id, kind, closesAt, _count }) => ({ call, stageId: id, kind, closesAt, submitted: _count.applications }))
    .sort(byDate((stage) => stage.closesAt));

  const callRow = ({ stages, _count, ...call }: (typeof calls)[number]) => ({ ...call, closesAt: stages.at(-1)?.closesAt ?? null, applications: _count.applications });
  return {
    openNow,
    openingSoon,
    openingSoonDays: OPENING_SOON_DAYS,
    awaitingEligibilityCheck,
    programmes: sortByGermanName(programmes, (programme) => programme.name).map((programme) => {
      const sorted = sortByGermanName(programme.calls, (call) => call.title).map(callRow);
      return { id: programme.id, name: programme.name, current: sorted.filter((call) => call.status !== "ARCHIVED"), archived: sorted.filter((call) => call.status === "ARCHIVED") };
    }),
  };
}
