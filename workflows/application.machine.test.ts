import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describeTransitionTable } from "./transition-table.test-support";
import { applicationMachine, statesBeforeEligibilityCheck, type ApplicationEvent, type ApplicationState } from "./application.machine";

const deadline = "2026-10-25T11:00:00.000Z";
const before = "2026-10-25T10:59:59.000Z";
const after = "2026-10-25T11:00:00.000Z";

/** One sample of every event, with the facts that make its guard pass and fail. */
const passing: ApplicationEvent[] = [
  { type: "SUBMIT", at: before, deadline, missingItems: 0 },
  { type: "WITHDRAW", at: before, deadline },
  { type: "REOPEN", at: before, deadline },
  { type: "START_ELIGIBILITY_CHECK", at: after, deadline },
  { type: "MARK_ELIGIBLE" },
  { type: "MARK_INELIGIBLE", reason: "Kein Kooperationsvertrag" },
  { type: "REVISE_ELIGIBILITY", resultsReleased: false, reviewsAssigned: 0 },
  { type: "DECIDE_AWARD", isOutline: false },
  { type: "DECIDE_INVITATION", isOutline: true },
  { type: "DECIDE_WAITLIST" },
  { type: "DECIDE_REJECTION" },
  { type: "WITHDRAW_DECISION" },
  { type: "RELEASE_DECISION" },
  { type: "ACCEPT_AWARD" },
  { type: "DECLINE_AWARD" },
];
const failingGuards: ApplicationEvent[] = [
  { type: "SUBMIT", at: after, deadline, missingItems: 0 },
  { type: "SUBMIT", at: before, deadline, missingItems: 2 },
  { type: "WITHDRAW", at: after, deadline },
  { type: "REOPEN", at: after, deadline },
  { type: "START_ELIGIBILITY_CHECK", at: before, deadline },
  { type: "DECIDE_INVITATION", isOutline: false },
  { type: "DECIDE_AWARD", isOutline: true },
  { type: "REVISE_ELIGIBILITY", resultsReleased: true, reviewsAssigned: 0 },
  { type: "REVISE_ELIGIBILITY", resultsReleased: false, reviewsAssigned: 1 },
];

/** The four decisions, each to its own unreleased state. */
const decisions = { DECIDE_AWARD: "awardDecided", DECIDE_INVITATION: "invitationDecided", DECIDE_WAITLIST: "waitlistDecided", DECIDE_REJECTION: "rejectionDecided" } as const;

/** Every allowed move: state → event type → next state. Anything not listed must be refused. */
const allowed: Record<ApplicationState, Partial<Record<ApplicationEvent["type"], ApplicationState>>> = {
  draft: { SUBMIT: "submitted" },
  submitted: { WITHDRAW: "withdrawn", REOPEN: "draft", START_ELIGIBILITY_CHECK: "eligibilityCheck" },
  withdrawn: { REOPEN: "draft" },
  eligibilityCheck: { MARK_ELIGIBLE: "inReview", MARK_INELIGIBLE: "ineligible" },
  ineligible: { REVISE_ELIGIBILITY: "eligibilityCheck" },
  inReview: { ...decisions, REVISE_ELIGIBILITY: "eligibilityCheck" },
  awardDecided: { ...decisions, WITHDRAW_DECISION: "inReview", RELEASE_DECISION: "approved" },
  invitationDecided: { ...decisions, WITHDRAW_DECISION: "inReview", RELEASE_DECISION: "invitedToNextStage" },
  waitlistDecided: { ...decisions, WITHDRAW_DECISION: "inReview", RELEASE_DECISION: "waitlisted" },
  rejectionDecided: { ...decisions, WITHDRAW_DECISION: "inReview", RELEASE_DECISION: "rejected" },
  waitlisted: { DECIDE_AWARD: "awardDecided", DECIDE_INVITATION: "invitationDecided", DECIDE_REJECTION: "rejectionDecided" },
  approved: { ACCEPT_AWARD: "awardAccepted", DECLINE_AWARD: "awardDeclined" },
  invitedToNextStage: {},
  awardAccepted: {},
  awardDeclined: {},
  rejected: {},
};

// Every state, reached by the shortest path the machine's own graph offers with passing events.
// States are told apart by value and where a decision came from: the submission counter would make
// the graph endless. Of a state's variants the table tests the one reached in fewest steps.
const paths = getShortestPaths(applicationMachine, {
  events: passing,
  serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.fromWaitlist === true]),
});
const reached = new Map([...paths].sort((a, b) => b.steps.length - a.steps.length).map((path) => [path.state.value as ApplicationState, path.state]));

