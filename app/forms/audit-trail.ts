import { z } from "zod";
import type { HistoryEntry } from "./application-history";

/**
 * The audit trail of a call or an application as the pages receive it: what the audit log recorded,
 * sorted into kinds a manager can filter by, with the names its sentence needs and the mails queued
 * in the same step. Times are ISO strings, the same on the server and after the loader's JSON.
 */

export const trailKinds = ["submission", "eligibility", "jury", "conflicts", "reviews", "decisions", "setup"] as const;
export type TrailKind = (typeof trailKinds)[number];

/** Which steps belong to a kind: an entity's listed actions, or (no list) all of its actions not listed elsewhere. */
interface KindRule {
  entityType: string;
  actions?: readonly string[];
}

const decisionSteps = ["SHORTLIST", "UNSHORTLIST", "DECIDE_AWARD", "DECIDE_INVITATION", "DECIDE_WAITLIST", "DECIDE_REJECTION", "WITHDRAW_DECISION", "RELEASE_DECISION", "ACCEPT_AWARD", "DECLINE_AWARD"] as const;

export const trailKindRules: Record<TrailKind, readonly KindRule[]> = {
  submission: [
    {
      entityType: "Application",
      actions: ["started", "SUBMIT", "WITHDRAW", "REOPEN", "EXTEND_DEADLINE", "fileUploaded", "fileDeleted", "SHARE_WITH_MANAGERS", "STOP_SHARING_WITH_MANAGERS", "CREATE_FROM_INVITATION"],
    },
  ],
  eligibility: [
    { entityType: "Application", actions: ["START_ELIGIBILITY_CHECK", "MARK_ELIGIBLE", "MARK_INELIGIBLE", "REVISE_ELIGIBILITY"] },
    { entityType: "CallStage", actions: ["RELEASE_ELIGIBILITY"] },
  ],
  jury: [{ entityType: "JuryMembership" }, { entityType: "ReviewAssignment" }, { entityType: "ApplicationTopic" }, { entityType: "CallStage", actions: ["ASSIGNMENT_RUN", "ASSIGNMENTS_RELEASED"] }],
  conflicts: [{ entityType: "Conflict" }, { entityType: "CallStage", actions: ["conflicts-detected"] }],
  reviews: [{ entityType: "Review" }, { entityType: "DiscussionPost" }],
  decisions: [{ entityType: "Application", actions: decisionSteps }, { entityType: "Decision" }],
  setup: [{ entityType: "Call" }, { entityType: "CallStage" }, { entityType: "FormDefinition" }, { entityType: "Rubric" }],
};

/** The actions of an entity some kind lists by name: an entity-wide rule of another kind leaves them out. */
export function listedActions(entityType: string): string[] {
  return Object.values(trailKindRules).flatMap((rules) => rules.flatMap((rule) => (rule.entityType === entityType ? (rule.actions ?? []) : [])));
}

/** The kind of a recorded step; null for an entity no kind covers. */
export function kindOf(entityType: string, action: string): TrailKind | null {
  let wide: TrailKind | null = null;
  for (const kind of trailKinds) {
    for (const rule of trailKindRules[kind]) {
      if (rule.entityType !== entityType) continue;
      if (rule.actions?.includes(action)) return kind;
      if (!rule.actions) wide ??= kind;
    }
  }
  return wide;
}

/** A mail queued in the same step (the same transaction): to whom, what, and whether it has gone out. */
export interface TrailMail {
  id: string;
  template: string;
  toEmail: string;
  subject: string;
  status: "PENDING" | "SENT" | "FAILED";
  sentAt: string | null;
}

export interface TrailEntry {
  id: string;
  at: string;
  /** The person who took the step; null for a step the portal took by itself. */
  actorName: string | null;
  kind: TrailKind | null;
  entityType: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  /** The application the step concerns, when it concerns one. */
  application: { id: string; network: string; title: string } | null;
  /** A step of the call's stage: which stage. */
  stageKind: string | null;
  /** An application's own step, as its history tells it. */
  history: HistoryEntry | null;
  /** The juror the step concerns (a review's, an assignment's, a conflict's, a jury seat's). */
  juror: string | null;
  /** A reassignment: the juror who had the review before. */
  previousJuror: string | null;
  reason: string | null;
  /** Figures the step recorded (how many assigned, eligible, released …). */
  counts: Record<string, number>;
  mails: TrailMail[];
}

export interface TrailPage {
  entries: TrailEntry[];
  /** Where the next, older page starts; null on the last page. */
  older: string | null;
}

/** A page's position: the time and id of the last step shown, so a step written meanwhile never shifts the pages. */
const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[\w-]+$/)
  .transform((value) => {
    const split = value.indexOf("_");
    return { at: new Date(value.slice(0, split)), id: value.slice(split + 1) };
  })
  .refine((value) => !Number.isNaN(value.at.getTime()));

export const trailQuerySchema = z.object({
  kind: z.enum(trailKinds).optional().catch(undefined),
  before: cursor.optional().catch(undefined),
});
export type TrailQuery = z.output<typeof trailQuerySchema>;

export const cursorOf = (entry: Pick<TrailEntry, "at" | "id">) => `${entry.at}_${entry.id}`;
