import { prisma, type Db } from "@/lib/db";
import type { AnyJobDefinition, JobDriver } from "./define";
import { prepareEvents } from "./events";
import { insertEventJobs } from "./local/send";

export { startLocalWorker, runJobsUntilIdle, type LocalWorker, type LocalWorkerOptions, type LocalRunOptions } from "./local/worker";
export { inspectJob, type JobInspection } from "./local/inspect";
export { JobStepError, type RunOutcome } from "./local/run-job";
export { JOBS_CHANNEL } from "./local/send";

/**
 * The in-process driver: an event becomes one `jobs` row per subscribed function, in the caller's
 * transaction when given one (transactional outbox), and a NOTIFY wakes idle workers on commit.
 * `functions` may be a getter so the list can be registered after this driver is created.
 */
export function createLocalDriver({
  functions,
  db = prisma,
}: {
  functions: readonly AnyJobDefinition[] | (() => readonly AnyJobDefinition[]);
  db?: Db;
}): JobDriver {
  const list = typeof functions === "function" ? functions : () => functions;
  return {
    kind: "local",
    async send(events, options) {
      const prepared = prepareEvents(events);
      const insert = (tx: Parameters<typeof insertEventJobs>[0]["tx"]) =>
        insertEventJobs({ tx, functions: list(), events: prepared });
      // Outside a transaction the insert and its NOTIFY still go together, so no worker wakes to nothing.
      if (options?.tx) await insert(options.tx);
      else await db.$transaction((tx) => insert(tx));
      return { ids: prepared.map((e) => e.id) };
    },
  };
}
