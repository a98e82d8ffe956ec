import { prisma } from "@/lib/db";
import { reserveItems } from "./reserve";

/** The buyer tapped "join the waitlist" on a sold-out comment. One entry per comment. */
export async function joinWaitlist({ commentId, buyerId }: { commentId: string; buyerId: string }) {
  const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
  if (!comment.sku) return null;
  const product = await prisma.product.findUnique({ where: { storeId_sku: { storeId: comment.storeId, sku: comment.sku } } });
  if (!product) return null;
  return prisma.waitlistEntry.upsert({
    where: { commentId },
    update: {},
    create: { storeId: comment.storeId, productId: product.id, buyerId, liveId: comment.liveId, commentId, quantity: comment.quantity ?? 1 },
  });
}

/**
 * Released or restocked units go to the next buyers in line, oldest first, each with a reservation of
 * their own. Stops at the first buyer the stock cannot serve (no skipping ahead in line).
 */
export async function offerToWaitlist({ productIds }: { productIds: string[] }) {
  const offered: { entryId: string; orderId: string; buyerId: string; storeId: string }[] = [];
  for (const productId of productIds) {
    const queue = await prisma.waitlistEntry.findMany({ where: { productId, status: "WAITING" }, orderBy: { createdAt: "asc" }, take: 50, include: { buyer: { select: { optedOutAt: true } } } });
    for (const entry of queue) {
      if (entry.buyer.optedOutAt) {
        await prisma.waitlistEntry.update({ where: { id: entry.id }, data: { status: "CANCELLED" } });
        continue;
      }
      const result = await reserveItems({
        storeId: entry.storeId, buyerId: entry.buyerId, liveId: entry.liveId, items: [{ productId, quantity: entry.quantity }],
        idempotencyKey: `waitlist:${entry.id}`, mergeIntoOpenCart: false, actor: { type: "SYSTEM" },
      });
      if (result.status !== "reserved") break;
      await prisma.waitlistEntry.update({ where: { id: entry.id }, data: { status: "OFFERED", offeredOrder: result.order.id } });
      offered.push({ entryId: entry.id, orderId: result.order.id, buyerId: entry.buyerId, storeId: entry.storeId });
    }
  }
  return offered;
}
