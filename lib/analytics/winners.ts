import { prisma } from "@/lib/db";

export type Winners = {
  topBuyers: { id: string; name: string; paidOrders: number; spendMinor: number }[];
  topLives: { id: string; title: string; paidOrders: number; revenueMinor: number }[];
};

/** The overview's winners for a period: the buyers who paid the most and the lives that sold the most (paid orders, by `paidAt`). */
export async function storeWinners({ storeId, from, to, limit = 5 }: { storeId: string; from: Date; to: Date; limit?: number }): Promise<Winners> {
  const [buyers, lives] = await Promise.all([
    prisma.$queryRaw<{ id: string; name: string; paid: number; spend: number }[]>`
      SELECT b.id, b.name, count(*)::int AS paid, sum(o."totalMinor")::float8 AS spend
      FROM orders o JOIN buyers b ON b.id = o."buyerId"
      WHERE o."storeId" = ${storeId} AND o.status = 'PAID' AND o."paidAt" >= ${from} AND o."paidAt" <= ${to} AND b."erasedAt" IS NULL
      GROUP BY b.id, b.name ORDER BY spend DESC, paid DESC, b.id LIMIT ${limit}`,
    prisma.$queryRaw<{ id: string; title: string; paid: number; revenue: number }[]>`
      SELECT l.id, l.title, count(*)::int AS paid, sum(o."totalMinor")::float8 AS revenue
      FROM orders o JOIN lives l ON l.id = o."liveId"
      WHERE o."storeId" = ${storeId} AND o.status = 'PAID' AND o."paidAt" >= ${from} AND o."paidAt" <= ${to}
      GROUP BY l.id, l.title ORDER BY revenue DESC, paid DESC, l.id LIMIT ${limit}`,
  ]);
  return {
    topBuyers: buyers.map((b) => ({ id: b.id, name: b.name, paidOrders: b.paid, spendMinor: b.spend })),
    topLives: lives.map((l) => ({ id: l.id, title: l.title, paidOrders: l.paid, revenueMinor: l.revenue })),
  };
}
