import { randomUUID } from "node:crypto";
import type { Order } from "@/generated/prisma/client";
import { pgDb, type SqlClient } from "@/lib/db";
import { pgErrorCode } from "@/lib/sql";
import { AppError } from "@/lib/http/errors";
import { randomToken } from "@/lib/security/tokens";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { jobRowsInsert, jobs, wakeJobWorkers, type OutboxJobRow } from "@/lib/jobs";
import { includedVat } from "./tax";
import { reservationTtlSeconds } from "./ttl";
import { expireOverdueForProduct } from "./expire-order";
import { announceOrderCreated } from "./announce-order";
import { lifecycleStartsAt } from "./order-timers";
import { KILL_SWITCH_REASON } from "@/lib/pipeline/kill-switch";

export type ReserveRequest = {
  storeId: string;
  buyerId: string | null;
  liveId: string | null;
  items: { productId: string; quantity: number }[];
  /** Unique per request: `comment:<id>` for the bot, the client's key for the API. */
  idempotencyKey: string;
  /** When set, the reservation rows carry it (one reservation per comment, ever). */
  commentId?: string | null;
  /** A second BUY from the same buyer in the same live joins the open cart. */
  mergeIntoOpenCart: boolean;
  gateway?: string | null;
  buyerLocale?: string | null;
  actor: { type: "SYSTEM" | "USER"; id?: string | null };
};

/** The order as reserving leaves it: the fields callers use (a full Prisma `Order` is assignable to it). */
export type ReservedOrder = Pick<
  Order,
  "id" | "storeId" | "liveId" | "buyerId" | "status" | "currency" | "subtotalMinor" | "taxMinor" | "totalMinor" | "expiresAt" | "idempotencyKey" | "checkoutToken" | "gateway" | "buyerLocale"
>;

export type ReserveResult =
  | { status: "reserved"; order: ReservedOrder; addedToExistingCart: boolean; replayed: boolean }
  | { status: "out_of_stock"; productId: string; sku: string; available: number };

export type BotCommentReserveResult = ReserveResult | { status: "skipped"; reason: string };

/** What a reservation is asked for: by a caller that knows the store and live, or by the bot for one comment. */
type Plan = {
  /** The bot acting on a comment: store, live and buyer locale come from the comment, the kill switch and the
   *  buyer's opt-out are re-checked in the statement that locks the cart, and the comment is linked to the order. */
  botComment: boolean;
  storeId: string | null;
  liveId: string | null;
  buyerId: string | null;
  items: { productId: string; quantity: number }[];
  idempotencyKey: string;
  commentId: string | null;
  mergeIntoOpenCart: boolean;
  gateway: string | null;
  buyerLocale: string | null;
  actor: { type: "SYSTEM" | "USER"; id?: string | null };
};

class OutOfStock extends Error {
  constructor(
    readonly productId: string,
    readonly sku: string,
    /** Units left as this transaction saw them; unknown when the conditional UPDATE itself lost the race. */
    readonly available: number | null,
    /** Whether overdue carts hold this product (false: lazy expiry has nothing to free; null: unknown). */
    readonly overdue: boolean | null,
  ) {
    super("out of stock");
  }
}

const RETRYABLE = new Set(["40P01", "40001", "23505"]); // deadlock, serialization failure, lost a race on a unique key (the replay path answers)

/**
 * Atomically reserves stock and creates (or extends) the buyer's pending order. Never oversells: each unit
 * is taken with one conditional UPDATE (`stock - reserved >= qty`). All items or none. Replaying the same
 * request (same idempotency key / comment) returns the first result instead of reserving again.
 * The single implementation behind the bot, the orders API, "reserve again", the waitlist and seller corrections.
 */
export async function reserveItems(req: ReserveRequest): Promise<ReserveResult> {
  const result = await reserve({
    botComment: false,
    storeId: req.storeId,
    liveId: req.liveId,
    buyerId: req.buyerId,
    items: req.items,
    idempotencyKey: req.idempotencyKey,
    commentId: req.commentId ?? null,
    mergeIntoOpenCart: req.mergeIntoOpenCart,
    gateway: req.gateway ?? null,
    buyerLocale: req.buyerLocale ?? null,
    actor: req.actor,
  });
  if (result.status === "skipped") throw new Error("unreachable: only a bot comment can be skipped");
  return result;
}

