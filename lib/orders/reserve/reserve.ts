import { hotPathDb } from "@/lib/db";
import { wakeJobWorkers } from "@/lib/jobs";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { pgErrorCode } from "@/lib/sql";
import { expireOverdueForProduct } from "../expire-order";
import { reserveForCommentOptimistically } from "./reserve-for-comment";
import { reserveInTransaction } from "./reserve-in-transaction";
import type { BotCommentReserveResult, Plan, Settled, Shortage } from "./types";

const RETRYABLE = new Set(["40P01", "40001", "23505"]); // deadlock, serialization failure, lost a race on a unique key (the replay path answers)

/**
 * One reservation, whichever path writes it: the bot's one-product reservation in one autocommit
 * statement, anything else in a transaction. A shortage first releases the product's overdue carts
 * (lazy expiry) and tries once more; deadlocks and lost races are retried. After the commit: the
 * dashboard hint and the job workers' (or Inngest relay's) wake-up.
 */
export async function reserve(plan: Plan): Promise<BotCommentReserveResult> {
  let lazyExpiryDone = false;
  for (let attempt = 0; ; attempt++) {
    let outcome: { kind: "settled"; settled: Settled } | { kind: "short"; shortage: Shortage };
    try {
      const fast = plan.botComment && plan.items.length === 1 && plan.buyerId ? await reserveForCommentOptimistically(plan) : null;
      // No fast path, or a high-risk buyer's order that holds no stock (rare): in a transaction.
      outcome = fast && fast.kind !== "risk" ? fast : await reserveInTransaction(plan);
    } catch (e) {
      const code = pgErrorCode(e);
      if (attempt < 3 && code && RETRYABLE.has(code)) continue;
      throw e;
    }
    if (outcome.kind === "short") {
      const { shortage } = outcome;
      // Reservations whose time is up may not have been released yet: expiry is data, not a timer.
      if (!lazyExpiryDone && shortage.overdue !== false && (await expireOverdueForProduct({ productId: shortage.productId })) > 0) {
        lazyExpiryDone = true;
        continue;
      }
      const available = shortage.available ?? (await availableOf(shortage.productId));
      return { status: "out_of_stock", productId: shortage.productId, sku: shortage.sku, available };
    }
    await afterCommit(outcome.settled);
    return outcome.settled.result;
  }
}

/** The dashboard hint (batched; a NOTIFY inside the transaction would serialise commits) and the job workers' wake-up for the order/created row the reservation wrote. */
async function afterCommit({ result, created }: Settled) {
  if (result.status === "reserved" && !result.replayed) {
    publishStoreEvent(result.order.storeId, { type: "order.updated", orderId: result.order.id, status: "PENDING", liveId: result.order.liveId });
  }
  if (created === "outbox") wakeJobWorkers(result.status === "reserved" ? [result.order.storeId] : undefined);
}

async function availableOf(productId: string) {
  const [p] = await hotPathDb.$queryRaw<{ available: number }[]>`SELECT GREATEST(0, stock - reserved) AS available FROM products WHERE id = ${productId}`;
  if (!p) throw new Error(`product ${productId} not found`);
  return p.available;
}
