import { initialTransition, transition, type AnyStateMachine, type ContextFrom, type EventFromLogic, type StateValueFrom } from "xstate";
import type { MessageKey } from "~/i18n";
import { prisma, type Transaction } from "./db.server";
import { recordAudit } from "./audit.server";
import { notFound, RefusedError } from "./http.server";
import { ConfirmationRequiredError } from "./confirmation.server";

/**
 * The one way a workflow-driven row (application, call, and next review, award, report) changes
 * state: load the row with the caller's permission in the `where`, ask the pure machine, write state,
 * snapshot and version with an optimistic check, write the audit event, and run what belongs to the
 * same change (`alsoInTransaction`: a frozen version, an outbox mail) — all in one transaction.
 * A refused event is a RefusedError (409), a row the caller may not see a 404, a row changed since
 * the caller looked (`expectedVersion`, or a concurrent writer) is refused as stale. An irreversible
 * step the person has not confirmed (`unconfirmed`) is refused once the machine would accept it, so a
 * step that is impossible anyway says so rather than asking.
 */

/** The columns every workflow table keeps. */
export interface WorkflowRow {
  id: string;
  state: string;
  snapshot: unknown;
  version: number;
}

/**
 * How one table keeps its workflow; `Where` and `Data` are that table's Prisma types, so callers
 * pass the table's own permission clause and extra columns.
 */
export interface WorkflowTable<Where, Data> {
  /** The entity's name in the audit log. */
  entityType: string;
  find(tx: Transaction, id: string, where: Where): Promise<WorkflowRow | null>;
  /** Writes the new state only while the row still has `expectedVersion`; answers how many rows it wrote. */
  write(tx: Transaction, id: string, expectedVersion: number, next: { state: string; snapshot: object; version: number }, alsoSet: Data | undefined): Promise<number>;
}

/** The state names of a machine whose states are flat (no nested states). */
export type StateOf<Machine extends AnyStateMachine> = Extract<StateValueFrom<Machine>, string>;

export interface StateChange<Machine extends AnyStateMachine> {
  id: string;
  from: StateOf<Machine>;
  to: StateOf<Machine>;
  /** The row's version after the change. */
  version: number;
  context: ContextFrom<Machine>;
}

/** The machine's snapshot for a stored row: its state, and the stored context over the machine's initial one. */
function resolveSnapshot(machine: AnyStateMachine, state: string, snapshot: unknown) {
  const [initial] = initialTransition(machine);
  const stored = (snapshot as { context?: object } | null)?.context ?? {};
  return machine.resolveState({ value: state, context: { ...initial.context, ...stored } });
}

export async function changeState<Machine extends AnyStateMachine, Where, Data>(input: {
  machine: Machine;
  table: WorkflowTable<Where, Data>;
  id: string;
  where: Where;
  /** The event, or (when a guard needs facts read in the same transaction) a function that reads them. */
  event: EventFromLogic<Machine> | ((tx: Transaction, row: WorkflowRow) => Promise<EventFromLogic<Machine>>);
  actorId: string;
  now: Date;
  /** The version the person saw; a change made meanwhile refuses the event instead of repeating or overriding it. */
  expectedVersion?: number;
  /** Columns written together with the state (one UPDATE instead of a second one for the same row). */
  alsoSet?: Data;
  /** Recorded with the audit event, e.g. the reason a person gave. */
  auditData?: Record<string, unknown>;
  /** The step needs the person's confirmation, and it was not given. */
  unconfirmed?: boolean;
  /** What a refused event tells the person, if the caller knows better than "not possible now". */
  refusal?: (state: StateOf<Machine>) => MessageKey;
  alsoInTransaction?: (tx: Transaction, change: StateChange<Machine>) => Promise<void>;
}): Promise<StateChange<Machine>> {
  type Event = EventFromLogic<Machine>;
  // xstate's generic snapshot types do not narrow inside a generic function; the signature above keeps callers typed.
  const machine: AnyStateMachine = input.machine;
  const { table } = input;
  return prisma
    .$transaction(async (tx) => {
      const row = await table.find(tx, input.id, input.where);
      if (!row) throw notFound();
      const event: Event = typeof input.event === "function" ? await (input.event as (tx: Transaction, row: WorkflowRow) => Promise<Event>)(tx, row) : (input.event as Event);
      const current = resolveSnapshot(machine, row.state, row.snapshot);
      const from = row.state as StateOf<Machine>;
      // A step no longer possible says why; only a step still possible on a changed row is "stale".
      if (!current.can(event)) throw new RefusedError(input.refusal?.(from) ?? "workflow.refused");
      if (input.unconfirmed) throw new ConfirmationRequiredError();
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw new RefusedError("workflow.stale");
      const [next] = transition(machine, current, event);
      const change: StateChange<Machine> = { id: row.id, from, to: next.value as StateOf<Machine>, version: row.version + 1, context: next.context as ContextFrom<Machine> };
      const written = await table.write(tx, row.id, row.version, { state: change.to, snapshot: { value: change.to, context: change.context }, version: change.version }, input.alsoSet);
      if (written !== 1) throw new RefusedError("workflow.stale");
      await recordAudit(
        tx,
        { actorId: input.actorId, entityType: table.entityType, entityId: row.id, action: event.type, fromState: change.from, toState: change.to, data: input.auditData },
        input.now,
      );
      await input.alsoInTransaction?.(tx, change);
      return change;
    })
    .catch((error: unknown) => {
      // No connection became free in time: nothing was written, and the person should simply try again.
      if ((error as { code?: string }).code === "P2028") throw new RefusedError("error.busy", { status: 503 });
      throw error;
    });
}

/** The events the machine would accept now, for showing only the actions that can succeed. */
export function acceptedEvents<Machine extends AnyStateMachine>(
  machine: Machine,
  stored: { state: string; snapshot?: unknown },
  candidates: EventFromLogic<Machine>[],
): EventFromLogic<Machine>["type"][] {
  const current = resolveSnapshot(machine, stored.state, stored.snapshot ?? null);
  return candidates.filter((event) => current.can(event)).map((event) => event.type);
}
