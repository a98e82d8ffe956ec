import { prisma } from "@/lib/db";
import { rangeStart } from "./range";

type Range = "today" | "7d" | "30d";

const sumByCurrency = (rows: { currency: string; _sum: { totalMinor: number | null } }[]) => Object.fromEntries(rows.map((r) => [r.currency, r._sum.totalMinor ?? 0]));

/**
 * Platform KPIs for the console (CONTRACT §9). GMV is per currency (never summed across currencies);
 * MRR is the monthly price of the subscriptions that pay now (active or past due, not suspended),
 * per plan currency, with `mrr_minor` in the platform's billing currency (USD, the default plans').
 */
export async function platformAnalytics({ range, now = new Date() }: { range: Range; now?: Date }) {
  const since = rangeStart(range, now);
  const paid = { status: "PAID" as const, paidAt: { gte: since } };
  const [gmv, paidOrders, createdOrders, activeLives, comments, plans, suspended, signups, paying] = await Promise.all([
    prisma.order.groupBy({ by: ["currency"], where: paid, _sum: { totalMinor: true } }),
    prisma.order.count({ where: paid }),
    prisma.order.count({ where: { createdAt: { gte: since } } }),
    prisma.live.count({ where: { status: "ACTIVE" } }),
    prisma.comment.count({ where: { receivedAt: { gte: since } } }),
    prisma.subscription.groupBy({ by: ["planId", "status"], _count: { _all: true } }),
    prisma.store.count({ where: { suspendedAt: { not: null } } }),
    prisma.user.count({ where: { createdAt: { gte: since } } }),
    prisma.subscription.findMany({ where: { status: { in: ["ACTIVE", "PAST_DUE"] }, store: { suspendedAt: null } }, select: { plan: { select: { priceMinor: true, currency: true } } } }),
  ]);
  const planCodes = new Map((await prisma.plan.findMany({ select: { id: true, code: true } })).map((p) => [p.id, p.code]));
  const tenantsByPlan: Record<string, number> = {};
  const tenantsByStatus: Record<string, number> = {};
  for (const p of plans) {
    const code = planCodes.get(p.planId) ?? p.planId;
    tenantsByPlan[code] = (tenantsByPlan[code] ?? 0) + p._count._all;
    const status = p.status.toLowerCase();
    tenantsByStatus[status] = (tenantsByStatus[status] ?? 0) + p._count._all;
  }
  tenantsByStatus.suspended = suspended;
  const mrr: Record<string, number> = {};
  for (const s of paying) mrr[s.plan.currency] = (mrr[s.plan.currency] ?? 0) + s.plan.priceMinor;
  return {
    range,
    since: since.toISOString(),
    gmv_minor: sumByCurrency(gmv),
    paid_orders: paidOrders,
    orders_created: createdOrders,
    conversion: createdOrders ? Math.round((paidOrders / createdOrders) * 1000) / 1000 : null,
    active_lives: activeLives,
    comments,
    tenants_by_plan: tenantsByPlan,
    tenants_by_status: tenantsByStatus,
    signups,
    mrr_minor: mrr.USD ?? 0,
    mrr_by_currency: mrr,
  };
}

/**
 * The "winners" of a range: sellers by GMV (per currency, with the previous range's GMV for growth),
 * products by revenue across the platform, lives by revenue per minute on air.
 */
