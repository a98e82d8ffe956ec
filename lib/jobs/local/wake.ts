import { randomUUID } from "node:crypto";
import { inRehearsal, type SqlClient } from "@/lib/db";

/** Workers LISTEN here; a NOTIFY sent inside a transaction is delivered only if it commits. */
export const JOBS_CHANNEL = "lss_jobs";

/** By default two NOTIFYs on one database are at least this far apart; requests in between share the next one. */
const DEFAULT_GAP_MS = 25;
/** A store not published this recently is "new": its wake-up is sent at once instead of after the gap… */
const RECENT_MS = 1_000;
/** …but never sooner than this after the previous NOTIFY, so many quiet stores cannot make a NOTIFY storm. */
const NEW_STORE_GAP_MS = 5;
/** At most this many store ids in one wake-up; beyond, it names none ("any store"). Far below NOTIFY's 8000 bytes. */
export const MAX_WAKE_STORES = 32;
const MAX_STORE_ID_LENGTH = 100;

/** The stores a wake-up says have new work; null: not known (any store may). */
export type WakeStores = readonly string[] | null;
type Notifier = Pick<SqlClient, "$executeRaw">;

// On globalThis: Next.js may load this module once per route bundle, but the worker and the webhook
// route of one process must meet here.
const shared = globalThis as unknown as {
  __lssJobWakeId?: string;
  __lssJobWakers?: Set<(stores: WakeStores) => void>;
  __lssJobPublishers?: WeakMap<object, Map<number, WakePublisher>>;
};
const localWakers = (shared.__lssJobWakers ??= new Set());

/**
 * The sender part of this process's NOTIFY payloads. Its own workers were already woken directly, so their
 * listeners skip it; a NOTIFY joined to a caller's transaction has an empty sender and wakes all.
 */
export const PROCESS_WAKE_ID = (shared.__lssJobWakeId ??= randomUUID());
const publishers = (shared.__lssJobPublishers ??= new WeakMap());

/** Lets a worker of this process be woken directly, without the NOTIFY round trip. Returns the unsubscribe. */
export function onLocalWake(wake: (stores: WakeStores) => void): () => void {
  localWakers.add(wake);
  return () => localWakers.delete(wake);
}

/** The store ids among `storeIds` (job rows' storeId: null for platform work), each once; null when none. */
function storeList(storeIds: Iterable<string | null | undefined> | undefined): string[] | null {
  if (!storeIds) return null;
  const stores = new Set<string>();
  for (const id of storeIds) if (id) stores.add(id);
  return stores.size > 0 ? [...stores] : null;
}

/**
 * A NOTIFY payload: `<sender>|<store>,<store>…`, or just `<sender>` when the stores are unknown, too many
 * (over MAX_WAKE_STORES) or not plain ids.
 */
export function wakePayload(sender: string, stores: Iterable<string | null | undefined> | null): string {
  const list = storeList(stores ?? undefined);
  if (!list || list.length > MAX_WAKE_STORES || list.some((s) => s.length > MAX_STORE_ID_LENGTH || /[|,]/.test(s))) return sender;
  return `${sender}|${list.join(",")}`;
}

/** Reads a NOTIFY payload: whether this process sent it, and the stores it names (null: any store). */
export function parseWakePayload(payload: string): { own: boolean; stores: WakeStores } {
  const bar = payload.indexOf("|");
  const sender = bar < 0 ? payload : payload.slice(0, bar);
  const stores = bar < 0 ? [] : payload.slice(bar + 1).split(",").filter(Boolean);
  return { own: sender === PROCESS_WAKE_ID, stores: stores.length > 0 && stores.length <= MAX_WAKE_STORES ? stores : null };
}

/**
 * Publishes "new jobs are due" after the caller's commit: wakes this process's workers at once and
 * sends one NOTIFY (outside any transaction, so no commit holds PostgreSQL's notify lock for it) for
 * the workers of other processes. `storeIds` are the stores of the rows just written (cheaply known
 * by the caller): the wake-up names them, so a busy worker that runs nothing of such a store claims
 * its job at once. Requests are coalesced: at most one NOTIFY in flight and one per `gapMs` — unless a
 * request names a store not published in the last second, which goes out at once (at most one such
 * NOTIFY per 5 ms). Never throws: a lost wake-up only delays a job until the next poll.
 */
