import type { ReleasedOutcome } from "~/forms/outcome-mails";
import { prisma } from "../db.server";
import { readableApplications } from "../applications/access.server";
import type { CurrentUser } from "../accounts/session.server";
import { currentDecisionSelect, mailKindOf, sharedCommentsOf } from "./decision-outcome.server";

/**
 * The released outcome of a network's applications, for its start page and the application page:
 * what was decided, the amount or support, the conditions and the full proposal, the shared feedback
 * and jury comments, and the award's answer. Only released decisions are read, with the reader's
 * permission in the query, so nothing internal reaches a network before the release.
 */
type Reader = Pick<CurrentUser, "id" | "role">;

export async function releasedOutcomesOf(reader: Reader, applicationIds: string[], now = new Date()): Promise<Map<string, ReleasedOutcome>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await prisma.application.findMany({
    where: { AND: [{ id: { in: applicationIds } }, readableApplications(reader), { decisions: { some: { supersededAt: null, releasedAt: { not: null } } } }] },
    select: {
      id: true,
      state: true,
      version: true,
      decisions: currentDecisionSelect,
      nextApplication: { select: { id: true, stage: { select: { closesAt: true } } } },
      network: { select: { memberships: { where: { userId: reader.id, role: "COORDINATOR" }, select: { userId: true } } } },
    },
  });
  const released = rows.flatMap((row) => {
    const decision = row.decisions[0];
    return decision?.releasedAt ? [{ row, decision, releasedAt: decision.releasedAt }] : [];
  });
  const comments = await sharedCommentsOf(released.map(({ row, decision }) => ({ applicationId: row.id, sharedReviewIds: decision.sharedReviewIds })));
  return new Map(
    released.map(({ row, decision, releasedAt }) => [
      row.id,
      {
        applicationId: row.id,
        kind: mailKindOf(decision),
        state: row.state,
        releasedAt,
        amountCents: decision.amountCents === null ? null : String(decision.amountCents),
        supportDescription: decision.supportDescription,
        conditions: decision.conditions,
        feedback: decision.feedback,
        juryComments: comments.get(row.id) ?? [],
        fullProposal: row.nextApplication ? { id: row.nextApplication.id, deadline: row.nextApplication.stage.closesAt } : null,
        acceptBy: decision.acceptBy,
        response: decision.response,
        respondedAt: decision.respondedAt,
        canRespond: row.state === "approved" && decision.response === null && row.network.memberships.length > 0 && (decision.acceptBy === null || now < decision.acceptBy),
        version: row.version,
      },
    ]),
  );
}
