import type { OrderStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";
import { notifyStore } from "@/lib/realtime/notify";
import { releaseReservations } from "./release-reservations";
import { refreshBuyerRisk } from "@/lib/buyers/refresh-buyer-risk";

export type CancelOrderResult = { orderId: string; status: OrderStatus; releasedProducts: string[]; alreadyCancelled: boolean };

/**
 * The seller cancels an unpaid order: its reserved units go back on sale at once. Row-locked, so it
 * cannot interleave with a payment or the expiry job; a payment arriving afterwards becomes
 * REFUND_NEEDED (see markOrderPaid). Paid orders are refunded, not cancelled. Idempotent.
 */
export async function cancelOrder({ orderId, storeId, actor, reason, ip }: { orderId: string; storeId: string; actor: { type: "USER" | "SYSTEM" | "BUYER"; id?: string | null }; reason?: string; ip?: string | null }): Promise<CancelOrderResult> {
  const result = await prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; storeId: string; status: OrderStatus; liveId: string | null }[]>`
      SELECT id, "storeId", status, "liveId" FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!order || order.storeId !== storeId) throw notFound("Order");
    if (order.status === "CANCELLED") return { orderId, status: order.status, releasedProducts: [], alreadyCancelled: true };
    if (order.status !== "PENDING" && order.status !== "EXPIRED") {
      throw new AppError(409, "invalid_state", `A ${order.status.toLowerCase()} order cannot be cancelled; refund it instead`);
    }
    const releasedProducts = await releaseReservations(tx, orderId);
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await recordAudit(tx, { storeId, actorType: actor.type, actorId: actor.id ?? null, action: "order.cancelled", entityType: "order", entityId: orderId, data: { from: order.status, releasedProducts, reason: reason ?? null }, ip: ip ?? null });
    await notifyStore(storeId, { type: "order.updated", orderId, status: "CANCELLED", liveId: order.liveId }, tx);
    for (const productId of releasedProducts) await notifyStore(storeId, { type: "product.updated", productId }, tx);
    return { orderId, status: "CANCELLED" as const, releasedProducts, alreadyCancelled: false };
  });
  if (!result.alreadyCancelled) await refreshBuyerRisk({ orderId });
  return result;
}
