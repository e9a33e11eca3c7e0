import { setup } from "xstate";

/**
 * The status of a call. Pure: the facts a guard needs travel in the event (how many problems the
 * setup still has, whether any application's eligibility check has begun), so the same event always
 * gives the same result.
 *
 * DRAFT → PUBLISHED → CLOSED → ARCHIVED. A call closed by mistake goes back to PUBLISHED (REOPEN),
 * with a reason, but only while no application has left SUBMITTED for its eligibility check: from
 * then on people outside the programme act on the closed call. The states are named like the
 * `CallStatus` column they are stored in.
 */
export type CallEvent =
  | { type: "PUBLISH"; setupProblems: number }
  | { type: "CLOSE" }
  | { type: "ARCHIVE" }
  | { type: "REOPEN"; reason: string; eligibilityCheckStarted: boolean };

export type CallState = "DRAFT" | "PUBLISHED" | "CLOSED" | "ARCHIVED";

export const callMachine = setup({
  types: { events: {} as CallEvent },
  guards: {
    setupComplete: ({ event }) => event.type === "PUBLISH" && event.setupProblems === 0,
    reasonGivenAndNoEligibilityCheck: ({ event }) => event.type === "REOPEN" && event.reason.trim() !== "" && !event.eligibilityCheckStarted,
  },
}).createMachine({
  id: "call",
  initial: "DRAFT",
  states: {
    DRAFT: { on: { PUBLISH: { guard: "setupComplete", target: "PUBLISHED" } } },
    PUBLISHED: { on: { CLOSE: { target: "CLOSED" } } },
    CLOSED: {
      on: {
        ARCHIVE: { target: "ARCHIVED" },
        REOPEN: { guard: "reasonGivenAndNoEligibilityCheck", target: "PUBLISHED" },
      },
    },
    ARCHIVED: { type: "final" },
  },
});
