import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";
import { logger } from "@/lib/observability/logger";
import { notifyStore } from "@/lib/realtime/notify";
import { sendApprovedCheckoutDm } from "@/lib/pipeline/order-messages";
import { retakeReservations } from "./retake-reservations";
import { reservationTtlSeconds } from "./ttl";

/**
 * The seller approves a high-risk buyer's order that waited for her (the store's "approval" treatment):
 * the units are reserved now — all lines or none, only where they are still available — for the store's
 * usual hold, and the buyer gets the cart with the checkout link in her language. Row-locked against a
 * concurrent decline, expiry or payment. 409 `not_awaiting_approval` for any other order, 409
 * `out_of_stock` (naming the SKUs) when the units are gone: nothing changes.
 */
export async function approveOrder({ orderId, storeId, actorId, ip }: { orderId: string; storeId: string; actorId: string; ip?: string | null }) {
  await prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ storeId: string; status: string; riskMode: string | null; approvedAt: Date | null; liveId: string | null; ttl: number | null; expired: boolean }[]>`
      SELECT o."storeId", o.status::text AS status, o."riskMode", o."approvedAt", o."liveId", s."reservationTtlSeconds" AS ttl, o."expiresAt" <= now() AS expired
      FROM orders o JOIN stores s ON s.id = o."storeId" WHERE o.id = ${orderId} FOR UPDATE OF o`;
    if (!order || order.storeId !== storeId) throw notFound("Order");
    if (order.status !== "PENDING" || order.riskMode !== "approval" || order.approvedAt || order.expired) {
      throw new AppError(409, "not_awaiting_approval", "This order is not waiting for an approval");
    }
    const expiresAt = new Date(Date.now() + reservationTtlSeconds({ reservationTtlSeconds: order.ttl }) * 1000);
    const taken = await retakeReservations(tx, { orderId, storeId, expiresAt });
    if (!taken.ok) throw new AppError(409, "out_of_stock", `Not enough stock for ${taken.missing.join(", ")}`, { skus: taken.missing });
    await tx.order.update({ where: { id: orderId }, data: { approvedAt: new Date(), expiresAt } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "order.approved", entityType: "order", entityId: orderId, data: { expiresAt: expiresAt.toISOString() }, ip: ip ?? null });
    await notifyStore(storeId, { type: "order.updated", orderId, status: "PENDING", liveId: order.liveId }, tx);
  });
  // The link goes out after the commit; a send that fails stays queued for the resend job.
  try {
    await sendApprovedCheckoutDm({ orderId });
  } catch (error) {
    logger.warn({ orderId, error: (error as Error).message }, "approved order checkout DM failed");
  }
}
