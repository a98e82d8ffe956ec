import { hostname } from "node:os";
import { format } from "node:util";
import { logger } from "@/lib/observability/logger";
import { hotPathDb, type SqlDb } from "@/lib/db";
import type { AnyJobDefinition, JobLogger } from "../define";
import { claimJobs, type ClaimedJob } from "./claim";
import type { Lease } from "./lease";
import { listenForJobs } from "./listen";
import { buildRegistry } from "./registry";
import { runClaimedJob } from "./run-job";
import type { RunSettings } from "./run-settings";
import { ThrottleGate } from "./throttle";
import { RunningStores } from "./running-stores";
import { onLocalWake, type WakeStores } from "./wake";
import { WriteBatcher } from "./write-batcher";

export interface LocalRunOptions {
  functions: readonly AnyJobDefinition[];
  /** Plain node-postgres by default (lib/db's hotPathDb); tests may pass their own createHotPathDb(). */
  db?: SqlDb;
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
  /**
   * A busy worker woken by new jobs waits this long before claiming, so the jobs arriving meanwhile
   * share one claim. An idle worker never waits, nor one woken for a store that runs nothing here.
   */
  claimLingerMs?: number;
  workerId?: string;
  /** How long stop() waits for running jobs before abandoning them to their leases. */
  stopTimeoutMs?: number;
}

export interface LocalWorker {
  readonly workerId: string;
  /** Settles the first time the worker goes idle (listening, its start-up claim done): from then on only a wake-up or a poll claims. */
  readonly ready: Promise<void>;
  /** Stops claiming, waits for running jobs (up to stopTimeoutMs), then lets the rest's leases expire. */
  stop(): Promise<void>;
}

/** The app's JSON logger (lib/observability): each line carries the job's request and event ids. */
const consoleLogger: JobLogger = {
  info: (...args) => logger.info(format(...args)),
  warn: (...args) => logger.warn(format(...args)),
  error: (...args) => logger.error(format(...args)),
  debug: (...args) => logger.debug(format(...args)),
};

