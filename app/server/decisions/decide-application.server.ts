import type { Prisma } from "~/generated/prisma/client";
import type { DecisionChoice } from "~/forms/decision-schemas";
import { formatEuros, type Locale } from "~/i18n";
import { prisma, type Transaction } from "../db.server";
import { notFound, RefusedError } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { changeApplicationState, type ApplicationTransition } from "../applications/workflow.server";
import type { CurrentUser } from "../accounts/session.server";
import { loadStageScores, rankBy } from "../ranking/stage-scores.server";
import { awardedCents, lockCallBudget } from "./budget.server";
import { outcomeOf } from "~/forms/decision-schemas";
import { decideEvent, decisionRefusal } from "./decision-rules";
import { amountProblem, exceedsBudget, isException, sumAfter, type AwardLimits } from "./money-rules";

/**
 * Taking one decision on an application: award (an amount and/or a support package), invitation to
 * the full proposal (outline stage only), waiting list or rejection. The application moves through
 * its machine and the Decision row is written in the same transaction; a decision replacing an
 * unreleased one (or a released waiting-list place) supersedes it. Decisions stay internal until
 * released (another step). The money rules are checked before, and the budget again inside the
 * transaction under the call's lock.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

export interface DecisionInput {
  applicationId: string;
  /** The application's version the page showed. */
  version: number;
  outcome: DecisionChoice;
  amountCents?: number;
  supportDescription: string;
  conditions: string[];
  reason: string;
  feedback: string;
  exceptionJustification: string;
  overBudgetConfirmed: boolean;
  sharedReviewIds: string[];
}

/** What the money rules need of a call; amounts as the database keeps them. */
export interface MoneyCall extends AwardLimits {
  id: string;
  awardType: "MONEY" | "SUPPORT";
  supportDescription: string;
  totalBudgetCents: bigint | null;
}

export const moneyCallSelect = {
  id: true,
  awardType: true,
  supportDescription: true,
  maxAwardCents: true,
  awardExceptionMaxCents: true,
  totalBudgetCents: true,
} satisfies Prisma.CallSelect;

export function moneyCallOf(call: Prisma.CallGetPayload<{ select: typeof moneyCallSelect }>): MoneyCall {
  return { ...call, exceptionMaxCents: call.awardExceptionMaxCents };
}

const euros = (locale: Locale, cents: bigint | null) => (cents === null ? "" : formatEuros(locale, cents));

/**
 * The award's amount and support package after the call's rules: a money call needs an amount, a
 * support call takes its package unless another is written; an amount above the maximum needs a
 * justification up to the exception limit and is refused above it. Messages name the limits.
 */
export function awardTerms(call: MoneyCall, input: Pick<DecisionInput, "amountCents" | "supportDescription" | "exceptionJustification">, locale: Locale) {
  const amountCents = input.amountCents === undefined ? null : BigInt(input.amountCents);
  const supportDescription = input.supportDescription || (call.awardType === "SUPPORT" ? call.supportDescription : "");
  if (amountCents === null && (call.awardType === "MONEY" || supportDescription === "")) throw new RefusedError("decisions.error.amountRequired", { field: "amount" });
  if (amountCents !== null && amountCents <= 0n) throw new RefusedError("decisions.error.amountRequired", { field: "amount" });
  const problem = amountCents === null ? null : amountProblem(amountCents, call, input.exceptionJustification);
  const limits = { max: euros(locale, call.maxAwardCents), exception: euros(locale, call.exceptionMaxCents) };
  if (problem === "overMaximum") throw new RefusedError("decisions.error.overMaximum", { field: "amount", params: limits });
  if (problem === "overExceptionLimit") throw new RefusedError("decisions.error.overExceptionLimit", { field: "amount", params: limits });
  if (problem === "justificationRequired") throw new RefusedError("decisions.error.justificationRequired", { field: "exceptionJustification", params: limits });
  return { amountCents, supportDescription, exceptionJustification: amountCents !== null && isException(amountCents, call) ? input.exceptionJustification : "" };
}

/**
 * The budget check of decisions about to be written (inside their transaction after
 * `lockCallBudget`, or before a batch): refused above the budget unless confirmed; answers whether
 * the sum goes above it, which the decision records as confirmed.
 */
