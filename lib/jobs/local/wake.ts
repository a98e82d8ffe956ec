import { randomUUID } from "node:crypto";
import type { SqlClient } from "@/lib/db";

/** Workers LISTEN here; a NOTIFY sent inside a transaction is delivered only if it commits. */
export const JOBS_CHANNEL = "lss_jobs";

/** By default two NOTIFYs on one database are at least this far apart; requests in between share the next one. */
const DEFAULT_GAP_MS = 25;

type Notifier = Pick<SqlClient, "$executeRaw">;

// On globalThis: Next.js may load this module once per route bundle, but the worker and the webhook
// route of one process must meet here.
const shared = globalThis as unknown as {
  __lssJobWakeId?: string;
  __lssJobWakers?: Set<() => void>;
  __lssJobPublishers?: WeakMap<object, Map<number, WakePublisher>>;
};
const localWakers = (shared.__lssJobWakers ??= new Set());

/**
 * The payload of this process's NOTIFYs. Its own workers were already woken directly, so their
 * listeners skip it; a NOTIFY joined to a caller's transaction carries an empty payload and wakes all.
 */
export const PROCESS_WAKE_ID = (shared.__lssJobWakeId ??= randomUUID());
const publishers = (shared.__lssJobPublishers ??= new WeakMap());

/** Lets a worker of this process be woken directly, without the NOTIFY round trip. Returns the unsubscribe. */
export function onLocalWake(wake: () => void): () => void {
  localWakers.add(wake);
  return () => localWakers.delete(wake);
}

/**
 * Publishes "new jobs are due" after the caller's commit: wakes this process's workers at once and
 * sends one NOTIFY (outside any transaction, so no commit holds PostgreSQL's notify lock for it) for
 * the workers of other processes. Requests are coalesced: at most one NOTIFY in flight and one per
 * `gapMs`, so a burst of sends costs a handful of NOTIFYs and an idle remote worker still wakes
 * within milliseconds. Never throws: a lost wake-up only delays a job until the next poll.
 */
export function publishWake(db: Notifier, { local = true, gapMs = DEFAULT_GAP_MS }: { local?: boolean; gapMs?: number } = {}): void {
  if (local) for (const wake of localWakers) wake();
  let byGap = publishers.get(db);
  if (!byGap) publishers.set(db, (byGap = new Map()));
  let publisher = byGap.get(gapMs);
  if (!publisher) byGap.set(gapMs, (publisher = new WakePublisher(db, gapMs)));
  publisher.request();
}

/** Resolves once every wake-up requested so far on `db` has been published (for tests). */
export async function wakesPublished(db: Notifier): Promise<void> {
  await Promise.all([...(publishers.get(db)?.values() ?? [])].map((p) => p.idle()));
}

class WakePublisher {
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private again = false;
  private last = -Infinity;

  constructor(
    private readonly db: Notifier,
    private readonly gapMs: number,
  ) {}

  request() {
    if (this.sending || this.timer) {
      this.again = true;
      return;
    }
    const wait = this.last + this.gapMs - performance.now();
    // Sent synchronously when it can be: a script that sends and then closes its pool still notifies.
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  async idle() {
    while (this.sending || this.timer || this.again) {
      if (this.sending) await this.sending;
      else await new Promise((r) => setTimeout(r, 1));
    }
  }

  private flush() {
    this.timer = undefined;
    this.again = false;
    this.last = performance.now();
    let sent: Promise<unknown>;
    try {
      // A hint (polling covers a lost one): its commit need not wait for a WAL flush.
      sent = this.db.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${PROCESS_WAKE_ID}), set_config('synchronous_commit', 'off', true)`;
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
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }
}
