import { prisma } from "@/lib/db";
import { cancelPendingOrder } from "@/lib/orders/cancel-pending-order";

/** "Cancel" in a comment: releases that buyer's pending cart(s) in this live. */
export async function cancelBuyerCartForComment({ commentId, buyerId }: { commentId: string; buyerId: string }) {
  const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, select: { liveId: true, storeId: true } });
  const carts = await prisma.order.findMany({ where: { storeId: comment.storeId, buyerId, liveId: comment.liveId, status: "PENDING" }, select: { id: true } });
  const orderIds: string[] = [];
  for (const { id } of carts) if (await cancelPendingOrder({ orderId: id, actor: { type: "BUYER", id: buyerId }, reason: "buyer cancelled in a comment" })) orderIds.push(id);
  return { orderIds };
}
