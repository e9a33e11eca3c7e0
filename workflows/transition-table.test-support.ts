import { describe, expect, it } from "vitest";
import { transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from "xstate";

/**
 * Tests a machine against its table of allowed moves, for every state reached through the machine's
 * own graph: each passing event leads where the table says or is refused, and each event whose guard
 * fails is refused and leaves the state as it is. (Test support for the machines' own tests.)
 */
export function describeTransitionTable<State extends string, Event extends EventObject>(table: {
  machine: AnyStateMachine;
  reached: Map<State, AnyMachineSnapshot>;
  allowed: Record<State, Partial<Record<Event["type"], State>>>;
  passing: Event[];
  failingGuards: Event[];
}): void {
  for (const [state, moves] of Object.entries(table.allowed) as [State, Partial<Record<Event["type"], State>>][]) {
    describe(state, () => {
      for (const event of table.passing) {
        const target = moves[event.type as Event["type"]];
        it(target ? `${event.type} leads to ${target}` : `refuses ${event.type}`, () => {
          const snapshot = table.reached.get(state)!;
          expect(snapshot.can(event)).toBe(Boolean(target));
          const [next] = transition(table.machine, snapshot, event);
          expect(next.value).toBe(target ?? state);
        });
      }
      for (const event of table.failingGuards.filter((candidate) => moves[candidate.type as Event["type"]])) {
        it(`refuses ${event.type} when its guard fails (${JSON.stringify(event)})`, () => {
          const snapshot = table.reached.get(state)!;
          expect(snapshot.can(event)).toBe(false);
          expect(transition(table.machine, snapshot, event)[0].value).toBe(state);
        });
      }
    });
  }
}
