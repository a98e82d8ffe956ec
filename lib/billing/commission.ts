import { prisma } from "@/lib/db";

/**
 * The platform's commission on a store's paid orders of [start, end), per currency:
 * the sum of round(total_minor × bps / 10000) over each order (rounded per order, half up).
 * Refunded orders are no longer PAID, so a refund takes its commission back.
 */
export async function commissionByCurrency({ storeId, start, end, bps }: { storeId: string; start: Date; end: Date; bps: number }): Promise<Record<string, number>> {
  const orders = await prisma.order.findMany({ where: { storeId, status: "PAID", paidAt: { gte: start, lt: end } }, select: { totalMinor: true, currency: true } });
  const out: Record<string, number> = {};
  for (const o of orders) out[o.currency] = (out[o.currency] ?? 0) + commissionOf(o.totalMinor, bps);
  return out;
}

function commissionOf(totalMinor: number, bps: number) {
  return Math.round((totalMinor * bps) / 10000);
}
