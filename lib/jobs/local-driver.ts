import { hotPathDb, type SqlDb } from "@/lib/db";
import type { AnyJobDefinition, JobDriver } from "./define";
import { prepareEvents, type SendableEvent } from "./events";
import type { OutboxJobRow } from "./local/job-rows";
import { appRoutes, routesOf } from "./routes";
import { insertEventJobs, insertJobRows, outboxRowsFor } from "./local/send";
import { publishWake } from "./local/wake";

export { startLocalWorker, type LocalWorker, type LocalWorkerOptions } from "./local/worker";
export { runJobsUntilIdle } from "./local/run-until-idle";
export { inspectJob } from "./local/inspect";
export { jobRowsInsert, type OutboxJobRow } from "./local/job-rows";

export interface LocalDriver extends JobDriver {
  readonly kind: "local";
  /** The `jobs` rows for these events, for a producer that inserts them in its own statement (see jobs.outboxRows). */
  outboxRows(events: SendableEvent | readonly SendableEvent[]): OutboxJobRow[];
  /** Wakes the workers after the producer's commit (debounced NOTIFY, this process's workers at once), naming the rows' stores. */
  wakeWorkers(storeIds?: Iterable<string | null | undefined>): void;
}

/**
 * The in-process driver: an event becomes one `jobs` row per function subscribed to it — by the app's
 * static routing table (lib/jobs/routes.ts), or, given `functions` (tests), by that list. With a caller's transaction (`send(events, { tx })`, a Prisma
 * interactive transaction or a hotPathDb one) the rows and a NOTIFY join it (transactional outbox:
 * delivered on commit). Without one, the rows are inserted by one autocommit statement and the
 * workers are woken after it (debounced, outside any transaction).
 */
export function createLocalDriver({ functions, db = hotPathDb }: { functions?: readonly AnyJobDefinition[]; db?: SqlDb } = {}): LocalDriver {
  const routes = functions ? routesOf(functions) : appRoutes;
  return {
    kind: "local",
    async send(events, options) {
      const prepared = prepareEvents(events);
      if (options?.tx) {
        await insertEventJobs({ tx: options.tx, routes, events: prepared });
      } else {
        const rows = outboxRowsFor(routes, prepared);
        if ((await insertJobRows(db, rows, false)) > 0) publishWake(db, { storeIds: rows.map((r) => r.storeId) });
      }
      return { ids: prepared.map((e) => e.id) };
    },
    outboxRows: (events) => outboxRowsFor(routes, prepareEvents(events)),
    wakeWorkers: (storeIds) => publishWake(db, { storeIds }),
  };
}
