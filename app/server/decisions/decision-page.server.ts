import { prisma } from "../db.server";
import { notFound } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { acceptedEvents } from "../applications/workflow.server";
import type { CurrentUser } from "../accounts/session.server";
import { loadStageScores, rankBy } from "../ranking/stage-scores.server";
import { callBudget } from "./budget.server";
import { moneyCallSelect } from "./decide-application.server";
import { decideEvents } from "./decision-rules";
import { juryReviewsOf } from "./jury-comments.server";
import { awaitsLapse } from "./waitlist";

/**
 * One application's decision page: its place on the ranking, the submitted reviews with their
 * comments to share, the current decision and the ones it replaced, the call's budget, and which
 * decisions (and withdrawing, recording a lapse) the application's state allows now.
 */
export async function loadDecisionPage(actor: Pick<CurrentUser, "id" | "role">, applicationId: string, now = new Date()) {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, managedApplications(actor)] },
    select: {
      id: true,
      title: true,
      state: true,
      snapshot: true,
      version: true,
      network: { select: { name: true, bundesland: true } },
      call: { select: { ...moneyCallSelect, title: true, plannedAwards: true } },
      stage: { select: { id: true, kind: true, rankingBasis: true } },
      decisions: {
        orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          outcome: true,
          amountCents: true,
          supportDescription: true,
          conditions: true,
          reason: true,
          feedback: true,
          exceptionJustification: true,
          overBudgetConfirmed: true,
          sharedReviewIds: true,
          rankingBasis: true,
          rank: true,
          score: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
          supersededAt: true,
          releasedAt: true,
          releasedBy: { select: { name: true } },
          acceptBy: true,
          response: true,
          respondedAt: true,
        },
      },
    },
  });
  if (!application) throw notFound();
  const [scores, budget, reviews] = await Promise.all([loadStageScores(application.stage.id), callBudget(application.call), juryReviewsOf(prisma, application.id)]);
  const placed = rankBy(scores, application.stage.rankingBasis).get(application.id);
  const figures = scores.applications.get(application.id);
  const decisions = application.decisions.map(({ amountCents, ...decision }) => ({ ...decision, amountCents: amountCents?.toString() ?? null }));
  const current = decisions.find((decision) => decision.supersededAt === null) ?? null;
  const { snapshot, decisions: _decisions, call, ...rest } = application;
  const isOutline = application.stage.kind === "OUTLINE";
  const allowed = acceptedEvents(application.state, snapshot, decideEvents(isOutline).map(({ event }) => event));
  return {
    application: rest,
    call: {
      id: call.id,
      title: call.title,
      awardType: call.awardType,
      supportDescription: call.supportDescription,
      maxAwardCents: call.maxAwardCents?.toString() ?? null,
      exceptionMaxCents: call.awardExceptionMaxCents?.toString() ?? null,
    },
    ranking: {
      basis: application.stage.rankingBasis,
      rank: placed?.rank ?? null,
      score: placed?.score ?? null,
      raw: figures?.raw ?? null,
      reviewsSubmitted: figures?.reviewsSubmitted ?? 0,
      reviewsAssigned: figures?.reviewsAssigned ?? 0,
      scale: scores.scale,
    },
    reviews,
    current,
    history: decisions.filter((decision) => decision !== current),
    budget,
    choices: decideEvents(isOutline)
      .filter(({ event }) => allowed.includes(event.type))
      .map(({ choice }) => choice),
    canWithdraw: acceptedEvents(application.state, snapshot, [{ type: "WITHDRAW_DECISION" }]).length > 0,
    lapsable: awaitsLapse(application, current, now),
  };
}
export type DecisionPage = Awaited<ReturnType<typeof loadDecisionPage>>;
