import { Form } from "@remix-run/react";
import { firstDirection, rankingSearch, type RankingQuery, type RankingSortColumn } from "~/forms/ranking";
import type { RankingPage } from "~/server/ranking/ranking.server";
import type { ReactElement } from "react";
import type { CurrentDecision, RankingRow } from "~/server/ranking/ranking-rows";
import { formatEuros, formatNumber, type Locale, type MessageKey, type Translate } from "~/i18n";
import { ApplicationStateLabel } from "../application-state";
import { CsrfField, TableScroll } from "../forms";
import { DiscussionMark } from "../review/review-figures";
import { useLocale, useT } from "../use-t";

/**
 * Numbers in the reader's notation, each distinct value formatted once: a thousand rows hold some
 * 27,000 figures but only a few hundred different ones, and Intl's formatting is the page's main cost.
 */
function numberFormatter(locale: Locale): (value: number | null) => string {
  const known = new Map<number, string>();
  return (value) => {
    if (value === null) return "–";
    let text = known.get(value);
    if (text === undefined) {
      text = formatNumber(locale, value);
      known.set(value, text);
    }
    return text;
  };
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
  if (!decision) return t("ranking.noDecision");
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

interface LineContext {
  t: Translate;
  number: (value: number | null) => string;
  basis: string;
  threshold: string;
  /** One badge element per state, shared by every row in it. */
  badge: (state: string) => ReactElement;
}

/** One row; a plain function rather than a component, since a thousand of them are rendered per request. */
function rankingLine(row: RankingRow, index: number, { t, number, basis, threshold, badge }: LineContext) {
  const application = `/manager/applications/${row.id}`;
  const name = `n${index}`;
  return (
    <tr key={row.id} className={row.shortlisted ? "shortlisted" : undefined}>
      <td>{row.rank ?? "–"}</td>
      <th scope="row">
        <a href={application} id={name}>
          {row.network}
        </a>
        <div className="kern-hint">
          <a href={`${application}/reviews`} aria-describedby={name}>
            {t("ranking.reviewsLink")}
          </a>
          {row.shortlisted ? ` · ${t("ranking.onShortlist")}` : null}
        </div>
      </th>
      <td className="text">{t(`bundesland.${row.bundesland as "BW"}`)}</td>
      {scoreColumns.map((column) => (
        <td key={column} className={basis === basisOf[column] ? "basis" : undefined}>
          {number(row[column])}
        </td>
      ))}
      {row.criteria.map((figures, position) => (
        <td key={position}>{figures ? `${number(figures[0])} · ${number(figures[1])} · ${number(figures[2])}` : "–"}</td>
      ))}
      <td>{t("ranking.reviewsDone", { submitted: row.submitted, assigned: row.assigned })}</td>
      <td>{row.recommendations.join(" / ")}</td>
      <td>{row.confidence.join(" / ")}</td>
      <td className="text">
        {row.disagreement ? (
          <span title={t("ranking.disagreementTitle", { spread: number(row.spreadOfTotals), threshold })}>
            <DiscussionMark />
          </span>
        ) : (
          number(row.spreadOfTotals)
        )}
      </td>
      <td className="text">{badge(row.state)}</td>
      <td className="text">
        <DecisionCell decision={row.decision} />
      </td>
      <td className="text">
        <button type="submit" name="shortlist" value={`${row.shortlisted ? "off" : "on"}:${row.id}`} className="kern-btn kern-btn--tertiary kern-btn--small" aria-describedby={name}>
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
  const badges = new Map<string, ReactElement>();
  const context: LineContext = {
    t,
    number: numberFormatter(locale),
    basis: page.stage.rankingBasis,
    threshold: formatNumber(locale, page.stage.disagreementThreshold),
    badge: (state) => {
      let badge = badges.get(state);
      if (!badge) {
        badge = <ApplicationStateLabel state={state} />;
        badges.set(state, badge);
      }
      return badge;
    },
  };
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
            {page.rows.map((row, index) => rankingLine(row, index, context))}
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
    const tenths = Math.round(Math.abs(offset) * 10) / 10;
    if (tenths === 0) return t("ranking.jurors.same");
    const points = formatNumber(locale, tenths);
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
