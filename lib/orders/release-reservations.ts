import type { Tx } from "@/lib/db";

/**
 * Gives an order's active reservations back to available stock. Called inside the transaction that
 * moves the order out of PENDING, with the order row locked, so it runs once per order.
 */
export async function releaseReservations(tx: Tx, orderId: string): Promise<string[]> {
  const released = await tx.$queryRaw<{ productId: string; quantity: number }[]>`
    UPDATE reservations SET status = 'RELEASED', "settledAt" = now()
    WHERE "orderId" = ${orderId} AND status = 'ACTIVE'
    RETURNING "productId", quantity`;
  for (const r of released) {
    await tx.$executeRaw`UPDATE products SET reserved = reserved - ${r.quantity}, "updatedAt" = now() WHERE id = ${r.productId}`;
  }
  return [...new Set(released.map((r) => r.productId))];
}
