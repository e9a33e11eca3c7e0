import { z } from "zod";
import type { ApplicationState } from "@workflows/application.machine";
import { compareGerman } from "~/i18n/collation";
import { bundeslaender } from "./account-schemas";

/**
 * The applications list of a call as its address describes it (a GET form, so it works without
 * JavaScript and can be bookmarked): a search in network names, a state and a Land to filter by, and
 * the column to sort by. A value that does not fit is left out rather than refused: an old bookmark
 * still opens the list.
 */

/** Every state of an application, in the order the workflow reaches them. */
export const applicationStates = [
  "draft",
  "submitted",
  "withdrawn",
  "eligibilityCheck",
  "ineligible",
  "inReview",
  "awardDecided",
  "invitationDecided",
  "waitlistDecided",
  "rejectionDecided",
  "waitlisted",
  "invitedToNextStage",
  "approved",
  "awardAccepted",
  "awardDeclined",
  "rejected",
] as const satisfies readonly ApplicationState[];

export function isApplicationState(value: string): value is ApplicationState {
  return (applicationStates as readonly string[]).includes(value);
}

/** A state's place in the workflow; an unknown one comes after all. */
function stateRank(state: string): number {
  return isApplicationState(state) ? applicationStates.indexOf(state) : applicationStates.length;
}

export const applicationSortColumns = ["network", "bundesland", "state", "submittedAt", "requested"] as const;
export type ApplicationSortColumn = (typeof applicationSortColumns)[number];
export type SortDirection = "asc" | "desc";

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

export const applicationListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  state: z.preprocess(emptyAsMissing, z.enum(applicationStates).optional()).catch(undefined),
  land: z.preprocess(emptyAsMissing, z.enum(bundeslaender).optional()).catch(undefined),
  sort: z.enum(applicationSortColumns).catch("network"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type ApplicationListQuery = z.output<typeof applicationListQuerySchema>;

export function parseApplicationListQuery(params: URLSearchParams): ApplicationListQuery {
  return applicationListQuerySchema.parse({
    q: params.get("q") ?? "",
    state: params.get("state") ?? undefined,
    land: params.get("land") ?? undefined,
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") ?? undefined,
  });
}

/** The address of the list with some of its query changed; defaults are left out, so addresses stay short. */
export function applicationListSearch(query: ApplicationListQuery, change: Partial<ApplicationListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.state) params.set("state", next.state);
  if (next.land) params.set("land", next.land);
  if (next.sort !== "network") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Lower case without accents, so "Zürich" is found by "zurich" and "Straße" by "strasse". */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/ß/g, "ss")
    .toLocaleLowerCase("de");
}

export interface ListedApplication {
  network: { name: string; bundesland: string };
  state: string;
  submittedAt: Date | null;
  requestedCents: number | null;
}

/**
 * The applications the query asks for, sorted. Names sort with German collation, Länder by their
 * name in the reader's language, states in workflow order; rows without a date or an amount come
 * last in either direction; equal rows keep network name order.
 */
export function filterAndSortApplications<T extends ListedApplication>(rows: readonly T[], query: ApplicationListQuery, landName: (code: string) => string): T[] {
  const needle = searchable(query.q);
  const chosen = rows.filter(
    (row) => (!needle || searchable(row.network.name).includes(needle)) && (!query.state || row.state === query.state) && (!query.land || row.network.bundesland === query.land)
  );
  const direction = query.dir === "desc" ? -1 : 1;
  const byName = (a: T, b: T) => compareGerman(a.network.name, b.network.name);
  const nullsLast = <V>(a: V | null, b: V | null, compare: (x: V, y: V) => number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : direction * compare(a, b));
  const compareColumn: Record<ApplicationSortColumn, (a: T, b: T) => number> = {
    network: (a, b) => direction * byName(a, b),
    bundesland: (a, b) => direction * compareGerman(landName(a.network.bundesland), landName(b.network.bundesland)),
    state: (a, b) => direction * (stateRank(a.state) - stateRank(b.state)),
    submittedAt: (a, b) => nullsLast(a.submittedAt, b.submittedAt, (x, y) => new Date(x).getTime() - new Date(y).getTime()),
    requested: (a, b) => nullsLast(a.requestedCents, b.requestedCents, (x, y) => x - y),
  };
  return chosen.sort((a, b) => compareColumn[query.sort](a, b) || byName(a, b));
}

/** How many applications are in each state, for the counts above the list. */
export function countByState(rows: readonly { state: string }[]): { state: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return [...counts.entries()].map(([state, count]) => ({ state, count })).sort((a, b) => stateRank(a.state) - stateRank(b.state));
}
