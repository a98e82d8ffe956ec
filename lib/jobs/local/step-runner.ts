import { NonRetriableError, toJson, type JobLogger, type JobStep, type StepResult } from "../define";
import { toMilliseconds } from "../duration";
import { prepareEvents } from "../events";
import type { ClaimedJob } from "./claim";
import { never, STOP, type Interrupts, type Stop } from "./interrupts";
import { LeaseLostError, type Lease } from "./lease";
import type { RegisteredFunction } from "./registry";
import type { RunSettings } from "./run-settings";
import { insertEventJobs, storeOf } from "./send";
import { describeError, JobStepError, serializeError, type StepOutput } from "./step-output";
import { withSpan } from "@/lib/observability/tracing";
import { publishWake } from "./wake";

export interface StepRunner {
  /** What the handler calls: each step runs once to success; a replay returns its memo instead. */
  readonly step: JobStep;
  /** Earlier runs of this job memoised steps: this run replays them. */
  readonly replaying: boolean;
  /** Failed tries since the last step that succeeded: the handler's `attempt`. */
  readonly attempt: number;
  /** An error the handler threw ends the run for good (no retry): a step's own exhausted error, or no retries left. */
  isFinal(error: unknown): boolean;
  /** Finished steps whose memo was deferred (idempotentSteps) and not written yet. */
  readonly unsavedSteps: number;
  /**
   * Writes those memos before the run parks or retries, so the next run resumes after them. "lost"
   * when the lease is gone; a failed write is only logged (idempotent steps may run again).
   */
  saveDeferredSteps(): Promise<"lost" | null>;
}

/**
 * The step tools of one run on the local driver. A step's result is memoised in job_steps, fenced by
 * the run's lease and batched with the other runs' writes (write-batcher.ts); a step that fails asks
 * the run to retry later (`interrupts`) until the job's retries are exhausted, then its error is
 * memoised and thrown into the handler. Repeated step ids in one run are suffixed `:1`, `:2`, …
 */
export function createStepRunner({
  settings,
  job,
  entry,
  lease,
  interrupts,
  now,
  logger,
}: {
  settings: RunSettings;
  job: ClaimedJob;
  entry: RegisteredFunction;
  lease: Lease;
  interrupts: Interrupts;
  /** The database clock: sleeps and runAt are compared on it. */
  now: () => Date;
  logger: JobLogger;
}): StepRunner {
  const memo = new Map(Object.entries(job.steps));
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
  const deferMemos = entry.kind === "main" && entry.def.idempotentSteps;
  const deferred = new Map<string, StepOutput>();

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

  // A memo write that failed is not the step's fault (the database hiccuped or the lease is gone): retry, never memoise an error.
  const saveFailed = (error: unknown): Stop => {
    if (error instanceof LeaseLostError) interrupts.markLost();
    else interrupts.requestRetry(error);
    return STOP;
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
    void interrupts.track(save(stepId, { data: { until: until.toISOString() } }, false).then(() => STOP, saveFailed));
    return interrupts.suspendUntil(until);
  };

  const runStep = async <T>(stepId: string, fn: () => T | Promise<T>): Promise<StepResult<T> | Stop> => {
    let value: StepResult<T>;
    try {
      value = toJson<T>(await withSpan(`step ${stepId}`, {}, async () => fn()));
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
      return saveFailed(error);
    }
    attempt = 0;
    return value;
  };

  const sendStep = async (stepId: string, events: Parameters<JobStep["sendEvent"]>[1]): Promise<{ ids: string[] } | Stop> => {
    try {
      // Ids derived from the job and step: a retried send can never create a second job.
      const prepared = prepareEvents(events, (i) => `${job.id}:${stepId}:${i}`);
      const result = { ids: prepared.map((e) => e.id) };
      const output = JSON.stringify({ data: result } satisfies StepOutput);
      const inserted = await lease.write((token) =>
        settings.db.$transaction(async (tx) => {
          const saved = await tx.$executeRaw`
            INSERT INTO job_steps ("jobId", "stepId", output)
            SELECT id, ${stepId}, ${output}::jsonb FROM jobs
            WHERE id = ${job.id} AND status = 'RUNNING' AND "lockedUntil" = ${token} FOR SHARE
            ON CONFLICT DO NOTHING`;
          if (saved === 0) throw new LeaseLostError(`lease on job ${job.id} lost before step "${stepId}"`);
          return insertEventJobs({ tx, routes: settings.registry.routes, events: prepared, notify: false });
        }),
      );
      // After the commit, not inside it: no NOTIFY holds PostgreSQL's notify lock through our commit.
      if (inserted > 0) publishWake(settings.db, { storeIds: prepared.map((e) => storeOf(e.data)) });
      return result;
    } catch (error) {
      return failStep(stepId, error);
    }
  };

  const step: JobStep = {
    run<T>(rawId: string, fn: () => T | Promise<T>): Promise<StepResult<T>> {
      const stepId = uniqueId(rawId);
      const stored = fromMemo(stepId);
      if (stored) return stored as Promise<StepResult<T>>;
      if (interrupts.stopped) return never();
      return interrupts.track(runStep(stepId, fn));
    },
    sleep: (rawId, duration) => sleepStep(rawId, () => new Date(now().getTime() + toMilliseconds(duration))),
    sleepUntil: (rawId, until) => sleepStep(rawId, () => new Date(until)),
    sendEvent(rawId, events) {
      const stepId = uniqueId(rawId);
      const stored = fromMemo(stepId);
      if (stored) return stored as Promise<{ ids: string[] }>;
      if (interrupts.stopped) return never();
      return interrupts.track(sendStep(stepId, events));
    },
  };

  return {
    step,
    replaying: memo.size > 0,
    get attempt() {
      return attempt;
    },
    isFinal: (error) => (error instanceof JobStepError ? thrownStepErrors.has(error) : exhausted(error)),
    get unsavedSteps() {
      return deferred.size;
    },
    async saveDeferredSteps() {
      try {
        for (const [stepId, output] of deferred) {
          await save(stepId, output, false);
          deferred.delete(stepId);
        }
      } catch (error) {
        if (error instanceof LeaseLostError) return "lost";
        // Not written: those steps run again next time, which idempotent steps allow.
        logger.warn("could not save finished steps before parking the run:", describeError(error));
      }
      return null;
    },
  };
}
