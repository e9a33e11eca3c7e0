import { assign, setup } from "xstate";

/**
 * The life of one application in one stage. Pure: the clock and the facts a guard needs (deadline,
 * missing items) travel in the event, so the same event always gives the same result.
 *
 * draft ⇄ submitted ⇄ withdrawn while the stage is open; after the deadline the manager starts the
 * eligibility check; eligible applications are reviewed and decided. A decision is internal
 * (`…Decided`) until the manager releases it; it can be changed or withdrawn until then. An outline
 * ("Skizze") ends in `invitedToNextStage` when its network is asked for a full proposal; a later
 * stage ends in an award, which the network accepts or declines. Released waiting-list places move
 * up through a new decision.
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
  | { type: "DECIDE_AWARD"; isOutline: boolean }
  | { type: "DECIDE_INVITATION"; isOutline: boolean }
  | { type: "DECIDE_WAITLIST" }
  | { type: "DECIDE_REJECTION" }
  /** Takes an unreleased decision back: the application returns to where it was decided from. */
  | { type: "WITHDRAW_DECISION" }
  | { type: "RELEASE_DECISION" }
  | { type: "ACCEPT_AWARD" }
  /** The network declined, or did not accept in time (the manager records that it lapsed). */
  | { type: "DECLINE_AWARD" };

export interface ApplicationContext {
  submissions: number;
  ineligibleReason: string | null;
  /** The unreleased decision was taken on a released waiting-list place, so withdrawing it returns there. */
  fromWaitlist?: boolean;
}

const beforeDeadline = ({ event }: { event: ApplicationEvent }) =>
  "at" in event && "deadline" in event && Date.parse(event.at) < Date.parse(event.deadline);

/**
 * An unreleased decision can be changed into another or withdrawn. Changing keeps where it was
 * decided from; a decision on a waiting-list place may not put it back on the waiting list.
 */
const redecide = {
  DECIDE_AWARD: { guard: "isFinalStage", target: "awardDecided" },
  DECIDE_INVITATION: { guard: "isOutline", target: "invitationDecided" },
  DECIDE_WAITLIST: { guard: "notFromWaitlist", target: "waitlistDecided" },
  DECIDE_REJECTION: { target: "rejectionDecided" },
  WITHDRAW_DECISION: [{ guard: "fromWaitlist", target: "waitlisted" }, { target: "inReview" }],
} as const;

export const applicationMachine = setup({
  types: { context: {} as ApplicationContext, events: {} as ApplicationEvent },
  guards: {
    beforeDeadline,
    afterDeadline: ({ event }) => "at" in event && "deadline" in event && Date.parse(event.at) >= Date.parse(event.deadline),
    completeAndBeforeDeadline: ({ event }) => event.type === "SUBMIT" && event.missingItems === 0 && beforeDeadline({ event }),
    isOutline: ({ event }) => "isOutline" in event && event.isOutline,
    isFinalStage: ({ event }) => "isOutline" in event && !event.isOutline,
    fromWaitlist: ({ context }) => context.fromWaitlist === true,
    notFromWaitlist: ({ context }) => context.fromWaitlist !== true,
    stillRevisable: ({ event }) => event.type === "REVISE_ELIGIBILITY" && !event.resultsReleased && event.reviewsAssigned === 0,
  },
  actions: {
    countSubmission: assign({ submissions: ({ context }) => context.submissions + 1 }),
    rememberIneligibility: assign({ ineligibleReason: ({ event }) => (event.type === "MARK_INELIGIBLE" ? event.reason : null) }),
    forgetIneligibility: assign({ ineligibleReason: null }),
    decideFromReview: assign({ fromWaitlist: false }),
    decideFromWaitlist: assign({ fromWaitlist: true }),
  },
}).createMachine({
  id: "application",
  initial: "draft",
  context: { submissions: 0, ineligibleReason: null, fromWaitlist: false },
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
        DECIDE_AWARD: { guard: "isFinalStage", target: "awardDecided", actions: "decideFromReview" },
        DECIDE_INVITATION: { guard: "isOutline", target: "invitationDecided", actions: "decideFromReview" },
        DECIDE_WAITLIST: { target: "waitlistDecided", actions: "decideFromReview" },
        DECIDE_REJECTION: { target: "rejectionDecided", actions: "decideFromReview" },
        REVISE_ELIGIBILITY: { guard: "stillRevisable", target: "eligibilityCheck" },
      },
    },
    // Decided but not released: the network still sees "in review".
    awardDecided: { on: { ...redecide, RELEASE_DECISION: { target: "approved" } } },
    invitationDecided: { on: { ...redecide, RELEASE_DECISION: { target: "invitedToNextStage" } } },
    waitlistDecided: { on: { ...redecide, RELEASE_DECISION: { target: "waitlisted" } } },
    rejectionDecided: { on: { ...redecide, RELEASE_DECISION: { target: "rejected" } } },
    // Released: a place on the waiting list moves up (or ends) through a new decision.
    waitlisted: {
      on: {
        DECIDE_AWARD: { guard: "isFinalStage", target: "awardDecided", actions: "decideFromWaitlist" },
        DECIDE_INVITATION: { guard: "isOutline", target: "invitationDecided", actions: "decideFromWaitlist" },
        DECIDE_REJECTION: { target: "rejectionDecided", actions: "decideFromWaitlist" },
      },
    },
    approved: {
      on: {
        ACCEPT_AWARD: { target: "awardAccepted" },
        DECLINE_AWARD: { target: "awardDeclined" },
      },
    },
    invitedToNextStage: { type: "final" },
    awardAccepted: { type: "final" },
    awardDeclined: { type: "final" },
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
  | "awardDecided"
  | "invitationDecided"
  | "waitlistDecided"
  | "rejectionDecided"
  | "waitlisted"
  | "invitedToNextStage"
  | "approved"
  | "awardAccepted"
  | "awardDeclined"
  | "rejected";

/** Decided but not yet released: internal to the programme's managers. */
export const unreleasedDecisionStates = ["awardDecided", "invitationDecided", "waitlistDecided", "rejectionDecided"] as const satisfies readonly ApplicationState[];

/**
 * The states an application can be in before its eligibility check starts; every other state is
 * reached only through START_ELIGIBILITY_CHECK (the machine's test proves it from the graph).
 */
export const statesBeforeEligibilityCheck = ["draft", "submitted", "withdrawn"] as const satisfies readonly ApplicationState[];
