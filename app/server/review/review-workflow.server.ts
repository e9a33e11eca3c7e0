import type { Prisma } from "~/generated/prisma/client";
import type { Transaction } from "../db.server";
import { acceptedEvents as eventsTheMachineAccepts, changeState, type StateChange, type WorkflowTable } from "../state-change.server";
import type { MessageKey } from "~/i18n";
import { reviewMachine, type ReviewEvent, type ReviewState } from "@workflows/review.machine";

const reviewTable: WorkflowTable<Prisma.ReviewWhereInput, Prisma.ReviewUpdateManyMutationInput> = {
  entityType: "Review",
  find: (tx, id, where) => tx.review.findFirst({ where: { AND: [{ id }, where] }, select: { id: true, state: true, snapshot: true, version: true } }),
  write: async (tx, id, expectedVersion, next, alsoSet) =>
    (await tx.review.updateMany({ where: { id, version: expectedVersion }, data: { ...alsoSet, state: next.state, snapshot: next.snapshot, version: next.version } })).count,
};

/**
 * A review's state change through the generic runner (see state-change.server.ts): the juror's
 * start, submission and abstention, the manager's reopening. `where` carries who may do it.
 */
export async function changeReviewState(input: {
  reviewId: string;
  where: Prisma.ReviewWhereInput;
  event: ReviewEvent;
  actorId: string;
  now: Date;
  expectedVersion?: number;
  unconfirmed?: boolean;
  alsoSet?: Prisma.ReviewUpdateManyMutationInput;
  auditData?: Record<string, unknown>;
  refusal?: (state: ReviewState) => MessageKey;
  alsoInTransaction?: (tx: Transaction, change: StateChange<typeof reviewMachine>) => Promise<void>;
}): Promise<StateChange<typeof reviewMachine>> {
  const { reviewId, refusal, ...rest } = input;
  return changeState({ ...rest, machine: reviewMachine, table: reviewTable, id: reviewId, refusal: refusal && ((state) => refusal(state as ReviewState)) });
}

/** The events the machine would accept now, for showing only the actions that can succeed. */
export function acceptedReviewEvents(state: string, snapshot: unknown, candidates: ReviewEvent[]): ReviewEvent["type"][] {
  return eventsTheMachineAccepts(reviewMachine, { state, snapshot }, candidates);
}
