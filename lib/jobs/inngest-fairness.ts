import type { ConcurrencyOption } from "./define";
import { jobEvents, type JobEventName } from "./events";

/**
 * Runs of one store at once, per function, on Inngest. The key gives every store its own queue, which
 * Inngest serves in turn (the production twin of the local claim's fair share, lib/jobs/local/claim.ts):
 * a store's flash sale queues behind its own limit while another store's runs start at once. High
 * enough that one busy store alone still uses the workers it needs.
 */
export const STORE_CONCURRENCY_LIMIT = 50;

const STORE_KEY = "event.data.storeId";

/**
 * Inngest's concurrency constraint for a function — one at most: its own when it declares one (per store,
 * per live, per invoice…: a limit of 1 per key, where a per-store limit of 50 beside it adds nothing),
 * otherwise a per-store one when its event names a store. The hot path's own constraint is the per-store
 * one (process-comment), so every function has a single key queue on Inngest. Measured on the self-hosted
 * server (1.43, `inngest start`, bench/inngest.ts, 300 comments/min): with two constraints on
 * process-comment p95 12–19 s in three runs; with one, 0.31 and 0.32 s in two — but later runs with one
 * showed 16–22 s tails too, on a busier machine, so the constraints alone do not explain that server's tail.
 * What does: that server keeps a checkpointed run's concurrency slot ~30 s after the run ended, so a limit
 * of L lets about L / 30 runs start per second (limit 10: runs stalled after ~10 s at 5/s; limit 1,000:
 * none in 45 s, p95 0.33 s). A function can therefore keep its limit for the local driver only
 * (`concurrency.inngest: false`), as process-comment does: on Inngest it relies on its per-store throttle.
 */
type Constraint = { key?: string; limit: number };

export function inngestConcurrency(def: { event: JobEventName; concurrency?: ConcurrencyOption }): [Constraint] | undefined {
  if (def.concurrency?.inngest === false) return undefined;
  if (def.concurrency) return [def.concurrency.key ? { key: def.concurrency.key, limit: def.concurrency.limit } : { limit: def.concurrency.limit }];
  return "storeId" in jobEvents[def.event].shape ? [{ key: STORE_KEY, limit: STORE_CONCURRENCY_LIMIT }] : undefined;
}
