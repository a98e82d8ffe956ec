import type { Tx } from "@/lib/db";

export type StockLine = { productId: string; quantity: number };

/**
 * Turns an order's active reservations into sold stock (stock -= q, reserved -= q). Runs inside the
 * transaction that moves the order to PAID, with the order row locked, so it happens once per order.
 * Products are touched in id order, like reserveItems, so concurrent carts cannot deadlock on them.
 */
export async function commitReservations(tx: Tx, orderId: string): Promise<StockLine[]> {
  const committed = await tx.$queryRaw<StockLine[]>`
    UPDATE reservations SET status = 'COMMITTED', "settledAt" = now()
    WHERE "orderId" = ${orderId} AND status = 'ACTIVE'
    RETURNING "productId", quantity`;
  const lines = sumByProduct(committed);
  for (const line of lines) {
    await tx.$executeRaw`
      UPDATE products SET stock = stock - ${line.quantity}, reserved = reserved - ${line.quantity}, "updatedAt" = now()
      WHERE id = ${line.productId}`;
  }
  return lines;
}

export type ReReserveResult = { ok: true; lines: StockLine[] } | { ok: false; missing: string[] };

/**
 * A late payment for an order whose reservations were already released: takes the units again, but
 * only if every line is still available right now (all or nothing), and sells them at once. Product
 * rows are locked before anything is checked, so a concurrent reservation cannot slip in between the
 * check and the update; nothing is written unless every line fits, so available stock never goes below 0.
 */
export async function reReserveAndCommit(tx: Tx, { orderId, storeId, now }: { orderId: string; storeId: string; now: Date }): Promise<ReReserveResult> {
  const items = await tx.orderItem.findMany({ where: { orderId }, select: { productId: true, sku: true, quantity: true } });
  const missing = items.filter((i) => !i.productId).map((i) => i.sku);
  const lines = sumByProduct(items.filter((i): i is typeof i & { productId: string } => Boolean(i.productId)));
  const skuOf = new Map(items.map((i) => [i.productId, i.sku]));
  for (const line of lines) {
    const [p] = await tx.$queryRaw<{ available: number; sellable: boolean }[]>`
      SELECT stock - reserved AS available, (active AND "deletedAt" IS NULL) AS sellable
      FROM products WHERE id = ${line.productId} AND "storeId" = ${storeId} FOR UPDATE`;
    if (!p || !p.sellable || p.available < line.quantity) missing.push(skuOf.get(line.productId) ?? line.productId);
  }
  if (missing.length > 0 || lines.length === 0) return { ok: false, missing: missing.length ? missing : items.map((i) => i.sku) };
  for (const line of lines) {
    await tx.$executeRaw`UPDATE products SET stock = stock - ${line.quantity}, "updatedAt" = now() WHERE id = ${line.productId}`;
    // The record of what was sold, settled at once: nothing is held in between.
    await tx.reservation.create({ data: { storeId, orderId, productId: line.productId, quantity: line.quantity, status: "COMMITTED", expiresAt: now, settledAt: now } });
  }
  return { ok: true, lines };
}

function sumByProduct(rows: StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.productId, (totals.get(r.productId) ?? 0) + Number(r.quantity));
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([productId, quantity]) => ({ productId, quantity }));
}
