import { prisma } from "@/lib/db";

export type LiveStats = {
  received: number;
  processed: number;
  pending: number;
  needsReview: number;
  /** Received while the bot was off and not processed (yet): the seller may have them processed. */
  paused: number;
  /** Comments received during the last minute. */
  perMinute: number;
  /** Comment → private reply latency of the DMs sent during the last minute (milliseconds). */
  latency: { samples: number; avgMs: number | null; p50Ms: number | null; p95Ms: number | null; maxMs: number | null };
  carts: { pending: number; paid: number; expired: number; cancelled: number; revenueMinor: number };
  at: string;
};

/** The Live Control Center's counters. Bounded by time so they stay cheap while a live takes 1,000 comments a minute. */
export async function getLiveStats({ liveId, storeId, now = new Date() }: { liveId: string; storeId: string; now?: Date }): Promise<LiveStats> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  // A DM sent in the last minute answers a comment received at most a few minutes earlier: bounding
  // receivedAt lets the (liveId, receivedAt) index do the work instead of scanning the whole live.
  const horizon = new Date(now.getTime() - 15 * 60_000);
  const [counts, latency, carts] = await Promise.all([
    prisma.$queryRaw<{ received: number; pending: number; review: number; paused: number; minute: number }[]>`
      SELECT count(*)::int AS received,
             count(*) FILTER (WHERE status IN ('RECEIVED', 'PROCESSING'))::int AS pending,
             count(*) FILTER (WHERE status = 'NEEDS_REVIEW')::int AS review,
             count(*) FILTER (WHERE status = 'PAUSED')::int AS paused,
             count(*) FILTER (WHERE "receivedAt" > ${minuteAgo})::int AS minute
      FROM comments WHERE "liveId" = ${liveId} AND "receivedAt" <= ${now}`,
    prisma.$queryRaw<{ n: number; avg: number | null; p50: number | null; p95: number | null; max: number | null }[]>`
      SELECT count(*)::int AS n, avg(ms)::float8 AS avg,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::float8 AS p95,
             max(ms)::float8 AS max
      FROM (
        -- From arrival, or, for a comment received while the bot was off, from when it was handed back.
        SELECT extract(epoch FROM ("dmSentAt" - coalesce("resumedAt", "receivedAt"))) * 1000 AS ms
        FROM comments
        WHERE "liveId" = ${liveId} AND "receivedAt" >= ${horizon} AND "dmSentAt" > ${minuteAgo} AND "dmSentAt" <= ${now}
      ) x`,
    prisma.$queryRaw<{ pending: number; paid: number; expired: number; cancelled: number; revenue: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
             count(*) FILTER (WHERE status = 'PAID')::int AS paid,
             count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
             count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
             coalesce(sum("totalMinor") FILTER (WHERE status = 'PAID'), 0)::float8 AS revenue
      FROM orders WHERE "storeId" = ${storeId} AND "liveId" = ${liveId}`,
  ]);
  const c = counts[0]!;
  const l = latency[0]!;
  const o = carts[0]!;
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    received: c.received,
    processed: c.received - c.pending - c.paused,
    pending: c.pending,
    needsReview: c.review,
    paused: c.paused,
    perMinute: c.minute,
    latency: { samples: l.n, avgMs: round(l.avg), p50Ms: round(l.p50), p95Ms: round(l.p95), maxMs: round(l.max) },
    carts: { pending: o.pending, paid: o.paid, expired: o.expired, cancelled: o.cancelled, revenueMinor: o.revenue },
    at: now.toISOString(),
  };
}
