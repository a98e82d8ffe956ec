import type { Prisma, Tx } from "@/lib/db";

export type AuditEntry = {
  storeId?: string | null;
  actorType: "USER" | "SYSTEM" | "WEBHOOK" | "BUYER";
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Prisma.InputJsonValue;
  ip?: string | null;
};

/** Call inside the transaction that makes the change, so the change and its audit row commit together. */
export async function recordAudit(tx: Pick<Tx, "auditLog">, entry: AuditEntry) {
  await tx.auditLog.create({ data: { ...entry, data: entry.data ?? {} } });
}
