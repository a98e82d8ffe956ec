import { prisma } from "@/lib/db";
import { afterOrderPaid } from "./after-order-paid";
import { applyProviderStatus, type AppliedStatus } from "./apply-provider-status";
import { gatewayForStore } from "./gateway-for-store";
import { PaymentProviderError } from "./gateways/errors";
import type { ProviderId } from "./gateways/types";
import type { PaymentRuntime } from "./payment-runtime";

/**
 * When the buyer comes back from the provider, asks the provider (never the return URL's query) how
 * the order's latest link ended, and applies it. For PayPal this is also what captures an approved
 * order. A webhook may have got there first: every path is idempotent. Provider trouble is swallowed —
 * the buyer sees "confirming…" and the webhook settles it.
 */
export async function syncPaymentFromProvider({ orderId, provider, runtime }: { orderId: string; provider: ProviderId; runtime: PaymentRuntime }): Promise<AppliedStatus | null> {
  if (provider === "transfer" || provider === "sandbox") return null; // nothing to ask: the seller or the signed notification settles these
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { storeId: true } });
  if (!order) return null;
  const link = await prisma.payment.findFirst({ where: { orderId, provider }, orderBy: { updatedAt: "desc" }, select: { providerRef: true, providerTxnId: true } });
  const resolved = await gatewayForStore({ storeId: order.storeId, provider, runtime });
  if (!resolved) return null;
  try {
    const lookup = { eventId: `return:${orderId}:${Date.now()}`, orderId, ...(link?.providerRef ? { providerRef: link.providerRef } : {}) };
    const status = await resolved.gateway.fetchStatus(lookup);
    const applied = await applyProviderStatus({ storeId: order.storeId, provider, status, lookup, actor: { type: "SYSTEM" } });
    if (applied.kind === "paid") await afterOrderPaid(applied.result);
    return applied;
  } catch (error) {
    if (error instanceof PaymentProviderError) return null;
    throw error;
  }
}
