import type { HistoryEntry } from "~/forms/application-history";
import { unreleasedDecisionStates } from "@workflows/application.machine";
import type { CurrentUser } from "../accounts/session.server";

/**
 * What readers outside the programme (the network, a state coordinator it shares with, a juror) may
 * know of the managers' decisions. Until the manager releases a stage's eligibility results, its
 * applications read as still "in the check": the decision, its reason and its step in the history
 * stay with the managers, who may still correct it. A funding decision stays internal until it is
 * released: the application reads as "in review" (or, decided from the waiting list, still as on the
 * waiting list), and the steps of deciding, changing and taking back a decision never show; the
 * release itself is the step the network sees.
 */
const decidedStates = new Set(["ineligible", "inReview"]);
const decisionEvents = new Set(["MARK_ELIGIBLE", "MARK_INELIGIBLE", "REVISE_ELIGIBILITY"]);
const unreleasedStates = new Set<string>(unreleasedDecisionStates);
const internalDecisionEvents = new Set(["DECIDE_AWARD", "DECIDE_INVITATION", "DECIDE_WAITLIST", "DECIDE_REJECTION", "WITHDRAW_DECISION"]);

interface Release {
  eligibilityReleasedAt: Date | null;
}

function seesUnreleased(reader: Pick<CurrentUser, "role">): boolean {
  return reader.role === "MANAGER" || reader.role === "ADMIN";
}

function hidden(reader: Pick<CurrentUser, "role">, stage: Release): boolean {
  return stage.eligibilityReleasedAt === null && !seesUnreleased(reader);
}

function contextOf(snapshot: unknown): { ineligibleReason?: string | null; fromWaitlist?: boolean } | undefined {
  return (snapshot as { context?: { ineligibleReason?: string | null; fromWaitlist?: boolean } } | null)?.context;
}

/** The reason the machine remembered for "not eligible" (null for any other decision). */
export function ineligibleReasonOf(snapshot: unknown): string | null {
  return contextOf(snapshot)?.ineligibleReason ?? null;
}

/** The state as this reader may see it. */
export function visibleState(reader: Pick<CurrentUser, "role">, row: { state: string; snapshot: unknown }, stage: Release): string {
  if (seesUnreleased(reader)) return row.state;
  if (unreleasedStates.has(row.state)) return contextOf(row.snapshot)?.fromWaitlist ? "waitlisted" : "inReview";
  return hidden(reader, stage) && decidedStates.has(row.state) ? "eligibilityCheck" : row.state;
}

/** The reason an application is not eligible, once this reader may know it. */
export function visibleIneligibleReason(reader: Pick<CurrentUser, "role">, row: { state: string; snapshot: unknown }, stage: Release): string | null {
  return row.state !== "ineligible" || hidden(reader, stage) ? null : ineligibleReasonOf(row.snapshot);
}

/** The history without the decisions this reader may not know (yet). */
export function visibleHistory(reader: Pick<CurrentUser, "role">, history: HistoryEntry[], stage: Release): HistoryEntry[] {
  if (seesUnreleased(reader)) return history;
  const eligibilityHidden = hidden(reader, stage);
  return history.filter((entry) => !internalDecisionEvents.has(entry.action) && !(eligibilityHidden && decisionEvents.has(entry.action)));
}
