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
  { type: "SHORTLIST" },
  { type: "WAITLIST" },
  { type: "INVITE_TO_NEXT_STAGE", isOutline: true },
  { type: "APPROVE", isOutline: false },
  { type: "REJECT" },
];
const failingGuards: ApplicationEvent[] = [
  { type: "SUBMIT", at: after, deadline, missingItems: 0 },
  { type: "SUBMIT", at: before, deadline, missingItems: 2 },
  { type: "WITHDRAW", at: after, deadline },
  { type: "REOPEN", at: after, deadline },
  { type: "START_ELIGIBILITY_CHECK", at: before, deadline },
  { type: "INVITE_TO_NEXT_STAGE", isOutline: false },
  { type: "APPROVE", isOutline: true },
  { type: "REVISE_ELIGIBILITY", resultsReleased: true, reviewsAssigned: 0 },
  { type: "REVISE_ELIGIBILITY", resultsReleased: false, reviewsAssigned: 1 },
];

/** Every allowed move: state → event type → next state. Anything not listed must be refused. */
const allowed: Record<ApplicationState, Partial<Record<ApplicationEvent["type"], ApplicationState>>> = {
  draft: { SUBMIT: "submitted" },
  submitted: { WITHDRAW: "withdrawn", REOPEN: "draft", START_ELIGIBILITY_CHECK: "eligibilityCheck" },
  withdrawn: { REOPEN: "draft" },
  eligibilityCheck: { MARK_ELIGIBLE: "inReview", MARK_INELIGIBLE: "ineligible" },
  ineligible: { REVISE_ELIGIBILITY: "eligibilityCheck" },
  inReview: { SHORTLIST: "shortlisted", REJECT: "rejected", REVISE_ELIGIBILITY: "eligibilityCheck" },
  shortlisted: { INVITE_TO_NEXT_STAGE: "invitedToNextStage", APPROVE: "approved", WAITLIST: "waitlisted", REJECT: "rejected" },
  waitlisted: { INVITE_TO_NEXT_STAGE: "invitedToNextStage", APPROVE: "approved", REJECT: "rejected" },
  invitedToNextStage: {},
  approved: {},
  rejected: {},
};

// Every state, reached by the shortest path the machine's own graph offers with passing events.
// States are told apart by value only: the submission counter would make the graph endless.
const paths = getShortestPaths(applicationMachine, { events: passing, serializeState: (snapshot) => JSON.stringify(snapshot.value) });
const reached = new Map(paths.map((path) => [path.state.value as ApplicationState, path.state]));

describe("application workflow", () => {
  it("reaches every state from a draft", () => {
    expect([...reached.keys()].sort()).toEqual(Object.keys(allowed).sort());
  });

  describeTransitionTable({ machine: applicationMachine, reached, allowed, passing, failingGuards });

  it("counts submissions across withdraw and resubmit, and keeps the reason of ineligibility", () => {
    let [snapshot] = initialTransition(applicationMachine);
    for (const event of [passing[0]!, passing[1]!, passing[2]!, passing[0]!, passing[3]!, passing[5]!]) [snapshot] = transition(applicationMachine, snapshot, event);
    expect(snapshot.value).toBe("ineligible");
    expect(snapshot.context).toEqual({ submissions: 2, ineligibleReason: "Kein Kooperationsvertrag" });
  });

  it("forgets the reason of ineligibility when the decision is taken back for correction", () => {
    let [snapshot] = initialTransition(applicationMachine);
    for (const event of [passing[0]!, passing[3]!, passing[5]!, passing[6]!]) [snapshot] = transition(applicationMachine, snapshot, event);
    expect(snapshot.value).toBe("eligibilityCheck");
    expect(snapshot.context).toEqual({ submissions: 1, ineligibleReason: null });
  });

  it("treats the deadline instant itself as too late (one second before is on time)", () => {
    const [draft] = initialTransition(applicationMachine);
    expect(draft.can({ type: "SUBMIT", at: "2026-10-25T10:59:59.000Z", deadline, missingItems: 0 })).toBe(true);
    expect(draft.can({ type: "SUBMIT", at: "2026-10-25T11:00:00.000Z", deadline, missingItems: 0 })).toBe(false);
    expect(draft.can({ type: "SUBMIT", at: "2026-10-25T11:00:01.000Z", deadline, missingItems: 0 })).toBe(false);
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
