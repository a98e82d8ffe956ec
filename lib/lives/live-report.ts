import { prisma } from "@/lib/db";
import { PRIVATE_REPLY_PURPOSES } from "@/lib/pipeline/comment-outcome";

/** The private-reply purposes that told a buyer the product was sold out: demand the live could not serve. */
const SOLD_OUT_PURPOSES = Object.entries(PRIVATE_REPLY_PURPOSES).filter(([, outcome]) => outcome === "sold_out").map(([purpose]) => purpose);

export type LiveReport = {
  comments: number;
  buy_intents: number;
  reserved: number;
  dm_sent: number;
  checkout_opened: number;
  paid: number;
  revenue_minor: number;
  waitlisted: number;
  expired: number;
  /** Buyers' questions (QUESTION comments) of the live, and those nobody answered: no reply of the bot to
   *  the comment and no message of the seller to the buyer after it. */
  questions: number;
  unanswered_questions: number;
  /** The unanswered questions themselves, oldest first (at most UNANSWERED_LIST_LIMIT). */
  unanswered: { comment_id: string; author_name: string; text: string; received_at: Date }[];
  currency: string;
  by_product: { sku: string; name: string; reserved_units: number; paid_units: number; revenue_minor: number; waitlisted_units: number }[];
};

type Totals = Omit<LiveReport, "by_product" | "currency" | "unanswered" | "unanswered_questions">;

const UNANSWERED_LIST_LIMIT = 100;


/**
 * What one live sold and where it lost sales. The funnel counts comments up to the DM (comments, buy
 * intents, BUY comments that reserved, comments whose private reply Meta accepted) and orders after it
 * (checkout links opened, orders paid and their revenue, holds that expired); waitlisted counts the
 * BUY comments answered "sold out" (the waitlist offered), and by product the units they asked for;
 * the buyers' questions nobody answered are counted and listed.
 */
export async function liveReport({ liveId }: { liveId: string }): Promise<LiveReport> {
  const [[totals], unanswered, products, [live]] = await Promise.all([
    prisma.$queryRaw<Totals[]>`
      SELECT
        (SELECT count(*) FROM comments WHERE "liveId" = ${liveId})::int AS comments,
        (SELECT count(*) FROM comments WHERE "liveId" = ${liveId} AND intent = 'BUY')::int AS buy_intents,
        (SELECT count(*) FROM comments WHERE "liveId" = ${liveId} AND intent = 'BUY' AND "orderId" IS NOT NULL)::int AS reserved,
        (SELECT count(*) FROM comments WHERE "liveId" = ${liveId} AND "dmSentAt" IS NOT NULL)::int AS dm_sent,
        (SELECT count(*) FROM orders WHERE "liveId" = ${liveId} AND "checkoutOpenedAt" IS NOT NULL)::int AS checkout_opened,
        (SELECT count(*) FROM orders WHERE "liveId" = ${liveId} AND status = 'PAID')::int AS paid,
        (SELECT coalesce(sum("totalMinor"), 0) FROM orders WHERE "liveId" = ${liveId} AND status = 'PAID')::int AS revenue_minor,
        (SELECT count(*) FROM comments c WHERE c."liveId" = ${liveId} AND c.intent = 'BUY' AND EXISTS (
          SELECT 1 FROM outbound_messages m WHERE m."commentId" = c.id AND m.kind = 'PRIVATE_REPLY' AND m.purpose = ANY (${SOLD_OUT_PURPOSES}::text[])))::int AS waitlisted,
        (SELECT count(*) FROM orders WHERE "liveId" = ${liveId} AND status = 'EXPIRED')::int AS expired,
        (SELECT count(*) FROM comments WHERE "liveId" = ${liveId} AND intent = 'QUESTION')::int AS questions`,
    // A question is answered when something the buyer could read came back: a reply of the bot sent for the
    // comment (public or private), or a message the seller sent the buyer after the comment arrived.
    prisma.$queryRaw<(LiveReport["unanswered"][number] & { total: number })[]>`
      SELECT c.id AS comment_id, c."authorName" AS author_name, c.text, c."receivedAt" AS received_at, (count(*) OVER ())::int AS total
      FROM comments c
      WHERE c."liveId" = ${liveId} AND c.intent = 'QUESTION' AND NOT EXISTS (
        SELECT 1 FROM outbound_messages m WHERE m.status = 'SENT' AND (m."commentId" = c.id
          OR (c."buyerId" IS NOT NULL AND m."buyerId" = c."buyerId" AND m.purpose LIKE 'manual%' AND m."createdAt" >= c."receivedAt")))
      ORDER BY c."receivedAt", c.id LIMIT ${UNANSWERED_LIST_LIMIT}`,
    prisma.$queryRaw<LiveReport["by_product"]>`
      WITH items AS (
        SELECT i.sku, i.name, i.quantity, i."unitPriceMinor", o.status FROM order_items i JOIN orders o ON o.id = i."orderId" WHERE o."liveId" = ${liveId}
      ), sold AS (
        SELECT sku, min(name) AS name, sum(quantity)::int AS reserved_units,
          coalesce(sum(quantity) FILTER (WHERE status = 'PAID'), 0)::int AS paid_units,
          coalesce(sum(quantity * "unitPriceMinor") FILTER (WHERE status = 'PAID'), 0)::int AS revenue_minor
        FROM items GROUP BY sku
      ), wanted AS (
        SELECT c.sku, min(p.name) AS name, sum(coalesce(c.quantity, 1))::int AS waitlisted_units
        FROM comments c LEFT JOIN products p ON p."storeId" = c."storeId" AND p.sku = c.sku
        WHERE c."liveId" = ${liveId} AND c.intent = 'BUY' AND c.sku IS NOT NULL AND EXISTS (
          SELECT 1 FROM outbound_messages m WHERE m."commentId" = c.id AND m.kind = 'PRIVATE_REPLY' AND m.purpose = ANY (${SOLD_OUT_PURPOSES}::text[]))
        GROUP BY c.sku
      )
      SELECT coalesce(s.sku, w.sku) AS sku, coalesce(s.name, w.name) AS name, coalesce(s.reserved_units, 0) AS reserved_units, coalesce(s.paid_units, 0) AS paid_units,
        coalesce(s.revenue_minor, 0) AS revenue_minor, coalesce(w.waitlisted_units, 0) AS waitlisted_units
      FROM sold s FULL JOIN wanted w ON w.sku = s.sku
      ORDER BY revenue_minor DESC, reserved_units DESC, waitlisted_units DESC, sku`,
    prisma.$queryRaw<{ currency: string }[]>`SELECT s.currency FROM lives l JOIN stores s ON s.id = l."storeId" WHERE l.id = ${liveId}`,
  ]);
  return {
    ...totals!,
    unanswered_questions: unanswered[0]?.total ?? 0,
    unanswered: unanswered.map(({ total: _total, ...q }) => q),
    currency: live?.currency ?? "",
    by_product: products,
  };
}
