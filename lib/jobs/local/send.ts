import { randomUUID } from "node:crypto";
import { currentRequestContext } from "@/lib/observability/request-context";
import { currentTraceparent } from "@/lib/observability/tracing";
import type { SqlClient as PgSqlClient } from "@/lib/db";
import type { AnyJobDefinition } from "../define";
import type { PreparedEvent } from "../events";
import { jobRowsInsert, type OutboxJobRow } from "./job-rows";
import type { RouteTable } from "../routes";
import { concurrencyGroup, failureFunctionId } from "./registry";
import { JOBS_CHANNEL, wakePayload } from "./wake";


/**
 * Raw SQL is all the job tables need: a Prisma client or interactive transaction, or the plain
 * node-postgres client (`hotPathDb`) or one of its transactions, all fit.
 */
export type SqlClient = Pick<PgSqlClient, "$executeRaw" | "$queryRaw">;

/** The store an event's work belongs to, for fair scheduling (events of platform work carry none). */
export function storeOf(data: unknown): string | null {
  const storeId = (data as { storeId?: unknown } | null | undefined)?.storeId;
  return typeof storeId === "string" && storeId !== "" ? storeId : null;
}

/** One job row per subscribed function. */
export function outboxRowsFor(routes: RouteTable, events: readonly PreparedEvent[]): OutboxJobRow[] {
  const rows: OutboxJobRow[] = [];
  const now = Date.now();
  // The request that queued the work: its id follows the job into every log line of its steps.
  const rid = currentRequestContext()?.request_id;
  // …and, when tracing, the span that queued it: the job's span continues that trace.
  const tp = currentTraceparent();
  for (const event of events) {
    const subscribed = routes.get(event.name);
    if (!subscribed) continue;
    const payload = JSON.stringify(rid || tp ? { ...event, ...(rid && { rid }), ...(tp && { tp }) } : event);
    const runAt = event.ts > now ? new Date(event.ts).toISOString() : null;
    const storeId = storeOf(event.data);
    for (const def of subscribed) {
      rows.push({
        id: randomUUID(),
        functionId: def.id,
        eventName: event.name,
        eventId: event.id,
        payload,
        maxAttempts: def.retries + 1,
        concurrencyKey: concurrencyGroup(def, event),
        storeId,
        runAt,
      });
    }
  }
  return rows;
}

/**
 * One job row per subscribed function (a re-sent event id is a no-op). With `notify` (the default,
 * for callers' own transactions) a NOTIFY joins the insert and is delivered on commit; pass false
 * when the caller wakes the workers itself after its commit (see wake.ts).
 */
export async function insertEventJobs({
  tx,
  routes,
  events,
  notify = true,
}: {
  tx: SqlClient;
  routes: RouteTable;
  events: readonly PreparedEvent[];
  notify?: boolean;
}): Promise<number> {
  return insertJobRows(tx, outboxRowsFor(routes, events), notify);
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
        storeId: storeOf((event as { data?: unknown } | null)?.data),
        runAt: null,
      },
    ],
    false,
  );
}

const insertRows = jobRowsInsert();

/**
 * Inserts job (or outbox) rows as one statement; a NOTIFY joins it with `notify` (a caller's transaction),
 * naming the rows' stores and no sender (every listener takes it, this process's too).
 */
export async function insertJobRows(tx: SqlClient, rows: readonly OutboxJobRow[], notify: boolean): Promise<number> {
  if (rows.length === 0) return 0;
  // The insert is the whole statement here: its template runs as is, on a Prisma client as on hotPathDb.
  const insert = insertRows(rows);
  const inserted = await tx.$executeRaw(insert.fragment.strings, ...insert.values);
  if (inserted > 0 && notify) await tx.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${wakePayload("", rows.map((r) => r.storeId))})`;
  return inserted;
}
