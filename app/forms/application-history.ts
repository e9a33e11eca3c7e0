/**
 * One step in an application's history as the pages receive it: what the audit log recorded, plus
 * the facts that let the step be told in words (the version a submission froze, the new deadline,
 * the file's name). Times are ISO strings, the same on the server and after the loader's JSON.
 */
export interface HistoryEntry {
  id: string;
  at: string;
  /** The person who took the step; null for a step the portal took by itself. */
  actorName: string | null;
  action: string;
  toState: string | null;
  versionNumber: number | null;
  until: string | null;
  reason: string | null;
  fileName: string | null;
}
