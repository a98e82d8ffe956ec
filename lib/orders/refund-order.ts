import type { OrderStatus } from "@/generated/prisma/client";
import { prisma, type Prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";
import { notifyStore } from "@/lib/realtime/notify";
import { gatewayForStore } from "@/lib/payments/gateway-for-store";
import { PaymentProviderError, PaymentProviderUnavailableError } from "@/lib/payments/gateways/errors";
import { isProviderId } from "@/lib/payments/checkout-methods";
import { notifyUrl } from "@/lib/payments/payment-config";
import type { PaymentRuntime } from "@/lib/payments/payment-runtime";

export type RefundOrderResult = {
  orderId: string;
  status: OrderStatus;
  refunds: { paymentId: string; provider: string; refundId: string; status: string }[];
  restocked: { productId: string; quantity: number }[];
};

/**
 * Gives the buyer their money back: every settled or flagged payment of the order is refunded through
 * its provider (idempotent per payment, so a retry never refunds twice; bank transfers are recorded as
 * a manual refund the seller makes), then — in one locked transaction — payments become REFUNDED, the
 * order REFUNDED, sold units go back to stock unless the order was shipped, and the audit row says who.
 */
export async function refundOrder({
  orderId,
  storeId,
  actorId,
  restock,
  reason,
  runtime,
  ip,
}: {
  orderId: string;
  storeId: string;
  actorId: string;
  restock?: boolean;
  reason?: string;
  runtime: PaymentRuntime;
  ip?: string | null;
}): Promise<RefundOrderResult> {
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId }, select: { id: true, status: true, fulfillment: true } });
  if (!order) throw notFound("Order");
  const payments = await prisma.payment.findMany({ where: { orderId, status: { in: ["SUCCEEDED", "FLAGGED"] } }, orderBy: { createdAt: "asc" } });
  if (order.status === "REFUNDED" && payments.length === 0) return { orderId, status: "REFUNDED", refunds: [], restocked: [] };
  if (payments.length === 0) throw new AppError(409, "nothing_to_refund", `This ${order.status.toLowerCase()} order has no payment to refund`);

  const refunds: RefundOrderResult["refunds"] = [];
  for (const payment of payments) {
    if (!isProviderId(payment.provider) || !payment.providerTxnId) throw new AppError(409, "not_refundable", `Payment ${payment.id} cannot be refunded automatically`);
    const resolved = await gatewayForStore({ storeId, provider: payment.provider, runtime });
    if (!resolved) throw new AppError(409, "not_configured", `${payment.provider} is no longer configured for this store`);
    try {
      const result = await resolved.gateway.refund({
        providerTxnId: payment.providerTxnId,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        idempotencyKey: `refund-${payment.id}`,
        receiverEmail: payerEmailOf(payment.raw),
        notifyUrl: notifyUrl({ appUrl: runtime.appUrl, provider: payment.provider, storeId }),
      });
      refunds.push({ paymentId: payment.id, provider: payment.provider, refundId: result.refundId, status: result.status });
    } catch (error) {
      if (error instanceof PaymentProviderUnavailableError) throw new AppError(503, "provider_unavailable", `${payment.provider} is not answering; try the refund again in a few minutes`);
      if (error instanceof PaymentProviderError) throw new AppError(502, "refund_failed", `${payment.provider} refused the refund: ${error.message}`);
      throw error;
    }
  }

  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: OrderStatus; fulfillment: string; liveId: string | null }[]>`
      SELECT status, fulfillment, "liveId" FROM orders WHERE id = ${orderId} FOR UPDATE`;
    for (const r of refunds) {
      const payment = payments.find((p) => p.id === r.paymentId)!;
      const raw = { ...(typeof payment.raw === "object" && payment.raw && !Array.isArray(payment.raw) ? payment.raw : {}), refund: { id: r.refundId, status: r.status, at: new Date().toISOString() } } as Prisma.InputJsonValue;
      await tx.payment.update({ where: { id: r.paymentId }, data: { status: "REFUNDED", raw } });
    }
    // Units were sold only for a PAID order; a REFUND_NEEDED order never took any.
    const putBack = (restock ?? locked!.fulfillment !== "SHIPPED") && locked!.status === "PAID";
    const restocked = putBack ? await returnSoldUnits(tx, orderId) : [];
    const settled = locked!.status === "PAID" || locked!.status === "REFUND_NEEDED" || locked!.status === "REFUNDED";
    const status: OrderStatus = settled ? "REFUNDED" : locked!.status;
    await tx.order.update({ where: { id: orderId }, data: { status, flagReason: null } });
    await recordAudit(tx, {
      storeId,
      actorType: "USER",
      actorId,
      action: "order.refunded",
      entityType: "order",
      entityId: orderId,
      data: { from: locked!.status, refunds, restocked, reason: reason ?? null } as Prisma.InputJsonValue,
      ip: ip ?? null,
    });
    await notifyStore(storeId, { type: "order.updated", orderId, status, liveId: locked!.liveId }, tx);
    return { orderId, status, refunds, restocked };
  });
}

async function returnSoldUnits(tx: Tx, orderId: string) {
  const rows = await tx.$queryRaw<{ productId: string; quantity: number }[]>`
    UPDATE reservations SET status = 'RELEASED', "settledAt" = now()
    WHERE "orderId" = ${orderId} AND status = 'COMMITTED'
    RETURNING "productId", quantity`;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.productId, (totals.get(r.productId) ?? 0) + Number(r.quantity));
  const lines = [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([productId, quantity]) => ({ productId, quantity }));
  for (const l of lines) await tx.$executeRaw`UPDATE products SET stock = stock + ${l.quantity}, "updatedAt" = now() WHERE id = ${l.productId}`;
  return lines;
}

/** Flow refunds go to the payer's e-mail, which Flow's own status answer carries. */
function payerEmailOf(raw: unknown): string | null {
  const payer = (raw as { payer?: unknown } | null)?.payer;
  return typeof payer === "string" && payer.includes("@") ? payer : null;
}
