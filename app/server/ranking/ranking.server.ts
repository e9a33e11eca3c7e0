import type { Bundesland } from "~/generated/prisma/enums";
import { rankedStates, type RankingBasisChoice, type RankingQuery } from "~/forms/ranking";
import { translator, type Locale } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { managedStage } from "../review/stage-scope.server";
import type { CurrentUser } from "../accounts/session.server";
import { loadStageScores, rankBy, type ApplicationScores } from "./stage-scores.server";
import { MIN_REVIEWS_FOR_STANDARDISATION } from "./normalisation";
import { filterRows, sortRows, type CurrentDecision, type JurorLeniency, type RankingRow } from "~/forms/ranking-rows";

/**
 * The ranking of a stage for its programme's managers: every application that reached the jury with
 * its scores (raw and both normalised ones, from the stage's cached scores), review counts, the flag
 * for strong disagreement, its state and the decision that stands, ranked on the basis the manager
 * chose; the shortlist for the jury meeting and its projector view. A fixed number of queries however
 * many applications the stage has: the stage, the scores, the applications, their current decisions.
 */
type Actor = Pick<CurrentUser, "id" | "role">;
export interface StageRef {
  callId: string;
  stageId: string;
}

async function findStage(actor: Actor, ref: StageRef) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, ref.callId, ref.stageId),
    select: { id: true, kind: true, rankingBasis: true, disagreementThreshold: true, call: { select: { id: true, title: true } } },
  });
  if (!stage) throw notFound();
  return stage;
}

/** The stage's applications in the ranking, as a `where` that carries the manager's permission. */
function rankedApplications(actor: Actor, ref: StageRef) {
  return { AND: [{ callId: ref.callId, stageId: ref.stageId, state: { in: [...rankedStates] } }, managedApplications(actor)] };
}

/** Rounded to what the page shows (two decimals for totals, one for a criterion's figures). */
const rounded = (value: number | null, decimals = 2) => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

/** An application of the ranking no juror has been assigned to yet. */
const noFigures: Omit<ApplicationScores, "applicationId"> = {
  reviewsSubmitted: 0,
  reviewsAssigned: 0,
  raw: null,
  standardised: null,
  leniency: null,
  criteria: {},
  spreadOfTotals: null,
  disagreement: false,
  recommendations: { FUND: 0, FUND_WITH_CHANGES: 0, DO_NOT_FUND: 0 },
  confidence: { LOW: 0, MEDIUM: 0, HIGH: 0 },
};

/** Every ranked application with its figures, ranked on the stage's basis, in rank order. */
async function rankedRows(actor: Actor, ref: StageRef) {
  const stage = await findStage(actor, ref);
  const [scores, applications, decisions] = await Promise.all([
    loadStageScores(stage.id),
    prisma.application.findMany({
      where: rankedApplications(actor, ref),
      select: { id: true, state: true, shortlistedAt: true, network: { select: { name: true, bundesland: true } } },
    }),
    prisma.decision.findMany({
      where: { supersededAt: null, application: rankedApplications(actor, ref) },
      select: { applicationId: true, outcome: true, amountCents: true, supportDescription: true, releasedAt: true, decidedAt: true },
      orderBy: { decidedAt: "asc" },
    }),
  ]);
  const places = rankBy(scores, stage.rankingBasis);
  // Later rows win: should two stand at once, the newer is the one that counts.
  const decisionOf = new Map<string, CurrentDecision>(
    decisions.map((decision) => [
      decision.applicationId,
      { outcome: decision.outcome, amountCents: decision.amountCents?.toString() ?? null, supportDescription: decision.supportDescription, released: decision.releasedAt !== null },
    ]),
  );
  const rows = applications.map((application): RankingRow => {
    const given = scores.applications.get(application.id) ?? noFigures;
    return {
      id: application.id,
      network: application.network.name,
      bundesland: application.network.bundesland,
      state: application.state,
      shortlisted: application.shortlistedAt !== null,
      rank: given.reviewsSubmitted > 0 ? (places.get(application.id)?.rank ?? null) : null,
      raw: rounded(given.raw),
      standardised: rounded(given.standardised),
      leniency: rounded(given.leniency),
      criteria: scores.criteria.map((criterion) => {
        const figures = given.criteria[criterion.id];
        return figures ? [rounded(figures.mean, 1)!, rounded(figures.median, 1)!, rounded(figures.spread, 1)!] : null;
      }),
      submitted: given.reviewsSubmitted,
      assigned: given.reviewsAssigned,
      recommendations: [given.recommendations.FUND, given.recommendations.FUND_WITH_CHANGES, given.recommendations.DO_NOT_FUND],
      confidence: [given.confidence.LOW, given.confidence.MEDIUM, given.confidence.HIGH],
      spreadOfTotals: rounded(given.spreadOfTotals),
      disagreement: given.disagreement,
      decision: decisionOf.get(application.id) ?? null,
    };
  });
  return { stage, scores, rows: sortRows(rows, { sort: "rank", dir: "asc" }, String) };
}

