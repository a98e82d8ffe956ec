import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";
import { notifyStore } from "@/lib/realtime/notify";

/** The seller dispatched a paid order. Idempotent: shipping twice keeps the first date. */
export async function shipOrder({ orderId, storeId, actorId, trackingNumber, carrier, ip }: { orderId: string; storeId: string; actorId: string; trackingNumber?: string; carrier?: string; ip?: string | null }) {
  return prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ storeId: string; status: string; fulfillment: string; liveId: string | null; shippedAt: Date | null }[]>`
      SELECT "storeId", status, fulfillment, "liveId", "shippedAt" FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!order || order.storeId !== storeId) throw notFound("Order");
    if (order.fulfillment === "SHIPPED") return { orderId, shippedAt: order.shippedAt!, alreadyShipped: true };
    if (order.status !== "PAID") throw new AppError(409, "invalid_state", `Only paid orders can be shipped; this one is ${order.status.toLowerCase()}`);
    const shippedAt = new Date();
    await tx.order.update({ where: { id: orderId }, data: { fulfillment: "SHIPPED", shippedAt } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "order.shipped", entityType: "order", entityId: orderId, data: { trackingNumber: trackingNumber ?? null, carrier: carrier ?? null }, ip: ip ?? null });
    await notifyStore(storeId, { type: "order.updated", orderId, status: order.status, liveId: order.liveId }, tx);
    return { orderId, shippedAt, alreadyShipped: false };
  });
}
