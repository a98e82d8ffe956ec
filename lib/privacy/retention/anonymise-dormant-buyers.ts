import { prisma } from "@/lib/db";
import { eraseBuyerData } from "../erase-buyer-data";

const BATCH = 500;

/**
 * Buyers with no order for RETENTION_BUYER_MONTHS (18 by default; counted from their last order, or from
 * when they were first seen if they never ordered) are anonymised through the same erasure as a buyer's
 * own request: every personal-data holder, orders keep anonymised amounts. Idempotent: erased buyers are
 * skipped. At most `limit` per run (the next run continues).
 */
export async function anonymiseDormantBuyers({ months, now = new Date(), limit = BATCH }: { months: number; now?: Date; limit?: number }) {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const dormant = await prisma.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM buyers b
    WHERE b."erasedAt" IS NULL AND b."createdAt" < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o."buyerId" = b.id AND o."createdAt" >= ${cutoff})
    ORDER BY b."createdAt" LIMIT ${limit}`;
  for (const { id } of dormant) await eraseBuyerData({ buyerId: id, actor: { type: "SYSTEM", id: "retention" } });
  return { buyers: dormant.length };
}
