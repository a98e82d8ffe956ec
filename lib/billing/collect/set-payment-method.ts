import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { logger } from "@/lib/observability/logger";
import { ensureSubscription } from "../store-billing";
import { cancelPreapproval } from "./platform-providers";

export type CollectionMethod = "paypal" | "mercadopago" | "transfer";

/**
 * Sets how the platform collects a store's invoices (PayPal vault id or Mercado Pago preapproval id in
 * `token`). Any set-up still waiting for the provider is dropped. Open invoices that ran out of retries
 * get one more attempt now with the new method (a seller who fixes the method should not wait for the
 * next month). A Mercado Pago subscription that is replaced is cancelled at Mercado Pago, so the seller
 * is never debited twice. Audited with before/after; the provider token is never shown back.
 */
export async function setPaymentMethod({ storeId, method, token, actorId, actor, now = new Date() }: { storeId: string; method: CollectionMethod | null; token?: string | null; actorId?: string; actor?: Pick<AuditEntry, "actorType" | "actorId">; now?: Date }) {
  await ensureSubscription(storeId);
  const result = await prisma.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({ where: { storeId } });
    if (!sub) throw notFound("Store");
    const paymentToken = method === "paypal" || method === "mercadopago" ? (token ?? null) : null;
    await tx.subscription.update({ where: { id: sub.id }, data: { paymentMethod: method, paymentToken, pendingMethod: null, pendingToken: null } });
    await tx.invoice.updateMany({ where: { storeId, status: "open", nextAttemptAt: null }, data: { nextAttemptAt: now } });
    await recordAudit(tx, { ...(actor ?? { actorType: "USER", actorId }), storeId, action: "billing.payment_method_changed", entityType: "subscription", entityId: sub.id, data: { before: { method: sub.paymentMethod }, after: { method } } });
    const replaced = sub.paymentMethod === "mercadopago" && sub.paymentToken && sub.paymentToken !== paymentToken ? sub.paymentToken : null;
    return { method, saved: Boolean(paymentToken) || method === "transfer", replaced };
  });
  if (result.replaced) {
    const ok = await cancelPreapproval(result.replaced).catch(() => false);
    if (!ok) logger.warn({ storeId }, "could not cancel the replaced Mercado Pago subscription");
  }
  return { method: result.method, saved: result.saved };
}
