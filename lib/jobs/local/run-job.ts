import type { SqlDb } from "@/lib/db";
import {
  NonRetriableError,
  parseJobEvent,
  resolveKeyPath,
  toJson,
  type AnyJobDefinition,
  type JobContext,
  type JobLogger,
  type JobStep,
  type StepResult,
} from "../define";
import { toMilliseconds } from "../duration";
import { prepareEvents, type JobEventName } from "../events";
import type { ClaimedJob } from "./claim";
import { Lease, LeaseLostError } from "./lease";
import type { FunctionRegistry, RegisteredFunction } from "./registry";
import { insertEventJobs, insertFailureJob } from "./send";
import type { ThrottleGate } from "./throttle";
import { publishWake } from "./wake";
import type { WriteBatcher } from "./write-batcher";

export interface RunSettings {
  db: SqlDb;
  /** Step memos, completions and requeues of every run of this worker go through it, batched. */
  batcher: WriteBatcher;
  registry: FunctionRegistry;
  /** Every known definition: step.sendEvent fans out to these. */
  functions: readonly AnyJobDefinition[];
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  logger: JobLogger;
  throttle: ThrottleGate;
  /** Live leases, so a stopping worker can abandon the runs it will not wait for. */
  leases: Set<Lease>;
}

export type RunOutcome = "completed" | "failed" | "suspended" | "retrying" | "throttled" | "lost";

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** What job_steps.output holds: a step's JSON result or the error that exhausted its retries. */
export type StepOutput = { data: unknown } | { error: SerializedError };

/** Thrown into the handler when a step ran out of retries (Inngest's StepError); replays throw it again. */
export class JobStepError extends Error {
  override name = "StepError";
  constructor(
    readonly stepId: string,
    readonly original: SerializedError,
  ) {
    super(`Step "${stepId}" failed: ${original.name}: ${original.message}`);
  }
}

const never = () => new Promise<never>(() => {});
/** A step body's way of saying "the run is being interrupted": its caller then waits forever, like Inngest's. */
const STOP = Symbol("stop");
type Stop = typeof STOP;

/** Why a run stops before its handler settles. Several can happen in one run; `decide` ranks them. */
class Interrupts {
  lost = false;
  retryError: unknown;
  wakeAt: Date | undefined;
  private fire!: () => void;
  readonly fired = new Promise<void>((resolve) => (this.fire = resolve));
  private readonly pending = new Set<Promise<unknown>>();

