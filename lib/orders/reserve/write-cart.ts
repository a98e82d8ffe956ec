import type { SqlClient } from "@/lib/db";
import { jobRowsInsert } from "@/lib/jobs";
import { randomToken } from "@/lib/security/tokens";
import { reservedOutcome, type OrderRow, type Plan, type Ready, type Settled, type Shortage } from "./types";

/** What the cart write did: the reservation, or a product whose units went to someone else (roll back). */
export type CartWrite = { kind: "written"; settled: Settled } | { kind: "short"; shortage: Shortage };

type WriteRow = OrderRow & { taken: string[] | null };

// The order's lifecycle job (order/created), written by the statement itself.
const insertOrderJobs = jobRowsInsert({ returning: "id" });

/**
 * Any cart (several products; the API, "reserve again", the waitlist, seller corrections), inside the
 * transaction that read it: one statement writes the order (or the cart merge), its lines,
 * reservations, audit row, comment link and order/created job row and — last, so the product rows stay
 * locked only until the COMMIT — takes the stock.
 */
export async function writeCart(tx: SqlClient, plan: Plan, w: Ready): Promise<CartWrite> {
  const { storeId, liveId, items, pids, qs, lines, cartId, orderId, expiresAt, rateBps, audit, outbox } = w;
  const read = { currency: w.currency, buyerLocale: w.buyerLocale };
  const jobRows = outbox;
  // A pay-first or approval order (the buyer's risk) holds no stock: no reservation rows, no stock taken.
  const holdStock = w.riskMode === null;

  // 2. All writes in one statement. Data-modifying CTEs share one snapshot, taken after the cart lock, so
  //    the cart's lines are current. The stock UPDATE is gated on every other write having run (its
  //    one-time filter reads their counts), so the product rows are locked last — in id order, FOR NO KEY
  //    UPDATE like the UPDATE itself, so foreign-key checks of other transactions are not blocked — and
  //    held only until the COMMIT. A product that cannot serve its quantity comes back missing from
  //    `taken`: the caller rolls everything back (all or nothing).
  const [written] = await tx.$queryRaw<WriteRow[]>`
    WITH items AS (
      SELECT * FROM unnest(${pids}::text[], ${qs}::int[], ${lines.map((p) => p.sku)}::text[], ${lines.map((p) => p.name)}::text[], ${lines.map((p) => p.priceMinor)}::int[])
        AS i(pid, q, sku, name, price)
    ),
    existing AS (
      SELECT DISTINCT ON (oi."productId") oi.id, oi."productId" AS pid, oi."unitPriceMinor" AS price
      FROM order_items oi
      WHERE ${cartId !== null}::boolean AND oi."orderId" = ${orderId}::text AND oi."productId" = ANY (${pids}::text[])
      ORDER BY oi."productId", oi.id
    ),
    upd_items AS (
      UPDATE order_items oi SET quantity = oi.quantity + i.q
      FROM existing e JOIN items i ON i.pid = e.pid WHERE oi.id = e.id
      RETURNING oi.id
    ),
    ins_items AS (
      INSERT INTO order_items (id, "orderId", "productId", sku, name, "unitPriceMinor", quantity)
      SELECT gen_random_uuid()::text, ${orderId}::text, i.pid, i.sku, i.name, i.price, i.q
      FROM items i WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.pid = i.pid)
      RETURNING id
    ),
    total AS (
      SELECT ((SELECT COALESCE(sum(oi."unitPriceMinor"::bigint * oi.quantity), 0) FROM order_items oi WHERE ${cartId !== null}::boolean AND oi."orderId" = ${orderId}::text)
            + (SELECT COALESCE(sum(COALESCE(e.price, i.price)::bigint * i.q), 0) FROM items i LEFT JOIN existing e ON e.pid = i.pid))::numeric AS t
    ),
    new_order AS (
      INSERT INTO orders (id, "storeId", "liveId", "buyerId", "commentId", currency, "subtotalMinor", "taxMinor", "totalMinor", "expiresAt",
                          "idempotencyKey", "checkoutToken", gateway, "buyerLocale", "riskMode", "updatedAt")
      SELECT ${orderId}::text, ${storeId}::text, ${liveId}::text, ${plan.buyerId}::text, ${plan.commentId}::text, ${read.currency}::text,
             t.t::int, round(t.t * ${rateBps}::int / (10000 + ${rateBps}::int))::int, t.t::int, ${expiresAt}::timestamptz,
             ${plan.idempotencyKey}::text, ${cartId ? null : randomToken(24)}::text, ${plan.gateway}::text, ${read.buyerLocale}::text, ${w.riskMode}::text, now()
      FROM total t WHERE ${cartId === null}::boolean
      RETURNING id, "storeId", "liveId", "buyerId", status, currency, "subtotalMinor", "taxMinor", "totalMinor", "expiresAt", "idempotencyKey", "checkoutToken", gateway, "buyerLocale", "riskMode"
    ),
    cart AS (
      UPDATE orders o SET "expiresAt" = ${expiresAt}::timestamptz, "subtotalMinor" = t.t::int, "totalMinor" = t.t::int,
             "taxMinor" = round(t.t * ${rateBps}::int / (10000 + ${rateBps}::int))::int, "updatedAt" = now()
      FROM total t WHERE ${cartId !== null}::boolean AND o.id = ${orderId}::text
      RETURNING o.id, o."storeId", o."liveId", o."buyerId", o.status, o.currency, o."subtotalMinor", o."taxMinor", o."totalMinor", o."expiresAt", o."idempotencyKey", o."checkoutToken", o.gateway, o."buyerLocale", o."riskMode"
    ),
    res AS (
      INSERT INTO reservations (id, "storeId", "orderId", "productId", "commentId", quantity, "expiresAt")
      SELECT gen_random_uuid()::text, ${storeId}::text, ${orderId}::text, i.pid, ${items.length === 1 ? plan.commentId : null}::text, i.q, ${expiresAt}::timestamptz
      FROM items i WHERE ${holdStock}::boolean
      RETURNING id
    ),
    turn AS (
      -- the bot's optimistic writes of this buyer see that the cart moved
      UPDATE buyers SET "cartVersion" = "cartVersion" + 1 WHERE NOT ${holdStock}::boolean AND ${plan.botComment}::boolean AND id = ${plan.buyerId}::text
      RETURNING id
    ),
    audit AS (
      INSERT INTO audit_logs (id, "storeId", "actorType", "actorId", action, "entityType", "entityId", data)
      VALUES (gen_random_uuid()::text, ${storeId}::text, ${plan.actor.type}::"ActorType", ${plan.actor.id ?? null}::text,
              ${cartId ? "order.items_added" : "order.created"}::text, 'order', ${orderId}::text, ${audit}::jsonb)
      RETURNING id
    ),
    linked AS (
      UPDATE comments SET "orderId" = ${orderId}::text WHERE ${plan.botComment}::boolean AND id = ${plan.commentId}::text
      RETURNING id
    ),
    job AS (
      ${insertOrderJobs(jobRows)}
    ),
    lk AS (
      SELECT p.id FROM products p
      WHERE ${holdStock}::boolean AND p.id = ANY (${pids}::text[])
        AND (SELECT (SELECT count(*) FROM upd_items) + (SELECT count(*) FROM ins_items) + (SELECT count(*) FROM new_order) + (SELECT count(*) FROM cart)
                  + (SELECT count(*) FROM res) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM linked) + (SELECT count(*) FROM job) + (SELECT count(*) FROM turn)) > 0
      ORDER BY p.id
      FOR NO KEY UPDATE
    ),
    taken AS (
      UPDATE products p SET reserved = p.reserved + i.q, "updatedAt" = now()
      FROM lk, items i
      WHERE p.id = lk.id AND i.pid = p.id AND p.stock - p.reserved >= i.q
      RETURNING p.id
    )
    SELECT o.*, (SELECT array_agg(id) FROM taken) AS taken
    FROM (SELECT * FROM new_order UNION ALL SELECT * FROM cart) AS o`;

  if (!written) throw new Error(`order ${orderId} was not written`);
  const taken = new Set(written.taken ?? []);
  const short = holdStock ? lines.find((p) => !taken.has(p.id)) : undefined;
  if (short) return { kind: "short", shortage: { productId: short.id, sku: short.sku, available: null, overdue: null } };
  return { kind: "written", settled: reservedOutcome(w, written) };
}
