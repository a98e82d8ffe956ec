import { z } from "zod";
import { logger } from "@/lib/observability/logger";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/http/errors";
import { jobs } from "@/lib/jobs";
import { lifecycleStartsAt } from "@/lib/orders/order-timers";
import { reservationTtlSeconds } from "@/lib/orders/ttl";
import { notifyStore } from "@/lib/realtime/notify";
import { sendTransferRejectedNotice } from "./transfer-notices";

export const rejectTransferInput = z.object({
  reason: z.string({ error: "is required" }).trim().min(1, "is required").max(500, "must be at most 500 characters").describe("shown to the buyer"),
});

export type RejectTransferResult = { paymentId: string; orderStatus: string; expiresAt: Date };

/**
 * The seller could not match the receipt with a transfer: the receipt's payment is FAILED with the
 * reason, the buyer is told why (DM; the checkout page shows it too) and may upload another receipt.
 * The review hold ends: a pending order runs on the store's normal reservation time again, counted from
 * now, with a fresh lifecycle run to expire it (the earlier run sleeps until the old hold and then finds
 * nothing to do). Only a receipt waiting for review can be rejected, so a second reject answers 409.
 */
export async function rejectTransfer({ orderId, storeId, actorId, reason, now = new Date() }: { orderId: string; storeId: string; actorId: string; reason: string; now?: Date }): Promise<RejectTransferResult> {
  const result = await prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ status: string; liveId: string | null; ttl: number | null }[]>`
      SELECT o.status::text AS status, o."liveId", s."reservationTtlSeconds" AS ttl
      FROM orders o JOIN stores s ON s.id = o."storeId" WHERE o.id = ${orderId} AND o."storeId" = ${storeId} FOR UPDATE OF o`;
    if (!order) throw notFound("Order");
    const payment = await tx.payment.findFirst({
      where: { orderId, provider: "transfer", status: "PENDING", receiptPath: { not: null } },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    if (!payment || (order.status !== "PENDING" && order.status !== "EXPIRED")) {
      throw conflict("no_receipt_to_review", "This order has no transfer receipt waiting for review", [{ field: "order", message: "has no receipt waiting for review" }]);
    }
    const pending = order.status === "PENDING";
    const expiresAt = new Date(now.getTime() + reservationTtlSeconds({ reservationTtlSeconds: order.ttl }) * 1000);
    await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED", rejectionReason: reason, reviewedAt: now } });
    const updated = await tx.order.update({ where: { id: orderId }, data: { transferReviewSince: null, ...(pending && { expiresAt }) }, select: { expiresAt: true } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "payment.transfer_rejected", entityType: "order", entityId: orderId, data: { paymentId: payment.id, reason, expiresAt: pending ? expiresAt.toISOString() : null } });
    await notifyStore(storeId, { type: "order.updated", orderId, status: order.status, liveId: order.liveId }, tx);
    return { paymentId: payment.id, orderStatus: order.status, expiresAt: updated.expiresAt };
  });

  // An expired cart has nothing to upload again for: its checkout page shows the reason, no DM promises a reservation.
  if (result.orderStatus !== "PENDING") return result;
  await jobs
    .send({ name: "order/created", id: `order-transfer-rejected:${result.paymentId}:${now.getTime()}`, data: { orderId, storeId }, ts: lifecycleStartsAt(result.expiresAt) })
    .catch((error) => logger.error({ order_id: orderId, err: error }, "could not queue the lifecycle after a rejected receipt"));
  try {
    await sendTransferRejectedNotice({ orderId, paymentId: result.paymentId, reason, reviewKey: String(now.getTime()) });
  } catch (error) {
    // The checkout page shows the reason too; a failed DM must not undo the seller's decision.
    logger.error({ order_id: orderId, err: error }, "transfer rejection notice to the buyer failed");
  }
  return result;
}
