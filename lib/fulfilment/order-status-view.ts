import { prisma } from "@/lib/db";
import { getOrderFulfilment } from "./order-fulfilment";

/** What the buyer's status page shows after payment: delivery, address, shipment, and the pickup point. */
export async function getOrderStatusView(orderId: string) {
  const [fulfilment, order] = await Promise.all([
    getOrderFulfilment(orderId),
    prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { paidAt: true, shippingMinor: true, delivery: { select: { methodId: true } } } }),
  ]);
  const method = order.delivery?.methodId ? await prisma.deliveryMethod.findUnique({ where: { id: order.delivery.methodId }, select: { address: true, instructions: true } }) : null;
  return { ...fulfilment, paidAt: order.paidAt, shippingMinor: order.shippingMinor, pickup: fulfilment.delivery?.type === "pickup" ? method : null };
}
export type OrderStatusView = Awaited<ReturnType<typeof getOrderStatusView>>;
