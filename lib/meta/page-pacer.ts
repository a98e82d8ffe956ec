import type { SqlClient } from "@/lib/db";

/**
 * Keeps the calls to one Page under Meta's ceiling (the Send API allows 300 calls/s per Page) for every
 * worker of every instance at once: the schedule lives in PostgreSQL (`page_send_pacing`, one row per
 * bucket), not in process memory.
 *
 * The schedule is a GCRA (generic cell rate algorithm) on the row's `tat`, the time the next send may
 * go: reserving n sends moves it n/rate later. A process reserves for all its callers waiting on a bucket
 * at once, plus as many again as it used in the last PREFETCH_MS, so under load one UPDATE covers many
 * sends. A reserved slot is used at its time and expires SLOT_GRACE_MS after it; an idle bucket lets
 * BURST_MS of sends go at once.
 *
 * An idle Page (its schedule not ahead of the clock) is leased to one process at a time for LEASE_MS: the
 * holder sends up to LEASE_SHARE × rate calls in any second without reserving them — no statement per
 * send while a live is far below the ceiling, one per LEASE_MS instead. Another process gets the lease
 * only LEASE_HANDOVER_MS after the last one ended, so any one second holds one holder's lease sends.
 *
 * Any one second therefore sees at most rate × (1 + (BURST_MS + SLOT_GRACE_MS)/1000) reserved sends plus
 * rate × LEASE_SHARE leased ones, and the pacer runs at `ceiling / (1 + … + LEASE_SHARE)` (pacedRate) to
 * stay under the ceiling itself, however the load is spread over processes.
 *
 * A rate-limit answer from Meta pushes the shared schedule back (`penalize`): every worker pauses, not
 * just the one that was refused, so one 613 does not become a storm of them (a lease held elsewhere
 * sends at most its few calls of the second before it runs out).
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
const LEASE_SHARE = 0.07;
const LEASE_MS = 5_000;
const LEASE_HANDOVER_MS = 1_000;
/** A lease this close to its end is renewed by the next reservation. */
const LEASE_RENEW_MS = 1_000;

/** The pace that keeps any one-second window under `ceilingPerSecond` (see PagePacer). */
export function pacedRate(ceilingPerSecond: number) {
  return ceilingPerSecond / (1 + (BURST_MS + SLOT_GRACE_MS) / 1000 + LEASE_SHARE);
}

/** Calls a lease holder may send in any one second on a bucket paced at `ratePerSecond` (0: no lease). */
export function leaseQuota(ratePerSecond: number) {
  return Math.floor(ratePerSecond * LEASE_SHARE);
}

