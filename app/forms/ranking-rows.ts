import { applicationStates } from "./application-list";
import { decisionOutcomes, type RankingQuery, type RankingSortColumn } from "./ranking";
import { compareGerman } from "~/i18n/collation";

/** A criterion's mean, median and spread (highest minus lowest) over an application's submitted reviews, to one decimal. */
export type CriterionFigures = [mean: number, median: number, spread: number];

/** The decision that stands for an application (not superseded), as the ranking shows it. */
export interface CurrentDecision {
  outcome: (typeof decisionOutcomes)[number];
  /** Integer cents as a string: BigInt does not travel to the page. */
  amountCents: string | null;
  supportDescription: string;
  released: boolean;
}

/**
 * One line of the ranking; the criteria in the rubric's order. Figures are rounded to what the page
 * shows, and arrays stand for objects: a thousand rows travel to the page twice (HTML and its data).
 */
export interface RankingRow {
  id: string;
  network: string;
  bundesland: string;
  state: string;
  shortlisted: boolean;
  /** Place on the chosen basis (1 = best); none without a submitted review. */
  rank: number | null;
  raw: number | null;
  standardised: number | null;
  leniency: number | null;
  criteria: (CriterionFigures | null)[];
  submitted: number;
  assigned: number;
  /** FUND, FUND_WITH_CHANGES, DO_NOT_FUND. */
  recommendations: [number, number, number];
  /** LOW, MEDIUM, HIGH. */
  confidence: [number, number, number];
  spreadOfTotals: number | null;
  disagreement: boolean;
  decision: CurrentDecision | null;
}

/** What the ranking's table shows besides its rows. */
export interface RankingTableData {
  query: RankingQuery;
  stage: { rankingBasis: string; disagreementThreshold: number };
  criteria: { position: number; titleDe: string; titleEn: string; weight: number }[];
  total: number;
  rows: RankingRow[];
}

/** A juror's habits as the ranking page explains them (never on the projector). */
export interface JurorLeniency {
  id: string;
  name: string;
  reviews: number;
  standardised: boolean;
  /** Points more (positive) or fewer than colleagues give the same applications. */
  offset: number;
}

/**
 * The rows as one JSON text for the trip to the page. Remix encodes loader data value by value
 * (turbo-stream); for 1,000 rows of some twenty values each that took 30–80 ms of CPU per request,
 * measured, more than everything else on the page. One string it passes through at once.
 */
export function packRows<T extends { rows: RankingRow[] }>(page: T): Omit<T, "rows"> & { rows: string } {
  return { ...page, rows: JSON.stringify(page.rows) };
}

export function unpackRows(rows: string): RankingRow[] {
  return JSON.parse(rows) as RankingRow[];
}

export type RowFilter = Pick<RankingQuery, "land" | "state" | "decision" | "flag" | "shortlist">;

export function filterRows(rows: readonly RankingRow[], query: RowFilter): RankingRow[] {
  return rows.filter(
    (row) =>
      (query.land === undefined || row.bundesland === query.land) &&
      (query.state === undefined || row.state === query.state) &&
      (query.decision === undefined || (query.decision === "none" ? row.decision === null : row.decision?.outcome === query.decision)) &&
      (query.flag === undefined || row.disagreement) &&
      (query.shortlist === undefined || row.shortlisted),
  );
}

/** Positive recommendations count fully, "with changes" half, as a share of the recommendations given. */
function recommendationShare([fund, changes, notFund]: RankingRow["recommendations"]): number | null {
  const given = fund + changes + notFund;
  return given === 0 ? null : (fund + changes / 2) / given;
}

/** The jurors' mean confidence, low 1 to high 3. */
function meanConfidence([low, medium, high]: RankingRow["confidence"]): number | null {
  const given = low + medium + high;
  return given === 0 ? null : (low + 2 * medium + 3 * high) / given;
}

const decisionOrder = (decision: CurrentDecision | null) => (decision ? decisionOutcomes.indexOf(decision.outcome) : null);

/** The value a column sorts by; null sorts last in either direction. */
function sortValue(column: RankingSortColumn, landName: (code: string) => string): (row: RankingRow) => number | string | null {
  switch (column) {
    case "rank":
      return (row) => row.rank;
    case "network":
      return (row) => row.network;
    case "bundesland":
      return (row) => landName(row.bundesland);
    case "raw":
    case "standardised":
    case "leniency":
      return (row) => row[column];
    case "reviews":
      return (row) => row.submitted;
    case "recommendations":
      return (row) => recommendationShare(row.recommendations);
    case "confidence":
      return (row) => meanConfidence(row.confidence);
    case "disagreement":
      return (row) => row.spreadOfTotals;
    case "state":
      return (row) => applicationStates.indexOf(row.state as (typeof applicationStates)[number]);
    case "decision":
      return (row) => decisionOrder(row.decision);
    default: {
      const index = Number(column.slice(1)) - 1;
      return (row) => row.criteria[index]?.[0] ?? null;
    }
  }
}

/** Rows sorted by the query's column and direction; equal rows keep rank order, then German name order. */
export function sortRows(rows: readonly RankingRow[], query: Pick<RankingQuery, "sort" | "dir">, landName: (code: string) => string): RankingRow[] {
  const value = sortValue(query.sort, landName);
  const direction = query.dir === "desc" ? -1 : 1;
  const compareValues = (a: number | string | null, b: number | string | null): number => {
    if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
    return direction * (typeof a === "string" ? compareGerman(a, String(b)) : a - (b as number));
  };
  const byRank = (a: RankingRow, b: RankingRow) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareGerman(a.network, b.network);
  return rows
    .map((row) => ({ row, key: value(row) }))
    .sort((a, b) => compareValues(a.key, b.key) || byRank(a.row, b.row))
    .map(({ row }) => row);
}