export async function topSellers({ range, limit, now = new Date() }: { range: Range; limit: number; now?: Date }) {
  const since = rangeStart(range, now);
  const previousSince = new Date(since.getTime() - (now.getTime() - since.getTime()));
  const rows = await prisma.$queryRaw<{ store_id: string; name: string; currency: string; gmv_minor: bigint; paid_orders: bigint; previous_minor: bigint }[]>`
    SELECT o."storeId" AS store_id, s.name, o.currency,
      COALESCE(SUM(o."totalMinor") FILTER (WHERE o."paidAt" >= ${since}), 0) AS gmv_minor,
      COUNT(*) FILTER (WHERE o."paidAt" >= ${since}) AS paid_orders,
      COALESCE(SUM(o."totalMinor") FILTER (WHERE o."paidAt" < ${since}), 0) AS previous_minor
    FROM orders o JOIN stores s ON s.id = o."storeId"
    WHERE o.status = 'PAID' AND o."paidAt" >= ${previousSince}
    GROUP BY o."storeId", s.name, o.currency
    HAVING COUNT(*) FILTER (WHERE o."paidAt" >= ${since}) > 0
    ORDER BY gmv_minor DESC, store_id LIMIT ${limit}`;
  return {
    by: "sellers" as const, range,
    items: rows.map((r, i) => {
      const gmv = Number(r.gmv_minor);
      const prev = Number(r.previous_minor);
      return { rank: i + 1, store_id: r.store_id, name: r.name, currency: r.currency, gmv_minor: gmv, paid_orders: Number(r.paid_orders), previous_gmv_minor: prev, growth: prev ? Math.round(((gmv - prev) / prev) * 1000) / 1000 : null };
    }),
  };
}

export async function rankings({ by, range, limit, now = new Date() }: { by: "sellers" | "products" | "lives"; range: Range; limit: number; now?: Date }) {
  const since = rangeStart(range, now);
  if (by === "sellers") return topSellers({ range, limit, now });
  if (by === "products") {
    const rows = await prisma.$queryRaw<{ store_id: string; store_name: string; sku: string; name: string; currency: string; units: bigint; revenue_minor: bigint }[]>`
      SELECT o."storeId" AS store_id, s.name AS store_name, i.sku, MAX(i.name) AS name, o.currency,
        SUM(i.quantity) AS units, SUM(i.quantity * i."unitPriceMinor") AS revenue_minor
      FROM order_items i JOIN orders o ON o.id = i."orderId" JOIN stores s ON s.id = o."storeId"
      WHERE o.status = 'PAID' AND o."paidAt" >= ${since}
      GROUP BY o."storeId", s.name, i.sku, o.currency
      ORDER BY units DESC, revenue_minor DESC, i.sku LIMIT ${limit}`;
    return { by, range, items: rows.map((r, i) => ({ rank: i + 1, store_id: r.store_id, store_name: r.store_name, sku: r.sku, name: r.name, currency: r.currency, units: Number(r.units), revenue_minor: Number(r.revenue_minor) })) };
  }
  const rows = await prisma.$queryRaw<{ live_id: string; title: string; store_id: string; store_name: string; currency: string; revenue_minor: bigint; paid_orders: bigint; minutes: number }[]>`
    SELECT l.id AS live_id, l.title, l."storeId" AS store_id, s.name AS store_name, o.currency,
      SUM(o."totalMinor") AS revenue_minor, COUNT(*) AS paid_orders,
      GREATEST(1, EXTRACT(EPOCH FROM (COALESCE(l."endedAt", ${now}) - l."startedAt")) / 60)::float8 AS minutes
    FROM lives l JOIN orders o ON o."liveId" = l.id AND o.status = 'PAID' JOIN stores s ON s.id = l."storeId"
    WHERE l."startedAt" >= ${since}
    GROUP BY l.id, l.title, l."storeId", s.name, o.currency
    ORDER BY SUM(o."totalMinor") / GREATEST(1, EXTRACT(EPOCH FROM (COALESCE(l."endedAt", ${now}) - l."startedAt")) / 60) DESC, l.id LIMIT ${limit}`;
  return {
    by, range,
    items: rows.map((r, i) => ({ rank: i + 1, live_id: r.live_id, title: r.title, store_id: r.store_id, store_name: r.store_name, currency: r.currency, revenue_minor: Number(r.revenue_minor), paid_orders: Number(r.paid_orders), minutes: Math.round(r.minutes), revenue_per_minute_minor: Math.round(Number(r.revenue_minor) / r.minutes) })),
  };
}
