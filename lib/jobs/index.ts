import { hotPathDb } from "@/lib/db";
import { env, usesInngest } from "@/lib/env";
import type { AnyJobDefinition, JobDriver, SendOptions } from "./define";
import type { SendableEvent } from "./events";
import { createInngestClient, type InngestClient } from "./inngest-client";
import { createInngestDriver, type InngestOutboxDriver } from "./inngest-outbox";
import { startInngestRelay, type InngestRelay, type InngestRelayOptions } from "./inngest-relay";
import { createLocalDriver, startLocalWorker, type LocalDriver, type LocalWorker, type LocalWorkerOptions, type OutboxJobRow } from "./local-driver";
import { publishWake } from "./local/wake";
import { assertRoutesMatch } from "./routes";

export { defineJob } from "./define";
export type { AnyJobDefinition, JobDriver, SendOptions } from "./define";
export type { SendableEvent } from "./events";
export { toInngestFunction } from "./inngest-driver";
export { assertRoutesMatch } from "./routes";
export { jobRowsInsert, runJobsUntilIdle, type OutboxJobRow } from "./local-driver";

// On globalThis: one Inngest client per process and configuration, whichever copy of this module asks
// (Next.js bundles its own beside the one scripts/server.ts loads through tsx).
const shared = globalThis as unknown as { __lssInngest?: { key: string; client: InngestClient; driver: InngestOutboxDriver } };

// Needs no function list: events are routed by the static table of lib/jobs/routes.ts.
let localDriver: LocalDriver = createLocalDriver();

/**
 * For tests that watch events with job functions of their own: routes this module instance's events to
 * `functions` instead of the app's static table (null: back to the table). Application code never
 * calls it — the app's routing is lib/jobs/routes.ts, and its functions reach the worker where it starts.
 */
export function routeJobEventsTo(functions: readonly AnyJobDefinition[] | null) {
  localDriver = createLocalDriver(functions ? { functions } : {});
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
    shared.__lssInngest = { key, client, driver: createInngestDriver() };
  }
  return shared.__lssInngest;
}

/** Inngest when any INNGEST_* variable is set, else the durable in-process driver on PostgreSQL. */
export function getJobDriver(): JobDriver {
  return usesInngest(env()) ? inngest().driver : localDriver;
}

export const jobs = {
  send: (events: SendableEvent | readonly SendableEvent[], options?: SendOptions) => getJobDriver().send(events, options),

  /**
   * For a hot producer that writes its events inside its OWN single SQL statement (transactional
   * outbox without a NOTIFY in the transaction), on both drivers: the local driver's `jobs` rows for
   * these events, or under Inngest the outbox rows the relay delivers to Inngest after the commit.
   * Validates the events like `send`. Insert them with the statement fragment of `jobRowsInsert()`
   * (the one shape of a job row insert; join on `r.eid` to keep only the rows of what the statement
   * inserted), and after the commit call `wakeJobWorkers()`.
   */
  outboxRows: (events: SendableEvent | readonly SendableEvent[]): OutboxJobRow[] =>
    usesInngest(env()) ? inngest().driver.outboxRows(events) : localDriver.outboxRows(events),

  /** Same as `wakeJobWorkers()`. */
  wakeWorkers: (storeIds?: Iterable<string | null | undefined>) => wakeJobWorkers(storeIds),
};

/**
 * Call after committing job rows written from `jobs.outboxRows()`: wakes this process's workers (or
 * Inngest relay) at once and publishes one debounced NOTIFY (outside any transaction) for the others.
 * Pass the rows' stores when at hand: a busy worker that runs nothing of such a store claims its job
 * at once (lib/jobs/local/wake.ts). Never throws, never waits; a lost wake-up only delays the jobs until the next poll.
 */
export function wakeJobWorkers(storeIds?: Iterable<string | null | undefined>): void {
  publishWake(hotPathDb, { storeIds });
}

/**
 * Starts the in-process worker for the app's job functions (passed in where the process starts; they
 * must agree with the routing table producers use, checked here), listening for NOTIFY on DATABASE_URL.
 * Returns null when Inngest runs the functions (it calls /api/inngest instead).
 */
export function startJobWorker({ functions, ...options }: { functions: readonly AnyJobDefinition[] } & Partial<Omit<LocalWorkerOptions, "functions">>): LocalWorker | null {
  const e = env();
  if (usesInngest(e)) return null;
  assertRoutesMatch(functions);
  return startLocalWorker({ functions, listenConnectionString: e.DATABASE_URL, ...options });
}

/**
 * Under Inngest: starts the relay that delivers the outbox to Inngest (in the worker process, or in
 * the one process of `next dev`), listening for producers' NOTIFY on DATABASE_URL. Null on the local driver.
 */
export function startInngestRelayFromEnv(options: Partial<Omit<InngestRelayOptions, "client">> & Pick<InngestRelayOptions, "logger">): InngestRelay | null {
  const e = env();
  if (!usesInngest(e)) return null;
  return startInngestRelay({ client: inngest().client, listenConnectionString: e.DATABASE_URL, ...options });
}
