import { assign, setup } from "xstate";

/**
 * The life of one application in one stage. Pure: the clock and the facts a guard needs (deadline,
 * missing items) travel in the event, so the same event always gives the same result.
 *
 * draft ⇄ submitted ⇄ withdrawn while the stage is open; after the deadline the manager starts the
 * eligibility check; eligible applications are reviewed, shortlisted and decided. An outline
 * ("Skizze") ends in `invitedToNextStage` when its network is asked for a full proposal.
 */
export type ApplicationEvent =
  | { type: "SUBMIT"; at: string; deadline: string; missingItems: number }
  | { type: "WITHDRAW"; at: string; deadline: string }
  | { type: "REOPEN"; at: string; deadline: string }
  | { type: "START_ELIGIBILITY_CHECK"; at: string; deadline: string }
  | { type: "MARK_ELIGIBLE" }
  | { type: "MARK_INELIGIBLE"; reason: string }
  /** A decision taken back for correction: possible while the results are unreleased and no juror has the application. */
  | { type: "REVISE_ELIGIBILITY"; resultsReleased: boolean; reviewsAssigned: number }
  | { type: "SHORTLIST" }
  | { type: "WAITLIST" }
  | { type: "INVITE_TO_NEXT_STAGE"; isOutline: boolean }
  | { type: "APPROVE"; isOutline: boolean }
  | { type: "REJECT" };

export interface ApplicationContext {
  submissions: number;
  ineligibleReason: string | null;
}

const beforeDeadline = ({ event }: { event: ApplicationEvent }) =>
  "at" in event && "deadline" in event && Date.parse(event.at) < Date.parse(event.deadline);

export const applicationMachine = setup({
  types: { context: {} as ApplicationContext, events: {} as ApplicationEvent },
  guards: {
    beforeDeadline,
    afterDeadline: ({ event }) => "at" in event && "deadline" in event && Date.parse(event.at) >= Date.parse(event.deadline),
    completeAndBeforeDeadline: ({ event }) => event.type === "SUBMIT" && event.missingItems === 0 && beforeDeadline({ event }),
    isOutline: ({ event }) => "isOutline" in event && event.isOutline,
    isFinalStage: ({ event }) => "isOutline" in event && !event.isOutline,
    stillRevisable: ({ event }) => event.type === "REVISE_ELIGIBILITY" && !event.resultsReleased && event.reviewsAssigned === 0,
  },
  actions: {
    countSubmission: assign({ submissions: ({ context }) => context.submissions + 1 }),
    rememberIneligibility: assign({ ineligibleReason: ({ event }) => (event.type === "MARK_INELIGIBLE" ? event.reason : null) }),
    forgetIneligibility: assign({ ineligibleReason: null }),
  },
}).createMachine({
  id: "application",
  initial: "draft",
  context: { submissions: 0, ineligibleReason: null },
  states: {
    draft: {
      on: { SUBMIT: { guard: "completeAndBeforeDeadline", target: "submitted", actions: "countSubmission" } },
    },
    submitted: {
      on: {
        WITHDRAW: { guard: "beforeDeadline", target: "withdrawn" },
        REOPEN: { guard: "beforeDeadline", target: "draft" },
        START_ELIGIBILITY_CHECK: { guard: "afterDeadline", target: "eligibilityCheck" },
      },
    },
    withdrawn: {
      on: { REOPEN: { guard: "beforeDeadline", target: "draft" } },
    },
    eligibilityCheck: {
      on: {
        MARK_ELIGIBLE: { target: "inReview" },
        MARK_INELIGIBLE: { target: "ineligible", actions: "rememberIneligibility" },
      },
    },
    // Not final: until the results are released a "not eligible" can still be corrected.
    ineligible: {
      on: { REVISE_ELIGIBILITY: { guard: "stillRevisable", target: "eligibilityCheck", actions: "forgetIneligibility" } },
    },
    inReview: {
      on: {
        SHORTLIST: { target: "shortlisted" },
        REJECT: { target: "rejected" },
        REVISE_ELIGIBILITY: { guard: "stillRevisable", target: "eligibilityCheck" },
      },
    },
    shortlisted: {
      on: {
        INVITE_TO_NEXT_STAGE: { guard: "isOutline", target: "invitedToNextStage" },
        APPROVE: { guard: "isFinalStage", target: "approved" },
        WAITLIST: { target: "waitlisted" },
        REJECT: { target: "rejected" },
      },
    },
    waitlisted: {
      on: {
        INVITE_TO_NEXT_STAGE: { guard: "isOutline", target: "invitedToNextStage" },
        APPROVE: { guard: "isFinalStage", target: "approved" },
        REJECT: { target: "rejected" },
      },
    },
    invitedToNextStage: { type: "final" },
    approved: { type: "final" },
    rejected: { type: "final" },
  },
});

export type ApplicationState =
  | "draft"
  | "submitted"
  | "withdrawn"
  | "eligibilityCheck"
  | "ineligible"
  | "inReview"
  | "shortlisted"
  | "waitlisted"
  | "invitedToNextStage"
  | "approved"
  | "rejected";

/**
 * The states an application can be in before its eligibility check starts; every other state is
 * reached only through START_ELIGIBILITY_CHECK (the machine's test proves it from the graph).
 */
export const statesBeforeEligibilityCheck = ["draft", "submitted", "withdrawn"] as const satisfies readonly ApplicationState[];