describe("application workflow", () => {
  it("reaches every state from a draft", () => {
    expect([...reached.keys()].sort()).toEqual(Object.keys(allowed).sort());
  });

  describeTransitionTable({ machine: applicationMachine, reached, allowed, passing, failingGuards });

  it("counts submissions across withdraw and resubmit, and keeps the reason of ineligibility", () => {
    let [snapshot] = initialTransition(applicationMachine);
    for (const event of [passing[0]!, passing[1]!, passing[2]!, passing[0]!, passing[3]!, passing[5]!]) [snapshot] = transition(applicationMachine, snapshot, event);
    expect(snapshot.value).toBe("ineligible");
    expect(snapshot.context).toEqual({ submissions: 2, ineligibleReason: "Kein Kooperationsvertrag", fromWaitlist: false });
  });

  it("forgets the reason of ineligibility when the decision is taken back for correction", () => {
    let [snapshot] = initialTransition(applicationMachine);
    for (const event of [passing[0]!, passing[3]!, passing[5]!, passing[6]!]) [snapshot] = transition(applicationMachine, snapshot, event);
    expect(snapshot.value).toBe("eligibilityCheck");
    expect(snapshot.context).toEqual({ submissions: 1, ineligibleReason: null, fromWaitlist: false });
  });

  it("treats the deadline instant itself as too late (one second before is on time)", () => {
    const [draft] = initialTransition(applicationMachine);
    expect(draft.can({ type: "SUBMIT", at: "2026-10-25T10:59:59.000Z", deadline, missingItems: 0 })).toBe(true);
    expect(draft.can({ type: "SUBMIT", at: "2026-10-25T11:00:00.000Z", deadline, missingItems: 0 })).toBe(false);
    expect(draft.can({ type: "SUBMIT", at: "2026-10-25T11:00:01.000Z", deadline, missingItems: 0 })).toBe(false);
  });
});

describe("decisions on a released waiting-list place", () => {
  const byType = (type: ApplicationEvent["type"]) => passing.find((event) => event.type === type)!;
  const decidedFromWaitlist = () => {
    let snapshot = reached.get("waitlisted")!;
    [snapshot] = transition(applicationMachine, snapshot, byType("DECIDE_AWARD"));
    return snapshot;
  };

  it("returns to the waiting list when the decision is withdrawn, not to review", () => {
    const [withdrawn] = transition(applicationMachine, decidedFromWaitlist(), byType("WITHDRAW_DECISION"));
    expect(withdrawn.value).toBe("waitlisted");
  });

  it("may change into a rejection but not back onto the waiting list", () => {
    const decided = decidedFromWaitlist();
    expect(decided.can(byType("DECIDE_REJECTION"))).toBe(true);
    expect(decided.can(byType("DECIDE_WAITLIST"))).toBe(false);
    const [rejected] = transition(applicationMachine, decided, byType("DECIDE_REJECTION"));
    const [withdrawn] = transition(applicationMachine, rejected, byType("WITHDRAW_DECISION"));
    expect(withdrawn.value).toBe("waitlisted");
  });

  it("forgets the waiting list once a decision from review is taken", () => {
    let snapshot = reached.get("inReview")!;
    for (const type of ["DECIDE_WAITLIST", "RELEASE_DECISION", "DECIDE_AWARD", "RELEASE_DECISION", "ACCEPT_AWARD"] as const) [snapshot] = transition(applicationMachine, snapshot, byType(type));
    expect(snapshot.value).toBe("awardAccepted");
    const [fresh] = transition(applicationMachine, reached.get("inReview")!, byType("DECIDE_REJECTION"));
    expect(fresh.context.fromWaitlist).toBe(false);
  });
});

describe("states before the eligibility check", () => {
  it("are exactly the states reachable without START_ELIGIBILITY_CHECK (a closed call may be reopened only while all its applications are in them)", () => {
    const before = new Set<string>(statesBeforeEligibilityCheck);
    for (const path of paths) {
      const checked = path.steps.some((step) => step.event.type === "START_ELIGIBILITY_CHECK");
      expect(before.has(path.state.value as string), `${JSON.stringify(path.state.value)}`).toBe(!checked);
    }
    expect([...reached.keys()].filter((state) => before.has(state)).sort()).toEqual([...statesBeforeEligibilityCheck].sort());
  });
});
