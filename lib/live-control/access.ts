import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

async function memberStoreIds(userId: string) {
  const rows = await prisma.membership.findMany({ where: { userId }, select: { storeId: true } });
  return rows.map((r) => r.storeId);
}

/** A buyer of one of the caller's stores; anyone else's answers 404 like a missing one. */
export async function buyerOfMember(userId: string, buyerId: string) {
  const buyer = await prisma.buyer.findFirst({ where: { id: buyerId, storeId: { in: await memberStoreIds(userId) } } });
  if (!buyer) throw notFound("Buyer");
  return buyer;
}

/** A comment that belongs to this live (and so to its store). */
export async function commentOfLive({ liveId, commentId }: { liveId: string; commentId: string }) {
  const comment = await prisma.comment.findFirst({ where: { id: commentId, liveId } });
  if (!comment) throw notFound("Comment");
  return comment;
}

/** An order of this live's store. */
export async function orderOfStore({ storeId, orderId }: { storeId: string; orderId: string }) {
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId } });
  if (!order) throw notFound("Order");
  return order;
}

/** A buyer of this store (404 otherwise). */
export async function buyerOfStore({ storeId, buyerId }: { storeId: string; buyerId: string }) {
  const buyer = await prisma.buyer.findFirst({ where: { id: buyerId, storeId } });
  if (!buyer) throw notFound("Buyer");
  return buyer;
}
