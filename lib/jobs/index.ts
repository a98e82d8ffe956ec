import { pgDb } from "@/lib/db";
import { env, usesInngest } from "@/lib/env";
import type { AnyJobDefinition, JobDriver, SendOptions } from "./define";
import type { SendableEvent } from "./events";
import { createInngestClient, type InngestClient } from "./inngest-client";
import { createInngestDriver } from "./inngest-driver";
import { createLocalDriver, startLocalWorker, type LocalDriver, type LocalWorker, type LocalWorkerOptions, type OutboxJobRow } from "./local-driver";
import { publishWake } from "./local/wake";

export { defineJob, NonRetriableError } from "./define";
export type { AnyJobDefinition, JobContext, JobDefinition, JobDriver, JobStep, SendOptions } from "./define";
export type { JobEvent, JobEventName, SendableEvent } from "./events";
export { toInngestFunction } from "./inngest-driver";
export { inspectJob, jobRowsInsert, runJobsUntilIdle, type OutboxJobRow } from "./local-driver";

// On globalThis: Next.js may load this module once per route bundle (and scripts/server.ts loads its
// own copy beside Next's), but one process has one function list, set where the process starts.
const shared = globalThis as unknown as {
  __lssJobs?: { functions: readonly AnyJobDefinition[]; local: LocalDriver };
  __lssInngest?: { key: string; client: InngestClient; driver: JobDriver };
};

/**
 * Where a process starts (the worker, the web server, a script or a test), before anything sends an
 * event: the app's job functions (inngest/functions). The local driver routes each event to the
 * functions subscribed to it, a routing built here once; the worker runs them. lib/jobs never loads
 * the list itself.
 */
export function registerJobFunctions(functions: readonly AnyJobDefinition[]) {
  shared.__lssJobs = { functions, local: createLocalDriver({ functions }) };
}

function registered() {
  const registry = shared.__lssJobs;
  if (!registry) throw new Error("No job functions registered in this process: its entry point passes them to registerJobFunctions() (or startBackgroundRuntime())");
  return registry;
}

/** The Inngest client configured from the environment (for `serve()` and the Inngest driver). */
export function getInngestClient(): InngestClient {
  return inngest().client;
}

function inngest() {
  const e = env();
  const config = {
    eventKey: e.INNGEST_EVENT_KEY,
    signingKey: e.INNGEST_SIGNING_KEY,
    baseUrl: e.INNGEST_BASE_URL,
    isDev: e.INNGEST_DEV,
  };
  const key = JSON.stringify(config);
  if (shared.__lssInngest?.key !== key) {
    const client = createInngestClient(config);
    shared.__lssInngest = { key, client, driver: createInngestDriver({ client }) };
  }
  return shared.__lssInngest;
}

/** Inngest when any INNGEST_* variable is set, else the durable in-process driver on PostgreSQL. */
export function getJobDriver(): JobDriver {
  return usesInngest(env()) ? inngest().driver : registered().local;
}

export const jobs = {
  send: (events: SendableEvent | readonly SendableEvent[], options?: SendOptions) => getJobDriver().send(events, options),

  /**
   * For a hot producer that writes its job rows inside its OWN single SQL statement (transactional
   * outbox without a NOTIFY in the transaction): the `jobs` rows for these events under the local
   * driver, or `null` when Inngest runs the functions (then call `jobs.send(events)` after commit).
   * Validates the events like `send`. Insert them with the statement fragment of `jobRowsInsert()`
   * (the one shape of a job row insert; join on `r.eid` to keep only the rows of what the statement
   * inserted), and after the commit call `wakeJobWorkers()`.
   */
  outboxRows: (events: SendableEvent | readonly SendableEvent[]): OutboxJobRow[] | null => {
    if (usesInngest(env())) return null;
    return registered().local.outboxRows(events);
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
  return startLocalWorker({ functions: registered().functions, listenConnectionString: e.DATABASE_URL, ...options });
}
