import { prisma } from "@/lib/db";
import { ratio } from "./range";

export type LiveSummary = {
  id: string;
  title: string;
  status: "SCHEDULED" | "ACTIVE" | "ENDED";
  botEnabled: boolean;
  startedAt: string;
  endedAt: string | null;
  comments: number;
  processed: number;
  orders: number;
  paidOrders: number;
  revenueMinor: number;
  /** Share of the live's comments whose order ended up paid. */
  conversion: number;
};

/** The store's lives, newest first, each with what it produced: comments handled, orders, revenue, conversion. */
export async function listLiveSummaries({ storeId, limit = 20, offset = 0 }: { storeId: string; limit?: number; offset?: number }): Promise<LiveSummary[]> {
  const rows = await prisma.$queryRaw<
    { id: string; title: string; status: LiveSummary["status"]; botEnabled: boolean; startedAt: Date; endedAt: Date | null; comments: number; processed: number; paid_comments: number; orders: number; paid: number; revenue: number }[]
  >`
    SELECT l.id, l.title, l.status::text AS status, l."botEnabled", l."startedAt", l."endedAt",
           coalesce(c.comments, 0)::int AS comments, coalesce(c.processed, 0)::int AS processed, coalesce(c.paid_comments, 0)::int AS paid_comments,
           coalesce(o.orders, 0)::int AS orders, coalesce(o.paid, 0)::int AS paid, coalesce(o.revenue, 0)::float8 AS revenue
    FROM lives l
    LEFT JOIN LATERAL (
      SELECT count(*) AS comments,
             count(*) FILTER (WHERE cm.status IN ('PROCESSED', 'SKIPPED', 'NEEDS_REVIEW', 'FAILED')) AS processed,
             count(*) FILTER (WHERE od.status = 'PAID') AS paid_comments
      FROM comments cm LEFT JOIN orders od ON od.id = cm."orderId"
      WHERE cm."liveId" = l.id
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS orders, count(*) FILTER (WHERE status = 'PAID') AS paid,
             sum("totalMinor") FILTER (WHERE status = 'PAID') AS revenue
      FROM orders WHERE "storeId" = l."storeId" AND "liveId" = l.id
    ) o ON true
    WHERE l."storeId" = ${storeId}
    ORDER BY l."startedAt" DESC
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    botEnabled: r.botEnabled,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    comments: r.comments,
    processed: r.processed,
    orders: r.orders,
    paidOrders: r.paid,
    revenueMinor: r.revenue,
    conversion: ratio(r.paid_comments, r.comments),
  }));
}
