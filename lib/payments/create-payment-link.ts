import { prisma, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { supportsCurrency } from "./checkout-methods";
import { gatewayForStore } from "./gateway-for-store";
import type { TransferDetails } from "./gateways/credentials";
import type { ProviderId } from "./gateways/types";
import { notifyUrl } from "./payment-config";
import { assertReadyToPay } from "@/lib/fulfilment/checkout-details";
import { shippingLineLabel } from "@/lib/i18n/checkout-delivery";
import type { PaymentRuntime } from "./payment-runtime";

export type PaymentLink = { url: string; paymentId: string; provider: ProviderId; reused: boolean; instructions?: TransferDetails };

/** The buyer's own pages for an order: every URL we hand to a provider carries the checkout token. */
function checkoutPages({ appUrl, order }: { appUrl: string; order: { id: string; checkoutToken: string } }) {
  const base = `${appUrl}/checkout/${encodeURIComponent(order.id)}`;
  const t = encodeURIComponent(order.checkoutToken);
  return {
    checkout: `${base}?t=${t}`,
    returnFrom: (provider: ProviderId) => `${base}/return?t=${t}&provider=${provider}`,
    cancelled: `${base}?t=${t}&result=cancelled`,
    failed: `${base}?t=${t}&result=failed`,
  };
}

/**
 * A payment link for one order and provider. Idempotent: while the order's amount and expiry are
 * unchanged, the link created before is returned instead of a second one at the provider (so a double
 * tap or a retried step never opens two payments). Concurrent calls for the same order and provider
 * are serialised on an advisory lock.
 * Throws AppError 409 when the order cannot be paid now or the method is not offered, and the
 * provider's errors (PaymentProviderUnavailableError when it is down or its circuit is open).
 */
export async function createPaymentLink({
  orderId,
  provider,
  buyerEmail,
  runtime,
  actor = { type: "BUYER" },
}: {
  orderId: string;
  provider: ProviderId;
  buyerEmail?: string | null;
  runtime: PaymentRuntime;
  actor?: { type: "BUYER" | "USER" | "SYSTEM"; id?: string | null };
}): Promise<PaymentLink> {
  const found = await prisma.order.findUnique({ where: { id: orderId }, select: { id: true, storeId: true, status: true } });
  if (!found) throw new AppError(404, "not_found", "Order not found");
  // With delivery methods configured the buyer must have said where the goods go; the fee is recomputed
  // first, so the link charges the total with shipping.
  if (found.status === "PENDING") await assertReadyToPay(found);
  const order = await prisma.order.findUnique({ where: { id: orderId }, include: { items: { orderBy: { sku: "asc" } }, store: { select: { name: true } } } });
  if (!order) throw new AppError(404, "not_found", "Order not found");
  if (order.status !== "PENDING" || order.expiresAt.getTime() <= Date.now()) {
    throw new AppError(409, "order_not_payable", `Order is ${order.status.toLowerCase()}${order.status === "PENDING" ? " and its reservation has run out" : ""}`);
  }
  if (order.riskMode === "approval" && !order.approvedAt) throw new AppError(409, "awaiting_approval", "The store has not approved this order yet");
  if (!supportsCurrency(provider, order.currency)) throw new AppError(409, "method_unavailable", `${provider} cannot charge ${order.currency}`);
  const resolved = await gatewayForStore({ storeId: order.storeId, provider, runtime });
  if (!resolved?.enabled) throw new AppError(409, "method_unavailable", `${provider} is not enabled for this store`);

  const pages = checkoutPages({ appUrl: runtime.appUrl, order });
  const linkExpiresAt = order.expiresAt.toISOString();
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`payment-link:${order.id}:${provider}`}))`;
      const open = await tx.payment.findMany({ where: { orderId: order.id, provider, status: "CREATED" }, orderBy: { createdAt: "desc" } });
      const reusable = open.find(
        (p) => p.checkoutUrl && p.amountMinor === order.totalMinor && p.currency === order.currency && (p.raw as { linkExpiresAt?: string } | null)?.linkExpiresAt === linkExpiresAt,
      );
      if (reusable) {
        const instructions = (reusable.raw as { instructions?: TransferDetails } | null)?.instructions;
        return { url: reusable.checkoutUrl!, paymentId: reusable.id, provider, reused: true, ...(instructions ? { instructions } : {}) };
      }

      const link = await resolved.gateway.createLink({
        orderId: order.id,
        amountMinor: order.totalMinor,
        currency: order.currency,
        description: `${order.store.name} — #${order.number}`,
        items: order.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
        shippingMinor: order.shippingMinor,
        shippingLabel: shippingLineLabel(order.buyerLocale),
        expiresAt: order.expiresAt,
        buyerEmail: buyerEmail ?? null,
        // Bank transfer "pays" on our own checkout page, at its transfer section.
        returnUrl: provider === "transfer" ? pages.checkout : pages.returnFrom(provider),
        cancelUrl: pages.cancelled,
        notifyUrl: notifyUrl({ appUrl: runtime.appUrl, provider, storeId: order.storeId }),
      });
      // Our own sandbox page shows the order only to the holder of its checkout token.
      const url = provider === "sandbox" ? `${link.url}?t=${encodeURIComponent(order.checkoutToken)}` : link.url;
      const raw = { linkExpiresAt, ...(link.instructions ? { instructions: link.instructions } : {}) } as Prisma.InputJsonValue;
      const data = { status: "CREATED" as const, amountMinor: order.totalMinor, currency: order.currency, checkoutUrl: url, raw, providerTxnId: null, flagReason: null };

      // Links of this order that no longer match its amount or expiry are superseded; if one is paid
      // anyway, the payment is still recorded (and flagged when the amount differs).
      await tx.payment.updateMany({ where: { orderId: order.id, provider, status: "CREATED", OR: [{ providerRef: null }, { providerRef: { not: link.providerRef } }] }, data: { status: "FAILED", flagReason: "superseded by a newer link" } });
      const sameRef = await tx.payment.findUnique({ where: { provider_providerRef: { provider, providerRef: link.providerRef } } });
      let paymentId: string;
      if (sameRef && sameRef.orderId === order.id && ["CREATED", "PENDING", "FAILED"].includes(sameRef.status)) {
        paymentId = (await tx.payment.update({ where: { id: sameRef.id }, data })).id;
      } else {
        // The link id is taken by a settled payment (sandbox and transfer reuse the order id): keep that row intact.
        paymentId = (await tx.payment.create({ data: { ...data, storeId: order.storeId, orderId: order.id, provider, providerRef: sameRef ? null : link.providerRef } })).id;
      }
      await tx.order.update({ where: { id: order.id }, data: { gateway: provider } });
      await recordAudit(tx, { storeId: order.storeId, actorType: actor.type, actorId: actor.id ?? null, action: "payment.link_created", entityType: "order", entityId: order.id, data: { provider, paymentId, amountMinor: order.totalMinor, currency: order.currency } });
      return { url, paymentId, provider, reused: false, ...(link.instructions ? { instructions: link.instructions } : {}) };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
