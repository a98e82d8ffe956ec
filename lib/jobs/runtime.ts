import { env, processSettings, usesInngest } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import type { AnyJobDefinition } from "./define";
import { jobs, startInngestRelayFromEnv, startJobWorker } from "./index";
import { assertRoutesMatch } from "./routes";
import { sweepOverdueOrders, sweepStuckComments } from "./sweep-stuck";
import { warmUpWorker } from "./warm-up";

export interface BackgroundRuntime {
  /** Resolves once the local worker claims (after its warm-up) or the relay runs: the process can take its share of work. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

const g = globalThis as unknown as { __lssRuntime?: BackgroundRuntime };

/**
 * Starts what runs in the background of an app instance, with the app's job functions (passed in by
 * the process's entry point: scripts/worker.ts, instrumentation.ts): the local job worker runs them
 * (unless Inngest runs the functions or LOCAL_JOBS=0) — under Inngest the relay delivering the event
 * outbox to Inngest runs instead — and the sweepers expire overdue orders and announce stuck comments
 * again even if an event was lost. Sending events needs no function list (lib/jobs/routes.ts routes them).
 */
export function startBackgroundRuntime({ functions, force = false }: { functions: readonly AnyJobDefinition[]; force?: boolean }): BackgroundRuntime {
  if (g.__lssRuntime) return g.__lssRuntime;
  const e = env();
  const { jobConcurrency: concurrency, databasePoolSize } = processSettings();
  const background = e.LOCAL_JOBS !== "0" || force;
  const runsJobs = !usesInngest(e) && background;
  if (runsJobs) assertRoutesMatch(functions);
  // Warm first, then claim: the first jobs after a start (a deploy during a live) find the pool's
  // connections open with the claim planned on each, and the hot code compiled (see warm-up.ts).
  const worker = runsJobs
    ? warmUpWorker({ connections: Math.min(concurrency, databasePoolSize), functions }).then((warm) => {
        logger.info({ ms: warm.ms, rehearsedComments: warm.comments, livePages: warm.pages }, "job worker warmed up");
        return startJobWorker({ functions, concurrency });
      })
    : Promise.resolve(null);
  const relay = usesInngest(e) && background ? startInngestRelayFromEnv({ logger: relayLogger }) : null;
  // The sweepers of stuck work (lib/jobs/sweep-stuck.ts), on both drivers: overdue orders every 5 s,
  // comments stuck as RECEIVED every 30 s. Each run is idempotent and never overlaps itself.
  const every = (ms: number, sweep: () => Promise<number>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      sweep()
        .catch((err) => logger.error({ err }, "sweeper failed"))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    return timer;
  };
  const sweeps = [every(5_000, sweepOverdueOrders), every(30_000, sweepStuckComments)];
  // The billing clock: one billing/sweep per hour across every instance (the event id names the hour),
  // and the monthly reports once a month.
  const tickBilling = () => {
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    jobs.send({ name: "billing/sweep", id: `billing-sweep:${hour.toISOString()}`, data: { at: new Date().toISOString() } }).catch((err) => logger.error({ err }, "queueing the billing sweep failed"));
    // The operator's monthly reports: once per month (the event id names it), early in the month.
    const period = hour.toISOString().slice(0, 7);
    jobs.send({ name: "reports/monthly", id: `reports-monthly:${period}`, data: { period } }).catch((err) => logger.error({ err }, "queueing the monthly reports failed"));
  };
  const billing = setInterval(tickBilling, 10 * 60_000);
  billing.unref();
  // The operators' alarm clock: one ops/alerts per minute across every instance (the event id names the minute).
  const tickAlerts = () => {
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    jobs.send({ name: "ops/alerts", id: `ops-alerts:${minute.toISOString()}`, data: { at: new Date().toISOString() } }).catch((err) => logger.error({ err }, "queueing the alert evaluation failed"));
  };
  const alerts = runsJobs || relay ? setInterval(tickAlerts, 60_000) : null;
  alerts?.unref();
  if (runsJobs || relay) tickBilling();
  g.__lssRuntime = {
    ready: worker.then(() => undefined),
    async stop() {
      for (const sweep of sweeps) clearInterval(sweep);
      clearInterval(billing);
      if (alerts) clearInterval(alerts);
      await Promise.all([worker.then((w) => w?.stop()), relay?.stop()]);
      g.__lssRuntime = undefined;
    },
  };
  return g.__lssRuntime;
}

const relayLogger = {
  info: (...args: unknown[]) => logger.info(args.map(String).join(" ")),
  warn: (...args: unknown[]) => logger.warn(args.map(String).join(" ")),
  error: (...args: unknown[]) => logger.error(args.map(String).join(" ")),
  debug: (...args: unknown[]) => logger.debug(args.map(String).join(" ")),
};
