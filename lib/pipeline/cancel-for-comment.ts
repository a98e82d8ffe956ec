import { hotPathDb } from "@/lib/db";
import { cancelPendingOrder } from "@/lib/orders/cancel-pending-order";

/** "Cancel" in a comment: releases that buyer's pending cart(s) in this live. */
export async function cancelBuyerCartForComment({ commentId, buyerId }: { commentId: string; buyerId: string }) {
  const rows = await hotPathDb.$queryRaw<{ orderId: string | null }[]>`
    SELECT o.id AS "orderId" FROM comments c
    LEFT JOIN orders o ON o."storeId" = c."storeId" AND o."buyerId" = ${buyerId} AND o."liveId" IS NOT DISTINCT FROM c."liveId" AND o.status = 'PENDING'
    WHERE c.id = ${commentId}`;
  if (!rows.length) throw new Error(`comment ${commentId} not found`);
  const orderIds: string[] = [];
  for (const { orderId } of rows) {
    if (orderId && (await cancelPendingOrder({ orderId, actor: { type: "BUYER", id: buyerId }, reason: "buyer cancelled in a comment" }))) orderIds.push(orderId);
  }
  return { orderIds };
}
