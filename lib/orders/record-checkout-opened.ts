import { prisma } from "@/lib/db";

/** Marks the first opening of an order's checkout link; later openings change nothing. */
export async function recordCheckoutOpened(orderId: string): Promise<void> {
  await prisma.order.updateMany({ where: { id: orderId, checkoutOpenedAt: null }, data: { checkoutOpenedAt: new Date() } });
}
