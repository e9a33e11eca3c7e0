import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { getShortestPaths } from "xstate/graph";
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

  for (const [state, moves] of Object.entries(allowed) as [CallState, (typeof allowed)[CallState]][]) {
    describe(state, () => {
      for (const event of passing) {
        const target = moves[event.type];
        it(target ? `${event.type} leads to ${target}` : `refuses ${event.type}`, () => {
          const snapshot = reached.get(state)!;
          expect(snapshot.can(event)).toBe(Boolean(target));
          const [next] = transition(callMachine, snapshot, event);
          expect(next.value).toBe(target ?? state);
        });
      }
      for (const event of failingGuards.filter((candidate) => moves[candidate.type])) {
        it(`refuses ${event.type} when its guard fails (${JSON.stringify(event)})`, () => {
          const snapshot = reached.get(state)!;
          expect(snapshot.can(event)).toBe(false);
          expect(transition(callMachine, snapshot, event)[0].value).toBe(state);
        });
      }
    });
  }

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
