import type { SqlClient } from "@/lib/db";

/**
 * Keeps the calls to one Page under Meta's ceiling (the Send API allows 300 calls/s per Page) for every
 * worker of every instance at once: the schedule lives in PostgreSQL (`page_send_pacing`, one row per
 * bucket), not in process memory.
 *
 * The schedule is a GCRA (generic cell rate algorithm) on the row's `tat`, the time the next send may
 * go: reserving n sends moves it n/rate later. A process reserves for all its callers waiting on a bucket
 * at once, plus as many again as it used in the last PREFETCH_MS, so under load one UPDATE covers many
 * sends; an idle Page costs one UPDATE per send (a few hundred microseconds, never a wait). A reserved
 * slot is used at its time and expires SLOT_GRACE_MS after it; an idle bucket lets BURST_MS of sends go at
 * once. Any one second therefore sees at most rate × (1 + (BURST_MS + SLOT_GRACE_MS)/1000) sends, so the
 * pacer runs at `ceiling / (1 + …)` to stay under the ceiling itself.
 *
 * A rate-limit answer from Meta pushes the shared schedule back (`penalize`): every worker pauses, not
 * just the one that was refused, so one 613 does not become a storm of them.
 */
export interface PagePacer {
  /** Resolves when one call on `bucket` may go out. */
  take(bucket: string): Promise<void>;
  /** Meta refused a call on `bucket` for rate: no call on it before `ms` from now, in any process. */
  penalize(bucket: string, ms: number): Promise<void>;
}

const BURST_MS = 50;
const SLOT_GRACE_MS = 100;
const PREFETCH_MS = 100;
const MAX_BATCH = 64;

/** The pace that keeps any one-second window under `ceilingPerSecond` (see PagePacer). */
export function pacedRate(ceilingPerSecond: number) {
  return ceilingPerSecond / (1 + (BURST_MS + SLOT_GRACE_MS) / 1000);
}

interface Bucket {
  /** Reserved, unused slot times (epoch ms, ascending). */
  slots: number[];
  waiters: (() => void)[];
  reserving: boolean;
  /** Times of recent takes, to size the next reservation. */
  recent: number[];
}

export function createPagePacer({
  db,
  ratePerSecond,
  now = Date.now,
}: {
  db: SqlClient;
  /** Sends per second per bucket (already under the ceiling: see pacedRate); 0 or less: no pacing. */
  ratePerSecond: (bucket: string) => number;
  now?: () => number;
}): PagePacer {
  const buckets = new Map<string, Bucket>();
  const bucketOf = (key: string) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { slots: [], waiters: [], reserving: false, recent: [] }));
    return b;
  };

  // A send goes within SLOT_GRACE_MS of its slot or not on it: a waiter woken later (a busy event loop)
  // queues again rather than bunching with the sends of the next slots.
  const release = (key: string, b: Bucket, resolve: () => void, at: number) => {
    const wake = () => {
      if (now() <= at + SLOT_GRACE_MS) return resolve();
      b.waiters.unshift(resolve);
      void reserve(key, b);
    };
    const wait = at - now();
    if (wait <= 0) wake();
    else setTimeout(wake, wait);
  };

  async function reserve(key: string, b: Bucket) {
    if (b.reserving || b.waiters.length === 0) return;
    b.reserving = true;
    try {
      const rate = ratePerSecond(key);
      const t = now();
      b.recent = b.recent.filter((r) => r > t - PREFETCH_MS);
      const n = Math.min(MAX_BATCH, Math.max(b.waiters.length, b.recent.length));
      const [row] = await db.$queryRaw<{ endMs: number }[]>`
        INSERT INTO page_send_pacing AS p (bucket, tat, rate, "updatedAt")
        VALUES (${key}, clock_timestamp() + make_interval(secs => ${n}::float8 / ${rate}::float8 - ${BURST_MS / 1000}::float8), ${rate}::float8, clock_timestamp())
        ON CONFLICT (bucket) DO UPDATE SET
          tat = GREATEST(p.tat, clock_timestamp() - make_interval(secs => ${BURST_MS / 1000}::float8)) + make_interval(secs => ${n}::float8 / ${rate}::float8),
          rate = EXCLUDED.rate,
          "updatedAt" = EXCLUDED."updatedAt"
        RETURNING (EXTRACT(EPOCH FROM (tat - clock_timestamp())) * 1000)::float8 AS "endMs"`;
      // The database's clock decides; only the offset from it is used here, so clock skew does not matter.
      const end = now() + row!.endMs;
      const step = 1000 / rate;
      const start = end - n * step;
      const slots = Array.from({ length: n }, (_, i) => start + i * step);
      for (const resolve of b.waiters.splice(0, n)) release(key, b, resolve, slots.shift()!);
      b.slots = slots;
    } catch {
      // Pacing must never lose a send: without the database the waiting calls go now, and Meta's own
      // answer (a rate limit, retried with backoff) is the fallback.
      for (const resolve of b.waiters.splice(0)) resolve();
    } finally {
      b.reserving = false;
    }
    if (b.waiters.length > 0) void reserve(key, b);
  }

  return {
    take(key) {
      if (!(ratePerSecond(key) > 0)) return Promise.resolve();
      const b = bucketOf(key);
      const t = now();
      b.recent.push(t);
      if (b.recent.length > MAX_BATCH * 4) b.recent = b.recent.filter((r) => r > t - PREFETCH_MS);
      while (b.slots.length > 0 && b.slots[0]! < t - SLOT_GRACE_MS) b.slots.shift();
      if (b.waiters.length === 0 && b.slots.length > 0) {
        const at = b.slots.shift()!;
        return at <= t ? Promise.resolve() : new Promise((resolve) => release(key, b, resolve, at));
      }
      return new Promise<void>((resolve) => {
        b.waiters.push(resolve);
        void reserve(key, b);
      });
    },

    async penalize(key, ms) {
      const b = buckets.get(key);
      if (b) b.slots = [];
      const rate = ratePerSecond(key);
      if (!(rate > 0)) return;
      try {
        await db.$executeRaw`
          INSERT INTO page_send_pacing AS p (bucket, tat, rate, "updatedAt")
          VALUES (${key}, clock_timestamp() + make_interval(secs => ${ms}::float8 / 1000), ${rate}::float8, clock_timestamp())
          ON CONFLICT (bucket) DO UPDATE SET
            tat = GREATEST(p.tat, EXCLUDED.tat),
            "updatedAt" = EXCLUDED."updatedAt"`;
      } catch {
        // The caller still backs off on its own.
      }
    },
  };
}
