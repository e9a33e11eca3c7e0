import { transition } from "xstate";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { applicationMachine, type ApplicationContext, type ApplicationEvent, type ApplicationState } from "@workflows/application.machine";

const initialContext: ApplicationContext = { submissions: 0, ineligibleReason: null };

export interface ApplicationTransition {
  applicationId: string;
  from: ApplicationState;
  to: ApplicationState;
  version: number;
  context: ApplicationContext;
}

/**
 * The one way an application changes state: load the row (with the caller's permission in the
 * `where`), ask the machine, write state, snapshot and version with an optimistic check, and the audit
 * event — all in one transaction. `alsoInTransaction` writes what belongs to the same change (a frozen
 * version, an outbox mail); `alsoSet` adds columns to the state's UPDATE. A refused event is a
 * RefusedError (409); a row not visible is a 404.
 */
export async function changeApplicationState(input: {
  applicationId: string;
  where: Prisma.ApplicationWhereInput;
  event: ApplicationEvent;
  actorId: string;
  now: Date;
  /** The version the person saw; a change made meanwhile refuses the event instead of overriding it. */
  expectedVersion?: number;
  /** Columns written together with the state (one UPDATE instead of a second one for the same row). */
  alsoSet?: Prisma.ApplicationUpdateManyMutationInput;
  alsoInTransaction?: (tx: Transaction, change: ApplicationTransition) => Promise<void>;
}): Promise<ApplicationTransition> {
  return prisma
    .$transaction(async (tx) => {
      const row = await tx.application.findFirst({
        where: { AND: [{ id: input.applicationId }, input.where] },
        select: { id: true, state: true, snapshot: true, version: true },
      });
      if (!row) throw notFound();
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw new RefusedError("workflow.stale");
      const context = { ...initialContext, ...((row.snapshot as { context?: Partial<ApplicationContext> } | null)?.context ?? {}) };
      const current = applicationMachine.resolveState({ value: row.state, context });
      if (!current.can(input.event)) throw new RefusedError("workflow.refused");
      const [next] = transition(applicationMachine, current, input.event);
      const change: ApplicationTransition = {
        applicationId: row.id,
        from: row.state as ApplicationState,
        to: next.value as ApplicationState,
        version: row.version + 1,
        context: next.context,
      };
      const written = await tx.application.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...input.alsoSet, state: change.to, snapshot: { value: change.to, context: change.context } as object, version: change.version },
      });
      if (written.count !== 1) throw new RefusedError("workflow.stale");
      await recordAudit(
        tx,
        { actorId: input.actorId, entityType: "Application", entityId: row.id, action: input.event.type, fromState: change.from, toState: change.to },
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
export function acceptedEvents(state: string, snapshot: unknown, candidates: ApplicationEvent[]): ApplicationEvent["type"][] {
  const context = { ...initialContext, ...((snapshot as { context?: Partial<ApplicationContext> } | null)?.context ?? {}) };
  const current = applicationMachine.resolveState({ value: state, context });
  return candidates.filter((event) => current.can(event)).map((event) => event.type);
}
