import type { HistoryEntry } from "~/forms/application-history";
import { prisma } from "../db.server";

/** How many steps a page shows; an application collects a few dozen in its life, uploads included. */
const SHOWN_STEPS = 200;

function text(data: Record<string, unknown>, name: string): string | null {
  const value = data[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * The history of an application the caller has already loaded through a permission-checked query
 * (that is why it takes the loaded row, not an id): its audit events, newest first, each with what
 * its sentence names. A submission is matched to the version it froze by their shared instant (both
 * are written in one transaction); a file event names the file from the event, or from the file row
 * for events written before the name was recorded.
 */
export async function historyOfLoadedApplication(application: { id: string; versions: { number: number; submittedAt: Date }[] }): Promise<HistoryEntry[]> {
  const events = await prisma.auditEvent.findMany({
    where: { entityType: "Application", entityId: application.id },
    select: { id: true, action: true, toState: true, data: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SHOWN_STEPS,
  });
  const dataOf = (event: (typeof events)[number]) => (typeof event.data === "object" && event.data !== null && !Array.isArray(event.data) ? (event.data as Record<string, unknown>) : {});
  const unnamedFileIds = events.flatMap((event) => {
    const data = dataOf(event);
    const fileId = text(data, "fileId");
    return fileId && !text(data, "fileName") ? [fileId] : [];
  });
  const storedNames = new Map(
    unnamedFileIds.length === 0
      ? []
      : (await prisma.storedFile.findMany({ where: { applicationId: application.id, id: { in: unnamedFileIds } }, select: { id: true, originalName: true } })).map((file) => [
          file.id,
          file.originalName,
        ]),
  );
  const versionAt = new Map(application.versions.map((version) => [version.submittedAt.getTime(), version.number]));
  return events.map((event) => {
    const data = dataOf(event);
    const fileId = text(data, "fileId");
    return {
      id: event.id,
      at: event.createdAt.toISOString(),
      actorName: event.actor?.name ?? null,
      action: event.action,
      toState: event.toState,
      versionNumber: event.action === "SUBMIT" ? (versionAt.get(event.createdAt.getTime()) ?? null) : null,
      until: text(data, "until"),
      reason: text(data, "reason"),
      fileName: text(data, "fileName") ?? (fileId ? (storedNames.get(fileId) ?? null) : null),
    };
  });
}
