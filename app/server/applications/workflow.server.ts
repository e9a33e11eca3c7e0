import type { Prisma } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n";
import type { Transaction } from "../db.server";
import { acceptedEvents as eventsTheMachineAccepts, changeState, type StateChange, type WorkflowRow, type WorkflowTable } from "../state-change.server";
import { applicationMachine, type ApplicationContext, type ApplicationEvent, type ApplicationState } from "@workflows/application.machine";

export interface ApplicationTransition {
  applicationId: string;
  from: ApplicationState;
  to: ApplicationState;
  version: number;
  context: ApplicationContext;
}

const applicationTable: WorkflowTable<Prisma.ApplicationWhereInput, Prisma.ApplicationUpdateManyMutationInput> = {
  entityType: "Application",
  find: (tx, id, where) => tx.application.findFirst({ where: { AND: [{ id }, where] }, select: { id: true, state: true, snapshot: true, version: true } }),
  write: async (tx, id, expectedVersion, next, alsoSet) =>
    (await tx.application.updateMany({ where: { id, version: expectedVersion }, data: { ...alsoSet, state: next.state, snapshot: next.snapshot, version: next.version } })).count,
};

function asApplicationTransition(change: StateChange<typeof applicationMachine>): ApplicationTransition {
  return { applicationId: change.id, from: change.from as ApplicationState, to: change.to as ApplicationState, version: change.version, context: change.context };
}

/**
 * An application's state change through the generic runner (see state-change.server.ts).
 * `alsoInTransaction` writes what belongs to the same change (a frozen version, an outbox mail);
 * `alsoSet` adds columns to the state's UPDATE.
 */
export async function changeApplicationState(input: {
  applicationId: string;
  where: Prisma.ApplicationWhereInput;
  /** The event, or (when a guard needs facts read in the same transaction) a function that reads them. */
  event: ApplicationEvent | ((tx: Transaction, row: WorkflowRow) => Promise<ApplicationEvent>);
  actorId: string;
  now: Date;
  expectedVersion?: number;
  unconfirmed?: boolean;
  alsoSet?: Prisma.ApplicationUpdateManyMutationInput;
  auditData?: Record<string, unknown>;
  refusal?: (state: ApplicationState) => MessageKey;
  alsoInTransaction?: (tx: Transaction, change: ApplicationTransition) => Promise<void>;
}): Promise<ApplicationTransition> {
  const { applicationId, alsoInTransaction, refusal, ...rest } = input;
  const change = await changeState({
    ...rest,
    refusal: refusal && ((state) => refusal(state as ApplicationState)),
    machine: applicationMachine,
    table: applicationTable,
    id: applicationId,
    alsoInTransaction: alsoInTransaction && ((tx, change) => alsoInTransaction(tx, asApplicationTransition(change))),
  });
  return asApplicationTransition(change);
}

/** The events the machine would accept now, for showing only the actions that can succeed. */
export function acceptedEvents(state: string, snapshot: unknown, candidates: ApplicationEvent[]): ApplicationEvent["type"][] {
  return eventsTheMachineAccepts(applicationMachine, { state, snapshot }, candidates);
}