/**
 * The bot's reservation for a BUY comment: the same reservation as `reserveItems`, keyed by the comment
 * (`comment:<id>`), merged into the buyer's open cart of the comment's live. The kill switch and the buyer's
 * opt-out are read at the last moment, in the statement that locks the cart; a replay (the comment already
 * reserved) answers the first result whatever they say now.
 */
export async function reserveForBotComment({ commentId, buyerId, productId, quantity }: { commentId: string; buyerId: string; productId: string; quantity: number }): Promise<BotCommentReserveResult> {
  return reserve({
    botComment: true,
    storeId: null,
    liveId: null,
    buyerId,
    items: [{ productId, quantity }],
    idempotencyKey: `comment:${commentId}`,
    commentId,
    mergeIntoOpenCart: true,
    gateway: null,
    buyerLocale: null,
    actor: { type: "SYSTEM" },
  });
}

async function reserve(plan: Plan): Promise<BotCommentReserveResult> {
  let lazyExpiryDone = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const { result, created } =
        plan.botComment && plan.items.length === 1 && plan.buyerId
          ? await reserveForCommentOptimistically(plan)
          : await pgDb.$transaction((tx) => reserveInTx(tx, plan), { timeout: 15_000 });
      // After the commit: the dashboard hint (batched; a NOTIFY inside the transaction would serialise
      // commits) and the job workers' wake-up for the order/created row the transaction wrote.
      if (result.status === "reserved" && !result.replayed) {
        publishStoreEvent(result.order.storeId, { type: "order.updated", orderId: result.order.id, status: "PENDING", liveId: result.order.liveId });
      }
      if (created === "outbox") wakeJobWorkers();
      // Inngest: an event is sent at once, so only once the order exists (same event id: one lifecycle).
      else if (created === "send" && result.status === "reserved") await announceOrderCreated({ orderId: result.order.id, storeId: result.order.storeId, expiresAt: result.order.expiresAt });
      return result;
    } catch (e) {
      if (e instanceof OutOfStock) {
        // Reservations whose time is up may not have been released yet: expiry is data, not a timer.
        if (!lazyExpiryDone && e.overdue !== false && (await expireOverdueForProduct({ productId: e.productId })) > 0) {
          lazyExpiryDone = true;
          continue;
        }
        const available = e.available ?? (await availableOf(e.productId));
        return { status: "out_of_stock", productId: e.productId, sku: e.sku, available };
      }
      const code = pgErrorCode(e);
      if (attempt < 3 && code && RETRYABLE.has(code)) continue;
      throw e;
    }
  }
}

async function availableOf(productId: string) {
  const [p] = await pgDb.$queryRaw<{ available: number }[]>`SELECT GREATEST(0, stock - reserved) AS available FROM products WHERE id = ${productId}`;
  if (!p) throw new Error(`product ${productId} not found`);
  return p.available;
}

type OrderRow = Omit<ReservedOrder, "expiresAt" | "status"> & { status: Order["status"]; expiresAt: Date | string };

type ReadRow = {
  storeId: string | null;
  liveId: string | null;
  buyerLocale: string | null;
  botEnabled: boolean | null;
  optedOut: boolean | null;
  commentOrderId: string | null;
  currency: string | null;
  country: string | null;
  ttl: number | null;
  cartId: string | null;
  cartVersion: number | null;
  replay: (OrderRow & { byComment: boolean }) | null;
  products: { id: string; sku: string; name: string; priceMinor: number; ok: boolean; available: number; overdue: boolean }[] | null;
};

type WriteRow = OrderRow & { taken: string[] | null };

function toOrder(row: OrderRow): ReservedOrder {
  return {
    id: row.id,
    storeId: row.storeId,
    liveId: row.liveId,
    buyerId: row.buyerId,
    status: row.status,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    expiresAt: row.expiresAt instanceof Date ? row.expiresAt : new Date(row.expiresAt),
    idempotencyKey: row.idempotencyKey,
    checkoutToken: row.checkoutToken,
    gateway: row.gateway,
    buyerLocale: row.buyerLocale,
  };
}

/**
 * BEGIN; one statement reads everything and locks the open cart; one statement writes the order (or the
 * cart merge), its lines, reservations, audit row, comment link and order/created job row and — last, so
 * the hot product row stays locked only until the COMMIT — takes the stock; COMMIT.
 */
type TxOutcome = {
  result: BotCommentReserveResult;
  /** A new order's order/created: written in the transaction ("outbox"), or to send after commit ("send", Inngest). */
  created: "outbox" | "send" | null;
};