/** The ranking page: the filtered, sorted rows, the filters' choices, the criteria and the jurors' leniency. */
export async function loadRanking(actor: Actor, ref: StageRef, query: RankingQuery, locale: Locale) {
  const { stage, scores, rows } = await rankedRows(actor, ref);
  const t = translator(locale);
  const landName = (code: string) => t(`bundesland.${code as Bundesland}`);
  const shown = query.sort === "rank" && query.dir === "asc" ? filterRows(rows, query) : sortRows(filterRows(rows, query), query, landName);
  return {
    call: stage.call,
    stage: { id: stage.id, kind: stage.kind, rankingBasis: stage.rankingBasis, disagreementThreshold: scores.disagreementThreshold },
    query,
    scale: scores.scale,
    minReviewsForStandardisation: MIN_REVIEWS_FOR_STANDARDISATION,
    criteria: scores.criteria.map(({ position, titleDe, titleEn, weight }) => ({ position, titleDe, titleEn, weight })),
    total: rows.length,
    shortlisted: rows.filter((row) => row.shortlisted).length,
    lands: sortByGermanName([...new Set(rows.map((row) => row.bundesland))], landName),
    states: rankedStates.filter((state) => rows.some((row) => row.state === state)),
    rows: shown,
    jurors: sortByGermanName(scores.jurors, (juror) => juror.name).map(({ jurorId, name, reviews, standardised, offset }): JurorLeniency => ({ id: jurorId, name, reviews, standardised, offset })),
  };
}

/**
 * The shortlist for the jury meeting, in rank order on the chosen basis. It names networks, never
 * jurors, and carries no juror's offset: the room sees the applications, not who judged them how.
 */
export async function loadProjector(actor: Actor, ref: StageRef) {
  const { stage, rows } = await rankedRows(actor, ref);
  return {
    call: stage.call,
    stage: { id: stage.id, kind: stage.kind, rankingBasis: stage.rankingBasis },
    rows: rows
      .filter((row) => row.shortlisted)
      .map(({ id, rank, network, bundesland, raw, standardised, leniency, submitted, assigned, disagreement, decision }) => ({
        id,
        rank,
        network,
        bundesland,
        raw,
        standardised,
        leniency,
        submitted,
        assigned,
        disagreement,
        decision,
      })),
  };
}

/** The manager picks the score the ranking follows; the change is on record with what it was before. */
export async function changeRankingBasis(actor: Actor, ref: StageRef, basis: RankingBasisChoice, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const stage = await tx.callStage.findFirst({ where: managedStage(actor, ref.callId, ref.stageId), select: { id: true, rankingBasis: true } });
    if (!stage) throw notFound();
    if (stage.rankingBasis === basis) return;
    await tx.callStage.update({ where: { id: stage.id }, data: { rankingBasis: basis } });
    await recordAudit(tx, { actorId: actor.id, entityType: "CallStage", entityId: stage.id, action: "CHANGE_RANKING_BASIS", data: { before: stage.rankingBasis, after: basis } }, now);
  });
}

/** Puts an application of the stage on the shortlist or takes it off; asking for what already is changes nothing. */
export async function setShortlisted(actor: Actor, ref: StageRef, change: { applicationId: string; on: boolean }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { AND: [{ id: change.applicationId }, rankedApplications(actor, ref)] }, select: { id: true, shortlistedAt: true } });
    if (!application) throw notFound();
    if ((application.shortlistedAt !== null) === change.on) return;
    await tx.application.update({ where: { id: application.id }, data: { shortlistedAt: change.on ? now : null } });
    await recordAudit(tx, { actorId: actor.id, entityType: "Application", entityId: application.id, action: change.on ? "SHORTLIST" : "UNSHORTLIST" }, now);
  });
}
