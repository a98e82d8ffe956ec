import { prisma } from "@/lib/db";
import { rangeBucket, rangeDays, ratio, type AnalyticsRange } from "./range";

type OverviewPoint = { bucket: string; revenueMinor: number; paidOrders: number; comments: number };
type TopProduct = { sku: string; name: string; units: number; revenueMinor: number };

export type StoreOverview = {
  range: AnalyticsRange;
  currency: string;
  from: string;
  to: string;
  revenueMinor: number;
  orders: { pending: number; paid: number; expired: number; cancelled: number };
  comments: number;
  buyComments: number;
  paidComments: number;
  /** Share of the period's live comments whose order ended up paid. */
  conversion: number;
  series: OverviewPoint[];
  bucket: "hour" | "day";
  topProducts: TopProduct[];
};

/**
 * Sales figures of one store for today / 7 / 30 days, with day boundaries in the store's time zone.
 * Each count is the number of orders that reached that state in the period (paid by `paidAt`, expired
 * by `expiredAt`, ...); pending are the still-open carts created in it. Revenue is paid orders only.
 */
export async function getStoreOverview({ storeId, range, now = new Date() }: { storeId: string; range: AnalyticsRange; now?: Date }): Promise<StoreOverview> {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { timezone: true, currency: true } });
  const tz = store.timezone;
  const days = rangeDays(range);
  const bucket = rangeBucket(range);
  const [bounds] = await prisma.$queryRaw<{ from: Date }[]>`
    SELECT (date_trunc('day', ${now}::timestamptz AT TIME ZONE ${tz}) - make_interval(days => ${days - 1}::int)) AT TIME ZONE ${tz} AS "from"`;
  const from = bounds!.from;

  const [totals, states, comments, series, top] = await Promise.all([
    prisma.$queryRaw<{ revenue: number; paid: number }[]>`
      SELECT coalesce(sum("totalMinor"), 0)::float8 AS revenue, count(*)::int AS paid
      FROM orders WHERE "storeId" = ${storeId} AND status = 'PAID' AND "paidAt" >= ${from} AND "paidAt" <= ${now}`,
    prisma.$queryRaw<{ pending: number; expired: number; cancelled: number }[]>`
      SELECT
        count(*) FILTER (WHERE status = 'PENDING' AND "createdAt" >= ${from} AND "createdAt" <= ${now})::int AS pending,
        count(*) FILTER (WHERE "expiredAt" >= ${from} AND "expiredAt" <= ${now})::int AS expired,
        count(*) FILTER (WHERE "cancelledAt" >= ${from} AND "cancelledAt" <= ${now})::int AS cancelled
      FROM orders WHERE "storeId" = ${storeId} AND ("createdAt" >= ${from} OR "expiredAt" >= ${from} OR "cancelledAt" >= ${from})`,
    prisma.$queryRaw<{ comments: number; buy: number; paid: number }[]>`
      SELECT count(*)::int AS comments,
             count(*) FILTER (WHERE c.intent = 'BUY')::int AS buy,
             count(*) FILTER (WHERE o.status = 'PAID')::int AS paid
      FROM comments c LEFT JOIN orders o ON o.id = c."orderId"
      WHERE c."storeId" = ${storeId} AND c."liveId" IS NOT NULL AND c."receivedAt" >= ${from} AND c."receivedAt" <= ${now}`,
    prisma.$queryRaw<{ bucket: string; revenue: number; paid: number; comments: number }[]>`
      WITH slots AS (
        SELECT generate_series(
          date_trunc(${bucket}, ${from}::timestamptz AT TIME ZONE ${tz}),
          date_trunc(${bucket}, ${now}::timestamptz AT TIME ZONE ${tz}),
          make_interval(hours => CASE WHEN ${bucket} = 'hour' THEN 1 ELSE 24 END)
        ) AS slot
      ),
      paid AS (
        SELECT date_trunc(${bucket}, "paidAt" AT TIME ZONE ${tz}) AS slot, sum("totalMinor")::float8 AS revenue, count(*)::int AS n
        FROM orders WHERE "storeId" = ${storeId} AND status = 'PAID' AND "paidAt" >= ${from} AND "paidAt" <= ${now}
        GROUP BY 1
      ),
      said AS (
        SELECT date_trunc(${bucket}, "receivedAt" AT TIME ZONE ${tz}) AS slot, count(*)::int AS n
        FROM comments WHERE "storeId" = ${storeId} AND "liveId" IS NOT NULL AND "receivedAt" >= ${from} AND "receivedAt" <= ${now}
        GROUP BY 1
      )
      SELECT to_char(s.slot, CASE WHEN ${bucket} = 'hour' THEN 'YYYY-MM-DD"T"HH24' ELSE 'YYYY-MM-DD' END) AS bucket,
             coalesce(p.revenue, 0)::float8 AS revenue, coalesce(p.n, 0)::int AS paid, coalesce(c.n, 0)::int AS comments
      FROM slots s LEFT JOIN paid p ON p.slot = s.slot LEFT JOIN said c ON c.slot = s.slot
      ORDER BY s.slot`,
    prisma.$queryRaw<{ sku: string; name: string; units: number; revenue: number }[]>`
      SELECT i.sku, min(i.name) AS name, sum(i.quantity)::int AS units, sum(i.quantity * i."unitPriceMinor")::float8 AS revenue
      FROM order_items i JOIN orders o ON o.id = i."orderId"
      WHERE o."storeId" = ${storeId} AND o.status = 'PAID' AND o."paidAt" >= ${from} AND o."paidAt" <= ${now}
      GROUP BY i.sku ORDER BY revenue DESC, units DESC, i.sku LIMIT 5`,
  ]);

  const c = comments[0]!;
  return {
    range,
    currency: store.currency,
    from: from.toISOString(),
    to: now.toISOString(),
    revenueMinor: totals[0]!.revenue,
    orders: { pending: states[0]!.pending, paid: totals[0]!.paid, expired: states[0]!.expired, cancelled: states[0]!.cancelled },
    comments: c.comments,
    buyComments: c.buy,
    paidComments: c.paid,
    conversion: ratio(c.paid, c.comments),
    series: series.map((s) => ({ bucket: s.bucket, revenueMinor: s.revenue, paidOrders: s.paid, comments: s.comments })),
    bucket,
    topProducts: top.map((t) => ({ sku: t.sku, name: t.name, units: t.units, revenueMinor: t.revenue })),
  };
}
