import type { Db } from "@/lib/db";
import type { FunctionRegistry } from "./registry";

export interface ClaimedJob {
  id: string;
  functionId: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  concurrencyKey: string | null;
  /** The lease, and the fencing token: every later write requires this exact value. */
  lockedUntil: Date;
  /** The database clock at claim time; sleeps are measured on it, like runAt. */
  dbNow: Date;
}

const NO_LIMIT = 2_147_483_647;

/**
 * Claims due jobs: QUEUED with runAt <= now, or RUNNING with an expired lease (its worker died).
 * Rows are taken with FOR UPDATE SKIP LOCKED, so concurrent workers never get the same job. Per-key
 * concurrency: saturated keys are filtered in the query, then the keys still in play are
 * re-counted under a transaction advisory lock per key, so two workers claiming at the same moment
 * cannot both take the last slot of a key.
 */
export async function claimJobs({
  db,
  registry,
  max,
  leaseMs,
}: {
  db: Db;
  registry: FunctionRegistry;
  max: number;
  leaseMs: number;
}): Promise<ClaimedJob[]> {
  if (max <= 0 || registry.ids.length === 0) return [];
  const { functionIds, limits } = registry.limits;
  return db.$transaction(
    async (tx) => {
      const candidates = await tx.$queryRaw<{ id: string; functionId: string; concurrencyKey: string | null }[]>`
        SELECT j.id, j."functionId", j."concurrencyKey"
        FROM jobs j
        WHERE j."functionId" = ANY(${registry.ids}::text[])
          AND ((j.status = 'QUEUED' AND j."runAt" <= now())
            OR (j.status = 'RUNNING' AND j."lockedUntil" <= now()))
          AND (j."concurrencyKey" IS NULL OR (
                SELECT count(*) FROM jobs r
                WHERE r."concurrencyKey" = j."concurrencyKey" AND r.status = 'RUNNING' AND r."lockedUntil" > now()
              ) < COALESCE((
                SELECT l.lim FROM unnest(${functionIds}::text[], ${limits}::int[]) AS l(fn, lim)
                WHERE l.fn = j."functionId"
              ), ${NO_LIMIT}))
        ORDER BY j."runAt", j."createdAt"
        LIMIT ${max}
        FOR UPDATE OF j SKIP LOCKED`;
      if (candidates.length === 0) return [];

      const keys = [...new Set(candidates.flatMap((c) => (c.concurrencyKey ? [c.concurrencyKey] : [])))].sort();
      let accepted = candidates;
      if (keys.length > 0) {
        // Sorted acquisition: two claimers never wait on each other's keys in opposite orders.
        await tx.$queryRaw`
          SELECT count(pg_advisory_xact_lock(hashtextextended(s.k, 0)))::int AS n
          FROM (SELECT k FROM unnest(${keys}::text[]) AS k ORDER BY k) s`;
        const running = await tx.$queryRaw<{ key: string; n: number }[]>`
          SELECT "concurrencyKey" AS key, count(*)::int AS n FROM jobs
          WHERE "concurrencyKey" = ANY(${keys}::text[]) AND status = 'RUNNING' AND "lockedUntil" > now()
          GROUP BY 1`;
        const inUse = new Map(running.map((r) => [r.key, r.n]));
        const limitOf = new Map(functionIds.map((id, i) => [id, limits[i]!]));
        accepted = candidates.filter((c) => {
          if (!c.concurrencyKey) return true;
          const used = inUse.get(c.concurrencyKey) ?? 0;
          if (used >= (limitOf.get(c.functionId) ?? NO_LIMIT)) return false;
          inUse.set(c.concurrencyKey, used + 1);
          return true;
        });
        if (accepted.length === 0) return [];
      }

      return tx.$queryRaw<ClaimedJob[]>`
        UPDATE jobs SET
          status = 'RUNNING',
          "lockedUntil" = now() + make_interval(secs => ${leaseMs}::double precision / 1000),
          "updatedAt" = now()
        WHERE id = ANY(${accepted.map((c) => c.id)}::text[])
        RETURNING id, "functionId", payload, attempts, "maxAttempts", "concurrencyKey", "lockedUntil", now() AS "dbNow"`;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Milliseconds until the next job becomes due (null: nothing scheduled), so an idle worker sleeps exactly that long. */
export async function msUntilNextDue({ db, registry }: { db: Db; registry: FunctionRegistry }): Promise<number | null> {
  const [row] = await db.$queryRaw<{ ms: number | null }[]>`
    SELECT (EXTRACT(EPOCH FROM (min("runAt") - now())) * 1000)::float8 AS ms
    FROM jobs
    WHERE status = 'QUEUED' AND "runAt" > now() AND "functionId" = ANY(${registry.ids}::text[])`;
  return row?.ms ?? null;
}
