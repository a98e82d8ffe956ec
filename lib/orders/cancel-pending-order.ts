import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { releaseReservations } from "./release-reservations";

/** PENDING → CANCELLED with its stock released, under the order's row lock. False if it was no longer pending. */
export async function cancelPendingOrder({ orderId, actor, reason }: { orderId: string; actor: { type: "USER" | "SYSTEM" | "BUYER"; id?: string | null }; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ storeId: string; status: string; liveId: string | null }[]>`SELECT "storeId", status, "liveId" FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!order || order.status !== "PENDING") return false;
    const productIds = await releaseReservations(tx, orderId);
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await recordAudit(tx, { storeId: order.storeId, actorType: actor.type, actorId: actor.id ?? null, action: "order.cancelled", entityType: "order", entityId: orderId, data: { reason, releasedProducts: productIds } });
    await notifyStore(order.storeId, { type: "order.updated", orderId, status: "CANCELLED", liveId: order.liveId }, tx);
    return true;
  });
}
