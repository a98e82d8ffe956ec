import { hostname } from "node:os";
import { prisma, type Db } from "@/lib/db";
import type { AnyJobDefinition, JobLogger } from "../define";
import { claimJobs, msUntilNextDue, type ClaimedJob } from "./claim";
import type { Lease } from "./lease";
import { listenForJobs } from "./listen";
import { buildRegistry } from "./registry";
import { runClaimedJob, type RunOutcome, type RunSettings } from "./run-job";
import { ThrottleGate } from "./throttle";

export interface LocalRunOptions {
  functions: readonly AnyJobDefinition[];
  db?: Db;
  /** Jobs run at the same time by this worker. */
  concurrency?: number;
  /** A claimed job stays ours this long without a heartbeat; after that another worker may resume it. */
  leaseMs?: number;
  /** First retry delay; doubles per failed attempt (with jitter) up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  logger?: JobLogger;
}

export interface LocalWorkerOptions extends LocalRunOptions {
  /** A PostgreSQL URL for a dedicated LISTEN connection; without it the worker only polls. */
  listenConnectionString?: string;
  /** Upper bound on idle sleep (also how soon an expired lease of a crashed worker is noticed). */
  pollIntervalMs?: number;
  workerId?: string;
  /** How long stop() waits for running jobs before abandoning them to their leases. */
  stopTimeoutMs?: number;
}

export interface LocalWorker {
  readonly workerId: string;
  /** Stops claiming, waits for running jobs (up to stopTimeoutMs), then lets the rest's leases expire. */
  stop(): Promise<void>;
}

const consoleLogger: JobLogger = {
  info: (...args) => console.info(...args),
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
  debug: () => {},
};

function runSettings(options: LocalRunOptions): RunSettings & { concurrency: number } {
  return {
    db: options.db ?? prisma,
    registry: buildRegistry(options.functions),
    functions: options.functions,
    concurrency: options.concurrency ?? 16,
    leaseMs: options.leaseMs ?? 60_000,
    retryBaseMs: options.retryBaseMs ?? 1_000,
    retryMaxMs: options.retryMaxMs ?? 10 * 60_000,
    logger: options.logger ?? consoleLogger,
    throttle: new ThrottleGate(),
    leases: new Set<Lease>(),
  };
}

export function startLocalWorker(options: LocalWorkerOptions): LocalWorker {
  const settings = runSettings(options);
  const { logger, concurrency } = settings;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  let wakePending = false;
  let wakeWaiter: (() => void) | undefined;

  // A wake that arrives while the loop is busy is remembered, so no notification is ever lost.
  const wake = () => {
    wakePending = true;
    wakeWaiter?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wakeWaiter = undefined;
        resolve();
      }
      wakeWaiter = done;
    });

  const launch = (job: ClaimedJob) => {
    const run = runClaimedJob(settings, job)
      .catch((error: unknown) => logger.error(`[jobs ${workerId}] job ${job.id} crashed the runner:`, error))
      .finally(() => {
        inFlight.delete(run);
        wake();
      });
    inFlight.add(run);
  };

  const listener = options.listenConnectionString
    ? listenForJobs({ connectionString: options.listenConnectionString, onNotify: wake, logger })
    : undefined;

  const loop = (async () => {
    await listener?.ready;
    while (!stopping) {
      wakePending = false;
      const free = concurrency - inFlight.size;
      let claimed = 0;
      let idleMs = pollIntervalMs;
      try {
        if (free > 0) {
          const jobs = await claimJobs({ db: settings.db, registry: settings.registry, max: free, leaseMs: settings.leaseMs });
          claimed = jobs.length;
          for (const job of jobs) launch(job);
          if (claimed === free) continue;
          if (claimed === 0) {
            const dueIn = await msUntilNextDue({ db: settings.db, registry: settings.registry });
            if (dueIn !== null) idleMs = Math.min(pollIntervalMs, dueIn + 5);
          }
        }
      } catch (error) {
        if (stopping) break;
        logger.error(`[jobs ${workerId}] claim failed:`, error);
      }
      if (stopping || wakePending) continue;
      await sleep(idleMs);
    }
  })();

  return {
    workerId,
    async stop() {
      if (stopping) return;
      stopping = true;
      wake();
      await loop;
      await listener?.close();
      const timeoutMs = options.stopTimeoutMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        for (const lease of settings.leases) lease.stopHeartbeat();
        logger.warn(`[jobs ${workerId}] stopped with ${inFlight.size} job(s) still running; their leases will expire`);
      }
    },
  };
}

/**
 * Processes every job that is due now (including jobs those jobs send) and returns when nothing
 * due is left. Sleeps and retries scheduled for later are left queued. For tests, scripts and benchmarks.
 */
export async function runJobsUntilIdle(options: LocalRunOptions): Promise<{ runs: number; outcomes: Record<RunOutcome, number> }> {
  const settings = runSettings(options);
  const outcomes: Record<RunOutcome, number> = { completed: 0, failed: 0, suspended: 0, retrying: 0, throttled: 0, lost: 0 };
  const inFlight = new Set<Promise<unknown>>();
  const crashes: unknown[] = [];
  let runs = 0;
  for (;;) {
    const free = settings.concurrency - inFlight.size;
    if (free > 0) {
      const jobs = await claimJobs({ db: settings.db, registry: settings.registry, max: free, leaseMs: settings.leaseMs });
      for (const job of jobs) {
        runs++;
        const run: Promise<void> = runClaimedJob(settings, job)
          .then((outcome) => void outcomes[outcome]++, (error: unknown) => void crashes.push(error))
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
      }
      if (jobs.length > 0) continue;
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  // A runner crash (not a job failure, which is an outcome) is a bug the caller should see.
  if (crashes.length > 0) throw crashes[0];
  return { runs, outcomes };
}
