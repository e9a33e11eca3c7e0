import type { HistoryEntry } from "~/forms/application-history";
import { unreleasedDecisionStates } from "@workflows/application.machine";
import type { CurrentUser } from "../accounts/session.server";

/**
 * Until the manager releases a stage's eligibility results, everyone outside the programme (the
 * network, a state coordinator it shares with) sees its applications as still "in the check": the
 * decision, its reason and its step in the history stay with the managers, who may still correct it.
 */
const decidedStates = new Set(["ineligible", "inReview"]);
const decisionEvents = new Set(["MARK_ELIGIBLE", "MARK_INELIGIBLE", "REVISE_ELIGIBILITY"]);
/** Funding decisions are internal until released: outside the programme they read as "in review", their steps unseen. */
const unreleasedDecisions = new Set<string>(unreleasedDecisionStates);
const fundingDecisionSteps = new Set(["DECIDE_AWARD", "DECIDE_INVITATION", "DECIDE_WAITLIST", "DECIDE_REJECTION", "WITHDRAW_DECISION"]);

interface Release {
  eligibilityReleasedAt: Date | null;
}

function seesUnreleased(reader: Pick<CurrentUser, "role">): boolean {
  return reader.role === "MANAGER" || reader.role === "ADMIN";
}

function hidden(reader: Pick<CurrentUser, "role">, stage: Release): boolean {
  return stage.eligibilityReleasedAt === null && !seesUnreleased(reader);
}

/** The reason the machine remembered for "not eligible" (null for any other decision). */
export function ineligibleReasonOf(snapshot: unknown): string | null {
  return (snapshot as { context?: { ineligibleReason?: string | null } } | null)?.context?.ineligibleReason ?? null;
}

/** The state as this reader may see it. */
export function visibleState(reader: Pick<CurrentUser, "role">, state: string, stage: Release): string {
  if (!seesUnreleased(reader) && unreleasedDecisions.has(state)) return "inReview";
  return hidden(reader, stage) && decidedStates.has(state) ? "eligibilityCheck" : state;
}

/** The reason an application is not eligible, once this reader may know it. */
export function visibleIneligibleReason(reader: Pick<CurrentUser, "role">, row: { state: string; snapshot: unknown }, stage: Release): string | null {
  return row.state !== "ineligible" || hidden(reader, stage) ? null : ineligibleReasonOf(row.snapshot);
}

/** The history without the eligibility decisions this reader may not know yet. */
export function visibleHistory(reader: Pick<CurrentUser, "role">, history: HistoryEntry[], stage: Release): HistoryEntry[] {
  const outside = seesUnreleased(reader) ? history : history.filter((entry) => !fundingDecisionSteps.has(entry.action));
  return hidden(reader, stage) ? outside.filter((entry) => !decisionEvents.has(entry.action)) : outside;
}
