import { randomUUID } from "node:crypto";
import type { SqlClient as PgSqlClient } from "@/lib/db";
import type { AnyJobDefinition } from "../define";
import type { PreparedEvent } from "../events";
import { concurrencyGroup, failureFunctionId } from "./registry";
import { JOBS_CHANNEL } from "./wake";

export { JOBS_CHANNEL };

/**
 * Raw SQL is all the job tables need: a Prisma client or interactive transaction, or the plain
 * node-postgres client (`pgDb`) or one of its transactions, all fit.
 */
export type SqlClient = Pick<PgSqlClient, "$executeRaw" | "$queryRaw">;

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
  /**
   * ISO time before which the job must not start: the event's `ts` when it lies in the future (Inngest
   * schedules such an event's runs for that time too), else null (due at once, on the database clock).
   */
  runAt: string | null;
}

/** One job row per subscribed function. */
export function outboxRowsFor(functions: readonly AnyJobDefinition[], events: readonly PreparedEvent[]): OutboxJobRow[] {
  const rows: OutboxJobRow[] = [];
  const now = Date.now();
  for (const event of events) {
    let payload: string | undefined;
    const runAt = event.ts > now ? new Date(event.ts).toISOString() : null;
    for (const def of functions) {
      if (def.event !== event.name) continue;
      rows.push({
        id: randomUUID(),
        functionId: def.id,
        eventName: event.name,
        eventId: event.id,
        payload: (payload ??= JSON.stringify(event)),
        maxAttempts: def.retries + 1,
        concurrencyKey: concurrencyGroup(def, event),
        runAt,
      });
    }
  }
  return rows;
}

/**
 * One job row per subscribed function. (functionId, eventId) is unique, so re-sending an event with
 * the same id is a no-op: that is what makes producers safely retryable. With `notify` (the default,
 * for callers' own transactions) a NOTIFY joins the insert and is delivered on commit; pass false
 * when the caller wakes the workers itself after its commit (see wake.ts).
 */
export async function insertEventJobs({
  tx,
  functions,
  events,
  notify = true,
}: {
  tx: SqlClient;
  functions: readonly AnyJobDefinition[];
  events: readonly PreparedEvent[];
  notify?: boolean;
}): Promise<number> {
  return insertJobRows(tx, outboxRowsFor(functions, events), notify);
}

/** The durable compensation: one "<id>-failure" job per failed run (the failed job's id is its event id). */
export async function insertFailureJob({
  tx,
  def,
  failedJobId,
  event,
  error,
}: {
  tx: SqlClient;
  def: AnyJobDefinition;
  failedJobId: string;
  event: unknown;
  error: { name: string; message: string };
}) {
  return insertJobRows(
    tx,
    [
      {
        id: randomUUID(),
        functionId: failureFunctionId(def),
        eventName: "job/failed",
        eventId: failedJobId,
        payload: JSON.stringify({ name: "job/failed", data: { event, error }, id: failedJobId, ts: Date.now() }),
        maxAttempts: def.retries + 1,
        concurrencyKey: null,
        runAt: null,
      },
    ],
    false,
  );
}

// runAt comes from the database clock (not the app's), the same clock the claim query compares with,
// truncated: the millisecond column would otherwise round up and make a new job due only in the next ms.
// An event scheduled for later (a future `ts`) starts then instead (GREATEST ignores a NULL).
async function insertJobRows(tx: SqlClient, rows: OutboxJobRow[], notify: boolean): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.$executeRaw`
    INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, "maxAttempts", "concurrencyKey", "runAt", "updatedAt")
    SELECT r.id, r.fn, r.ev, r.eid, r.payload::jsonb, r.max, r.ck, GREATEST(date_trunc('milliseconds', now()), r.run_at), now()
    FROM unnest(
      ${rows.map((r) => r.id)}::text[],
      ${rows.map((r) => r.functionId)}::text[],
      ${rows.map((r) => r.eventName)}::text[],
      ${rows.map((r) => r.eventId)}::text[],
      ${rows.map((r) => r.payload)}::text[],
      ${rows.map((r) => r.maxAttempts)}::int[],
      ${rows.map((r) => r.concurrencyKey)}::text[],
      ${rows.map((r) => r.runAt)}::timestamptz[]
    ) AS r(id, fn, ev, eid, payload, max, ck, run_at)
    ON CONFLICT ("functionId", "eventId") DO NOTHING`;
  if (inserted > 0 && notify) await tx.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, '')`;
  return inserted;
}
