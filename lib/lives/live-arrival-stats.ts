import { prisma } from "@/lib/db";

/**
 * How the live's comments arrived: delivered by Meta's webhook or recovered by reading the live back
 * (reconciliation), and the webhook's lag (Meta's comment time → our receipt), 95th percentile.
 */
export async function liveArrivalStats({ liveId }: { liveId: string }): Promise<{ comments_webhook: number; comments_recovered: number; webhook_lag_p95_ms: number | null; reconciled_at: string | null }> {
  const [row] = await prisma.$queryRaw<{ webhook: number; recovered: number; lag: number | null; reconciledAt: Date | null }[]>`
    SELECT count(*) FILTER (WHERE NOT c.recovered)::int AS webhook,
      count(*) FILTER (WHERE c.recovered)::int AS recovered,
      (percentile_cont(0.95) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM c."receivedAt" - c."createdTime") * 1000)) FILTER (WHERE NOT c.recovered))::float8 AS lag,
      (SELECT "reconciledAt" FROM lives WHERE id = ${liveId}) AS "reconciledAt"
    FROM comments c WHERE c."liveId" = ${liveId}`;
  return {
    comments_webhook: row?.webhook ?? 0,
    comments_recovered: row?.recovered ?? 0,
    webhook_lag_p95_ms: row?.lag === null || row?.lag === undefined ? null : Math.round(row.lag),
    reconciled_at: row?.reconciledAt?.toISOString() ?? null,
  };
}
