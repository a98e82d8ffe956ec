import type { SqlClient } from "@/lib/db";
import { jobRowsInsert } from "@/lib/jobs";
import { randomToken } from "@/lib/security/tokens";
import { pgErrorCode } from "@/lib/sql";
import { reservedOutcome, type OrderRow, type Plan, type Ready, type Settled, type Shortage } from "./types";
import { stepCommitMode } from "@/lib/jobs/commit-mode";

/**
 * What the bot's one statement did: the reservation; the units gone to someone else (nothing written);
 * or nothing written because the read is stale — another reservation of the same buyer committed
 * between the read and the write ("buyer_moved"), or the cart it was to join was paid, cancelled or
 * expired meanwhile ("cart_gone"): read again.
 */
export type BotWrite = { kind: "written"; settled: Settled } | { kind: "short"; shortage: Shortage } | { kind: "buyer_moved" } | { kind: "cart_gone" };

/** SQLSTATE of the one-statement reservation aborting itself: the stock was gone when its UPDATE ran. */
const SOLD_OUT_SQLSTATE = "LS409";

// The new order's lifecycle job (order/created), written by the statement itself.
const insertNewOrderJobs = jobRowsInsert({ filter: "WHERE EXISTS (SELECT 1 FROM new_order)", returning: "id" });

/**
 * The bot's reservation of one product for one comment, in ONE autocommit statement (see
 * reserve-for-comment.ts): gated on the buyer's cart version the read saw, taking the stock last.
 */
