import { z } from "zod";
import type { DecisionOutcome } from "~/generated/prisma/enums";
import { conditionLines, euros } from "./call-schemas";
import { selectedApplications } from "./review-eligibility-schemas";
import { confirmation } from "./workflow-schemas";

// The manager's decision forms: one application, a selection on the decisions board, withdrawing
// and recording that an award lapsed. Messages are catalogue keys.

/** What a manager decides; an invitation exists only in an outline stage, an award only after it. */
export const decisionChoices = ["award", "invitation", "waitlist", "rejection"] as const;
export type DecisionChoice = (typeof decisionChoices)[number];

/** The form's choice as the Decision row keeps it, and back. */
export const outcomeOf = { award: "FUNDED", invitation: "INVITED_TO_NEXT_STAGE", waitlist: "WAITLISTED", rejection: "REJECTED" } as const satisfies Record<DecisionChoice, DecisionOutcome>;
export const choiceOf: Record<DecisionOutcome, DecisionChoice> = { FUNDED: "award", INVITED_TO_NEXT_STAGE: "invitation", WAITLISTED: "waitlist", REJECTED: "rejection" };

const text = (max: number) => z.string().trim().max(max, "callSetup.error.tooLong").default("");

/** Ticked check boxes: none posts nothing, one posts a single value. */
const ticked = z.preprocess((value) => (value === undefined ? [] : typeof value === "string" ? [value] : value), z.array(z.string().max(200)).max(100));

const decisionShape = {
  outcome: z.enum(decisionChoices, { error: "decisions.error.chooseOutcome" }),
  amount: euros.optional(),
  supportDescription: text(2000),
  conditions: conditionLines,
  reason: text(4000),
  feedback: text(8000),
  exceptionJustification: text(4000),
  overBudgetConfirmed: z.boolean().default(false),
};

/** A rejection is explained inside the programme; the other outcomes may be. */
function reasonForRejection(value: { outcome: DecisionChoice; reason: string }, ctx: z.RefinementCtx) {
  if (value.outcome === "rejection" && value.reason === "") ctx.addIssue({ code: "custom", message: "decisions.error.reasonRequired", path: ["reason"] });
}

export const decideSchema = z
  .object({ ...decisionShape, version: z.number({ error: "workflow.stale" }).int().min(0), sharedReviewIds: ticked })
  .superRefine(reasonForRejection);
export type DecideInput = z.output<typeof decideSchema>;

export const bulkDecisionSchema = z.object({ ...decisionShape, selected: selectedApplications }).superRefine(reasonForRejection);
export type BulkDecisionInput = z.output<typeof bulkDecisionSchema>;

export const withdrawDecisionSchema = z.object({ version: z.number({ error: "workflow.stale" }).int().min(0), ...confirmation });

/** "Frist abgelaufen": on the board it names the application, on its page the page does. */
export const lapseSchema = z.object({ applicationId: z.string().min(1).max(200), ...confirmation });

/** The board's filter by decision, from its address; what does not fit is ignored, so old links still open. */
export const boardFilters = ["undecided", "award", "invitation", "waitlist", "rejection", "declined"] as const;
export type BoardFilter = (typeof boardFilters)[number];

export function parseBoardFilter(params: URLSearchParams): BoardFilter | undefined {
  return z.enum(boardFilters).optional().catch(undefined).parse(params.get("decision") || undefined);
}

/** The decision form filled in from a link (the waiting list's "Nachrücken": an award of the declined amount). */
export function parseDecisionPrefill(params: URLSearchParams): { outcome?: DecisionChoice; amount?: string } {
  const outcome = z.enum(decisionChoices).optional().catch(undefined).parse(params.get("outcome") || undefined);
  const amount = params.get("amount") ?? "";
  return { outcome, amount: /^\d{1,13}(,\d{1,2})?$/.test(amount) ? amount : undefined };
}
