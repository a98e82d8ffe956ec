import { prisma } from "@/lib/db";

/** The checkout link's token of an order the caller just created (e.g. a "reserve again" cart). */
export async function checkoutTokenOf(orderId: string): Promise<string> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { checkoutToken: true } });
  return order.checkoutToken;
}