  get stopped() {
    return this.lost || this.retryError !== undefined || this.wakeAt !== undefined;
  }
  markLost() {
    this.lost = true;
    this.fire();
  }
  requestRetry(error: unknown) {
    this.retryError ??= error ?? new Error("step failed");
    this.fire();
  }
  suspendUntil(at: Date): Promise<never> {
    if (!this.wakeAt || at < this.wakeAt) this.wakeAt = at;
    this.fire();
    return never();
  }
  /**
   * Tracks a step body (which always settles) and hands the handler a promise that never settles
   * once the body reports STOP, so the handler cannot run past an interrupted step.
   */
  track<T>(body: Promise<T | Stop>): Promise<T> {
    this.pending.add(body);
    const forget = () => this.pending.delete(body);
    body.then(forget, forget);
    return body.then((value) => (value === STOP ? never() : value));
  }
  /** Steps already started finish (and commit) before the run's outcome is written. */
  async settle() {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

export async function runClaimedJob(settings: RunSettings, job: ClaimedJob): Promise<RunOutcome> {
  const entry = settings.registry.byId.get(job.functionId);
  if (!entry) throw new Error(`No job function "${job.functionId}" in this worker`);
  const interrupts = new Interrupts();
  const lease = new Lease(settings.db, job.id, job.lockedUntil, settings.leaseMs, () => interrupts.markLost());
  settings.leases.add(lease);
  lease.startHeartbeat();
  try {
    return await replay(settings, job, entry, lease, interrupts);
  } catch (error) {
    if (error instanceof LeaseLostError) return "lost";
    throw error;
  } finally {
    lease.stopHeartbeat();
    settings.leases.delete(lease);
  }
}

async function replay(
  settings: RunSettings,
  job: ClaimedJob,
  entry: RegisteredFunction,
  lease: Lease,
  interrupts: Interrupts,
): Promise<RunOutcome> {
  const { db, logger: baseLogger } = settings;
  const def = entry.def;
  const logger = prefixed(baseLogger, `[job ${job.functionId} ${job.id}]`);
  // Sleeps and runAt are compared on the database clock; this keeps a skewed app clock from waking early.
  const skew = job.dbNow.getTime() - Date.now();
  const now = () => new Date(Date.now() + skew);

  const memo = new Map(Object.entries(job.steps));
  const payload = job.payload as { name: string; data?: { event?: unknown; error?: SerializedError } };

  if (entry.kind === "main" && def.throttle && job.attempts === 0 && memo.size === 0) {
    const key = `${def.id}:${def.throttle.key ? resolveKeyPath(def.throttle.key, { data: payload.data }) : "*"}`;
    const waitMs = settings.throttle.take(key, def.throttle.limit, toMilliseconds(def.throttle.period));
    if (waitMs > 0) {
      await requeue(settings, job, lease, { runAt: new Date(now().getTime() + waitMs) });
      return "throttled";
    }
  }

  let attempt = job.attempts;
  const seen = new Map<string, number>();
  const uniqueId = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  };
  const exhausted = (error: unknown) => error instanceof NonRetriableError || attempt + 1 >= job.maxAttempts;
  const thrownStepErrors = new Set<JobStepError>();

  // Memoise one step output, fenced by the lease; a success also resets the per-step retry budget.
  // Batched with the other runs' writes; a refused token rejects with LeaseLostError.
  const save = (stepId: string, output: StepOutput, resetAttempts: boolean) =>
    lease.write((token) =>
      settings.batcher.write({ kind: "step", jobId: job.id, token, stepId, output: JSON.stringify(output), resetAttempts }),
    );

  // Results of finished steps not written yet (idempotentSteps): written before the run parks or retries,
  // so the next run resumes after them; a completed run never needs them.
  const deferMemos = entry.kind === "main" && def.idempotentSteps;
  const deferred = new Map<string, StepOutput>();
  const writeDeferred = async (): Promise<"lost" | null> => {
    try {
      for (const [stepId, output] of deferred) {
        await save(stepId, output, false);
        deferred.delete(stepId);
      }
    } catch (error) {
      if (error instanceof LeaseLostError) return "lost";
      // Not written: those steps run again next time, which idempotent steps allow.
      logger.warn("could not save finished steps before parking the run:", describe(error));
    }
    return null;
  };

  // A step body failed: retry the job later, or memoise the error and throw it into the handler.
  const failStep = async (stepId: string, error: unknown): Promise<Stop> => {
    if (error instanceof LeaseLostError) {
      interrupts.markLost();
      return STOP;
    }
    if (!exhausted(error)) {
      interrupts.requestRetry(error);
      return STOP;
    }
    const serialized = serializeError(error);
    try {
      await save(stepId, { error: serialized }, false);
    } catch (saveError) {
      if (saveError instanceof LeaseLostError) interrupts.markLost();
      else interrupts.requestRetry(saveError);
      return STOP;
    }
    const stepError = new JobStepError(stepId, serialized);
    thrownStepErrors.add(stepError);
    throw stepError;
  };

  const fromMemo = (stepId: string): Promise<unknown> | undefined => {
    const stored = memo.get(stepId);
    if (!stored) return undefined;
    if ("error" in stored) {
      const stepError = new JobStepError(stepId, stored.error);
      thrownStepErrors.add(stepError);
      return Promise.reject(stepError);
    }
    return Promise.resolve(stored.data);
  };

  const sleepStep = (rawId: string, wakeAt: () => Date): Promise<void> => {
    const stepId = uniqueId(rawId);
    const stored = memo.get(stepId);
    if (stored && "data" in stored) {
      const until = new Date((stored.data as { until: string }).until);
      return until <= now() ? Promise.resolve() : interrupts.suspendUntil(until);
    }
    if (interrupts.stopped) return never();
    const until = wakeAt();
    if (Number.isNaN(until.getTime())) return Promise.reject(new TypeError(`step "${stepId}": invalid date`));
    if (until <= now()) return Promise.resolve();
    void interrupts.track(
      save(stepId, { data: { until: until.toISOString() } }, false).then(
        () => STOP,
        (error: unknown) => {
          if (error instanceof LeaseLostError) interrupts.markLost();
          else interrupts.requestRetry(error);
          return STOP;
        },
      ),
    );
    return interrupts.suspendUntil(until);
  };

  const step: JobStep = {
    run<T>(rawId: string, fn: () => T | Promise<T>): Promise<StepResult<T>> {
      const stepId = uniqueId(rawId);
      const stored = fromMemo(stepId);
      if (stored) return stored as Promise<StepResult<T>>;
      if (interrupts.stopped) return never();
      return interrupts.track(
        (async (): Promise<StepResult<T> | Stop> => {
          let value: StepResult<T>;
          try {
            value = toJson<T>(await fn());
          } catch (error) {
            return failStep(stepId, error);
          }
          // An idempotent function's step on its first try: memoised only if the run stops before completing.
          if (deferMemos && attempt === 0) {
            deferred.set(stepId, { data: value });
            return value;
          }
          try {
            await save(stepId, { data: value }, attempt > 0);
          } catch (error) {
            // Not the step's fault (the database hiccuped or the lease is gone): retry, never memoise an error.
            if (error instanceof LeaseLostError) interrupts.markLost();
            else interrupts.requestRetry(error);
            return STOP;
          }
          attempt = 0;
          return value;
        })(),
      );
    },
    sleep: (rawId, duration) => sleepStep(rawId, () => new Date(now().getTime() + toMilliseconds(duration))),
    sleepUntil: (rawId, until) => sleepStep(rawId, () => new Date(until)),
    sendEvent(rawId, events) {
      const stepId = uniqueId(rawId);
      const stored = fromMemo(stepId);
      if (stored) return stored as Promise<{ ids: string[] }>;
      if (interrupts.stopped) return never();
      return interrupts.track(
        (async () => {
          try {
            // Ids derived from the job and step: a retried send can never create a second job.
            const prepared = prepareEvents(events, (i) => `${job.id}:${stepId}:${i}`);
            const result = { ids: prepared.map((e) => e.id) };
            const output = JSON.stringify({ data: result } satisfies StepOutput);
            const inserted = await lease.write((token) =>
              db.$transaction(async (tx) => {
                const saved = await tx.$executeRaw`
                  INSERT INTO job_steps ("jobId", "stepId", output)
                  SELECT id, ${stepId}, ${output}::jsonb FROM jobs
                  WHERE id = ${job.id} AND status = 'RUNNING' AND "lockedUntil" = ${token} FOR SHARE
                  ON CONFLICT DO NOTHING`;
                if (saved === 0) throw new LeaseLostError(`lease on job ${job.id} lost before step "${stepId}"`);
                return insertEventJobs({ tx, functions: settings.functions, events: prepared, notify: false });
              }),
            );
            // After the commit, not inside it: no NOTIFY holds PostgreSQL's notify lock through our commit.
            if (inserted > 0) publishWake(db);
            return result;
          } catch (error) {
            return failStep(stepId, error);
          }
        })(),
      );
    },
  };

  const base = { step, runId: job.id, logger };
  const context = <N extends JobEventName>(event: JobContext<N>["event"]): JobContext<N> => ({
    ...base,
    event,
    get attempt() {
      return attempt;
    },
  });
  const handlerRun = (async () => {
    if (entry.kind === "main") return def.handler(context(parseJobEvent(def, payload)));
    const original = parseJobEvent(def, (payload.data?.event ?? {}) as { name: string });
    const failure = payload.data?.error ?? { name: "Error", message: "unknown failure" };
    return def.onFailure!({ ...context(original), error: Object.assign(new Error(failure.message), { name: failure.name }) });
  })();
  type Settled = { ok: true; value: unknown } | { ok: false; error: unknown } | { interrupted: true };
  const first = await Promise.race<Settled>([
    handlerRun.then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    ),
    interrupts.fired.then(() => ({ interrupted: true })),
  ]);
  await interrupts.settle();

