import { assign, setup } from "xstate";

/**
 * One juror's review of one application. Pure: what a guard needs (how many required answers are
 * still missing, the reason given) travels in the event.
 *
 * assigned → inProgress on the first saved draft → submitted, which is final for the juror; the
 * manager may reopen a submitted review with a reason, and the juror submits it again. Before
 * submitting, a juror may abstain with a reason; the application then needs another reviewer.
 */
export type ReviewEvent =
  | { type: "START" }
  | { type: "SUBMIT"; missingItems: number }
  | { type: "ABSTAIN"; reason: string }
  | { type: "REOPEN"; reason: string };

export type ReviewState = "assigned" | "inProgress" | "submitted" | "reopened" | "abstained";

export interface ReviewContext {
  submissions: number;
  abstainReason: string | null;
  reopenReason: string | null;
}

const reasonGiven = ({ event }: { event: ReviewEvent }) => "reason" in event && event.reason.trim() !== "";

export const reviewMachine = setup({
  types: { context: {} as ReviewContext, events: {} as ReviewEvent },
  guards: {
    complete: ({ event }) => event.type === "SUBMIT" && event.missingItems === 0,
    reasonGiven,
  },
  actions: {
    countSubmission: assign({ submissions: ({ context }) => context.submissions + 1 }),
    rememberAbstention: assign({ abstainReason: ({ event }) => (event.type === "ABSTAIN" ? event.reason.trim() : null) }),
    rememberReopening: assign({ reopenReason: ({ event }) => (event.type === "REOPEN" ? event.reason.trim() : null) }),
  },
}).createMachine({
  id: "review",
  initial: "assigned",
  context: { submissions: 0, abstainReason: null, reopenReason: null },
  states: {
    assigned: {
      on: {
        START: { target: "inProgress" },
        SUBMIT: { guard: "complete", target: "submitted", actions: "countSubmission" },
        ABSTAIN: { guard: "reasonGiven", target: "abstained", actions: "rememberAbstention" },
      },
    },
    inProgress: {
      on: {
        SUBMIT: { guard: "complete", target: "submitted", actions: "countSubmission" },
        ABSTAIN: { guard: "reasonGiven", target: "abstained", actions: "rememberAbstention" },
      },
    },
    submitted: {
      on: { REOPEN: { guard: "reasonGiven", target: "reopened", actions: "rememberReopening" } },
    },
    reopened: {
      on: { SUBMIT: { guard: "complete", target: "submitted", actions: "countSubmission" } },
    },
    abstained: { type: "final" },
  },
});

/** States in which the juror still writes: their drafts are saved without a transition. */
export const reviewStatesOpenForEditing = ["assigned", "inProgress", "reopened"] as const satisfies readonly ReviewState[];
