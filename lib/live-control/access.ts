import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

// The takeover's loaders inside a live the caller was already checked for (getLiveForMemberOrThrow):
// each row must belong to that live or its store, anything else answers 404.

/** A comment that belongs to this live (and so to its store). */
export async function getCommentForLiveOrThrow({ liveId, commentId }: { liveId: string; commentId: string }) {
  const comment = await prisma.comment.findFirst({ where: { id: commentId, liveId } });
  if (!comment) throw notFound("Comment");
  return comment;
}

/** An order of this live's store. */
export async function getOrderForStoreOrThrow({ storeId, orderId }: { storeId: string; orderId: string }) {
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId } });
  if (!order) throw notFound("Order");
  return order;
}

/** A buyer of this store (404 otherwise). */
export async function getBuyerForStoreOrThrow({ storeId, buyerId }: { storeId: string; buyerId: string }) {
  const buyer = await prisma.buyer.findFirst({ where: { id: buyerId, storeId } });
  if (!buyer) throw notFound("Buyer");
  return buyer;
}
