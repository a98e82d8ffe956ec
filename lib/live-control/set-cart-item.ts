import type { Order } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { unprocessable } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { lineQuantity, lockEditableOrder, releaseUnits, reserveProductInOrder, setOrderLine, settleOrderTotals } from "./cart-lines";

/**
 * The seller fixes a buyer's cart: sets how many units of one SKU it holds (0 removes the line; removing
 * the last line cancels the cart). Stock moves in the same transaction, with the usual no-oversell UPDATE.
 */
export async function setCartItem({ order, sku, quantity, actorId }: { order: Order; sku: string; quantity: number; actorId: string }) {
  const product = await prisma.product.findFirst({ where: { storeId: order.storeId, sku, deletedAt: null } });
  if (!product) throw unprocessable(`sku: no product with SKU ${sku} in this store`, [{ field: "sku", code: "not_found", message: "no such product" }]);
  const store = await prisma.store.findUniqueOrThrow({ where: { id: order.storeId }, select: { country: true } });
  const saved = await prisma.$transaction(async (tx) => {
    const locked = await lockEditableOrder(tx, order.id);
    const current = await lineQuantity(tx, { orderId: locked.id, productId: product.id });
    if (current === quantity) return locked;
    if (quantity > current) {
      await reserveProductInOrder(tx, { order: locked, product, quantity: quantity - current });
    } else {
      // Whole reservations go back (newest first); any units released beyond the cut are taken again.
      const released = await releaseUnits(tx, { orderId: locked.id, productId: product.id, units: current - quantity });
      const excess = released - (current - quantity);
      if (excess > 0) await reserveProductInOrder(tx, { order: locked, product, quantity: excess });
    }
    await setOrderLine(tx, { orderId: locked.id, product, quantity });
    const updated = await settleOrderTotals(tx, { order: locked, country: store.country });
    await recordAudit(tx, { storeId: order.storeId, actorType: "USER", actorId, action: "order.cart_edited", entityType: "order", entityId: order.id, data: { sku, from: current, to: quantity } });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: updated.status, liveId: order.liveId }, tx);
    return updated;
  }, { timeout: 15_000 });
  await notifyStore(order.storeId, { type: "product.updated", productId: product.id });
  return saved;
}