  if (interrupts.lost) return "lost";
  const parks = interrupts.retryError !== undefined || interrupts.wakeAt !== undefined || ("ok" in first && !first.ok);
  if (parks && deferred.size > 0 && (await writeDeferred()) === "lost") return "lost";
  if (interrupts.retryError !== undefined) {
    await retryLater(settings, job, lease, attempt, interrupts.retryError);
    logger.warn(`attempt ${attempt + 1}/${job.maxAttempts} failed, retrying:`, describe(interrupts.retryError));
    return "retrying";
  }
  if (interrupts.wakeAt) {
    await requeue(settings, job, lease, { runAt: interrupts.wakeAt });
    return "suspended";
  }
  if ("interrupted" in first) throw new Error("interrupted without a reason");
  if (first.ok) {
    await complete(settings, job, lease, first.value);
    return "completed";
  }
  const error = first.error;
  const final = error instanceof JobStepError ? thrownStepErrors.has(error) : exhausted(error);
  if (!final) {
    await retryLater(settings, job, lease, attempt, error);
    logger.warn(`attempt ${attempt + 1}/${job.maxAttempts} failed, retrying:`, describe(error));
    return "retrying";
  }
  await fail(settings, job, lease, entry, attempt, error);
  logger.error(entry.kind === "main" ? "failed:" : "onFailure handler failed:", describe(error));
  return "failed";
}

