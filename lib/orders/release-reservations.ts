import type { Tx } from "@/lib/db";
import { jobs } from "@/lib/jobs";

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
  const productIds = [...new Set(released.map((r) => r.productId))];
  if (productIds.length) {
    // Freed units go to the waitlist; the event commits (or not) with this transaction.
    const [order] = await tx.$queryRaw<{ storeId: string }[]>`SELECT "storeId" FROM orders WHERE id = ${orderId}`;
    await jobs.send({ name: "stock/released", id: `released:${orderId}:${Date.now()}`, data: { storeId: order!.storeId, productIds } }, { tx });
  }
  return productIds;
}
