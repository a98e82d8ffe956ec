import { createInngestClient, type InngestClient } from "@/inngest/client";
import { pgDb } from "@/lib/db";
import { env, usesInngest } from "@/lib/env";
import type { AnyJobDefinition, JobDriver, SendOptions } from "./define";
import type { SendableEvent } from "./events";
import { createInngestDriver } from "./inngest-driver";
import { createLocalDriver, startLocalWorker, type LocalWorker, type LocalWorkerOptions, type OutboxJobRow } from "./local-driver";
import { publishWake } from "./local/wake";

export { defineJob, NonRetriableError } from "./define";
export type { AnyJobDefinition, JobContext, JobDefinition, JobDriver, JobStep, SendOptions } from "./define";
export type { JobEvent, JobEventName, SendableEvent } from "./events";
export { toInngestFunction } from "./inngest-driver";
export { inspectJob, runJobsUntilIdle, type OutboxJobRow } from "./local-driver";

// On globalThis: Next.js may load this module once per route bundle, but there is one registry per process.
const shared = globalThis as unknown as { __lssJobFunctions?: readonly AnyJobDefinition[]; __lssInngest?: { key: string; client: InngestClient } };

/** Call once at startup with every job definition: the local driver needs them to fan events out. */
export function registerJobFunctions(functions: readonly AnyJobDefinition[]) {
  shared.__lssJobFunctions = functions;
}

function registeredFunctions(): readonly AnyJobDefinition[] {
  const functions = shared.__lssJobFunctions;
  if (!functions) throw new Error("No job functions registered: call registerJobFunctions(functions) at startup");
  return functions;
}

/** The Inngest client configured from the environment (for `serve()` and the Inngest driver). */
export function getInngestClient(): InngestClient {
  const e = env();
  const config = {
    eventKey: e.INNGEST_EVENT_KEY,
    signingKey: e.INNGEST_SIGNING_KEY,
    baseUrl: e.INNGEST_BASE_URL,
    isDev: e.INNGEST_DEV,
  };
  const key = JSON.stringify(config);
  if (shared.__lssInngest?.key !== key) shared.__lssInngest = { key, client: createInngestClient(config) };
  return shared.__lssInngest.client;
}

/** Inngest when any INNGEST_* variable is set, else the durable in-process driver on PostgreSQL. */
export function getJobDriver(): JobDriver {
  return usesInngest(env())
    ? createInngestDriver({ client: getInngestClient() })
    : createLocalDriver({ functions: registeredFunctions });
}

/** The app's own function list, loaded on first send when nothing registered it (scripts, tests, route handlers). */
async function ensureRegistered() {
  if (shared.__lssJobFunctions) return;
  const { jobFunctions } = await import("@/inngest/functions");
  shared.__lssJobFunctions ??= jobFunctions;
}

export const jobs = {
  send: async (events: SendableEvent | readonly SendableEvent[], options?: SendOptions) => {
    await ensureRegistered();
    return getJobDriver().send(events, options);
  },

  /**
   * For a hot producer that writes its job rows inside its OWN single SQL statement (transactional
   * outbox without a NOTIFY in the transaction): the `jobs` rows for these events under the local
   * driver, or `null` when Inngest runs the functions (then call `jobs.send(events)` after commit).
   * Validates the events like `send`. After the commit, call `wakeJobWorkers()`.
   *
   * Insert them exactly like this (runAt on the database clock, truncated to the column's ms; a
   * redelivered event id is a no-op); join on `eventId` to keep only the rows of what was inserted:
   * ```sql
   * INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, "maxAttempts", "concurrencyKey", "runAt", "updatedAt")
   * SELECT r.id, r.fn, r.ev, r.eid, r.payload::jsonb, r.max, r.ck, GREATEST(date_trunc('milliseconds', now()), r.run_at), now()
   * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::timestamptz[])
   *   AS r(id, fn, ev, eid, payload, max, ck, run_at)
   * ON CONFLICT ("functionId", "eventId") DO NOTHING
   * ```
   * with $1…$8 = rows.map(r => r.id / r.functionId / r.eventName / r.eventId / r.payload / r.maxAttempts / r.concurrencyKey / r.runAt).
   */
  outboxRows: async (events: SendableEvent | readonly SendableEvent[]): Promise<OutboxJobRow[] | null> => {
    await ensureRegistered();
    if (usesInngest(env())) return null;
    return createLocalDriver({ functions: registeredFunctions }).outboxRows(events);
  },

  /** Same as `wakeJobWorkers()`. */
  wakeWorkers: () => wakeJobWorkers(),
};

/**
 * Call after committing job rows written from `jobs.outboxRows()`: wakes this process's workers at
 * once and publishes one debounced NOTIFY (outside any transaction) for the others. Never throws,
 * never waits; a lost wake-up only delays the jobs until the workers' next poll. No-op under Inngest.
 */
export function wakeJobWorkers(): void {
  if (usesInngest(env())) return;
  publishWake(pgDb);
}

/**
 * Starts the in-process worker for the registered functions, listening for NOTIFY on DATABASE_URL.
 * Returns null when Inngest runs the functions (it calls /api/inngest instead).
 */
export function startJobWorker(options: Partial<LocalWorkerOptions> = {}): LocalWorker | null {
  const e = env();
  if (usesInngest(e)) return null;
  return startLocalWorker({ functions: registeredFunctions(), listenConnectionString: e.DATABASE_URL, ...options });
}
