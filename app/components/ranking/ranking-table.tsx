import { Form } from "@remix-run/react";
import { firstDirection, rankingSearch, type RankingQuery, type RankingSortColumn } from "~/forms/ranking";
import type { RankingPage } from "~/server/ranking/ranking.server";
import type { CriterionFigures, CurrentDecision, RankingRow } from "~/server/ranking/ranking-rows";
import { formatEuros, formatNumber, type Locale, type MessageKey, type Translate } from "~/i18n";
import { ApplicationStateLabel } from "../application-state";
import { CsrfField, TableScroll } from "../forms";
import { DiscussionMark, formatScore } from "../review/review-figures";
import { useLocale, useT } from "../use-t";

/** A figure to one decimal, so eight criteria of three figures each still fit a row. */
function oneDecimal(locale: Locale, value: number): string {
  return formatNumber(locale, Math.round(value * 10) / 10);
}

function criterionText(locale: Locale, figures: CriterionFigures | null): string {
  return figures ? `${oneDecimal(locale, figures.mean)} · ${oneDecimal(locale, figures.median)} · ${oneDecimal(locale, figures.spread)}` : "–";
}

/**
 * A column heading that sorts the ranking by it: a link (so it works without JavaScript), scores best
 * first on the first click, the other way round when already sorted so.
 */
