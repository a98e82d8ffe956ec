import type { Order, Product } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { conflict } from "@/lib/http/errors";
import { outOfStockError } from "@/lib/orders/reserve";
import { includedVat } from "@/lib/orders/tax";

// In-transaction building blocks of a seller's cart edit. Lock order: the order row first, then product
// rows — the same order reservations and expiry use, so concurrent edits cannot deadlock with them.

/** Locks an order that can still be edited: pending and not past its reservation time. */
export async function lockEditableOrder(tx: Tx, orderId: string): Promise<Order> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  const order = row ? await tx.order.findUniqueOrThrow({ where: { id: row.id } }) : null;
  if (!order || order.status !== "PENDING" || order.expiresAt <= new Date()) {
    throw conflict("order_not_editable", "Only a pending cart whose reservation has not expired can be changed");
  }
  return order;
}

/** Gives one reservation's units back; it also frees the comment it was made for, so that comment can be re-read. */
export async function releaseReservation(tx: Tx, reservationId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ productId: string; quantity: number }[]>`
    UPDATE reservations SET status = 'RELEASED', "settledAt" = now(), "commentId" = NULL
    WHERE id = ${reservationId} AND status = 'ACTIVE'
    RETURNING "productId", quantity`;
  if (!row) return 0;
  await tx.$executeRaw`UPDATE products SET reserved = reserved - ${row.quantity}, "updatedAt" = now() WHERE id = ${row.productId}`;
  return row.quantity;
}

/** Releases at least `units` of a product from the order, newest reservations first; returns what was released. */
export async function releaseUnits(tx: Tx, { orderId, productId, units }: { orderId: string; productId: string; units: number }): Promise<number> {
  const active = await tx.reservation.findMany({ where: { orderId, productId, status: "ACTIVE" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  let released = 0;
  for (const r of active) {
    if (released >= units) break;
    released += await releaseReservation(tx, r.id);
  }
  return released;
}

/** Takes `quantity` more units for the order with the same conditional UPDATE as every reservation: never oversells. */
export async function reserveProductInOrder(tx: Tx, { order, product, quantity, commentId = null }: { order: Order; product: Pick<Product, "id" | "sku">; quantity: number; commentId?: string | null }) {
  const [taken] = await tx.$queryRaw<{ id: string }[]>`
    UPDATE products SET reserved = reserved + ${quantity}, "updatedAt" = now()
    WHERE id = ${product.id} AND "storeId" = ${order.storeId} AND active AND stock - reserved >= ${quantity}
    RETURNING id`;
  if (!taken) {
    const p = await tx.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, reserved: true } });
    throw outOfStockError(product.sku, Math.max(0, p.stock - p.reserved));
  }
  await tx.reservation.create({ data: { storeId: order.storeId, orderId: order.id, productId: product.id, quantity, expiresAt: order.expiresAt, commentId } });
}

/** Sets the order's line for a product to `quantity` (0 removes it), keeping the price the buyer was quoted. */
export async function setOrderLine(tx: Tx, { orderId, product, quantity }: { orderId: string; product: Pick<Product, "id" | "sku" | "name" | "priceMinor">; quantity: number }) {
  const lines = await tx.orderItem.findMany({ where: { orderId, productId: product.id } });
  const [first, ...rest] = lines;
  if (rest.length) await tx.orderItem.deleteMany({ where: { id: { in: rest.map((l) => l.id) } } });
  if (quantity <= 0) {
    if (first) await tx.orderItem.delete({ where: { id: first.id } });
    return;
  }
  if (first) await tx.orderItem.update({ where: { id: first.id }, data: { quantity } });
  else await tx.orderItem.create({ data: { orderId, productId: product.id, sku: product.sku, name: product.name, unitPriceMinor: product.priceMinor, quantity } });
}

/** Units of a product currently in the order. */
export async function lineQuantity(tx: Tx, { orderId, productId }: { orderId: string; productId: string }) {
  const lines = await tx.orderItem.findMany({ where: { orderId, productId }, select: { quantity: true } });
  return lines.reduce((n, l) => n + l.quantity, 0);
}

/** Totals from the lines (prices include VAT where the country's consumer prices do); an empty cart is cancelled. */
export async function settleOrderTotals(tx: Tx, { order, country }: { order: Order; country: string }) {
  const lines = await tx.orderItem.findMany({ where: { orderId: order.id }, select: { unitPriceMinor: true, quantity: true } });
  const total = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  const { taxMinor } = includedVat({ totalMinor: total, country });
  return tx.order.update({
    where: { id: order.id },
    data: { subtotalMinor: total, totalMinor: total, taxMinor, ...(lines.length === 0 && { status: "CANCELLED", cancelledAt: new Date() }) },
  });
}
