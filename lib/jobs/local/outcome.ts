import { toJson, type JobLogger } from "../define";
import type { ClaimedJob } from "./claim";
import type { Interrupts } from "./interrupts";
import { LeaseLostError, type Lease } from "./lease";
import type { RegisteredFunction } from "./registry";
import type { RunOutcome, RunSettings } from "./run-settings";
import { insertFailureJob } from "./send";
import type { StepRunner } from "./step-runner";
import { describeError, JobStepError, serializeError } from "./step-output";
import { publishWake } from "./wake";

/** How the handler's race against the run's interruptions ended. */
export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown } | { interrupted: true };

/** One run of one claimed job, as the outcome needs it. */
export interface RunScope {
  settings: RunSettings;
  job: ClaimedJob;
  entry: RegisteredFunction;
  lease: Lease;
  logger: JobLogger;
}

/**
 * Writes what a run came to, once every step it started has settled. A lost lease wins (another
 * worker owns the job now); then a retry a step asked for, then a sleep; else the handler's result
 * completes the job, and its error retries it later or, when final, fails it and queues the
 * compensation (onFailure).
 */
export async function recordOutcome(
  scope: RunScope,
  { interrupts, runner, settled }: { interrupts: Interrupts; runner: StepRunner; settled: Settled },
): Promise<RunOutcome> {
  const { job, logger } = scope;
  if (interrupts.lost) return "lost";
  const parks = interrupts.retryError !== undefined || interrupts.wakeAt !== undefined || ("ok" in settled && !settled.ok);
  if (parks && runner.unsavedSteps > 0 && (await runner.saveDeferredSteps()) === "lost") return "lost";
  if (interrupts.retryError !== undefined) {
    await retryLater(scope, runner.attempt, interrupts.retryError);
    logger.warn(`attempt ${runner.attempt + 1}/${job.maxAttempts} failed, retrying:`, describeError(interrupts.retryError));
    return "retrying";
  }
  if (interrupts.wakeAt) {
    await requeue(scope, { runAt: interrupts.wakeAt });
    return "suspended";
  }
  if ("interrupted" in settled) throw new Error("interrupted without a reason");
  if (settled.ok) {
    await complete(scope, settled.value);
    return "completed";
  }
  const error = settled.error;
  if (!runner.isFinal(error)) {
    await retryLater(scope, runner.attempt, error);
    logger.warn(`attempt ${runner.attempt + 1}/${job.maxAttempts} failed, retrying:`, describeError(error));
    return "retrying";
  }
  await fail(scope, runner.attempt, error);
  logger.error(scope.entry.kind === "main" ? "failed:" : "onFailure handler failed:", describeError(error));
  return "failed";
}

async function fenced(lease: Lease, write: (token: Date) => Promise<number>) {
  const changed = await lease.write(write);
  if (changed === 0) throw new LeaseLostError(`lease on job ${lease.jobId} lost before its outcome was saved`);
}

// Another worker may be waiting for this key's slot: wake it (this worker wakes itself when the run ends).
// Debounced and sent after commit, so thousands of completions cost a few NOTIFYs.
function releaseKey({ settings, job }: RunScope) {
  if (job.concurrencyKey) publishWake(settings.db, { local: false, gapMs: 100 });
}

async function complete(scope: RunScope, value: unknown) {
  const { settings, job, lease } = scope;
  const result = JSON.stringify(toJson(value));
  await lease.write((token) => settings.batcher.write({ kind: "complete", jobId: job.id, token, result }));
  releaseKey(scope);
}

/** Parks the job until `runAt` (a sleep, or the throttle's next free slot) without using an attempt. */
export async function requeue(scope: RunScope, { runAt }: { runAt: Date }) {
  const { settings, job, lease } = scope;
  await lease.write((token) => settings.batcher.write({ kind: "requeue", jobId: job.id, token, runAt }));
  releaseKey(scope);
}

async function retryLater(scope: RunScope, attempt: number, error: unknown) {
  const { settings, job, lease } = scope;
  // Exponential backoff with ±25 % jitter, so a burst of failures does not retry in lockstep.
  const delayMs = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
  await fenced(
    lease,
    (token) => settings.db.$executeRaw`
      UPDATE jobs SET status = 'QUEUED', attempts = ${attempt + 1},
        "runAt" = now() + make_interval(secs => ${delayMs}::double precision / 1000),
        "lastError" = ${describeError(error)}, "lockedUntil" = NULL, "updatedAt" = now()
      WHERE id = ${job.id} AND status = 'RUNNING' AND "lockedUntil" = ${token}`,
  );
  releaseKey(scope);
}

async function fail(scope: RunScope, attempt: number, error: unknown) {
  const { settings, job, lease, entry } = scope;
  const serialized = serializeError(error instanceof JobStepError ? error.original : error);
  const compensated = await lease.write((token) =>
    settings.db.$transaction(async (tx) => {
      const changed = await tx.$executeRaw`
        UPDATE jobs SET status = 'FAILED', attempts = ${attempt + 1}, "lastError" = ${describeError(error)},
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
  releaseKey(scope);
}