function SortableHeading({ column, query, label, className }: { column: RankingSortColumn; query: RankingQuery; label: string; className?: string }) {
  const t = useT();
  const sorted = query.sort === column;
  const next = sorted ? (query.dir === "asc" ? "desc" : "asc") : firstDirection(column);
  return (
    <th scope="col" aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <a href={rankingSearch(query, { sort: column, dir: next })}>
        {label}
        {sorted ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        <span className="visually-hidden">
          {" "}
          ({t(`ranking.${next}`)} {t("ranking.sortAction")})
        </span>
      </a>
    </th>
  );
}

/** The decision that stands: outcome, amount or support package, and whether the network has been told. */
export function DecisionCell({ decision }: { decision: CurrentDecision | null }) {
  const t = useT();
  const locale = useLocale();
  if (!decision) return <span className="kern-hint">{t("ranking.noDecision")}</span>;
  return (
    <>
      {t(`ranking.outcome.${decision.outcome}`)}
      {decision.amountCents !== null ? ` · ${formatEuros(locale, decision.amountCents)}` : null}
      {decision.supportDescription ? <div className="kern-hint">{decision.supportDescription}</div> : null}
      <div className="kern-hint">{t(decision.released ? "ranking.decisionReleased" : "ranking.decisionInternal")}</div>
    </>
  );
}

const scoreColumns = ["raw", "standardised", "leniency"] as const;

function criterionTitle(locale: Locale, criterion: { titleDe: string; titleEn: string }) {
  return locale === "de" ? criterion.titleDe : criterion.titleEn;
}

function RankingLine({ row, page, t, locale }: { row: RankingRow; page: RankingPage; t: Translate; locale: Locale }) {
  const application = `/manager/applications/${row.id}`;
  return (
    <tr id={`row-${row.id}`} className={row.shortlisted ? "shortlisted" : undefined}>
      <td className="number">{row.rank ?? t("ranking.noRank")}</td>
      <th scope="row">
        <a href={application}>{row.network}</a>
        <div className="kern-hint">
          <a href={`${application}/reviews`} aria-label={t("ranking.reviewsFor", { network: row.network })}>
            {t("ranking.reviewsLink")}
          </a>
          {row.shortlisted ? ` · ${t("ranking.onShortlist")}` : null}
        </div>
      </th>
      <td>{t(`bundesland.${row.bundesland as "BW"}`)}</td>
      {scoreColumns.map((column) => (
        <td key={column} className={page.stage.rankingBasis === basisOf[column] ? "number basis" : "number"}>
          {formatScore(locale, row[column])}
        </td>
      ))}
      {row.criteria.map((figures, index) => (
        <td key={index} className="number nowrap">
          {criterionText(locale, figures)}
        </td>
      ))}
      <td className="number nowrap">{t("ranking.reviewsDone", { submitted: row.submitted, assigned: row.assigned })}</td>
      <td className="number nowrap">{t("ranking.counts", { first: row.recommendations[0], second: row.recommendations[1], third: row.recommendations[2] })}</td>
      <td className="number nowrap">{t("ranking.counts", { first: row.confidence[0], second: row.confidence[1], third: row.confidence[2] })}</td>
      <td>
        {row.disagreement ? (
          <span title={t("ranking.disagreementTitle", { spread: formatScore(locale, row.spreadOfTotals), threshold: formatScore(locale, page.stage.disagreementThreshold) })}>
            <DiscussionMark />
          </span>
        ) : (
          formatScore(locale, row.spreadOfTotals)
        )}
      </td>
      <td>
        <ApplicationStateLabel state={row.state} />
      </td>
      <td>
        <DecisionCell decision={row.decision} />
      </td>
      <td>
        <button
          type="submit"
          name="shortlist"
          value={`${row.shortlisted ? "off" : "on"}:${row.id}`}
          className="kern-btn kern-btn--tertiary kern-btn--small"
          aria-label={t(row.shortlisted ? "ranking.shortlistRemoveFor" : "ranking.shortlistAddFor", { network: row.network })}
        >
          {t(row.shortlisted ? "ranking.shortlistRemove" : "ranking.shortlistAdd")}
        </button>
      </td>
    </tr>
  );
}

const basisOf = { raw: "RAW", standardised: "STANDARDISED", leniency: "LENIENCY" } as const;

const columnLabel = (column: string): MessageKey => `ranking.column.${column}` as MessageKey;

/**
 * The ranking as one plain table: every row rendered on the server, no paging; the shortlist buttons
 * share one form (one token for a thousand rows), each button naming its application.
 */
export function RankingTable({ page }: { page: RankingPage }) {
  const t = useT();
  const locale = useLocale();
  const { query } = page;
  const sortLabel = query.sort.startsWith("c")
    ? criterionTitle(locale, page.criteria[Number(query.sort.slice(1)) - 1] ?? { titleDe: "", titleEn: "" })
    : t(columnLabel(query.sort));
  return (
    <Form method="post" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="shortlist" />
      <TableScroll label={t("ranking.tableLabel")}>
        <table className="ranking-table">
          <caption>{t("ranking.caption", { count: page.rows.length, total: page.total, column: sortLabel, direction: t(`ranking.${query.dir}`) })}</caption>
          <thead>
            <tr>
              <SortableHeading column="rank" query={query} label={t("ranking.column.rank")} className="number" />
              <SortableHeading column="network" query={query} label={t("ranking.column.network")} />
              <SortableHeading column="bundesland" query={query} label={t("ranking.column.bundesland")} />
              {scoreColumns.map((column) => (
                <SortableHeading key={column} column={column} query={query} label={t(columnLabel(column))} className="number" />
              ))}
              {page.criteria.map((criterion) => (
                <SortableHeading
                  key={criterion.position}
                  column={`c${criterion.position}`}
                  query={query}
                  label={t("ranking.column.criterion", { title: criterionTitle(locale, criterion), weight: criterion.weight })}
                  className="number criterion"
                />
              ))}
              <SortableHeading column="reviews" query={query} label={t("ranking.column.reviews")} className="number" />
              <SortableHeading column="recommendations" query={query} label={t("ranking.column.recommendations")} className="number" />
              <SortableHeading column="confidence" query={query} label={t("ranking.column.confidence")} className="number" />
              <SortableHeading column="disagreement" query={query} label={t("ranking.column.disagreement")} />
              <SortableHeading column="state" query={query} label={t("ranking.column.state")} />
              <SortableHeading column="decision" query={query} label={t("ranking.column.decision")} />
              <th scope="col">{t("ranking.column.shortlist")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <RankingLine key={row.id} row={row} page={page} t={t} locale={locale} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Form>
  );
}

/** Each juror's estimated leniency in words, with the review count and whether the standardisation applies. */
export function JurorLeniencyTable({ jurors }: { jurors: RankingPage["jurors"] }) {
  const t = useT();
  const locale = useLocale();
  if (jurors.length === 0) return <p className="empty">{t("ranking.jurors.none")}</p>;
  const inWords = (offset: number) => {
    const points = oneDecimal(locale, Math.abs(offset));
    if (points === oneDecimal(locale, 0)) return t("ranking.jurors.same");
    return t(offset > 0 ? "ranking.jurors.more" : "ranking.jurors.less", { points });
  };
  return (
    <TableScroll label={t("ranking.jurors.caption")}>
      <table>
        <caption>{t("ranking.jurors.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ranking.jurors.name")}</th>
            <th scope="col">{t("ranking.jurors.offset")}</th>
            <th scope="col" className="number">
              {t("ranking.jurors.reviews")}
            </th>
            <th scope="col">{t("ranking.jurors.standardised")}</th>
          </tr>
        </thead>
        <tbody>
          {jurors.map((juror) => (
            <tr key={juror.id}>
              <th scope="row">{juror.name}</th>
              <td>{inWords(juror.offset)}</td>
              <td className="number">{juror.reviews}</td>
              <td>{t(juror.standardised ? "ranking.jurors.yes" : "ranking.jurors.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
