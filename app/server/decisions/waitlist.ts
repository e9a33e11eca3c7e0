/**
 * The waiting list moving up, worked out from a stage's applications as the board loads them: each
 * award the network declined (or let lapse) that no award decided from the waiting list has taken
 * up yet is offered to the next released waiting-list place in rank order, with the declined amount.
 */
export interface WaitlistRow {
  id: string;
  state: string;
  rank: number | null;
  network: { name: string };
  /** The unreleased decision was taken on a released waiting-list place (the machine's context). */
  fromWaitlist: boolean;
  decision: { outcome: string; amountCents: string | null; response: string | null; respondedAt: Date | string | null } | null;
}

export interface MoveUpOffer {
  declined: { applicationId: string; network: string; amountCents: string | null };
  next: { applicationId: string; network: string; rank: number | null } | null;
}

const byRank = (a: WaitlistRow, b: WaitlistRow) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
const answered = (row: WaitlistRow) => new Date(row.decision?.respondedAt ?? 0).getTime();

export function moveUpOffers(rows: readonly WaitlistRow[]): MoveUpOffer[] {
  const declined = rows
    .filter((row) => row.state === "awardDeclined" && row.decision?.outcome === "FUNDED" && (row.decision.response === "DECLINED" || row.decision.response === "LAPSED"))
    .sort((a, b) => answered(a) - answered(b));
  const movedUp = rows.filter((row) => row.fromWaitlist && row.decision?.outcome === "FUNDED").length;
  const waiting = rows.filter((row) => row.state === "waitlisted").sort(byRank);
  return declined.slice(movedUp).map((row, index) => {
    const next = waiting[index];
    return {
      declined: { applicationId: row.id, network: row.network.name, amountCents: row.decision!.amountCents },
      next: next ? { applicationId: next.id, network: next.network.name, rank: next.rank } : null,
    };
  });
}

/** A released award past its acceptance date with no answer: the manager may record that it lapsed. */
export function awaitsLapse(row: { state: string }, decision: { releasedAt: Date | null; acceptBy: Date | null; response: string | null } | null, now: Date): boolean {
  return row.state === "approved" && decision !== null && decision.releasedAt !== null && decision.acceptBy !== null && decision.acceptBy <= now && decision.response === null;
}
