import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describeTransitionTable } from "./transition-table.test-support";
import { reviewMachine, type ReviewEvent, type ReviewState } from "./review.machine";

/** One sample of every event, with the facts that make its guard pass. */
const passing: ReviewEvent[] = [
  { type: "START" },
  { type: "SUBMIT", missingItems: 0 },
  { type: "ABSTAIN", reason: "Ich kenne die Koordinatorin persönlich." },
  { type: "REOPEN", reason: "Kriterium 3 fehlt die Begründung." },
];
/** The same events with facts that make their guards fail. */
const failingGuards: ReviewEvent[] = [
  { type: "SUBMIT", missingItems: 2 },
  { type: "ABSTAIN", reason: "  " },
  { type: "REOPEN", reason: "" },
];

/** Every allowed move: state → event type → next state. Anything not listed must be refused. */
const allowed: Record<ReviewState, Partial<Record<ReviewEvent["type"], ReviewState>>> = {
  assigned: { START: "inProgress", SUBMIT: "submitted", ABSTAIN: "abstained" },
  inProgress: { SUBMIT: "submitted", ABSTAIN: "abstained" },
  submitted: { REOPEN: "reopened" },
  reopened: { SUBMIT: "submitted" },
  abstained: {},
};

// States count as the same whatever their context holds (the submission counter would never end the walk).
const paths = getShortestPaths(reviewMachine, { events: passing, serializeState: (snapshot) => JSON.stringify(snapshot.value) });
const reached = new Map(paths.map((path) => [path.state.value as ReviewState, path.state]));

describe("review workflow", () => {
  it("starts assigned and reaches every state", () => {
    expect(initialTransition(reviewMachine)[0].value).toBe("assigned");
    expect([...reached.keys()].sort()).toEqual(Object.keys(allowed).sort());
  });

  describeTransitionTable({ machine: reviewMachine, reached, allowed, passing, failingGuards });

  it("keeps the reasons and counts submissions across a reopening", () => {
    let [snapshot] = initialTransition(reviewMachine);
    for (const event of [passing[0]!, passing[1]!, passing[3]!, passing[1]!]) [snapshot] = transition(reviewMachine, snapshot, event);
    expect(snapshot.value).toBe("submitted");
    expect(snapshot.context).toEqual({ submissions: 2, abstainReason: null, reopenReason: "Kriterium 3 fehlt die Begründung." });
    let [abstained] = initialTransition(reviewMachine);
    [abstained] = transition(reviewMachine, abstained, passing[2]!);
    expect(abstained.context.abstainReason).toBe("Ich kenne die Koordinatorin persönlich.");
    expect(abstained.status).toBe("done");
  });
});