/** What the read decided: an answer already (replay, skip), or everything the write needs. */
type Prepared =
  | { done: TxOutcome }
  | {
      done?: undefined;
      storeId: string;
      liveId: string | null;
      items: { productId: string; quantity: number }[];
      pids: string[];
      qs: number[];
      lines: { id: string; sku: string; name: string; priceMinor: number }[];
      cartId: string | null;
      /** The buyer's cart version as read (bot path: the write proceeds only if it is unchanged). */
      cartVersion: number | null;
      orderId: string;
      expiresAt: Date;
      rateBps: number;
      currency: string;
      buyerLocale: string | null;
      audit: string;
      outbox: OutboxJobRow[] | null;
    };

async function reserveInTx(tx: SqlClient, plan: Plan): Promise<TxOutcome> {
  const prepared = await prepare(tx, plan);
  if (prepared.done) return prepared.done;
  return writeInTx(tx, plan, prepared);
}

async function prepare(tx: SqlClient, plan: Plan): Promise<Prepared> {
  // One line per product, in product id order (the order product rows are locked in: no deadlocks).
  const merged = new Map<string, number>();
  for (const i of plan.items) merged.set(i.productId, (merged.get(i.productId) ?? 0) + i.quantity);
  const items = [...merged.entries()].map(([productId, quantity]) => ({ productId, quantity })).sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  const pids = items.map((i) => i.productId);
  const qs = items.map((i) => i.quantity);

  // The bot's reservation commits asynchronously (SET LOCAL synchronous_commit = off, in the statement
  // below): its COMMIT then releases the hot product row without waiting for the WAL flush, which under
  // load was the longest part of that row's lock. Nothing is lost by it: what the reservation leads to
  // outside the database — the DM with the checkout link — is sent only after the step's result is
  // memoised by a later, synchronous commit, and a WAL flush makes every earlier commit durable too. If
  // the machine crashed before that flush, the step simply runs again. API callers, who answer their
  // client right after this transaction, keep synchronous commits.
  // 1. Read and lock. Replays first (a comment already reserved answers its order whatever the switches say
  //    now); then the kill switch and opt-out; the open cart is locked only when there is something to do.
  //    Lock order: the cart row first, then product rows (expiry takes them in the same order: no deadlocks).
  //    A product short of stock also tells whether overdue carts hold it (lazy expiry has work to do).
  const [read] = await tx.$queryRaw<ReadRow[]>`
    WITH cm AS (
      SELECT c."storeId", c."liveId", c."orderId", COALESCE(c.language, b.locale) AS locale,
             COALESCE(l."botEnabled", false) AS "botEnabled", b."optedOutAt" IS NOT NULL AS "optedOut"
      FROM comments c LEFT JOIN lives l ON l.id = c."liveId" LEFT JOIN buyers b ON b.id = c."buyerId"
      WHERE ${plan.botComment}::boolean AND c.id = ${plan.commentId}::text
    ),
    ctx AS (
      SELECT CASE WHEN ${plan.botComment}::boolean THEN cm."storeId" ELSE ${plan.storeId}::text END AS "storeId",
             CASE WHEN ${plan.botComment}::boolean THEN cm."liveId" ELSE ${plan.liveId}::text END AS "liveId",
             CASE WHEN ${plan.botComment}::boolean THEN cm.locale ELSE ${plan.buyerLocale}::text END AS "buyerLocale",
             cm."botEnabled", cm."optedOut", cm."orderId" AS "commentOrderId",
             (NOT ${plan.botComment}::boolean OR (cm."botEnabled" AND NOT cm."optedOut")) AS allowed
      FROM (SELECT 1) AS one LEFT JOIN cm ON true
    ),
    rc AS (SELECT "orderId" FROM reservations WHERE "commentId" = ${plan.commentId}::text),
    replay AS (
      SELECT o.id, o."storeId", o."liveId", o."buyerId", o.status, o.currency, o."subtotalMinor", o."taxMinor", o."totalMinor",
             o."expiresAt", o."idempotencyKey", o."checkoutToken", o.gateway, o."buyerLocale", EXISTS (SELECT 1 FROM rc) AS "byComment"
      FROM orders o
      WHERE o.id = COALESCE((SELECT "orderId" FROM rc), (SELECT id FROM orders WHERE "idempotencyKey" = ${plan.idempotencyKey}::text))
    ),
    cart AS (
      SELECT o.id FROM orders o, ctx
      WHERE ${plan.mergeIntoOpenCart}::boolean AND ctx.allowed AND NOT EXISTS (SELECT 1 FROM replay)
        AND o."storeId" = ctx."storeId" AND o."buyerId" = ${plan.buyerId}::text AND o."liveId" IS NOT DISTINCT FROM ctx."liveId"
        -- a cart whose transfer receipt is under review is closed: its total is what the buyer transferred
        AND o.status = 'PENDING' AND o."expiresAt" > now() AND o."transferReviewSince" IS NULL
      ORDER BY o."createdAt" DESC LIMIT 1
      FOR NO KEY UPDATE OF o
    ),
    st AS (SELECT s.currency, s.country, s."reservationTtlSeconds" AS ttl FROM stores s, ctx WHERE s.id = ctx."storeId"),
    pr AS (
      SELECT p.id, p.sku, p.name, p."priceMinor", (p."storeId" = ctx."storeId" AND p.active) AS ok,
             GREATEST(0, p.stock - p.reserved) AS available,
             CASE WHEN p.stock - p.reserved < i.q THEN EXISTS (
               SELECT 1 FROM orders o
               WHERE o.status = 'PENDING' AND o."expiresAt" <= now()
                 AND EXISTS (SELECT 1 FROM reservations r WHERE r."orderId" = o.id AND r."productId" = p.id AND r.status = 'ACTIVE')
             ) ELSE false END AS overdue
      FROM unnest(${pids}::text[], ${qs}::int[]) AS i(pid, q) JOIN products p ON p.id = i.pid CROSS JOIN ctx
    )
    SELECT ctx."storeId", ctx."liveId", ctx."buyerLocale", ctx."botEnabled", ctx."optedOut", ctx."commentOrderId",
           CASE WHEN ${plan.botComment}::boolean THEN set_config('synchronous_commit', 'off', true) END AS "asyncCommit",
           st.currency, st.country, st.ttl, (SELECT id FROM cart) AS "cartId",
           (SELECT b."cartVersion" FROM buyers b WHERE ${plan.botComment}::boolean AND b.id = ${plan.buyerId}::text) AS "cartVersion",
           (SELECT to_jsonb(replay) FROM replay) AS replay, (SELECT jsonb_agg(pr) FROM pr) AS products
    FROM ctx LEFT JOIN st ON true`;

  if (!read?.storeId) throw new Error(plan.botComment ? `comment ${plan.commentId} not found` : `store ${plan.storeId} not found`);
  const storeId = read.storeId;
  const liveId = read.liveId;

  if (read.replay && (read.replay.byComment || !plan.botComment || (read.botEnabled && !read.optedOut))) {
    const order = toOrder(read.replay);
    if (plan.botComment && read.commentOrderId !== order.id) {
      await tx.$executeRaw`UPDATE comments SET "orderId" = ${order.id} WHERE id = ${plan.commentId}`;
    }
    return { done: { result: { status: "reserved", order, addedToExistingCart: read.replay.byComment && order.idempotencyKey !== plan.idempotencyKey, replayed: true }, created: null } };
  }
  if (plan.botComment) {
    if (!read.botEnabled) return { done: { result: { status: "skipped", reason: KILL_SWITCH_REASON }, created: null } };
    if (read.optedOut) return { done: { result: { status: "skipped", reason: "buyer opted out" }, created: null } };
  }

  if (read.currency === null || read.country === null) throw new Error(`store ${storeId} not found`);

  const products = new Map((read.products ?? []).map((p) => [p.id, p]));
  for (const item of items) {
    const p = products.get(item.productId);
    if (!p) throw new Error(`product ${item.productId} not found`);
    if (!p.ok) throw new OutOfStock(p.id, p.sku, p.available, false);
    if (p.available < item.quantity) throw new OutOfStock(p.id, p.sku, p.available, p.overdue);
  }

  const cartId = read.cartId;
  const orderId = cartId ?? randomUUID();
  const expiresAt = new Date(Date.now() + reservationTtlSeconds({ reservationTtlSeconds: read.ttl }) * 1000);
  const { rateBps } = includedVat({ totalMinor: 0, country: read.country });
  const lines = items.map((i) => products.get(i.productId)!);
  const audit = JSON.stringify({ items: items.map((i) => ({ sku: products.get(i.productId)!.sku, quantity: i.quantity })), commentId: plan.commentId });

  // Every new order starts its lifecycle (reminder, expiry) in the transaction that creates it: its
  // order/created job row is one more write of the statement below (the workers are woken after commit).
  const outbox: OutboxJobRow[] | null = cartId
    ? []
    : jobs.outboxRows({ name: "order/created", id: `order-created:${orderId}`, data: { orderId, storeId }, ts: lifecycleStartsAt(expiresAt) });
  return { storeId, liveId, items, pids, qs, lines, cartId, cartVersion: read.cartVersion, orderId, expiresAt, rateBps, currency: read.currency, buyerLocale: read.buyerLocale, audit, outbox };
}