export function publishWake(
  db: Notifier,
  { local = true, gapMs = DEFAULT_GAP_MS, storeIds }: { local?: boolean; gapMs?: number; storeIds?: Iterable<string | null | undefined> } = {},
): void {
  // A rehearsal's jobs are rolled back: nobody is woken for them.
  if (inRehearsal()) return;
  const stores = storeList(storeIds);
  if (local) for (const wake of localWakers) wake(stores);
  let byGap = publishers.get(db);
  if (!byGap) publishers.set(db, (byGap = new Map()));
  let publisher = byGap.get(gapMs);
  if (!publisher) byGap.set(gapMs, (publisher = new WakePublisher(db, gapMs)));
  publisher.request(stores);
}

/** Resolves once every wake-up requested so far on `db` has been published (for tests). */
export async function wakesPublished(db: Notifier): Promise<void> {
  await Promise.all([...(publishers.get(db)?.values() ?? [])].map((p) => p.idle()));
}

class WakePublisher {
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private sending: Promise<void> | undefined;
  private requested = false;
  /** The next NOTIFY names a store not published recently: it goes out after NEW_STORE_GAP_MS, not gapMs. */
  private urgent = false;
  private readonly pending = new Set<string>();
  private overflow = false;
  private last = -Infinity;
  /** Stores published in the last RECENT_MS, oldest publish first (re-inserted on every publish). */
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly db: Notifier,
    private readonly gapMs: number,
  ) {}

  request(stores: WakeStores) {
    this.requested = true;
    const now = performance.now();
    for (const store of stores ?? []) {
      if (this.pending.has(store)) continue;
      if (!((this.recent.get(store) ?? -Infinity) > now - RECENT_MS)) this.urgent = true;
      if (this.pending.size < MAX_WAKE_STORES) this.pending.add(store);
      else this.overflow = true;
    }
    // One NOTIFY in flight at most: the next one is scheduled when it settles.
    if (!this.sending) this.schedule(now);
  }

  async idle() {
    while (this.sending || this.timer || this.requested) {
      if (this.sending) await this.sending;
      else await new Promise((r) => setTimeout(r, 1));
    }
  }

  private schedule(now: number) {
    const due = this.last + (this.urgent ? NEW_STORE_GAP_MS : this.gapMs);
    // Sent synchronously when it can be: a script that sends and then closes its pool still notifies.
    if (due <= now) return this.flush();
    if (this.timer && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => this.flush(), due - now);
    this.timer.unref();
  }

  private flush() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
    const now = (this.last = performance.now());
    const payload = wakePayload(PROCESS_WAKE_ID, this.overflow ? null : this.pending);
    this.remember(now);
    this.requested = this.urgent = this.overflow = false;
    let sent: Promise<unknown>;
    try {
      // A hint (polling covers a lost one): its commit need not wait for a WAL flush.
      sent = this.db.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${payload}), set_config('synchronous_commit', 'off', true)`;
    } catch (error) {
      sent = Promise.reject(error); // e.g. DATABASE_URL unset: the caller's send must not fail for it
    }
    // The database is down or the pool closed: polling covers it.
    this.sending = sent.then(
      () => undefined,
      () => undefined,
    );
    void this.sending.then(() => {
      this.sending = undefined;
      if (this.requested) this.schedule(performance.now());
    });
  }

  /** Marks the pending stores published now and forgets those published more than RECENT_MS ago. */
  private remember(now: number) {
    for (const store of this.pending) {
      this.recent.delete(store);
      this.recent.set(store, now);
    }
    this.pending.clear();
    for (const [store, at] of this.recent) {
      if (at > now - RECENT_MS) break;
      this.recent.delete(store);
    }
  }
}
