import { prisma } from "@/lib/db";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { BILLING_SUSPENSION_REASON } from "./dunning-policy";
import { notifyOwners } from "./notify-owners";

/**
 * Marks an open invoice paid (by a charge, or a bank transfer a superadmin confirmed). When the store
 * has no other failed invoice left it is back in good standing at once: active, out of dunning, and a
 * suspension the dunning made is lifted (a superadmin's own suspension is not). Audited and emailed.
 * Paying an invoice twice changes nothing the second time.
 */
export async function settleInvoice({ invoiceId, ref, actor, now = new Date() }: { invoiceId: string; ref: string | null; actor: Pick<AuditEntry, "actorType" | "actorId">; now?: Date }) {
  const result = await prisma.$transaction(async (tx) => {
    const paid = await tx.invoice.updateMany({ where: { id: invoiceId, status: "open" }, data: { status: "paid", paidAt: now, nextAttemptAt: null, lastError: null, ...(ref ? { providerRef: ref } : {}) } });
    if (paid.count === 0) return null;
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    await recordAudit(tx, { ...actor, storeId: invoice.storeId, action: "billing.invoice_paid", entityType: "invoice", entityId: invoice.id, data: { number: invoice.number, totals: invoice.totals ?? {} } });
    const stillFailing = await tx.invoice.count({ where: { storeId: invoice.storeId, status: "open", attempts: { gt: 0 } } });
    const sub = await tx.subscription.findUnique({ where: { storeId: invoice.storeId }, include: { store: { select: { suspendedAt: true, suspendedReason: true } } } });
    if (stillFailing === 0 && sub && sub.pastDueSince) {
      await tx.subscription.update({ where: { id: sub.id }, data: { status: sub.status === "CANCELLED" ? "CANCELLED" : "ACTIVE", pastDueSince: null, dunningStage: null } });
      if (sub.dunningStage === "suspended" && sub.store.suspendedAt && sub.store.suspendedReason === BILLING_SUSPENSION_REASON) {
        await tx.store.update({ where: { id: invoice.storeId }, data: { suspendedAt: null, suspendedReason: null } });
      }
      await recordAudit(tx, { ...actor, storeId: invoice.storeId, action: "billing.reactivated", entityType: "subscription", entityId: sub.id, data: { before: { status: sub.status, stage: sub.dunningStage }, after: { status: "ACTIVE", stage: null } } });
    }
    return invoice;
  });
  if (!result) return { settled: false as const };
  await notifyOwners({ storeId: result.storeId, template: "billing_payment_received", vars: { invoice: String(result.number) }, totals: result.totals as Record<string, number> });
  return { settled: true as const, storeId: result.storeId };
}