export async function writeBotReservation(conn: SqlClient, plan: Plan, w: Ready): Promise<BotWrite> {
  const { storeId, liveId, cartId, orderId, expiresAt, rateBps, audit, outbox } = w;
  if (w.cartVersion === null) throw new Error(`buyer ${plan.buyerId} not found`);
  const line = w.lines[0]!;
  const q = w.qs[0]!;
  const jobRows = outbox;
  // Every write is gated on `go` (the buyer's turn — the cart version unchanged since the read — and a
  // new order, or the cart still open under its row lock), never on the stock: the stock UPDATE comes
  // LAST — its one-time filter reads the counts of all the other writes, so they run first — and the hot
  // product row is held only from that UPDATE to this statement's commit. When the units went to someone else in the meantime, the statement aborts itself
  // (lss_abort), rolling back everything it wrote.
  const row = await conn.$queryRaw<(Partial<OrderRow> & { taken: number; cartOpen: number; buyerTurn: number })[]>`
    WITH buyer_turn AS (
      UPDATE buyers SET "cartVersion" = "cartVersion" + 1
      WHERE id = ${plan.buyerId}::text AND "cartVersion" = ${w.cartVersion}::int
      RETURNING id
    ),
    cart_lock AS (
      SELECT o.id FROM orders o
      WHERE ${cartId !== null}::boolean AND o.id = ${orderId}::text AND o.status = 'PENDING' AND o."expiresAt" > now()
      FOR NO KEY UPDATE
    ),
    go AS (
      SELECT (EXISTS (SELECT 1 FROM buyer_turn) AND (${cartId === null}::boolean OR EXISTS (SELECT 1 FROM cart_lock))) AS ok
    ),
    existing AS (
      SELECT oi.id, oi."unitPriceMinor" AS price FROM order_items oi
      WHERE ${cartId !== null}::boolean AND oi."orderId" = ${orderId}::text AND oi."productId" = ${line.id}::text
      ORDER BY oi.id LIMIT 1
    ),
    upd_items AS (
      UPDATE order_items oi SET quantity = oi.quantity + ${q}::int
      FROM existing e WHERE oi.id = e.id AND (SELECT ok FROM go)
      RETURNING oi.id
    ),
    ins_items AS (
      INSERT INTO order_items (id, "orderId", "productId", sku, name, "unitPriceMinor", quantity)
      SELECT gen_random_uuid()::text, ${orderId}::text, ${line.id}::text, ${line.sku}::text, ${line.name}::text, ${line.priceMinor}::int, ${q}::int
      WHERE (SELECT ok FROM go) AND NOT EXISTS (SELECT 1 FROM existing)
      RETURNING id
    ),
    delta AS (
      SELECT (COALESCE((SELECT price FROM existing), ${line.priceMinor}::int)::bigint * ${q}::int) AS d
    ),
    new_order AS (
      INSERT INTO orders (id, "storeId", "liveId", "buyerId", "commentId", currency, "subtotalMinor", "taxMinor", "totalMinor", "expiresAt",
                          "idempotencyKey", "checkoutToken", gateway, "buyerLocale", "updatedAt")
      SELECT ${orderId}::text, ${storeId}::text, ${liveId}::text, ${plan.buyerId}::text, ${plan.commentId}::text, ${w.currency}::text,
             d.d::int, round(d.d::numeric * ${rateBps}::int / (10000 + ${rateBps}::int))::int, d.d::int, ${expiresAt}::timestamptz,
             ${plan.idempotencyKey}::text, ${cartId ? null : randomToken(24)}::text, ${plan.gateway}::text, ${w.buyerLocale}::text, now()
      FROM delta d WHERE ${cartId === null}::boolean AND (SELECT ok FROM go)
      RETURNING id, "storeId", "liveId", "buyerId", status, currency, "subtotalMinor", "taxMinor", "totalMinor", "expiresAt", "idempotencyKey", "checkoutToken", gateway, "buyerLocale", "riskMode"
    ),
    cart AS (
      -- Relative to the row as locked now: a seller's concurrent edit of the cart is kept.
      -- The checkout follows the language the buyer was last answered in.
      UPDATE orders o SET "expiresAt" = ${expiresAt}::timestamptz, "subtotalMinor" = o."subtotalMinor" + d.d, "totalMinor" = o."totalMinor" + d.d,
             "taxMinor" = round((o."totalMinor" + d.d)::numeric * ${rateBps}::int / (10000 + ${rateBps}::int))::int,
             "buyerLocale" = COALESCE(${w.buyerLocale}::text, o."buyerLocale"), "updatedAt" = now()
      FROM delta d WHERE o.id IN (SELECT id FROM cart_lock) AND (SELECT ok FROM go)
      RETURNING o.id, o."storeId", o."liveId", o."buyerId", o.status, o.currency, o."subtotalMinor", o."taxMinor", o."totalMinor", o."expiresAt", o."idempotencyKey", o."checkoutToken", o.gateway, o."buyerLocale", o."riskMode"
    ),
    res AS (
      INSERT INTO reservations (id, "storeId", "orderId", "productId", "commentId", quantity, "expiresAt")
      SELECT gen_random_uuid()::text, ${storeId}::text, ${orderId}::text, ${line.id}::text, ${plan.commentId}::text, ${q}::int, ${expiresAt}::timestamptz
      WHERE EXISTS (SELECT 1 FROM new_order) OR EXISTS (SELECT 1 FROM cart)
      RETURNING id
    ),
    audit AS (
      INSERT INTO audit_logs (id, "storeId", "actorType", "actorId", action, "entityType", "entityId", data)
      SELECT gen_random_uuid()::text, ${storeId}::text, ${plan.actor.type}::"ActorType", ${plan.actor.id ?? null}::text,
             ${cartId ? "order.items_added" : "order.created"}::text, 'order', ${orderId}::text, ${audit}::jsonb
      WHERE (SELECT ok FROM go)
      RETURNING id
    ),
    linked AS (
      UPDATE comments SET "orderId" = ${orderId}::text WHERE id = ${plan.commentId}::text AND (SELECT ok FROM go)
      RETURNING id
    ),
    job AS (
      ${insertNewOrderJobs(jobRows)}
    ),
    taken AS (
      UPDATE products p SET reserved = p.reserved + ${q}::int, "updatedAt" = now()
      WHERE p.id = ${line.id}::text AND p.stock - p.reserved >= ${q}::int AND (SELECT ok FROM go)
        AND (SELECT (SELECT count(*) FROM upd_items) + (SELECT count(*) FROM ins_items) + (SELECT count(*) FROM new_order) + (SELECT count(*) FROM cart)
                  + (SELECT count(*) FROM res) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM linked) + (SELECT count(*) FROM job)) > 0
      RETURNING p.id
    )
    SELECT o.*, (SELECT count(*) FROM taken)::int AS taken, (SELECT count(*) FROM cart_lock)::int AS "cartOpen",
           (SELECT count(*) FROM buyer_turn)::int AS "buyerTurn",
           CASE WHEN (SELECT ok FROM go) AND NOT EXISTS (SELECT 1 FROM taken) THEN lss_abort(${SOLD_OUT_SQLSTATE}, 'sold out while reserving') END AS aborted,
           set_config('synchronous_commit', ${stepCommitMode()}, true) AS "asyncCommit"
    FROM (SELECT 1) AS one LEFT JOIN (SELECT * FROM new_order UNION ALL SELECT * FROM cart) AS o ON true`.then(
    ([r]) => r,
    (error: unknown) => {
      if (pgErrorCode(error) === SOLD_OUT_SQLSTATE) return "sold_out" as const;
      throw error;
    },
  );
  if (row === "sold_out") return { kind: "short", shortage: { productId: line.id, sku: line.sku, available: null, overdue: null } };
  if (!row) throw new Error(`order ${orderId} was not written`);
  if (row.buyerTurn === 0) return { kind: "buyer_moved" };
  if (cartId !== null && row.cartOpen === 0) return { kind: "cart_gone" };
  if (row.taken === 0 || !row.id) throw new Error(`order ${orderId} was not written`);
  return { kind: "written", settled: reservedOutcome(w, row as OrderRow) };
}
