import { prisma } from "@/lib/db";
import type { BuyerListItem, BuyerSegment } from "./schemas";

type Row = { id: string; name: string; paid: number; unpaid: number; spend: bigint | number; risk: number; segment: BuyerSegment; blocked: boolean; notes: string; tags: string[]; lastOrderAt: Date | null; total: number };

/**
 * The store's buyers with what they bought and left unpaid, their segment and risk, in one statement.
 * Segments, first that applies: blocked; non_payer (at least the store's number of unpaid holds and more
 * unpaid than paid); vip (spend from the store's threshold, or 5 paid orders when it has none); at_risk
 * (bought before, nothing paid in 90 days); repeat (2+ paid); new.
 * Risk: 30 per unpaid hold of the last 90 days and 10 per older one, minus 15 per paid order, 0…100.
 */
export async function listBuyers({ storeId, segment, q, limit, offset, buyerId }: { storeId: string; segment?: BuyerSegment; q?: string; limit: number; offset: number; buyerId?: string }): Promise<{ items: BuyerListItem[]; total: number }> {
  const search = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH o AS (
      SELECT "buyerId",
        count(*) FILTER (WHERE status = 'PAID')::int AS paid,
        count(*) FILTER (WHERE status IN ('EXPIRED', 'CANCELLED'))::int AS unpaid,
        count(*) FILTER (WHERE status IN ('EXPIRED', 'CANCELLED') AND "createdAt" > now() - interval '90 days')::int AS unpaid_recent,
        coalesce(sum("totalMinor") FILTER (WHERE status = 'PAID'), 0)::bigint AS spend,
        max("paidAt") AS last_paid,
        max("createdAt") AS last_order
      FROM orders WHERE "storeId" = ${storeId} AND "buyerId" IS NOT NULL GROUP BY "buyerId"
    ), b AS (
      SELECT b.id, b.name, b."blockedAt" IS NOT NULL AS blocked, b.notes, b.tags,
        coalesce(o.paid, 0) AS paid, coalesce(o.unpaid, 0) AS unpaid, coalesce(o.spend, 0) AS spend, o.last_order AS "lastOrderAt",
        least(100, greatest(0, 30 * coalesce(o.unpaid_recent, 0) + 10 * (coalesce(o.unpaid, 0) - coalesce(o.unpaid_recent, 0)) - 15 * coalesce(o.paid, 0)))::int AS risk,
        CASE
          WHEN b."blockedAt" IS NOT NULL THEN 'blocked'
          WHEN coalesce(o.unpaid, 0) >= s."buyerNonPayerUnpaid" AND coalesce(o.unpaid, 0) > coalesce(o.paid, 0) THEN 'non_payer'
          WHEN (s."buyerVipSpendMinor" IS NOT NULL AND coalesce(o.spend, 0) >= s."buyerVipSpendMinor") OR (s."buyerVipSpendMinor" IS NULL AND coalesce(o.paid, 0) >= 5) THEN 'vip'
          WHEN coalesce(o.paid, 0) >= 1 AND o.last_paid < now() - interval '90 days' THEN 'at_risk'
          WHEN coalesce(o.paid, 0) >= 2 THEN 'repeat'
          ELSE 'new'
        END AS segment
      FROM buyers b JOIN stores s ON s.id = b."storeId" LEFT JOIN o ON o."buyerId" = b.id
      WHERE b."storeId" = ${storeId} AND b."erasedAt" IS NULL
        AND (${search}::text IS NULL OR b.name ILIKE ${search} OR ${q ?? ""} = ANY (b.tags))
        AND (${buyerId ?? null}::text IS NULL OR b.id = ${buyerId ?? null})
    )
    SELECT *, count(*) OVER ()::int AS total FROM b
    WHERE ${segment ?? null}::text IS NULL OR segment = ${segment ?? null}
    ORDER BY spend DESC, "lastOrderAt" DESC NULLS LAST, id
    LIMIT ${limit} OFFSET ${offset}`;
  const total = rows[0]?.total ?? (offset > 0 ? await countBuyers({ storeId, segment, q }) : 0);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      orders_paid: r.paid,
      orders_unpaid: r.unpaid,
      spend_minor: Number(r.spend),
      segment: r.segment,
      risk: r.risk,
      blocked: r.blocked,
      notes: r.notes,
      tags: r.tags,
      last_order_at: r.lastOrderAt?.toISOString() ?? null,
    })),
  };
}

/** The total when a page past the end came back empty (the window count needs at least one row). */
async function countBuyers(filter: { storeId: string; segment?: BuyerSegment; q?: string }): Promise<number> {
  const all = await listBuyers({ ...filter, limit: 1, offset: 0 });
  return all.total;
}