// The order's lifecycle job (order/created), written by the reservation statements themselves.
const insertOrderJobs = jobRowsInsert({ returning: "id" });
const insertNewOrderJobs = jobRowsInsert({ filter: "WHERE EXISTS (SELECT 1 FROM new_order)", returning: "id" });

async function writeInTx(tx: SqlClient, plan: Plan, w: Exclude<Prepared, { done: TxOutcome }>): Promise<TxOutcome> {
  const { storeId, liveId, items, pids, qs, lines, cartId, orderId, expiresAt, rateBps, audit, outbox } = w;
  const read = { currency: w.currency, buyerLocale: w.buyerLocale };
  const jobRows = outbox ?? [];

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
                          "idempotencyKey", "checkoutToken", gateway, "buyerLocale", "updatedAt")
      SELECT ${orderId}::text, ${storeId}::text, ${liveId}::text, ${plan.buyerId}::text, ${plan.commentId}::text, ${read.currency}::text,
             t.t::int, round(t.t * ${rateBps}::int / (10000 + ${rateBps}::int))::int, t.t::int, ${expiresAt}::timestamptz,
             ${plan.idempotencyKey}::text, ${cartId ? null : randomToken(24)}::text, ${plan.gateway}::text, ${read.buyerLocale}::text, now()
      FROM total t WHERE ${cartId === null}::boolean
      RETURNING id, "storeId", "liveId", "buyerId", status, currency, "subtotalMinor", "taxMinor", "totalMinor", "expiresAt", "idempotencyKey", "checkoutToken", gateway, "buyerLocale"
    ),
    cart AS (
      UPDATE orders o SET "expiresAt" = ${expiresAt}::timestamptz, "subtotalMinor" = t.t::int, "totalMinor" = t.t::int,
             "taxMinor" = round(t.t * ${rateBps}::int / (10000 + ${rateBps}::int))::int, "updatedAt" = now()
      FROM total t WHERE ${cartId !== null}::boolean AND o.id = ${orderId}::text
      RETURNING o.id, o."storeId", o."liveId", o."buyerId", o.status, o.currency, o."subtotalMinor", o."taxMinor", o."totalMinor", o."expiresAt", o."idempotencyKey", o."checkoutToken", o.gateway, o."buyerLocale"
    ),
    res AS (
      INSERT INTO reservations (id, "storeId", "orderId", "productId", "commentId", quantity, "expiresAt")
      SELECT gen_random_uuid()::text, ${storeId}::text, ${orderId}::text, i.pid, ${items.length === 1 ? plan.commentId : null}::text, i.q, ${expiresAt}::timestamptz
      FROM items i
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
      WHERE p.id = ANY (${pids}::text[])
        AND (SELECT (SELECT count(*) FROM upd_items) + (SELECT count(*) FROM ins_items) + (SELECT count(*) FROM new_order) + (SELECT count(*) FROM cart)
                  + (SELECT count(*) FROM res) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM linked) + (SELECT count(*) FROM job)) > 0
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
  const short = lines.find((p) => !taken.has(p.id));
  if (short) throw new OutOfStock(short.id, short.sku, null, null);
  return {
    result: { status: "reserved", order: toOrder(written), addedToExistingCart: cartId !== null, replayed: false },
    created: cartId ? null : outbox ? (outbox.length ? "outbox" : null) : "send",
  };
}

