import { prisma } from "@/lib/db";
import type { CheckoutOrder } from "@/lib/payments/checkout-order";

/** Items of an expired cart that could not be reserved again right now. */
export async function soldOutItems(order: CheckoutOrder): Promise<string[]> {
  const ids = order.items.map((i) => i.productId).filter((id): id is string => Boolean(id));
  const products = await prisma.product.findMany({ where: { id: { in: ids } }, select: { id: true, stock: true, reserved: true, active: true, deletedAt: true } });
  return order.items
    .filter((i) => {
      const p = products.find((x) => x.id === i.productId);
      return !p || !p.active || p.deletedAt !== null || p.stock - p.reserved < i.quantity;
    })
    .map((i) => i.name);
}
