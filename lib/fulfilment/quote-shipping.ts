import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;
export type ShippingQuote = { shippingMinor: number; coveredByOrderId: string | null; reason: "fee" | "free_over" | "combined" | "no_fee" };

/**
 * The delivery fee of a pending order for a method and destination:
 * - 0 when an earlier PAID order of the same buyer, to the same destination by the same method, still
 *   unshipped and paid within the store's combine window, already pays the shipping (the order joins its
 *   group: `coveredByOrderId` is the group's first order — so a group never pays twice, whatever its total);
 * - 0 when the goods reach the method's `free_over_minor`;
 * - else the method's fee.
 */
export async function quoteShipping(
  tx: Tx,
  args: {
    orderId: string;
    storeId: string;
    buyerId: string | null;
    subtotalMinor: number;
    method: { id: string; feeMinor: number; freeOverMinor: number | null };
    addressKey: string | null;
    combineWindowHours: number;
  },
): Promise<ShippingQuote> {
  if (args.buyerId && args.combineWindowHours > 0 && args.addressKey) {
    const since = new Date(Date.now() - args.combineWindowHours * 3600_000);
    const earlier = await tx.$queryRaw<{ orderId: string; anchor: string; subtotalMinor: number }[]>`
      SELECT d."orderId", coalesce(d."coveredByOrderId", d."orderId") AS anchor, o."subtotalMinor"
        FROM order_deliveries d JOIN orders o ON o.id = d."orderId"
       WHERE d."storeId" = ${args.storeId} AND d."buyerId" = ${args.buyerId} AND d."orderId" <> ${args.orderId}
         AND d."methodId" = ${args.method.id} AND d."addressKey" = ${args.addressKey}
         AND o.status = 'PAID' AND o."shipmentId" IS NULL AND o."paidAt" >= ${since}
       ORDER BY o."paidAt" ASC`;
    if (earlier.length > 0) {
      const anchor = earlier[0]!.anchor;
      return { shippingMinor: 0, coveredByOrderId: anchor, reason: "combined" };
    }
  }
  if (args.method.feeMinor === 0) return { shippingMinor: 0, coveredByOrderId: null, reason: "no_fee" };
  if (args.method.freeOverMinor != null && args.subtotalMinor >= args.method.freeOverMinor) {
    return { shippingMinor: 0, coveredByOrderId: null, reason: "free_over" };
  }
  return { shippingMinor: args.method.feeMinor, coveredByOrderId: null, reason: "fee" };
}
