import { prisma } from "@/lib/db";

export type LiveTimeline = { bucketMinutes: number; points: { minute: number; comments: number; reserved: number; paid: number }[] };

/**
 * Comments and sales over one live's timeline: per minute from its start (per few minutes for a long
 * live, at most 60 bars), counting the comments received, the orders created (reserved) and those of
 * them that were paid, by when the order was created.
 */
export async function liveTimeline({ live }: { live: { id: string; startedAt: Date; endedAt: Date | null } }): Promise<LiveTimeline> {
  const end = live.endedAt ?? new Date();
  const minutes = Math.max(1, Math.ceil((end.getTime() - live.startedAt.getTime()) / 60_000));
  const bucketMinutes = Math.max(1, Math.ceil(minutes / 60));
  const buckets = Math.ceil(minutes / bucketMinutes);
  const rows = await prisma.$queryRaw<{ b: number; comments: number; reserved: number; paid: number }[]>`
    WITH c AS (
      SELECT floor(extract(epoch FROM ("receivedAt" - ${live.startedAt}::timestamptz)) / 60 / ${bucketMinutes}::int)::int AS b, count(*)::int AS n
      FROM comments WHERE "liveId" = ${live.id} GROUP BY 1
    ), o AS (
      SELECT floor(extract(epoch FROM ("createdAt" - ${live.startedAt}::timestamptz)) / 60 / ${bucketMinutes}::int)::int AS b,
        count(*)::int AS reserved, count(*) FILTER (WHERE status = 'PAID')::int AS paid
      FROM orders WHERE "liveId" = ${live.id} GROUP BY 1
    )
    SELECT coalesce(c.b, o.b) AS b, coalesce(c.n, 0)::int AS comments, coalesce(o.reserved, 0)::int AS reserved, coalesce(o.paid, 0)::int AS paid
    FROM c FULL JOIN o ON o.b = c.b`;
  const byBucket = new Map(rows.map((r) => [r.b, r]));
  const points = Array.from({ length: buckets }, (_, i) => {
    const r = byBucket.get(i);
    return { minute: i * bucketMinutes, comments: r?.comments ?? 0, reserved: r?.reserved ?? 0, paid: r?.paid ?? 0 };
  });
  // Anything outside the live's window (a late comment read back after it ended) joins the last bar.
  for (const r of rows) {
    if (r.b >= 0 && r.b < buckets) continue;
    const last = points[r.b < 0 ? 0 : points.length - 1]!;
    last.comments += r.comments;
    last.reserved += r.reserved;
    last.paid += r.paid;
  }
  return { bucketMinutes, points };
}