export async function checkBudget(db: Transaction | typeof prisma, call: MoneyCall, decided: { applicationIds: string[]; newCents: bigint[]; confirmed: boolean }, locale: Locale): Promise<boolean> {
  const sum = sumAfter(await awardedCents(db, call.id, decided.applicationIds), decided.newCents);
  const exceeded = exceedsBudget(sum, call.totalBudgetCents);
  if (exceeded && !decided.confirmed) {
    throw new RefusedError("decisions.error.overBudget", { field: "overBudgetConfirmed", params: { sum: euros(locale, sum), budget: euros(locale, call.totalBudgetCents) } });
  }
  return exceeded;
}

/** The application's place on its stage's ranking as the manager sees it now, recorded with the decision. */
export async function rankingOf(stage: { id: string; rankingBasis: Prisma.CallStageGetPayload<{ select: { rankingBasis: true } }>["rankingBasis"] }, applicationIds: string[]) {
  const ranks = rankBy(await loadStageScores(stage.id), stage.rankingBasis);
  return new Map(applicationIds.map((id) => [id, { rankingBasis: stage.rankingBasis, rank: ranks.get(id)?.rank ?? null, score: ranks.get(id)?.score ?? null }]));
}

/**
 * Writes the decision row of a change: the current decision (if any) is superseded, the new one
 * becomes current. It runs inside the application's state change, whose version check lets only one
 * of two decisions at the very same moment commit, so there is never a second current row.
 */
async function writeDecision(tx: Transaction, applicationId: string, data: Omit<Prisma.DecisionUncheckedCreateInput, "applicationId" | "decidedAt">, now: Date) {
  await tx.decision.updateMany({ where: { applicationId, supersededAt: null }, data: { supersededAt: now } });
  await tx.decision.create({ data: { ...data, applicationId, decidedAt: now } });
}

/** Which of the given reviews are submitted reviews of the application, in the order asked. */
async function checkSharedReviews(tx: Transaction, applicationId: string, reviewIds: string[]) {
  if (reviewIds.length === 0) return;
  const found = await tx.review.count({ where: { id: { in: reviewIds }, state: "submitted", assignment: { applicationId } } });
  if (found !== new Set(reviewIds).size) throw new RefusedError("decisions.error.reviewGone");
}

export async function decideApplication(actor: Actor, input: DecisionInput, options: { locale?: Locale; now?: Date; where?: Prisma.ApplicationWhereInput } = {}): Promise<ApplicationTransition> {
  const locale = options.locale ?? "de";
  const now = options.now ?? new Date();
  const where: Prisma.ApplicationWhereInput = { AND: [managedApplications(actor), options.where ?? {}] };
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: input.applicationId }, where] },
    select: { id: true, stage: { select: { id: true, kind: true, rankingBasis: true } }, call: { select: moneyCallSelect } },
  });
  if (!application) throw notFound();
  const isOutline = application.stage.kind === "OUTLINE";
  if (input.outcome === "invitation" && !isOutline) throw new RefusedError("decisions.error.invitationOnlyOutline", { field: "outcome" });
  if (input.outcome === "award" && isOutline) throw new RefusedError("decisions.error.awardNotInOutline", { field: "outcome" });
  const call = moneyCallOf(application.call);
  const terms = input.outcome === "award" ? awardTerms(call, input, locale) : null;
  const ranking = (await rankingOf(application.stage, [application.id])).get(application.id)!;
  const outcome = outcomeOf[input.outcome];
  return changeApplicationState({
    applicationId: application.id,
    where,
    event: async (tx) => {
      if (terms?.amountCents) await lockCallBudget(tx, call.id);
      return decideEvent(input.outcome, isOutline);
    },
    actorId: actor.id,
    now,
    expectedVersion: input.version,
    refusal: decisionRefusal,
    auditData: { outcome, amountCents: terms?.amountCents?.toString() ?? null, reason: input.reason },
    alsoInTransaction: async (tx) => {
      const overBudget = terms?.amountCents ? await checkBudget(tx, call, { applicationIds: [application.id], newCents: [terms.amountCents], confirmed: input.overBudgetConfirmed }, locale) : false;
      await checkSharedReviews(tx, application.id, input.sharedReviewIds);
      await writeDecision(
        tx,
        application.id,
        {
          outcome,
          amountCents: terms?.amountCents ?? null,
          supportDescription: terms?.supportDescription ?? "",
          conditions: input.outcome === "invitation" ? input.conditions : [],
          reason: input.reason,
          feedback: input.feedback,
          exceptionJustification: terms?.exceptionJustification ?? "",
          overBudgetConfirmed: overBudget,
          sharedReviewIds: [...new Set(input.sharedReviewIds)],
          ...ranking,
          decidedById: actor.id,
        },
        now,
      );
    },
  });
}
