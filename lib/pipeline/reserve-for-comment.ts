import { reserveForBotComment } from "@/lib/orders/reserve";

export type CommentReservation =
  | { status: "reserved"; orderId: string; addedToExistingCart: boolean; replayed: boolean }
  | { status: "out_of_stock"; productId: string; sku: string; available: number }
  | { status: "skipped"; reason: string };

/**
 * Reserves what a BUY comment asked for, in one transaction: the kill switch and the buyer's opt-out are
 * re-read there, at the last moment before stock moves, and the comment is linked to its order in the same
 * commit. The comment id is the idempotency key, so a replayed step returns the first result.
 */
export async function reserveForComment({ commentId, productId, quantity, buyerId }: { commentId: string; productId: string; quantity: number; buyerId: string }): Promise<CommentReservation> {
  const result = await reserveForBotComment({ commentId, buyerId, productId, quantity });
  if (result.status !== "reserved") return result;
  return { status: "reserved", orderId: result.order.id, addedToExistingCart: result.addedToExistingCart, replayed: result.replayed };
}