export function outOfStockError(sku: string, available: number) {
  return new AppError(400, "out_of_stock", `Not enough stock for ${sku}: ${available} available`, { sku, available });
}

/** The cart it was to join was paid, cancelled or expired between the read and the write: read again. */
class CartGone extends Error {}

/** Another reservation of the same buyer committed between the read and the write: read again. */
class BuyerMoved extends Error {}

/**
 * The bot's reservation for one comment (one product), shaped for a live where every buyer wants the
 * same product: the hot product row is locked only inside one autocommit statement, from the stock
 * UPDATE to that statement's own commit — never across a round trip to this process, which on a busy
 * machine can wait milliseconds for a CPU while every other buyer of the product waits on the row.
 *
 * Same read as `reserveInTx`. One buyer's concurrent reservations (two comments of one buyer at once)
 * are serialised optimistically on the buyer row: the write statement first bumps the buyer's cart
 * version only if it is still the one the read saw; the second of two racing statements waits for the
 * first's commit, finds the version moved, writes nothing and reads again, now seeing the cart the
 * first one opened. The statement also re-locks the cart row and re-checks it is still open (a payment
 * or an expiry may have closed it; then it writes nothing), writes the order, its line, reservation,
 * audit row and comment link, and takes the stock LAST, so the product row every buyer of the live
 * contends for is held only from that UPDATE to the statement's commit. If the units went to someone
 * else meanwhile, the statement aborts itself and nothing it wrote remains (all or nothing without a
 * transaction block). Two statements per reservation, no lock held between them.
 */
