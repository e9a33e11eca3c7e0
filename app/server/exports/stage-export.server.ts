import type { RankingBasis } from "~/generated/prisma/enums";
import { recordOf } from "~/forms/review-scores";
import type { ExportTableName } from "~/forms/exports";
import { translator, type Locale, type MessageKey } from "~/i18n";
import type { CurrentUser } from "../accounts/session.server";
import { prisma } from "../db.server";
import { notFound } from "../http.server";
import { loadStageScores, rankBy } from "../ranking/stage-scores.server";
import { juryApplicationsOf, managedStage } from "../review/stage-scope.server";
import type { Cell, Column, ColumnFormat, ExportTable } from "./cells";

/**
 * A stage's export for its managers: the ranking on a chosen basis with every figure behind it, each
 * submitted review with its raw scores and comments, and the jurors' habits the normalisation found.
 * Managers and admins only; their export names the networks even in a blind call (jurors get none).
 */

export interface StageExport {
  /** The file names' stem: the call's address name and the stage. */
  stem: string;
  tables: Record<ExportTableName, ExportTable>;
}

const round = (value: number | null | undefined, digits = 2): number | null => (value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** Cents as euros, a number a spreadsheet sums. */
const euros = (cents: bigint | null): number | null => (cents === null ? null : Number(cents) / 100);

function column(header: string, format: ColumnFormat = "text"): Column {
  return { header, format };
}

export async function loadStageExport(
  actor: Pick<CurrentUser, "id" | "role">,
  target: { callId: string; stageId: string },
  options: { basis?: RankingBasis; locale: Locale },
): Promise<StageExport> {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, target.callId, target.stageId),
    select: { id: true, kind: true, position: true, rankingBasis: true, call: { select: { slug: true } } },
  });
  if (!stage) throw notFound();
  const [scores, applications, reviews] = await Promise.all([
    loadStageScores(stage.id),
    prisma.application.findMany({
      where: juryApplicationsOf(stage.id),
      select: {
        id: true,
        title: true,
        state: true,
        receiptNumber: true,
        network: { select: { name: true, bundesland: true } },
        decisions: { where: { supersededAt: null }, select: { outcome: true, amountCents: true, supportDescription: true, releasedAt: true }, orderBy: { decidedAt: "desc" }, take: 1 },
      },
    }),
    prisma.review.findMany({
      where: { state: "submitted", assignment: { releasedAt: { not: null }, application: juryApplicationsOf(stage.id) } },
      select: {
        scores: true,
        criterionComments: true,
        comment: true,
        recommendation: true,
        confidence: true,
        weightedTotal: true,
        submittedAt: true,
        assignment: { select: { applicationId: true, juror: { select: { name: true } } } },
      },
    }),
  ]);

  const t = translator(options.locale);
  const basis = options.basis ?? stage.rankingBasis;
  const ranks = rankBy(scores, basis);
  const criterionTitle = (criterion: { titleDe: string; titleEn: string }) => (options.locale === "en" ? criterion.titleEn : criterion.titleDe);
  const label = (key: string): string => t(key as MessageKey);
  const byApplication = new Map(applications.map((application) => [application.id, application]));
  const rankOf = (id: string) => ranks.get(id)?.rank ?? null;
  const ordered = [...applications].sort((a, b) => (rankOf(a.id) ?? Infinity) - (rankOf(b.id) ?? Infinity) || a.network.name.localeCompare(b.network.name, "de"));

  const ranking: ExportTable = {
    name: t("trail.export.table.ranking"),
    columns: [
      column(t("trail.export.column.rank", { basis: t(`trail.export.basis.${basis}`) }), "integer"),
      column(t("trail.export.column.network")),
      column(t("trail.export.column.bundesland")),
      column(t("trail.export.column.title")),
      column(t("trail.export.column.receipt")),
      column(t("trail.export.basis.RAW"), "decimal"),
      column(t("trail.export.basis.STANDARDISED"), "decimal"),
      column(t("trail.export.basis.LENIENCY"), "decimal"),
      ...scores.criteria.flatMap((criterion) =>
        (["mean", "median", "spread"] as const).map((figure) => column(t(`trail.export.column.criterion.${figure}`, { criterion: criterionTitle(criterion) }), "decimal")),
      ),
      column(t("trail.export.column.reviewsSubmitted"), "integer"),
      column(t("trail.export.column.reviewsAssigned"), "integer"),
      column(t("reviewJuror.recommendation.FUND"), "integer"),
      column(t("reviewJuror.recommendation.FUND_WITH_CHANGES"), "integer"),
      column(t("reviewJuror.recommendation.DO_NOT_FUND"), "integer"),
      column(t("trail.export.column.spreadOfTotals"), "decimal"),
      column(t("trail.export.column.disagreement")),
      column(t("trail.export.column.state")),
      column(t("trail.export.column.decision")),
      column(t("trail.export.column.amount"), "euro"),
      column(t("trail.export.column.support")),
      column(t("trail.export.column.released"), "date"),
    ],
    rows: ordered.map((application): Cell[] => {
      const figures = scores.applications.get(application.id);
      const decision = application.decisions[0];
      return [
        rankOf(application.id),
        application.network.name,
        t(`bundesland.${application.network.bundesland}`),
        application.title,
        application.receiptNumber,
        round(figures?.raw),
        round(figures?.standardised),
        round(figures?.leniency),
        ...scores.criteria.flatMap((criterion) => {
          const summary = figures?.criteria[criterion.id];
          return [round(summary?.mean), round(summary?.median), round(summary?.spread)];
        }),
        figures?.reviewsSubmitted ?? 0,
        figures?.reviewsAssigned ?? 0,
        figures?.recommendations.FUND ?? 0,
        figures?.recommendations.FUND_WITH_CHANGES ?? 0,
        figures?.recommendations.DO_NOT_FUND ?? 0,
        round(figures?.spreadOfTotals),
        t(figures?.disagreement ? "trail.export.yes" : "trail.export.no"),
        label(`applicationState.${application.state}`),
        decision ? t(`trail.export.outcome.${decision.outcome}`) : null,
        decision ? euros(decision.amountCents) : null,
        decision?.supportDescription || null,
        decision?.releasedAt ?? null,
      ];
    }),
  };

  const reviewRows = reviews
    .map((review) => ({ review, application: byApplication.get(review.assignment.applicationId) }))
    .filter((row): row is typeof row & { application: NonNullable<typeof row.application> } => row.application !== undefined)
    .sort((a, b) => a.application.network.name.localeCompare(b.application.network.name, "de") || a.review.assignment.juror.name.localeCompare(b.review.assignment.juror.name, "de"));
  const reviewTable: ExportTable = {
    name: t("trail.export.table.reviews"),
    columns: [
      column(t("trail.export.column.network")),
      column(t("trail.export.column.title")),
      column(t("trail.export.column.receipt")),
      column(t("trail.export.column.juror")),
      column(t("trail.export.column.submittedAt"), "date"),
      ...scores.criteria.flatMap((criterion) => [column(criterionTitle(criterion), "integer"), column(t("trail.export.column.criterionComment", { criterion: criterionTitle(criterion) }))]),
      column(t("trail.export.column.weightedTotal"), "decimal"),
      column(t("trail.export.column.recommendation")),
      column(t("trail.export.column.confidence")),
      column(t("trail.export.column.comment")),
    ],
    rows: reviewRows.map(({ review, application }): Cell[] => {
      const given = recordOf(review.scores, "number");
      const comments = recordOf(review.criterionComments, "string");
      return [
        application.network.name,
        application.title,
        application.receiptNumber,
        review.assignment.juror.name,
        review.submittedAt,
        ...scores.criteria.flatMap((criterion) => [given[criterion.id] ?? null, comments[criterion.id] ?? null]),
        round(review.weightedTotal),
        review.recommendation ? t(`reviewJuror.recommendation.${review.recommendation}`) : null,
        review.confidence ? t(`reviewJuror.confidence.${review.confidence}`) : null,
        review.comment || null,
      ];
    }),
  };

  const jurors: ExportTable = {
    name: t("trail.export.table.jurors"),
    columns: [
      column(t("trail.export.column.juror")),
      column(t("trail.export.column.jurorReviews"), "integer"),
      column(t("trail.export.column.jurorMean"), "decimal"),
      column(t("trail.export.column.jurorSpread"), "decimal"),
      column(t("trail.export.column.jurorStandardised")),
      column(t("trail.export.column.jurorOffset"), "decimal"),
    ],
    rows: scores.jurors.map((juror): Cell[] => [juror.name, juror.reviews, round(juror.mean), round(juror.spread), t(juror.standardised ? "trail.export.yes" : "trail.export.no"), round(juror.offset)]),
  };

  return { stem: `${stage.call.slug}-${stage.position}`, tables: { ranking, reviews: reviewTable, jurors } };
}
