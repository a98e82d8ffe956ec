import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { AnyJobDefinition } from "../define";
import type { PreparedEvent } from "../events";
import { concurrencyGroup, failureFunctionId } from "./registry";

/** Workers LISTEN here; a NOTIFY sent inside a transaction is delivered only if it commits. */
export const JOBS_CHANNEL = "lss_jobs";

/** A Prisma client or interactive transaction: raw SQL is all the job tables need. */
export type SqlClient = Pick<Tx, "$executeRaw" | "$queryRaw">;

interface JobRow {
  functionId: string;
  eventName: string;
  eventId: string;
  payload: unknown;
  maxAttempts: number;
  concurrencyKey: string | null;
}

/**
 * One job row per subscribed function. (functionId, eventId) is unique, so re-sending an event with
 * the same id is a no-op: that is what makes producers safely retryable.
 */
export async function insertEventJobs({
  tx,
  functions,
  events,
}: {
  tx: SqlClient;
  functions: readonly AnyJobDefinition[];
  events: readonly PreparedEvent[];
}): Promise<number> {
  const rows: JobRow[] = [];
  for (const event of events) {
    for (const def of functions) {
      if (def.event !== event.name) continue;
      rows.push({
        functionId: def.id,
        eventName: event.name,
        eventId: event.id,
        payload: event,
        maxAttempts: def.retries + 1,
        concurrencyKey: concurrencyGroup(def, event),
      });
    }
  }
  return insertJobRows(tx, rows);
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
  return insertJobRows(tx, [
    {
      functionId: failureFunctionId(def),
      eventName: "job/failed",
      eventId: failedJobId,
      payload: { name: "job/failed", data: { event, error }, id: failedJobId, ts: Date.now() },
      maxAttempts: def.retries + 1,
      concurrencyKey: null,
    },
  ]);
}

// runAt comes from the database clock (not the app's), the same clock the claim query compares with,
// truncated: the millisecond column would otherwise round up and make a new job due only in the next ms.
async function insertJobRows(tx: SqlClient, rows: JobRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.$executeRaw`
    INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, "maxAttempts", "concurrencyKey", "runAt", "updatedAt")
    SELECT r.id, r.fn, r.ev, r.eid, r.payload::jsonb, r.max, r.ck, date_trunc('milliseconds', now()), now()
    FROM unnest(
      ${rows.map(() => randomUUID())}::text[],
      ${rows.map((r) => r.functionId)}::text[],
      ${rows.map((r) => r.eventName)}::text[],
      ${rows.map((r) => r.eventId)}::text[],
      ${rows.map((r) => JSON.stringify(r.payload))}::text[],
      ${rows.map((r) => r.maxAttempts)}::int[],
      ${rows.map((r) => r.concurrencyKey)}::text[]
    ) AS r(id, fn, ev, eid, payload, max, ck)
    ON CONFLICT ("functionId", "eventId") DO NOTHING`;
  if (inserted > 0) await notifyWorkers(tx);
  return inserted;
}

export async function notifyWorkers(tx: SqlClient) {
  await tx.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, '')`;
}