async function reserveForCommentOptimistically(plan: Plan): Promise<TxOutcome> {
  // Each lost round means another reservation of this buyer committed, so N racing comments of one
  // buyer settle within N rounds; the bound only stops a runaway loop (the job then retries).
  for (let attempt = 0; ; attempt++) {
    const prepared = await prepare(pgDb, plan);
    if (prepared.done) return prepared.done;
    try {
      return await writeSingleStatement(pgDb, plan, prepared);
    } catch (error) {
      if ((error instanceof CartGone || error instanceof BuyerMoved) && attempt < 50) continue;
      throw error;
    }
  }
}

/** SQLSTATE of the one-statement reservation aborting itself: the stock was gone when its UPDATE ran. */
const SOLD_OUT_SQLSTATE = "LS409";

async function writeSingleStatement(conn: SqlClient, plan: Plan, w: Exclude<Prepared, { done: TxOutcome }>): Promise<TxOutcome> {
  const { storeId, liveId, cartId, orderId, expiresAt, rateBps, audit, outbox } = w;
  if (w.cartVersion === null) throw new Error(`buyer ${plan.buyerId} not found`);
  const line = w.lines[0]!;
  const q = w.qs[0]!;
  const jobRows = outbox ?? [];
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
      RETURNING id, "storeId", "liveId", "buyerId", status, currency, "subtotalMinor", "taxMinor", "totalMinor", "expiresAt", "idempotencyKey", "checkoutToken", gateway, "buyerLocale"
    ),
    cart AS (
      -- Relative to the row as locked now: a seller's concurrent edit of the cart is kept.
      -- The checkout follows the language the buyer was last answered in.
      UPDATE orders o SET "expiresAt" = ${expiresAt}::timestamptz, "subtotalMinor" = o."subtotalMinor" + d.d, "totalMinor" = o."totalMinor" + d.d,
             "taxMinor" = round((o."totalMinor" + d.d)::numeric * ${rateBps}::int / (10000 + ${rateBps}::int))::int,
             "buyerLocale" = COALESCE(${w.buyerLocale}::text, o."buyerLocale"), "updatedAt" = now()
      FROM delta d WHERE o.id IN (SELECT id FROM cart_lock) AND (SELECT ok FROM go)
      RETURNING o.id, o."storeId", o."liveId", o."buyerId", o.status, o.currency, o."subtotalMinor", o."taxMinor", o."totalMinor", o."expiresAt", o."idempotencyKey", o."checkoutToken", o.gateway, o."buyerLocale"
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
           set_config('synchronous_commit', 'off', true) AS "asyncCommit"
    FROM (SELECT 1) AS one LEFT JOIN (SELECT * FROM new_order UNION ALL SELECT * FROM cart) AS o ON true`.then(
    ([r]) => r,
    (error: unknown) => {
      if (pgErrorCode(error) === SOLD_OUT_SQLSTATE) throw new OutOfStock(line.id, line.sku, null, null);
      throw error;
    },
  );
  if (!row) throw new Error(`order ${orderId} was not written`);
  if (row.buyerTurn === 0) throw new BuyerMoved();
  if (cartId !== null && row.cartOpen === 0) throw new CartGone();
  if (row.taken === 0 || !row.id) throw new Error(`order ${orderId} was not written`);
  return {
    result: { status: "reserved", order: toOrder(row as OrderRow), addedToExistingCart: cartId !== null, replayed: false },
    created: cartId ? null : outbox ? (outbox.length ? "outbox" : null) : "send",
  };
}
