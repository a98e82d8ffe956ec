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
 * showed 16–22 s tails too, so the constraints alone do not explain that server's tail.
 *
 * What does (bench/inngest-slots.ts, session 12): a run served with its steps BUFFERED into one checkpoint
 * (`idempotentSteps`, lib/jobs/inngest-driver.ts) and more than one step can keep its concurrency slot
 * ~30 s after it ended — limit 1, 3 steps buffered: the 3rd run started 30.1 s after the 2nd ended, on
 * `inngest start` and on `inngest dev` alike; limit 10 at 5 runs/s: runs started up to 28–30 s late. Served
 * with a checkpoint after every step (`checkpointing: true`, every other function) nothing is kept, with or
 * without a throttle: limit 1 starts the next run 40–160 ms (x30: at most 0.8 s) after the previous ended,
 * limit 10 at 5/s at most 0.33 s late, and 120 runs of one store under a per-store 50 end as fast as with
 * no limit. So a function with `idempotentSteps` gets no constraint on Inngest: its own limit must be the
 * local driver's only (`concurrency.inngest: false`, checked by defineJob), as process-comment's is (its
 * per-store throttle bounds a store there), and it gets no per-store default.
 *
 * Inngest's limit counts steps being executed, not runs: without checkpointing, a second run of a key
 * limited to 1 ran its step between two calls of the first run. Served as they are, a run's steps execute
 * in one request (until a sleep or the checkpoint's `maxRuntime`), and each limit-1 function keeps what
 * must not run twice at once inside one step.
 */
type Constraint = { key?: string; limit: number };

export function inngestConcurrency(def: { event: JobEventName; concurrency?: ConcurrencyOption; idempotentSteps?: boolean }): [Constraint] | undefined {
  if (def.concurrency?.inngest === false || def.idempotentSteps) return undefined;
  if (def.concurrency) return [def.concurrency.key ? { key: def.concurrency.key, limit: def.concurrency.limit } : { limit: def.concurrency.limit }];
  return "storeId" in jobEvents[def.event].shape ? [{ key: STORE_KEY, limit: STORE_CONCURRENCY_LIMIT }] : undefined;
}
