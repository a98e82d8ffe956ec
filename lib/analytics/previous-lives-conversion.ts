import { prisma } from "@/lib/db";

/**
 * The conversion (paid orders / comments, as the post-live report counts it) of the store's lives that
 * started before this one, taken together; null when there were none with comments.
 */
export async function previousLivesConversion({ storeId, before }: { storeId: string; before: Date }): Promise<number | null> {
  const [row] = await prisma.$queryRaw<{ comments: number; paid: number }[]>`
    WITH prev AS (SELECT id FROM lives WHERE "storeId" = ${storeId} AND "startedAt" < ${before})
    SELECT (SELECT count(*) FROM comments WHERE "liveId" IN (SELECT id FROM prev))::int AS comments,
           (SELECT count(*) FROM orders WHERE "liveId" IN (SELECT id FROM prev) AND status = 'PAID')::int AS paid`;
  return row && row.comments > 0 ? row.paid / row.comments : null;
}
