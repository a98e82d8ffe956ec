import { prisma } from "@/lib/db";
import { reserveItems } from "@/lib/orders/reserve-items";

export type CommentReservation =
  | { status: "reserved"; orderId: string; addedToExistingCart: boolean; replayed: boolean }
  | { status: "out_of_stock"; productId: string; sku: string; available: number }
  | { status: "skipped"; reason: string };

/**
 * Reserves what a BUY comment asked for. The kill switch is re-read here, at the last moment before
 * stock moves; the comment id is the idempotency key, so a replayed step returns the first result.
 */
export async function reserveForComment({ commentId, productId, quantity, buyerId }: { commentId: string; productId: string; quantity: number; buyerId: string }): Promise<CommentReservation> {
  const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, include: { live: { select: { botEnabled: true, status: true } }, buyer: { select: { locale: true, optedOutAt: true } } } });
  const existing = await prisma.reservation.findUnique({ where: { commentId }, select: { id: true } });
  if (!existing) {
    if (!comment.live?.botEnabled) return { status: "skipped", reason: "kill switch: bot disabled for this live" };
    if (comment.buyer?.optedOutAt) return { status: "skipped", reason: "buyer opted out" };
  }
  const result = await reserveItems({
    storeId: comment.storeId,
    buyerId,
    liveId: comment.liveId,
    items: [{ productId, quantity }],
    idempotencyKey: `comment:${commentId}`,
    commentId,
    mergeIntoOpenCart: true,
    buyerLocale: comment.buyer?.locale ?? comment.language,
    actor: { type: "SYSTEM" },
  });
  if (result.status === "out_of_stock") return result;
  await prisma.comment.update({ where: { id: commentId }, data: { orderId: result.order.id } });
  return { status: "reserved", orderId: result.order.id, addedToExistingCart: result.addedToExistingCart, replayed: result.replayed };
}
