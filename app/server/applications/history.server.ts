import type { HistoryEntry } from "~/forms/application-history";
import { prisma } from "../db.server";

/** How many steps a page shows; an application collects a few dozen in its life, uploads included. */
const SHOWN_STEPS = 200;

function text(data: Record<string, unknown>, name: string): string | null {
  const value = data[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** An audit event's data as an object (it is stored as JSON and could, in principle, be anything). */
export function eventData(data: unknown): Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** What a history step is told from: an application's audit event. */
export interface ApplicationEvent {
  id: string;
  entityId: string;
  action: string;
  toState: string | null;
  data: unknown;
  createdAt: Date;
  actor: { name: string } | null;
}

/**
 * Application events as history steps, in the order given, each with what its sentence names. A
 * submission is matched to the version it froze by their shared instant (both are written in one
 * transaction); a file event names the file from the event, or from the file row for events written
 * before the name was recorded. One query for the file names, however many applications the events
 * belong to; the versions come from the caller, who has loaded them anyway.
 */
export async function historyEntriesOf(events: ApplicationEvent[], versions: { applicationId: string; number: number; submittedAt: Date }[]): Promise<HistoryEntry[]> {
  const unnamed = events.flatMap((event) => {
    const data = eventData(event.data);
    const fileId = text(data, "fileId");
    return fileId && !text(data, "fileName") ? [{ applicationId: event.entityId, fileId }] : [];
  });
  const storedNames = new Map(
    unnamed.length === 0
      ? []
      : (
          await prisma.storedFile.findMany({
            where: { OR: unnamed.map(({ applicationId, fileId }) => ({ applicationId, id: fileId })) },
            select: { id: true, originalName: true },
          })
        ).map((file) => [file.id, file.originalName]),
  );
  const versionAt = new Map(versions.map((version) => [`${version.applicationId}@${version.submittedAt.getTime()}`, version.number]));
  return events.map((event) => {
    const data = eventData(event.data);
    const fileId = text(data, "fileId");
    return {
      id: event.id,
      at: event.createdAt.toISOString(),
      actorName: event.actor?.name ?? null,
      action: event.action,
      toState: event.toState,
      versionNumber: event.action === "SUBMIT" ? (versionAt.get(`${event.entityId}@${event.createdAt.getTime()}`) ?? null) : null,
      until: text(data, "until"),
      reason: text(data, "reason"),
      fileName: text(data, "fileName") ?? (fileId ? (storedNames.get(fileId) ?? null) : null),
    };
  });
}

/**
 * The history of an application the caller has already loaded through a permission-checked query
 * (that is why it takes the loaded row, not an id): its audit events, newest first.
 */
export async function historyOfLoadedApplication(application: { id: string; versions: { number: number; submittedAt: Date }[] }): Promise<HistoryEntry[]> {
  const events = await prisma.auditEvent.findMany({
    where: { entityType: "Application", entityId: application.id },
    select: { id: true, entityId: true, action: true, toState: true, data: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SHOWN_STEPS,
  });
  return historyEntriesOf(
    events,
    application.versions.map((version) => ({ ...version, applicationId: application.id })),
  );
}
