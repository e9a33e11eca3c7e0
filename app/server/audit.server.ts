import type { Transaction } from "./db.server";

export interface AuditEntry {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromState?: string;
  toState?: string;
  data?: Record<string, unknown>;
}

/** Written inside the transaction of the change it records, so the log never disagrees with the data. */
export async function recordAudit(tx: Transaction, entry: AuditEntry, now = new Date()): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, data: (entry.data ?? {}) as object, createdAt: now } });
}
