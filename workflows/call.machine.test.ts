import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describeTransitionTable } from "./transition-table.test-support";
import { callMachine, type CallEvent, type CallState } from "./call.machine";

/** One sample of every event, with the facts that make its guard pass. */
const passing: CallEvent[] = [
  { type: "PUBLISH", setupProblems: 0 },
  { type: "CLOSE" },
  { type: "ARCHIVE" },
  { type: "REOPEN", reason: "Versehentlich geschlossen", eligibilityCheckStarted: false },
];
/** The same events with facts that make their guards fail. */
const failingGuards: CallEvent[] = [
  { type: "PUBLISH", setupProblems: 1 },
  { type: "REOPEN", reason: "Versehentlich geschlossen", eligibilityCheckStarted: true },
  { type: "REOPEN", reason: "", eligibilityCheckStarted: false },
  { type: "REOPEN", reason: "   ", eligibilityCheckStarted: false },
];

/** Every allowed move: state → event type → next state. Anything not listed must be refused. */
const allowed: Record<CallState, Partial<Record<CallEvent["type"], CallState>>> = {
  DRAFT: { PUBLISH: "PUBLISHED" },
  PUBLISHED: { CLOSE: "CLOSED" },
  CLOSED: { ARCHIVE: "ARCHIVED", REOPEN: "PUBLISHED" },
  ARCHIVED: {},
};

const paths = getShortestPaths(callMachine, { events: passing });
const reached = new Map(paths.map((path) => [path.state.value as CallState, path.state]));

describe("call status workflow", () => {
  it("starts as a draft and reaches every status", () => {
    expect(initialTransition(callMachine)[0].value).toBe("DRAFT");
    expect([...reached.keys()].sort()).toEqual(Object.keys(allowed).sort());
  });

  describeTransitionTable({ machine: callMachine, reached, allowed, passing, failingGuards });

  it("lets a call be closed and reopened again and again until its eligibility check starts, then only archived", () => {
    let [snapshot] = initialTransition(callMachine);
    for (const event of [passing[0]!, passing[1]!, passing[3]!, passing[1]!, passing[3]!, passing[1]!]) [snapshot] = transition(callMachine, snapshot, event);
    expect(snapshot.value).toBe("CLOSED");
    expect(snapshot.can(failingGuards[1]!)).toBe(false);
    [snapshot] = transition(callMachine, snapshot, passing[2]!);
    expect(snapshot.value).toBe("ARCHIVED");
    expect(snapshot.status).toBe("done");
  });
});
