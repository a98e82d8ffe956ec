import { SqlFragment, type BoundSqlFragment } from "@/lib/sql";

/** A `jobs` row ready to insert: what `jobs.outboxRows()` hands to a producer writing its own SQL. */
export interface OutboxJobRow {
  id: string;
  functionId: string;
  eventName: string;
  eventId: string;
  /** The prepared event ({ name, data, id, ts }) as JSON text: cast with `::jsonb`. */
  payload: string;
  maxAttempts: number;
  concurrencyKey: string | null;
  /** The store the job works for (the event's `data.storeId`): the claim shares workers fairly between stores. */
  storeId?: string | null;
  /**
   * ISO time before which the job must not start: the event's `ts` when it lies in the future (Inngest
   * schedules such an event's runs for that time too), else null (due at once, on the database clock).
   */
  runAt: string | null;
}

/** What a statement adds around the rows: a JOIN or WHERE that keeps only some of them, and what it returns. */
export interface JobRowsInsertShape {
  /** SQL placed after the row source `r` (columns id, fn, ev, eid, payload, max, ck, store, run_at), e.g. `WHERE EXISTS (SELECT 1 FROM new_order)`. */
  filter?: string;
  /** The RETURNING list, e.g. `id`. */
  returning?: string;
}

/**
 * The one way a `jobs` row is written, by the local driver and by the hot producers that write their
 * job rows inside their own statement (transactional outbox in one statement). runAt comes from the
 * database clock (not the app's), the same clock the claim query compares with, truncated: the
 * millisecond column would otherwise round up and make a new job due only in the next ms. An event
 * scheduled for later (a future `ts`) starts then instead (GREATEST ignores a NULL). (functionId,
 * eventId) is unique, so a re-sent event is a no-op: that is what makes producers safely retryable.
 *
 * Call it once per statement, at module load, and splice the rows in where the statement inserts them:
 * ```ts
 * const insertJobs = jobRowsInsert({ filter: "WHERE EXISTS (SELECT 1 FROM new_order)", returning: "id" });
 * // …inside the statement: job AS (${insertJobs(rows)}),
 * ```
 * The statement's text stays fixed (one prepared statement); the rows are bound as nine arrays.
 */
export function jobRowsInsert({ filter, returning }: JobRowsInsertShape = {}): (rows: readonly OutboxJobRow[]) => BoundSqlFragment {
  const fragment = new SqlFragment([
    `INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, "maxAttempts", "concurrencyKey", "storeId", "runAt", "updatedAt")
      SELECT r.id, r.fn, r.ev, r.eid, r.payload::jsonb, r.max, r.ck, r.store, GREATEST(date_trunc('milliseconds', now()), r.run_at), now()
      FROM unnest(`,
    "::text[], ",
    "::text[], ",
    "::text[], ",
    "::text[], ",
    "::text[], ",
    "::int[], ",
    "::text[], ",
    "::text[], ",
    `::timestamptz[]) AS r(id, fn, ev, eid, payload, max, ck, store, run_at)${filter ? `\n      ${filter}` : ""}
      ON CONFLICT ("functionId", "eventId") DO NOTHING${returning ? `\n      RETURNING ${returning}` : ""}`,
  ]);
  return (rows) =>
    fragment.bind([
      rows.map((r) => r.id),
      rows.map((r) => r.functionId),
      rows.map((r) => r.eventName),
      rows.map((r) => r.eventId),
      rows.map((r) => r.payload),
      rows.map((r) => r.maxAttempts),
      rows.map((r) => r.concurrencyKey),
      rows.map((r) => r.storeId ?? null),
      rows.map((r) => r.runAt),
    ]);
}
