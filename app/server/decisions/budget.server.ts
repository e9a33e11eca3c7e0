import type { Prisma } from "~/generated/prisma/client";
import type { Transaction } from "../db.server";
import { prisma } from "../db.server";
import { budgetSummary } from "./money-rules";

/**
 * The awarded sum of a call: every current award (released or not) with an amount, except awards
 * the network declined or let lapse, which free their money for the waiting list.
 */
function countedAwards(callId: string, exceptApplicationIds: string[] = []): Prisma.DecisionWhereInput {
  return {
    supersededAt: null,
    outcome: "FUNDED",
    application: { callId },
    OR: [{ response: null }, { response: "ACCEPTED" }],
    ...(exceptApplicationIds.length > 0 ? { applicationId: { notIn: exceptApplicationIds } } : {}),
  };
}

export async function awardedCents(db: Transaction | typeof prisma, callId: string, exceptApplicationIds: string[] = []): Promise<bigint> {
  const { _sum } = await db.decision.aggregate({ where: countedAwards(callId, exceptApplicationIds), _sum: { amountCents: true } });
  return _sum.amountCents ?? 0n;
}

/**
 * Serialises award decisions of one call: taken first in the deciding transaction, so of two
 * managers deciding at once the second reads the sum with the first one's award in it.
 */
export async function lockCallBudget(tx: Transaction, callId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Call" WHERE "id" = ${callId} FOR UPDATE`;
}

/** The budget bar of a call: sum awarded, budget, what is left, and awards decided against those planned. */
export async function callBudget(call: { id: string; totalBudgetCents: bigint | null; plannedAwards: number | null }) {
  const [awarded, awards] = await Promise.all([awardedCents(prisma, call.id), prisma.decision.count({ where: countedAwards(call.id) })]);
  return { ...budgetSummary(awarded, call.totalBudgetCents), awards, plannedAwards: call.plannedAwards };
}
export type CallBudget = Awaited<ReturnType<typeof callBudget>>;
