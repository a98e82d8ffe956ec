import { prisma } from "@/lib/db";
import type { Metric } from "./metrics";
import { periodBounds, usagePeriod } from "./plans";

export type Usage = Record<Metric, number>;

const zero = (): Usage => ({ comments: 0, messages: 0, llm_calls: 0, orders: 0, lives: 0, products: 0, staff: 0 });

/**
 * Usage of each store: the period's counters (comments, messages, LLM calls), the period's orders, and
 * what exists now (active lives, products, staff seats besides the first owner). Five grouped queries
 * whatever the number of stores, so the admin list stays cheap.
 */
export async function usageOfStores(storeIds: string[], now = new Date()): Promise<Map<string, Usage>> {
  const out = new Map(storeIds.map((id) => [id, zero()]));
  if (storeIds.length === 0) return out;
  const period = usagePeriod(now);
  const { start, end } = periodBounds(period);
  const where = { storeId: { in: storeIds } };
  const [counters, orders, lives, products, members] = await Promise.all([
    prisma.usageCounter.groupBy({ by: ["storeId"], where: { ...where, period }, _sum: { comments: true, messages: true, aiCalls: true } }),
    prisma.order.groupBy({ by: ["storeId"], where: { ...where, createdAt: { gte: start, lt: end } }, _count: { _all: true } }),
    prisma.live.groupBy({ by: ["storeId"], where: { ...where, status: "ACTIVE" }, _count: { _all: true } }),
    prisma.product.groupBy({ by: ["storeId"], where, _count: { _all: true } }),
    prisma.membership.groupBy({ by: ["storeId"], where, _count: { _all: true } }),
  ]);
  for (const c of counters) Object.assign(out.get(c.storeId)!, { comments: c._sum.comments ?? 0, messages: c._sum.messages ?? 0, llm_calls: c._sum.aiCalls ?? 0 });
  for (const o of orders) out.get(o.storeId)!.orders = o._count._all;
  for (const l of lives) out.get(l.storeId)!.lives = l._count._all;
  for (const p of products) out.get(p.storeId)!.products = p._count._all;
  for (const m of members) out.get(m.storeId)!.staff = Math.max(0, m._count._all - 1);
  return out;
}

export async function usageOfStore(storeId: string, now = new Date()): Promise<Usage> {
  return (await usageOfStores([storeId], now)).get(storeId)!;
}
