import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { markOrderPaid, type MarkOrderPaidResult } from "@/lib/orders/mark-paid";
import { afterOrderPaid } from "./after-order-paid";

/**
 * The seller saw the bank transfer arrive (or checked the uploaded receipt): the order is paid with
 * provider "transfer", for its own total — stock committed, buyer and seller notified, exactly like a
 * provider's payment webhook. One transfer per order, so confirming twice is a no-op ("duplicate").
 * A late transfer for an expired order follows the same rules as any late payment. OWNER only (the route).
 */
export async function confirmTransfer({ orderId, storeId, actorId }: { orderId: string; storeId: string; actorId: string }): Promise<MarkOrderPaidResult> {
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId }, select: { id: true, status: true, totalMinor: true, currency: true } });
  if (!order) throw new AppError(404, "not_found", "Order not found");
  if (order.status !== "PENDING" && order.status !== "EXPIRED" && order.status !== "PAID") {
    throw new AppError(409, "invalid_state", `A ${order.status.toLowerCase()} order cannot be confirmed as paid`);
  }
  const result = await markOrderPaid({
    orderId,
    provider: "transfer",
    providerTxnId: `transfer:${orderId}`,
    providerRef: orderId,
    amountMinor: order.totalMinor,
    currency: order.currency,
    raw: { confirmedBy: actorId },
    actor: { type: "USER", id: actorId },
  });
  if (result.outcome !== "duplicate") {
    await prisma.payment.updateMany({ where: { id: result.paymentId, reviewedAt: null }, data: { reviewedAt: new Date() } });
  }
  await afterOrderPaid(result);
  return result;
}
