import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { editableApplications } from "./access.server";

/**
 * A network may let its programme's managers read a draft before submitting it (to ask for advice),
 * and stop again; otherwise managers see only that the draft exists and how complete it is
 * (`readableApplications`). Only the network's own people decide, only about a draft, and each
 * decision is in the audit log.
 */
export async function shareDraftWithManagers(actor: Pick<CurrentUser, "id" | "role">, input: { applicationId: string; share: boolean }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { AND: [{ id: input.applicationId }, editableApplications(actor)] },
      select: { id: true, state: true, sharedWithManagersAt: true },
    });
    if (!application) throw notFound();
    if (application.state !== "draft") throw new RefusedError("draftSharing.error.notDraft");
    if ((application.sharedWithManagersAt !== null) === input.share) return;
    // Conditional on the state, so a submission in between wins and nothing is recorded twice.
    const written = await tx.application.updateMany({
      where: { id: application.id, state: "draft", sharedWithManagersAt: input.share ? null : { not: null } },
      data: { sharedWithManagersAt: input.share ? now : null },
    });
    if (written.count !== 1) throw new RefusedError("workflow.stale");
    await recordAudit(
      tx,
      { actorId: actor.id, entityType: "Application", entityId: application.id, action: input.share ? "SHARE_WITH_MANAGERS" : "STOP_SHARING_WITH_MANAGERS" },
      now
    );
  });
}
