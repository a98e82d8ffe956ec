import type { SqlClient, SqlDb } from "@/lib/db";
import type { FunctionRegistry } from "./registry";
import type { StepOutput } from "./step-output";

export interface ClaimedJob {
  id: string;
  functionId: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  concurrencyKey: string | null;
  /** The store the job works for (null: platform work): the worker counts its running jobs per store. */
  storeId: string | null;
  /** The lease, and the fencing token: every later write requires this exact value. */
  lockedUntil: Date;
  /** The database clock at claim time; sleeps are measured on it, like runAt. */
  dbNow: Date;
  /** The steps memoised by earlier runs, read with the claim. */
  steps: Record<string, StepOutput>;
}

export interface ClaimResult {
  jobs: ClaimedJob[];
  /** When fewer jobs than asked were due: ms until the next queued job becomes due (null: none scheduled). */
  nextDueMs: number | null;
  /** Due jobs were left behind: the claim was full, or their keys were at their limit. */
  more: boolean;
}

/**
 * How many due rows, oldest first, one claim considers at most: a big backlog never makes a claim
 * sort or scan all of it. A claim for `max` jobs reads 4 × max of them (saturated keys excluded), so
 * keys with only a few free slots rarely leave it short.
 */
const CLAIM_HEAD = 512;
const headSize = (max: number) => Math.min(CLAIM_HEAD, Math.max(32, max * 4));
/**
 * Stores whose oldest queued jobs a claim also reads (in storeId order), beside the oldest jobs overall:
 * a store whose backlog fills the head of the queue cannot hide another store's jobs behind it. One
 * index probe per store with queued jobs; past this many, the rest are served oldest first as before.
 */
const FAIR_STORES = 256;

type Row = Omit<ClaimedJob, "steps"> & { steps: Record<string, StepOutput> | null; nextDueMs: number | null; more: boolean | null };

/**
 * Claims due jobs in one statement: QUEUED with runAt <= now, or RUNNING with an expired lease (its
 * worker died), with the steps they memoised so far. Rows are locked FOR UPDATE SKIP LOCKED (and
 * re-checked after locking), so concurrent workers never get the same job.
 *
 * Fair share across stores: the claim reads, beside the oldest due jobs overall, the oldest due jobs of
 * each store with queued work (and of jobs with no store), and hands out its slots in order of
 * (jobs the store already runs + the job's rank within its store), oldest first on ties: a store with a
 * huge backlog gets a slot only after every other store with waiting work is level with it, so a quiet
 * store's job starts at the next claim. With one store the order is plain oldest first.
 *
 * Its cost must not grow with the backlog (a worker that falls behind would then fall further behind):
 * the picked jobs are locked through the primary key (`= ANY(ARRAY(...))`, never a join the planner
 * may drive from every queued row — measured 15 ms of a 17 ms claim with 1,200 queued), and the RUNNING
 * rows, whose index entries include every finished job's old versions until a vacuum, are read once.
 *
 * Per-key concurrency: the keys in use are counted once per claim; saturated keys are skipped before
 * the head of the queue is cut, and within the head each key gets at most its free slots. Claims of
 * workers that run concurrency-limited functions are serialised by one transaction advisory lock
 * taken before the claim statement, whose snapshot therefore sees every earlier claim: two workers
 * claiming at the same moment cannot both take the last slot of a key.
 */
