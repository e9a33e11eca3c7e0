import type { Prisma } from "~/generated/prisma/client";
import type { OutcomeMailKind } from "~/generated/prisma/enums";
import { prisma } from "../db.server";
import type { SharedComment } from "~/forms/outcome-mails";
import { fullProposalIdOf } from "../decisions/full-proposal.server";
import { sharedJuryComments } from "../decisions/jury-comments.server";
import type { OutcomeFacts } from "./outcome-mail.server";

/**
 * What a decision tells its network, read alike for the release (its mails) and for the network's
 * pages once released: which notice it is, the facts its text names, and the jury comments the
 * manager chose to share, in the order the reviews came in.
 */

/** The current decision of an application: the one not superseded by a later one. */
export const currentDecisionSelect = {
  where: { supersededAt: null },
  orderBy: { decidedAt: "desc" },
  take: 1,
  select: {
    id: true,
    outcome: true,
    amountCents: true,
    supportDescription: true,
    conditions: true,
    feedback: true,
    sharedReviewIds: true,
    releasedAt: true,
    acceptBy: true,
    response: true,
    respondedAt: true,
  },
} satisfies Prisma.Application$decisionsArgs;

export type CurrentDecision = Prisma.DecisionGetPayload<{ select: (typeof currentDecisionSelect)["select"] }>;

export function mailKindOf(decision: Pick<CurrentDecision, "outcome" | "amountCents">): OutcomeMailKind {
  switch (decision.outcome) {
    case "FUNDED":
      return decision.amountCents !== null ? "AWARD" : "SUPPORT_AWARD";
    case "WAITLISTED":
      return "WAITLIST";
    case "REJECTED":
      return "REJECTION";
    case "INVITED_TO_NEXT_STAGE":
      return "INVITATION";
  }
}

/** The shared comments of each decision (see decisions/jury-comments.server.ts), by application. */
export async function sharedCommentsOf(decisions: { applicationId: string; sharedReviewIds: string[] }[]): Promise<Map<string, SharedComment[]>> {
  const shared = decisions.filter((decision) => decision.sharedReviewIds.length > 0);
  return new Map(await Promise.all(shared.map(async (decision) => [decision.applicationId, await sharedJuryComments(prisma, decision.applicationId, decision.sharedReviewIds)] as const)));
}

/** The application a network follows after this decision: for an invitation its full proposal, else the application itself. */
export function outcomeLink(baseUrl: string, applicationId: string, kind: OutcomeMailKind): string {
  return `${baseUrl}/applications/${kind === "INVITATION" ? fullProposalIdOf(applicationId) : applicationId}`;
}

export function outcomeFacts(input: {
  decision: CurrentDecision;
  applicationId: string;
  network: string;
  call: string;
  baseUrl: string;
  acceptBy: Date | null;
  fullProposalDeadline: Date | null;
  juryComments: SharedComment[];
}): OutcomeFacts {
  const { decision } = input;
  const kind = mailKindOf(decision);
  return {
    kind,
    network: input.network,
    call: input.call,
    link: outcomeLink(input.baseUrl, input.applicationId, kind),
    amountCents: decision.amountCents,
    supportDescription: decision.supportDescription,
    acceptBy: input.acceptBy,
    conditions: decision.conditions,
    deadline: input.fullProposalDeadline,
    feedback: decision.feedback,
    juryComments: input.juryComments,
  };
}
