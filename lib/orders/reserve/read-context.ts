import { randomUUID } from "node:crypto";
import type { SqlClient } from "@/lib/db";
import { jobs, type OutboxJobRow } from "@/lib/jobs";
import { KILL_SWITCH_REASON } from "@/lib/pipeline/kill-switch";
import { lifecycleStartsAt } from "../order-timers";
import { includedVat } from "../tax";
import { reservationTtlSeconds } from "../ttl";
import { toOrder, type OrderRow, type Plan, type Ready, type Settled, type Shortage } from "./types";
import { stepCommitMode } from "@/lib/jobs/commit-mode";

/** What the read decided: an answer already (replay, skip), a product short of stock, or everything the write needs. */
export type ReadOutcome = { kind: "settled"; settled: Settled } | { kind: "short"; shortage: Shortage } | { kind: "ready"; ready: Ready };

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
  /** The store's high-risk threshold (null = off) and the hold it gives, and the buyer's stored risk, aged. */
  riskThreshold: number | null;
  riskHoldSeconds: number | null;
  risk: number | null;
  /** Set when the buyer's risk makes this bot reservation pay-first or subject to the seller approval. */
  riskMode: "pay_first" | "approval" | null;
  cartId: string | null;
  cartVersion: number | null;
  replay: (OrderRow & { byComment: boolean }) | null;
  products: { id: string; sku: string; name: string; priceMinor: number; ok: boolean; available: number; overdue: boolean }[] | null;
};

/**
 * The first statement of every reservation: reads the comment (bot), the store, a replay of the same
 * request, the buyer's open cart (locked when there is something to do) and the products, and decides.
 */
