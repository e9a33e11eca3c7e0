import { z } from "zod";
import { bundeslaender } from "./account-schemas";
import { applicationStates } from "./application-list";

/**
 * The ranking of a stage as its address describes it (GET, so it works without JavaScript and can be
 * bookmarked): the column to sort by and the filters. A value that does not fit is left out rather
 * than refused, so an old bookmark still opens the page.
 */

/** The applications a ranking lists: every one that reached the jury, decided or not (not the ineligible or withdrawn). */
export const rankedStates = applicationStates.slice(applicationStates.indexOf("inReview"));
export type RankedState = (typeof rankedStates)[number];

export const rankingBases = ["RAW", "STANDARDISED", "LENIENCY"] as const;
export type RankingBasisChoice = (typeof rankingBases)[number];

export const decisionOutcomes = ["FUNDED", "REJECTED", "INVITED_TO_NEXT_STAGE", "WAITLISTED"] as const;
/** "none" finds the applications not decided yet. */
export const decisionFilters = ["none", ...decisionOutcomes] as const;

/** Fixed columns; a criterion sorts as "c<position>". */
export const rankingSortColumns = ["rank", "network", "bundesland", "raw", "standardised", "leniency", "reviews", "recommendations", "confidence", "disagreement", "state", "decision"] as const;
export type RankingSortColumn = (typeof rankingSortColumns)[number] | `c${number}`;

/** Score columns read best first when first sorted; places, names, states and decisions from the top. */
export function firstDirection(column: RankingSortColumn): "asc" | "desc" {
  return (["rank", "network", "bundesland", "state", "decision"] as string[]).includes(column) ? "asc" : "desc";
}

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);
const isSortColumn = (value: string): value is RankingSortColumn => (rankingSortColumns as readonly string[]).includes(value) || /^c\d{1,3}$/.test(value);

export const rankingQuerySchema = z.object({
  sort: z
    .string()
    .refine(isSortColumn)
    .transform((value) => value as RankingSortColumn)
    .catch("rank"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  land: z.preprocess(emptyAsMissing, z.enum(bundeslaender).optional()).catch(undefined),
  state: z.preprocess(emptyAsMissing, z.enum(rankedStates).optional()).catch(undefined),
  decision: z.preprocess(emptyAsMissing, z.enum(decisionFilters).optional()).catch(undefined),
  flag: z.preprocess(emptyAsMissing, z.enum(["disagreement"]).optional()).catch(undefined),
  shortlist: z.preprocess(emptyAsMissing, z.enum(["only"]).optional()).catch(undefined),
});
export type RankingQuery = z.output<typeof rankingQuerySchema>;

const queryNames = ["sort", "dir", "land", "state", "decision", "flag", "shortlist"] as const;

export function parseRankingQuery(params: URLSearchParams): RankingQuery {
  return rankingQuerySchema.parse(Object.fromEntries(queryNames.map((name) => [name, params.get(name) ?? undefined])));
}

/** The address of the ranking with some of its query changed; defaults are left out, so addresses stay short. */
export function rankingSearch(query: RankingQuery, change: Partial<RankingQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const name of queryNames) {
    const value = next[name];
    if (value !== undefined && !(name === "sort" && value === "rank") && !(name === "dir" && value === "asc")) params.set(name, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "?";
}

/** Which score sorts the ranking. */
export const rankingBasisSchema = z.object({ basis: z.enum(rankingBases, { error: "error.choose" }) });

/** One application on or off the shortlist, as its button posts it: "on:<id>" or "off:<id>". */
export const shortlistSchema = z.object({
  shortlist: z
    .string({ error: "error.required" })
    .regex(/^(on|off):[\w-]{1,200}$/, "error.required")
    .transform((value) => ({ on: value.startsWith("on:"), applicationId: value.slice(value.indexOf(":") + 1) })),
});
