import { hotPathDb } from "@/lib/db";

/**
 * Stores the risk score of an order's buyer, the same formula as the buyers list (listBuyers): 30 per
 * unpaid hold (expired or cancelled) of the last 90 days, 10 per older one, minus 15 per paid order,
 * 0…100. Called after an order ends (paid, expired, cancelled by the seller), outside that transaction
 * so it takes no lock in an order the reservation path also locks; the reservation path then reads the
 * column with the buyer it already reads, and ages it (see readReservationContext). One statement; a
 * buyerless order changes nothing.
 */
export async function refreshBuyerRisk({ orderId }: { orderId: string }): Promise<void> {
  await hotPathDb.$executeRaw`
    UPDATE buyers b SET "riskScore" = r.risk, "riskScoredAt" = now()
    FROM (
      SELECT o."buyerId", least(100, greatest(0,
        30 * count(*) FILTER (WHERE o.status IN ('EXPIRED', 'CANCELLED') AND o."createdAt" > now() - interval '90 days')
        + 10 * count(*) FILTER (WHERE o.status IN ('EXPIRED', 'CANCELLED') AND o."createdAt" <= now() - interval '90 days')
        - 15 * count(*) FILTER (WHERE o.status = 'PAID')))::int AS risk
      FROM orders o
      WHERE o."buyerId" = (SELECT "buyerId" FROM orders WHERE id = ${orderId})
      GROUP BY o."buyerId"
    ) r
    WHERE b.id = r."buyerId"`;
}
