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
 * Inngest's concurrency constraints for a function: its own (per live, per store…) plus a per-store
 * one when its event names a store and no constraint is keyed on the store already (Inngest takes two).
 */
type Constraint = { key?: string; limit: number };

export function inngestConcurrency(def: { event: JobEventName; concurrency?: ConcurrencyOption }): [Constraint] | [Constraint, Constraint] | undefined {
  const perStore: Constraint | null = "storeId" in jobEvents[def.event].shape && def.concurrency?.key !== STORE_KEY ? { key: STORE_KEY, limit: STORE_CONCURRENCY_LIMIT } : null;
  if (!def.concurrency) return perStore ? [perStore] : undefined;
  const own: Constraint = def.concurrency.key ? { key: def.concurrency.key, limit: def.concurrency.limit } : { limit: def.concurrency.limit };
  return perStore ? [own, perStore] : [own];
}
