import { Form } from "@remix-run/react";
import { firstDirection, rankingSearch, type RankingQuery, type RankingSortColumn } from "~/forms/ranking";
import type { CurrentDecision, JurorLeniency, RankingTableData } from "~/forms/ranking-rows";
import { formatNumber, type Locale, type MessageKey } from "~/i18n";
import { CsrfField, TableScroll } from "../forms";
import { decisionLines, rankingRowsHtml } from "./ranking-rows-html";
import { useLocale, useT } from "../use-t";

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
  const { outcome, hints } = decisionLines(t, locale, decision);
  return (
    <>
      {outcome}
      {hints.map((hint) => (
        <div className="kern-hint" key={hint}>
          {hint}
        </div>
      ))}
    </>
  );
}

const scoreColumns = ["raw", "standardised", "leniency"] as const;

function criterionTitle(locale: Locale, criterion: { titleDe: string; titleEn: string }) {
  return locale === "de" ? criterion.titleDe : criterion.titleEn;
}

const columnLabel = (column: string): MessageKey => `ranking.column.${column}` as MessageKey;

/**
 * The ranking as one plain table: every row rendered on the server, no paging; the shortlist buttons
 * share one form (one token for a thousand rows), each button naming its application.
 */
export function RankingTable({ page }: { page: RankingTableData }) {
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
          {/* Built as text, with every database value escaped: see ranking-rows-html.ts. */}
          <tbody dangerouslySetInnerHTML={{ __html: rankingRowsHtml(page.rows, { t, locale, basis: page.stage.rankingBasis, disagreementThreshold: page.stage.disagreementThreshold }) }} />
        </table>
      </TableScroll>
    </Form>
  );
}

/** Each juror's estimated leniency in words, with the review count and whether the standardisation applies. */
export function JurorLeniencyTable({ jurors }: { jurors: JurorLeniency[] }) {
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