export async function readReservationContext(tx: SqlClient, plan: Plan): Promise<ReadOutcome> {
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
  // client right after this transaction, keep synchronous commits — and so does everything under Inngest,
  // where the step's result is memoised by Inngest rather than by a commit (see stepCommitMode).
  // 1. Read and lock. Replays first (a comment already reserved answers its order whatever the switches say
  //    now); then the kill switch and opt-out; the open cart is locked only when there is something to do.
  //    Lock order: the cart row first, then product rows (expiry takes them in the same order: no deadlocks).
  //    A product short of stock also tells whether overdue carts hold it (lazy expiry has work to do).
  const [read] = await tx.$queryRaw<ReadRow[]>`
    WITH cm AS (
      SELECT c."storeId", c."liveId", c."orderId", COALESCE(c.language, b.locale) AS locale,
             COALESCE(l."botEnabled", false) AS "botEnabled", b."optedOutAt" IS NOT NULL AS "optedOut",
             -- The stored score is as of the buyer's last finished order: unpaid holds older than 90 days weigh
             -- a third (30 → 10 points each in listBuyers), so a score nothing refreshed for 90 days is aged alike.
             CASE WHEN b."riskScoredAt" > now() - interval '90 days' THEN b."riskScore" ELSE b."riskScore" / 3 END AS risk
      FROM comments c LEFT JOIN lives l ON l.id = c."liveId" LEFT JOIN buyers b ON b.id = c."buyerId"
      WHERE ${plan.botComment}::boolean AND c.id = ${plan.commentId}::text
    ),
    ctx AS (
      SELECT CASE WHEN ${plan.botComment}::boolean THEN cm."storeId" ELSE ${plan.storeId}::text END AS "storeId",
             CASE WHEN ${plan.botComment}::boolean THEN cm."liveId" ELSE ${plan.liveId}::text END AS "liveId",
             CASE WHEN ${plan.botComment}::boolean THEN cm.locale ELSE ${plan.buyerLocale}::text END AS "buyerLocale",
             cm."botEnabled", cm."optedOut", cm."orderId" AS "commentOrderId", cm.risk,
             (NOT ${plan.botComment}::boolean OR (cm."botEnabled" AND NOT cm."optedOut")) AS allowed
      FROM (SELECT 1) AS one LEFT JOIN cm ON true
    ),
    rc AS (SELECT "orderId" FROM reservations WHERE "commentId" = ${plan.commentId}::text),
    replay AS (
      SELECT o.id, o."storeId", o."liveId", o."buyerId", o.status, o.currency, o."subtotalMinor", o."taxMinor", o."totalMinor",
             o."expiresAt", o."idempotencyKey", o."checkoutToken", o.gateway, o."buyerLocale", o."riskMode", EXISTS (SELECT 1 FROM rc) AS "byComment"
      FROM orders o
      WHERE o.id = COALESCE((SELECT "orderId" FROM rc), (SELECT id FROM orders WHERE "idempotencyKey" = ${plan.idempotencyKey}::text))
    ),
    st AS (
      SELECT s.currency, s.country, s."reservationTtlSeconds" AS ttl, s."highRiskThreshold" AS "riskThreshold", s."highRiskHoldSeconds" AS "riskHoldSeconds",
             -- What a high-risk buyer gets instead of a held reservation (bot only): pay-first or the seller approval.
             CASE WHEN ${plan.botComment}::boolean AND s."highRiskThreshold" IS NOT NULL AND ctx.risk >= s."highRiskThreshold"
                       AND s."highRiskTreatment" IN ('pay_first', 'approval') THEN s."highRiskTreatment" END AS "riskMode"
      FROM stores s, ctx WHERE s.id = ctx."storeId"
    ),
    cart AS (
      SELECT o.id FROM orders o, ctx
      WHERE ${plan.mergeIntoOpenCart}::boolean AND ctx.allowed AND NOT EXISTS (SELECT 1 FROM replay)
        AND o."storeId" = ctx."storeId" AND o."buyerId" = ${plan.buyerId}::text AND o."liveId" IS NOT DISTINCT FROM ctx."liveId"
        -- a cart whose transfer receipt is under review is closed: its total is what the buyer transferred
        AND o.status = 'PENDING' AND o."expiresAt" > now() AND o."transferReviewSince" IS NULL
        -- a held cart, a pay-first cart and a cart waiting for the seller approval never mix
        AND o."riskMode" IS NOT DISTINCT FROM (SELECT "riskMode" FROM st) AND o."approvedAt" IS NULL
      ORDER BY o."createdAt" DESC LIMIT 1
      FOR NO KEY UPDATE OF o
    ),
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
           CASE WHEN ${plan.botComment}::boolean THEN set_config('synchronous_commit', ${stepCommitMode()}, true) END AS "asyncCommit",
           st.currency, st.country, st.ttl, st."riskThreshold", st."riskHoldSeconds", st."riskMode", ctx.risk, (SELECT id FROM cart) AS "cartId",
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
    const replayed = { status: "reserved", order, addedToExistingCart: read.replay.byComment && order.idempotencyKey !== plan.idempotencyKey, replayed: true } as const;
    return { kind: "settled", settled: { result: replayed, created: null } };
  }
  if (plan.botComment) {
    if (!read.botEnabled) return { kind: "settled", settled: { result: { status: "skipped", reason: KILL_SWITCH_REASON }, created: null } };
    if (read.optedOut) return { kind: "settled", settled: { result: { status: "skipped", reason: "buyer opted out" }, created: null } };
  }

  if (read.currency === null || read.country === null) throw new Error(`store ${storeId} not found`);

  const products = new Map((read.products ?? []).map((p) => [p.id, p]));
  for (const item of items) {
    const p = products.get(item.productId);
    if (!p) throw new Error(`product ${item.productId} not found`);
    if (!p.ok) return { kind: "short", shortage: { productId: p.id, sku: p.sku, available: p.available, overdue: false } };
    if (p.available < item.quantity) return { kind: "short", shortage: { productId: p.id, sku: p.sku, available: p.available, overdue: p.overdue } };
  }

  const cartId = read.cartId;
  const orderId = cartId ?? randomUUID();
  const riskMode = read.riskMode;
  // Pay-first and approval orders hold no stock: they keep the store's usual time (the link's validity, or
  // how long the seller has to approve) instead of a shortened hold.
  const hold = riskMode ? { seconds: reservationTtlSeconds({ reservationTtlSeconds: read.ttl }), riskHold: null } : holdFor(read, plan.botComment);
  const expiresAt = new Date(Date.now() + hold.seconds * 1000);
  const { rateBps } = includedVat({ totalMinor: 0, country: read.country });
  const lines = items.map((i) => products.get(i.productId)!);
  // A decision the buyer's risk changed says so in the order's timeline (the audit row of its creation).
  const riskNote = riskMode && read.risk !== null && read.riskThreshold !== null ? { riskMode: { mode: riskMode, risk: read.risk, threshold: read.riskThreshold } } : null;
  const audit = JSON.stringify({ items: items.map((i) => ({ sku: products.get(i.productId)!.sku, quantity: i.quantity })), commentId: plan.commentId, ...(hold.riskHold && { riskHold: hold.riskHold }), ...riskNote });

  // Every new order starts its lifecycle (reminder, expiry) in the transaction that creates it: its
  // order/created job row is one more write of the statement below (the workers are woken after commit).
  const outbox: OutboxJobRow[] = cartId
    ? []
    : jobs.outboxRows({ name: "order/created", id: `order-created:${orderId}`, data: { orderId, storeId }, ts: lifecycleStartsAt(expiresAt) });
  return {
    kind: "ready",
    ready: { storeId, liveId, items, pids, qs, lines, cartId, cartVersion: read.cartVersion, orderId, expiresAt, rateBps, currency: read.currency, buyerLocale: read.buyerLocale, audit, outbox, riskMode },
  };
}

/**
 * How long the bot's reservation holds: the store's hold, or its shorter high-risk hold when the buyer's
 * stored risk reaches the store's threshold (never longer than the usual hold). A seller's own
 * reservation through the API keeps the usual hold: she chose to reserve.
 */
function holdFor(read: Pick<ReadRow, "ttl" | "riskThreshold" | "riskHoldSeconds" | "risk">, botComment: boolean): { seconds: number; riskHold: { risk: number; threshold: number; seconds: number } | null } {
  const usual = reservationTtlSeconds({ reservationTtlSeconds: read.ttl });
  if (!botComment || read.riskThreshold === null || read.risk === null || read.riskHoldSeconds === null || read.risk < read.riskThreshold) return { seconds: usual, riskHold: null };
  const seconds = Math.min(usual, read.riskHoldSeconds);
  return { seconds, riskHold: { risk: read.risk, threshold: read.riskThreshold, seconds } };
}
