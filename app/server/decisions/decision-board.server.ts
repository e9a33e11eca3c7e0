import { choiceOf, type BoardFilter, type DecisionChoice } from "~/forms/decision-schemas";
import { sortByGermanName } from "~/i18n/collation";
import { prisma } from "../db.server";
import { notFound } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { acceptedEvents } from "../applications/workflow.server";
import { managedStage } from "../review/stage-scope.server";
import type { CurrentUser } from "../accounts/session.server";
import { loadStageScores, rankBy } from "../ranking/stage-scores.server";
import { callBudget } from "./budget.server";
import { moneyCallSelect } from "./decide-application.server";
import { decideEvents } from "./decision-rules";
import { awaitsLapse, moveUpOffers } from "./waitlist";

/**
 * The decisions board of a stage: its applications from the review on, in rank order on the
 * stage's chosen basis, each with its current decision (released or not), the call's budget, the
 * waiting list's offers after a declined award, and the released awards whose acceptance lapsed.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

/** From the review on; not eligible and never handed in are not decided on. */
const boardStates = [
  "inReview",
  "awardDecided",
  "invitationDecided",
  "waitlistDecided",
  "rejectionDecided",
  "waitlisted",
  "approved",
  "awardAccepted",
  "awardDeclined",
  "rejected",
  "invitedToNextStage",
];

/** The outcomes a stage offers: an outline invites, later stages award. */
export function choicesOf(kind: string): DecisionChoice[] {
  return kind === "OUTLINE" ? ["invitation", "waitlist", "rejection"] : ["award", "waitlist", "rejection"];
}

/** Which filter a row falls under. */
function filterOf(decision: { outcome: keyof typeof choiceOf; response: string | null } | null): BoardFilter {
  if (!decision) return "undecided";
  if (decision.response === "DECLINED" || decision.response === "LAPSED") return "declined";
  return choiceOf[decision.outcome];
}

export async function loadDecisionBoard(actor: Actor, ref: { callId: string; stageId: string }, filter: BoardFilter | undefined, now = new Date()) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, ref.callId, ref.stageId),
    select: { id: true, kind: true, rankingBasis: true, call: { select: { ...moneyCallSelect, title: true, plannedAwards: true } } },
  });
  if (!stage) throw notFound();
  const [rows, scores, budget] = await Promise.all([
    prisma.application.findMany({
      where: { AND: [{ stageId: stage.id }, managedApplications(actor), { state: { in: boardStates } }] },
      select: {
        id: true,
        title: true,
        state: true,
        snapshot: true,
        version: true,
        network: { select: { name: true, bundesland: true } },
        decisions: {
          where: { supersededAt: null },
          select: { outcome: true, amountCents: true, supportDescription: true, releasedAt: true, acceptBy: true, response: true, respondedAt: true },
        },
      },
    }),
    loadStageScores(stage.id),
    callBudget(stage.call),
  ]);
  const ranks = rankBy(scores, stage.rankingBasis);
  const isOutline = stage.kind === "OUTLINE";
  const listed = sortByGermanName(rows, (row) => row.network.name)
    .map(({ decisions, snapshot, ...row }) => {
      const decision = decisions[0] ?? null;
      return {
        ...row,
        rank: ranks.get(row.id)?.rank ?? null,
        score: ranks.get(row.id)?.score ?? null,
        fromWaitlist: (snapshot as { context?: { fromWaitlist?: boolean } } | null)?.context?.fromWaitlist === true,
        decision: decision && { ...decision, amountCents: decision.amountCents?.toString() ?? null },
        filter: filterOf(decision),
        decidable: acceptedEvents(row.state, snapshot, decideEvents(isOutline).map(({ event }) => event)).length > 0,
        lapsable: awaitsLapse(row, decision, now),
      };
    })
    // Rank order; applications without scores after the ranked ones, by name (the sort above).
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  const counts = new Map<BoardFilter, number>();
  for (const row of listed) counts.set(row.filter, (counts.get(row.filter) ?? 0) + 1);
  const { maxAwardCents, awardExceptionMaxCents, totalBudgetCents: _budget, ...call } = stage.call;
  return {
    call: { ...call, maxAwardCents: maxAwardCents?.toString() ?? null, exceptionMaxCents: awardExceptionMaxCents?.toString() ?? null },
    stage: { id: stage.id, kind: stage.kind, rankingBasis: stage.rankingBasis },
    choices: choicesOf(stage.kind),
    budget,
    filter,
    total: listed.length,
    counts: [...counts].map(([decision, count]) => ({ decision, count })),
    applications: filter ? listed.filter((row) => row.filter === filter) : listed,
    offers: moveUpOffers(listed),
    lapsed: listed.filter((row) => row.lapsable).map((row) => ({ id: row.id, network: row.network.name, acceptBy: row.decision!.acceptBy! })),
  };
}
export type DecisionBoard = Awaited<ReturnType<typeof loadDecisionBoard>>;