export async function claimJobs({
  db,
  registry,
  max,
  leaseMs,
}: {
  db: SqlDb;
  registry: FunctionRegistry;
  max: number;
  leaseMs: number;
}): Promise<ClaimResult> {
  if (max <= 0 || registry.ids.length === 0) return { jobs: [], nextDueMs: null, more: false };
  // Asynchronous commit: the claim (and its lock) is released without waiting for a WAL flush. A claim has
  // no effect outside the database; whatever a claimed run later does outside it follows a synchronous
  // commit (a step memo, a send's idempotency claim), which makes this one durable too.
  // No bitmap scans: those never mark the index entries of finished jobs dead, and the planner chose them
  // (reading, then sorting, every queued job) whenever its statistics said the queue was short, as they
  // do on a quiet day. The statement's plan is made once per connection, inside this setting.
  const serialised = registry.limits.functionIds.length > 0;
  const rows = await db.$transaction(
    async (tx) => {
      if (serialised)
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended('lss_jobs:claim', 0)), set_config('synchronous_commit', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
      else await tx.$queryRaw`SELECT set_config('synchronous_commit', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
      return claimStatement(tx, registry, max, leaseMs);
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  const result: ClaimResult = { jobs: [], nextDueMs: null, more: false };
  for (const row of rows) {
    const { nextDueMs, more, steps, ...job } = row;
    if (job.id === null) Object.assign(result, { nextDueMs, more: more ?? false });
    else result.jobs.push({ ...job, steps: steps ?? {} });
  }
  return result;
}

// The last row (id NULL) tells whether due jobs were left behind and, when the claim came back short,
// when the next queued job becomes due.
function claimStatement(db: SqlClient, registry: FunctionRegistry, max: number, leaseMs: number) {
  const { functionIds, limits } = registry.limits;
  return db.$queryRaw<Row[]>`
    WITH lim AS MATERIALIZED (
      SELECT fn, lim FROM unnest(${functionIds}::text[], ${limits}::int[]) AS l(fn, lim)
    ),
    run AS MATERIALIZED (
      SELECT r.id, r."functionId", r."concurrencyKey", r."storeId", r."runAt", r."createdAt", r."lockedUntil" > now() AS live
      FROM jobs r
      WHERE r.status = 'RUNNING'
    ),
    busy AS MATERIALIZED (
      SELECT r."concurrencyKey" AS key, min(r."functionId") AS fn, count(*)::int AS n
      FROM run r
      WHERE r.live AND r."concurrencyKey" IS NOT NULL
      GROUP BY 1
    ),
    full_keys AS MATERIALIZED (
      SELECT b.key FROM busy b JOIN lim l ON l.fn = b.fn WHERE b.n >= l.lim
    ),
    running AS MATERIALIZED (
      SELECT r."storeId" AS store, count(*)::int AS n
      FROM run r
      WHERE r.live
      GROUP BY 1
    ),
    stores AS MATERIALIZED (
      WITH RECURSIVE s(store, n) AS (
        (SELECT q."storeId", 1 FROM jobs q WHERE q.status = 'QUEUED' AND q."storeId" IS NOT NULL ORDER BY q."storeId" LIMIT 1)
        UNION ALL
        SELECT (SELECT q."storeId" FROM jobs q WHERE q.status = 'QUEUED' AND q."storeId" > s.store ORDER BY q."storeId" LIMIT 1), s.n + 1
        FROM s WHERE s.store IS NOT NULL AND s.n < ${FAIR_STORES}
      )
      SELECT store FROM s WHERE store IS NOT NULL
    ),
    -- The function filter is kept out of the index conditions ("IS TRUE"): the oldest queued jobs are read in
    -- the partial index's order and cut at the LIMIT whatever the statistics say, where an index on
    -- "functionId" let the planner read and sort every queued job when it believed the queue short.
    head AS MATERIALIZED (
      (SELECT j.id, j."functionId", j."concurrencyKey", j."storeId", j."runAt", j."createdAt"
        FROM jobs j
        WHERE j.status = 'QUEUED' AND j."runAt" <= now() AND (j."functionId" = ANY(${registry.ids}::text[])) IS TRUE
          AND (j."concurrencyKey" IS NULL OR j."concurrencyKey" NOT IN (SELECT key FROM full_keys))
        ORDER BY j."runAt", j."createdAt"
        LIMIT ${headSize(max)})
      UNION
      SELECT h.* FROM stores st CROSS JOIN LATERAL (
        SELECT j.id, j."functionId", j."concurrencyKey", j."storeId", j."runAt", j."createdAt"
        FROM jobs j
        WHERE j.status = 'QUEUED' AND j."storeId" = st.store AND j."runAt" <= now() AND (j."functionId" = ANY(${registry.ids}::text[])) IS TRUE
          AND (j."concurrencyKey" IS NULL OR j."concurrencyKey" NOT IN (SELECT key FROM full_keys))
        ORDER BY j."runAt", j."createdAt"
        LIMIT ${max}) h
      UNION
      (SELECT j.id, j."functionId", j."concurrencyKey", j."storeId", j."runAt", j."createdAt"
        FROM jobs j
        WHERE j.status = 'QUEUED' AND j."storeId" IS NULL AND j."runAt" <= now() AND (j."functionId" = ANY(${registry.ids}::text[])) IS TRUE
          AND (j."concurrencyKey" IS NULL OR j."concurrencyKey" NOT IN (SELECT key FROM full_keys))
        ORDER BY j."runAt", j."createdAt"
        LIMIT ${max})
      UNION
      (SELECT r.id, r."functionId", r."concurrencyKey", r."storeId", r."runAt", r."createdAt"
        FROM run r
        WHERE NOT r.live AND r."functionId" = ANY(${registry.ids}::text[])
        LIMIT ${headSize(max)})
    ),
    picked AS MATERIALIZED (
      SELECT h.id
      FROM (
        SELECT h.*,
          row_number() OVER (PARTITION BY h."concurrencyKey" ORDER BY h."runAt", h."createdAt") AS rn,
          row_number() OVER (PARTITION BY h."storeId" ORDER BY h."runAt", h."createdAt") AS store_rn
        FROM head h
      ) h
      LEFT JOIN busy b ON b.key = h."concurrencyKey"
      LEFT JOIN lim l ON l.fn = h."functionId"
      LEFT JOIN running r ON r.store IS NOT DISTINCT FROM h."storeId"
      WHERE h."concurrencyKey" IS NULL OR l.lim IS NULL OR h.rn <= l.lim - COALESCE(b.n, 0)
      ORDER BY COALESCE(r.n, 0) + h.store_rn, h."runAt", h."createdAt"
      LIMIT ${max}
    ),
    locked AS MATERIALIZED (
      SELECT j.id FROM jobs j
      WHERE j.id = ANY(ARRAY(SELECT id FROM picked))
        AND ((j.status = 'QUEUED' AND j."runAt" <= now()) OR (j.status = 'RUNNING' AND j."lockedUntil" <= now()))
      FOR UPDATE SKIP LOCKED
    ),
    claimed AS (
      UPDATE jobs j SET
        status = 'RUNNING',
        "lockedUntil" = now() + make_interval(secs => ${leaseMs}::double precision / 1000),
        "updatedAt" = now()
      FROM locked WHERE j.id = locked.id
      RETURNING j.id, j."functionId", j.payload, j.attempts, j."maxAttempts", j."concurrencyKey", j."storeId", j."lockedUntil"
    )
    SELECT c.id, c."functionId", c.payload, c.attempts, c."maxAttempts", c."concurrencyKey", c."storeId", c."lockedUntil",
      now() AS "dbNow",
      (SELECT json_object_agg(s."stepId", s.output) FROM job_steps s WHERE s."jobId" = c.id) AS steps,
      NULL::float8 AS "nextDueMs",
      NULL::boolean AS more
    FROM claimed c
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, now(), NULL,
      CASE WHEN (SELECT count(*) FROM claimed) < ${max} THEN (
        SELECT (EXTRACT(EPOCH FROM (min(q."runAt") - now())) * 1000)::float8
        FROM jobs q
        WHERE q.status = 'QUEUED' AND q."runAt" > now() AND q."functionId" = ANY(${registry.ids}::text[])
      ) END,
      (SELECT count(*) FROM claimed) >= ${max}
        OR (SELECT count(*) FROM head) > (SELECT count(*) FROM claimed)
        OR EXISTS (
          SELECT 1 FROM jobs k
          WHERE k."concurrencyKey" IN (SELECT key FROM full_keys) AND k.status = 'QUEUED' AND k."runAt" <= now())`;
}
