import { hotPathDb, prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { releaseReservations } from "./release-reservations";
import { refreshBuyerRisk } from "@/lib/buyers/refresh-buyer-risk";

// The order's `expiresAt` is the one deadline of every reservation in it: a cart extended by a later BUY
// keeps all its reservations until the new time (reservations' own `expiresAt` only records when each was
// first due). Everything here decides on the order's time.

/**
 * Expires an unpaid order whose time is up: stock goes back, the cart stays as interest (status EXPIRED,
 * items kept). Idempotent and safe against a concurrent payment (row lock + state check).
 */
export async function expireOrder({ orderId, now = new Date() }: { orderId: string; now?: Date }) {
  const result = await prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; storeId: string; status: string; expiresAt: Date; liveId: string | null }[]>`
      SELECT id, "storeId", status, "expiresAt", "liveId" FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!order || order.status !== "PENDING" || order.expiresAt > now) return null;
    const productIds = await releaseReservations(tx, orderId);
    await tx.order.update({ where: { id: orderId }, data: { status: "EXPIRED", expiredAt: now } });
    await recordAudit(tx, { storeId: order.storeId, actorType: "SYSTEM", action: "order.expired", entityType: "order", entityId: orderId, data: { releasedProducts: productIds } });
    await notifyStore(order.storeId, { type: "order.updated", orderId, status: "EXPIRED", liveId: order.liveId }, tx);
    return { storeId: order.storeId, productIds };
  });
  if (result) await refreshBuyerRisk({ orderId });
  return result;
}

/**
 * Expires every overdue order holding stock of a product (lazy expiry when a buyer finds it sold out).
 * Found from the overdue pending orders (index on status, expiresAt), not from the product's reservations.
 */
export async function expireOverdueForProduct({ productId }: { productId: string }) {
  const overdue = await hotPathDb.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM orders o
    WHERE o.status = 'PENDING' AND o."expiresAt" <= now()
      AND EXISTS (SELECT 1 FROM reservations r WHERE r."orderId" = o.id AND r."productId" = ${productId} AND r.status = 'ACTIVE')
    ORDER BY o."expiresAt"`;
  let expired = 0;
  for (const { id } of overdue) if (await expireOrder({ orderId: id })) expired++;
  return expired;
}

/** Sweeper for both job drivers: anything overdue, in case a scheduled expiry was lost. */
export async function expireOverdueOrders({ limit = 200 }: { limit?: number } = {}) {
  const overdue = await prisma.order.findMany({ where: { status: "PENDING", expiresAt: { lte: new Date() } }, select: { id: true }, take: limit, orderBy: { expiresAt: "asc" } });
  const results = [];
  for (const { id } of overdue) {
    const r = await expireOrder({ orderId: id });
    if (r) results.push({ orderId: id, ...r });
  }
  return results;
}