interface Bucket {
  /** Reserved, unused slot times (epoch ms, ascending). */
  slots: number[];
  waiters: (() => void)[];
  reserving: boolean;
  /** Times of recent takes, to size the next reservation. */
  recent: number[];
  /** This process holds the bucket's lease until then (local clock), or 0. */
  leaseUntil: number;
  /** Times of the sends of the last second that went on the lease. */
  leased: number[];
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
    if (!b) buckets.set(key, (b = { slots: [], waiters: [], reserving: false, recent: [], leaseUntil: 0, leased: [] }));
    return b;
  };
  /** This pacer, as a lease holder. */
  const holder = crypto.randomUUID();

  /** One send on the lease, if this process holds it and has calls of this second left on it. */
  const onLease = (b: Bucket, t: number, quota: number) => {
    if (t >= b.leaseUntil) return false;
    while (b.leased.length > 0 && b.leased[0]! <= t - 1000) b.leased.shift();
    if (b.leased.length >= quota) return false;
    b.leased.push(t);
    return true;
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
      const quota = leaseQuota(rate);
      const t = now();
      b.recent = b.recent.filter((r) => r > t - PREFETCH_MS);
      const n = Math.min(MAX_BATCH, Math.max(b.waiters.length, b.recent.length));
      // Ask for the lease when not holding it (or soon not): granted only on an idle schedule, and then
      // instead of the n slots (the waiters go on the lease).
      const lease = quota >= 1 && t >= b.leaseUntil - LEASE_RENEW_MS ? holder : null;
      const [row] = await db.$queryRaw<{ endMs: number; leased: boolean; leaseMs: number | null }[]>`
        INSERT INTO page_send_pacing AS p (bucket, tat, rate, "updatedAt", "leaseHolder", "leaseUntil")
        VALUES (${key}, clock_timestamp() + make_interval(secs => CASE WHEN ${lease}::text IS NULL THEN ${n}::float8 / ${rate}::float8 ELSE 0 END - ${BURST_MS / 1000}::float8), ${rate}::float8, clock_timestamp(),
                ${lease}::text, CASE WHEN ${lease}::text IS NOT NULL THEN statement_timestamp() + make_interval(secs => ${LEASE_MS / 1000}::float8) END)
        ON CONFLICT (bucket) DO UPDATE SET
          tat = CASE WHEN EXCLUDED."leaseHolder" IS NOT NULL AND p.tat <= statement_timestamp()
              AND (p."leaseHolder" = EXCLUDED."leaseHolder" OR p."leaseUntil" IS NULL OR p."leaseUntil" <= statement_timestamp() - make_interval(secs => ${LEASE_HANDOVER_MS / 1000}::float8))
            THEN p.tat
            ELSE GREATEST(p.tat, clock_timestamp() - make_interval(secs => ${BURST_MS / 1000}::float8)) + make_interval(secs => ${n}::float8 / ${rate}::float8) END,
          "leaseHolder" = CASE WHEN EXCLUDED."leaseHolder" IS NOT NULL AND p.tat <= statement_timestamp()
              AND (p."leaseHolder" = EXCLUDED."leaseHolder" OR p."leaseUntil" IS NULL OR p."leaseUntil" <= statement_timestamp() - make_interval(secs => ${LEASE_HANDOVER_MS / 1000}::float8))
            THEN EXCLUDED."leaseHolder" ELSE p."leaseHolder" END,
          "leaseUntil" = CASE WHEN EXCLUDED."leaseHolder" IS NOT NULL AND p.tat <= statement_timestamp()
              AND (p."leaseHolder" = EXCLUDED."leaseHolder" OR p."leaseUntil" IS NULL OR p."leaseUntil" <= statement_timestamp() - make_interval(secs => ${LEASE_HANDOVER_MS / 1000}::float8))
            THEN EXCLUDED."leaseUntil" ELSE p."leaseUntil" END,
          rate = EXCLUDED.rate,
          "updatedAt" = EXCLUDED."updatedAt"
        RETURNING (EXTRACT(EPOCH FROM (tat - clock_timestamp())) * 1000)::float8 AS "endMs",
          coalesce("leaseHolder" = ${lease}::text AND "leaseUntil" = statement_timestamp() + make_interval(secs => ${LEASE_MS / 1000}::float8), false) AS leased,
          (EXTRACT(EPOCH FROM ("leaseUntil" - clock_timestamp())) * 1000)::float8 AS "leaseMs"`;
      if (row!.leased) {
        // The database's clock decides; the lease ends for this process no later than it does there.
        b.leaseUntil = t + row!.leaseMs!;
        const at = now();
        while (b.waiters.length > 0 && onLease(b, at, quota)) b.waiters.shift()!();
      } else {
        // Only the offset from the database's clock is used here, so clock skew does not matter.
        const end = now() + row!.endMs;
        const step = 1000 / rate;
        const start = end - n * step;
        const slots = Array.from({ length: n }, (_, i) => start + i * step);
        for (const resolve of b.waiters.splice(0, n)) release(key, b, resolve, slots.shift()!);
        b.slots = slots;
      }
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
      const rate = ratePerSecond(key);
      if (!(rate > 0)) return Promise.resolve();
      const b = bucketOf(key);
      const t = now();
      while (b.slots.length > 0 && b.slots[0]! < t - SLOT_GRACE_MS) b.slots.shift();
      // Slots already reserved go first; then the lease of an idle Page (no statement); then a reservation.
      if (b.waiters.length === 0 && b.slots.length === 0 && onLease(b, t, leaseQuota(rate))) return Promise.resolve();
      b.recent.push(t);
      if (b.recent.length > MAX_BATCH * 4) b.recent = b.recent.filter((r) => r > t - PREFETCH_MS);
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
      if (b) {
        b.slots = [];
        b.leaseUntil = 0;
      }
      const rate = ratePerSecond(key);
      if (!(rate > 0)) return;
      try {
        await db.$executeRaw`
          INSERT INTO page_send_pacing AS p (bucket, tat, rate, "updatedAt")
          VALUES (${key}, clock_timestamp() + make_interval(secs => ${ms}::float8 / 1000), ${rate}::float8, clock_timestamp())
          ON CONFLICT (bucket) DO UPDATE SET
            tat = GREATEST(p.tat, EXCLUDED.tat),
            "leaseUntil" = LEAST(p."leaseUntil", EXCLUDED."updatedAt"),
            "updatedAt" = EXCLUDED."updatedAt"`;
      } catch {
        // The caller still backs off on its own.
      }
    },
  };
}
