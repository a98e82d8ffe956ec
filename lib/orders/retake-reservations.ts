import type { Tx } from "@/lib/db";

export type RetakeResult = { ok: true } | { ok: false; missing: string[] };

/**
 * Takes the units of an EXPIRED order again as active reservations until `expiresAt` — all lines or none,
 * only where they are still available right now (a receipt for a transfer made just after the cart
 * expired). Product rows are locked in id order before anything is checked, like reReserveAndCommit, so a
 * concurrent reservation cannot slip in between and available stock never goes below 0. The caller holds
 * the order row lock and moves the order back to PENDING in the same transaction.
 */
export async function retakeReservations(tx: Tx, { orderId, storeId, expiresAt }: { orderId: string; storeId: string; expiresAt: Date }): Promise<RetakeResult> {
  const items = await tx.orderItem.findMany({ where: { orderId }, select: { productId: true, sku: true, quantity: true } });
  const missing = items.filter((i) => !i.productId).map((i) => i.sku);
  const totals = new Map<string, number>();
  for (const i of items) if (i.productId) totals.set(i.productId, (totals.get(i.productId) ?? 0) + i.quantity);
  const lines = [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
  const skuOf = new Map(items.map((i) => [i.productId, i.sku]));
  for (const [productId, quantity] of lines) {
    const [p] = await tx.$queryRaw<{ available: number; sellable: boolean }[]>`
      SELECT stock - reserved AS available, (active AND "deletedAt" IS NULL) AS sellable
      FROM products WHERE id = ${productId} AND "storeId" = ${storeId} FOR UPDATE`;
    if (!p || !p.sellable || p.available < quantity) missing.push(skuOf.get(productId) ?? productId);
  }
  if (missing.length > 0 || lines.length === 0) return { ok: false, missing: missing.length ? missing : items.map((i) => i.sku) };
  for (const [productId, quantity] of lines) {
    await tx.$executeRaw`UPDATE products SET reserved = reserved + ${quantity}, "updatedAt" = now() WHERE id = ${productId}`;
    await tx.reservation.create({ data: { storeId, orderId, productId, quantity, status: "ACTIVE", expiresAt } });
  }
  return { ok: true };
}
