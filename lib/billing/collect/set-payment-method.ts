import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { ensureSubscription } from "../store-billing";

/**
 * Sets how the platform collects a store's invoices. Open invoices that ran out of retries get one
 * more attempt now with the new method (a seller who fixes the method should not wait for the next
 * month). Audited with before/after; the PayPal vault id is never shown back, only that one is saved.
 */
export async function setPaymentMethod({ storeId, method, token, actorId, now = new Date() }: { storeId: string; method: "paypal" | "bank_transfer" | null; token?: string | null; actorId: string; now?: Date }) {
  await ensureSubscription(storeId);
  return prisma.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({ where: { storeId } });
    if (!sub) throw notFound("Store");
    const paymentToken = method === "paypal" ? (token ?? null) : null;
    await tx.subscription.update({ where: { id: sub.id }, data: { paymentMethod: method, paymentToken } });
    await tx.invoice.updateMany({ where: { storeId, status: "open", nextAttemptAt: null }, data: { nextAttemptAt: now } });
    await recordAudit(tx, { actorType: "USER", actorId, storeId, action: "billing.payment_method_changed", entityType: "subscription", entityId: sub.id, data: { before: { method: sub.paymentMethod }, after: { method } } });
    return { method, saved: Boolean(paymentToken) || method === "bank_transfer" };
  });
}