async function fenced(lease: Lease, write: (token: Date) => Promise<number>) {
  const changed = await lease.write(write);
  if (changed === 0) throw new LeaseLostError(`lease on job ${lease.jobId} lost before its outcome was saved`);
}

// Another worker may be waiting for this key's slot: wake it (this worker wakes itself when the run ends).
// Debounced and sent after commit, so thousands of completions cost a few NOTIFYs.
function releaseKey(settings: RunSettings, job: ClaimedJob) {
  if (job.concurrencyKey) publishWake(settings.db, { local: false, gapMs: 100 });
}

async function complete(settings: RunSettings, job: ClaimedJob, lease: Lease, value: unknown) {
  const result = JSON.stringify(toJson(value));
  await lease.write((token) => settings.batcher.write({ kind: "complete", jobId: job.id, token, result }));
  releaseKey(settings, job);
}

async function requeue(settings: RunSettings, job: ClaimedJob, lease: Lease, { runAt }: { runAt: Date }) {
  await lease.write((token) => settings.batcher.write({ kind: "requeue", jobId: job.id, token, runAt }));
  releaseKey(settings, job);
}

async function retryLater(settings: RunSettings, job: ClaimedJob, lease: Lease, attempt: number, error: unknown) {
  // Exponential backoff with ±25 % jitter, so a burst of failures does not retry in lockstep.
  const delayMs = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
  await fenced(
    lease,
    (token) => settings.db.$executeRaw`
      UPDATE jobs SET status = 'QUEUED', attempts = ${attempt + 1},
        "runAt" = now() + make_interval(secs => ${delayMs}::double precision / 1000),
        "lastError" = ${describe(error)}, "lockedUntil" = NULL, "updatedAt" = now()
      WHERE id = ${job.id} AND status = 'RUNNING' AND "lockedUntil" = ${token}`,
  );
  releaseKey(settings, job);
}

async function fail(
  settings: RunSettings,
  job: ClaimedJob,
  lease: Lease,
  entry: RegisteredFunction,
  attempt: number,
  error: unknown,
) {
  const serialized = serializeError(error instanceof JobStepError ? error.original : error);
  const compensated = await lease.write((token) =>
    settings.db.$transaction(async (tx) => {
      const changed = await tx.$executeRaw`
        UPDATE jobs SET status = 'FAILED', attempts = ${attempt + 1}, "lastError" = ${describe(error)},
          "lockedUntil" = NULL, "updatedAt" = now()
        WHERE id = ${job.id} AND status = 'RUNNING' AND "lockedUntil" = ${token}`;
      if (changed === 0) throw new LeaseLostError(`lease on job ${job.id} lost before it was marked failed`);
      if (entry.kind === "main" && entry.def.onFailure) {
        return insertFailureJob({
          tx,
          def: entry.def,
          failedJobId: job.id,
          event: job.payload,
          error: { name: serialized.name, message: serialized.message },
        });
      }
      return 0;
    }),
  );
  if (compensated > 0) publishWake(settings.db);
  releaseKey(settings, job);
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { name?: unknown; message: unknown; stack?: unknown };
    return { name: String(e.name ?? "Error"), message: String(e.message), ...(e.stack ? { stack: String(e.stack) } : {}) };
  }
  return { name: "Error", message: String(error) };
}

function describe(error: unknown) {
  const { name, message } = serializeError(error);
  return `${name}: ${message}`.slice(0, 2000);
}

function prefixed(logger: JobLogger, prefix: string): JobLogger {
  return {
    info: (...args) => logger.info(prefix, ...args),
    warn: (...args) => logger.warn(prefix, ...args),
    error: (...args) => logger.error(prefix, ...args),
    debug: (...args) => logger.debug(prefix, ...args),
  };
}
