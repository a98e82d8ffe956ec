import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";
import { logger } from "@/lib/observability/logger";
import { notifyStore } from "@/lib/realtime/notify";
import { sendApprovalDeclinedDm } from "@/lib/pipeline/order-messages";

/**
 * The seller declines a high-risk buyer's order that waited for her approval: the order is cancelled (it
 * held no stock) and the buyer is told politely, in her language, that nothing was charged. 409
 * `not_awaiting_approval` for any other order. Idempotent on the message (one per order).
 */
export async function declineOrder({ orderId, storeId, actorId, reason, ip }: { orderId: string; storeId: string; actorId: string; reason?: string; ip?: string | null }) {
  await prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ storeId: string; status: string; riskMode: string | null; approvedAt: Date | null; liveId: string | null }[]>`
      SELECT "storeId", status::text AS status, "riskMode", "approvedAt", "liveId" FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!order || order.storeId !== storeId) throw notFound("Order");
    if (order.status !== "PENDING" || order.riskMode !== "approval" || order.approvedAt) {
      throw new AppError(409, "not_awaiting_approval", "This order is not waiting for an approval");
    }
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "order.declined", entityType: "order", entityId: orderId, data: { reason: reason ?? null }, ip: ip ?? null });
    await notifyStore(storeId, { type: "order.updated", orderId, status: "CANCELLED", liveId: order.liveId }, tx);
  });
  try {
    await sendApprovalDeclinedDm({ orderId });
  } catch (error) {
    logger.warn({ orderId, error: (error as Error).message }, "declined order DM failed");
  }
}