export function runSettings(options: LocalRunOptions): RunSettings & { concurrency: number; minClaim: number } {
  const db = options.db ?? hotPathDb;
  const concurrency = options.concurrency ?? 16;
  return {
    db,
    batcher: new WriteBatcher(db),
    registry: buildRegistry(options.functions),
    concurrency,
    // Under load a claim waits until a quarter of the slots are free (at most 8), so one claim starts several
    // jobs; with many slots held by jobs waiting for Meta, waiting for a quarter would keep the queue waiting.
    minClaim: Math.max(1, Math.min(8, Math.floor(concurrency / 4))),
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
  const { logger, concurrency, minClaim } = settings;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const claimLingerMs = options.claimLingerMs ?? 5;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  /** Something may be due that the last claim did not see: a send, a NOTIFY, a timer, a parked run. */
  let newWork = true;
  /** The last claim left due jobs behind (it was full, or keys were at their limit): a freed slot is worth a claim. */
  let backlog = false;
  /**
   * Stores named by wake-ups since the last claim that ran nothing here when woken (or, key-bound, held few
   * slots). Re-checked before claiming: one whose jobs the claim in flight just started is no longer quiet.
   */
  const wokenQuiet = new Set<string>();
  /**
   * The last claim came back short while due jobs stayed behind: their keys are at their limit (a store's
   * flash sale at its share of the slots), so only finished runs free what it could not take. Until
   * `keyBoundNeed` runs have finished, new jobs of those stores are not worth a claim: at saturation every
   * wake-up claimed again and took one job (or none), a full claim statement per comment.
   */
  let keyBound = false;
  let keyBoundNeed = 1;
  let finishedSinceClaim = 0;
  /** The last sleep ran out without a wake-up: a key-bound worker claims anyway (the runs at the limit may be another worker's). */
  let polled = false;
  const running = new RunningStores();
  let wakePending = false;
  let wakeWaiter: (() => void) | undefined;

  // A wake that arrives while the loop is busy is remembered, so no notification is ever lost.
  const nudge = () => {
    wakePending = true;
    wakeWaiter?.();
  };
  // Key-bound, a store holding few slots here is not the one at its limit: its job is claimed at once too.
  const quietNow = (stores: WakeStores) => running.anyIdle(stores) || (keyBound && running.anyBelow(stores, minClaim));
  const wake = (stores: WakeStores = null) => {
    newWork = true;
    for (const store of stores ?? []) if (quietNow([store])) wokenQuiet.add(store);
    nudge();
  };
  const sleep = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(true), Math.max(0, ms));
      function done(timedOut: boolean) {
        clearTimeout(timer);
        wakeWaiter = undefined;
        resolve(timedOut);
      }
      wakeWaiter = () => done(false);
    });

  const launch = (job: ClaimedJob) => {
    running.add(job.storeId);
    const run = runClaimedJob(settings, job)
      .then(
        // A parked or retried run made its job due later: the next claim reports when.
        (outcome) => {
          if (outcome === "suspended" || outcome === "throttled" || outcome === "retrying") newWork = true;
        },
        (error: unknown) => logger.error(`[jobs ${workerId}] job ${job.id} crashed the runner:`, error),
      )
      .finally(() => {
        inFlight.delete(run);
        running.remove(job.storeId);
        finishedSinceClaim++;
        nudge();
      });
    inFlight.add(run);
  };

  const listener = options.listenConnectionString
    ? listenForJobs({ connectionString: options.listenConnectionString, onNotify: wake, logger })
    : undefined;
  // Jobs sent from this process (after their commit) wake the loop directly.
  const unsubscribe = onLocalWake(wake);

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const loop = (async () => {
    await listener?.ready;
    while (!stopping) {
      wakePending = false;
      const free = concurrency - inFlight.size;
      let idleMs = pollIntervalMs;
      // Idle, or a quiet store's new job: claim at once (the claim's fair order puts that job first). Busy:
      // only once a quarter of the slots are free, so one claim starts several jobs, and only when there
      // is something to claim (a finished run wakes the loop).
      // Key-bound: new jobs of a store at its limit wait for its runs to finish (a quiet store's still claim at once).
      const quietStore = wokenQuiet.size > 0 && quietNow([...wokenQuiet]);
      if (!quietStore) wokenQuiet.clear();
      const worthClaiming = inFlight.size === 0 || quietStore || (keyBound ? finishedSinceClaim >= keyBoundNeed || polled : free >= minClaim);
      polled = false;
      if ((newWork || backlog) && free > 0 && worthClaiming) {
        if (inFlight.size > 0 && !backlog && !quietStore && claimLingerMs > 0) {
          await new Promise((r) => setTimeout(r, claimLingerMs));
          if (stopping) break;
        }
        const forQuietStores = [...wokenQuiet];
        newWork = false;
        wokenQuiet.clear();
        try {
          const claim = await claimJobs({ db: settings.db, registry: settings.registry, max: free, leaseMs: settings.leaseMs });
          for (const job of claim.jobs) launch(job);
          backlog = claim.more;
          keyBound = claim.more && claim.jobs.length < free;
          keyBoundNeed = Math.max(1, Math.min(minClaim, Math.floor(inFlight.size / 4)));
          finishedSinceClaim = 0;
          if (claim.nextDueMs !== null) idleMs = Math.min(pollIntervalMs, claim.nextDueMs + 5);
        } catch (error) {
          if (stopping) break;
          newWork = true;
          for (const store of forQuietStores) wokenQuiet.add(store);
          logger.error(`[jobs ${workerId}] claim failed:`, error);
        }
      }
      if (stopping || wakePending) continue;
      // Polling covers what no wake-up announces: expired leases of crashed workers, a missed NOTIFY.
      markReady();
      if (await sleep(idleMs)) newWork = polled = true;
    }
  })().finally(markReady);

  return {
    workerId,
    ready,
    async stop() {
      if (stopping) return;
      stopping = true;
      unsubscribe();
      wake();
      await loop;
      await listener?.close();
      const timeoutMs = options.stopTimeoutMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled(inFlight).then(() => false),
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
