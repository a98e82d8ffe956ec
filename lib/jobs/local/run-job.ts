import { parseJobEvent, resolveKeyPath, type JobContext, type JobLogger } from "../define";
import { runWithRequestContext, type RequestContext } from "@/lib/observability/request-context";
import { withSpan } from "@/lib/observability/tracing";
import { toMilliseconds } from "../duration";
import type { JobEventName } from "../events";
import type { ClaimedJob } from "./claim";
import { Interrupts } from "./interrupts";
import { Lease, LeaseLostError } from "./lease";
import { recordOutcome, requeue, type RunScope, type Settled } from "./outcome";
import type { RunOutcome, RunSettings } from "./run-settings";
import { createStepRunner, type StepRunner } from "./step-runner";
import type { SerializedError } from "./step-output";

/**
 * Runs one claimed job under its lease: replays the handler from the start, memoised steps returning
 * their stored results (step-runner.ts), until the handler settles or the run is interrupted — lease
 * lost, a step's retry, a sleep (interrupts.ts) — then writes the outcome (outcome.ts).
 */
export async function runClaimedJob(settings: RunSettings, job: ClaimedJob): Promise<RunOutcome> {
  const entry = settings.registry.byId.get(job.functionId);
  if (!entry) throw new Error(`No job function "${job.functionId}" in this worker`);
  const interrupts = new Interrupts();
  const lease = new Lease(settings.db, job.id, job.lockedUntil, settings.leaseMs, () => interrupts.markLost());
  settings.leases.add(lease);
  lease.startHeartbeat();
  try {
    const scope: RunScope = { settings, job, entry, lease, logger: prefixed(settings.logger, `[job ${job.functionId} ${job.id}]`) };
    return await replay(scope, interrupts);
  } catch (error) {
    if (error instanceof LeaseLostError) return "lost";
    throw error;
  } finally {
    lease.stopHeartbeat();
    settings.leases.delete(lease);
  }
}

type StoredPayload = { name: string; rid?: string; tp?: string; data?: { event?: unknown; error?: SerializedError; storeId?: unknown; liveId?: unknown; commentId?: unknown; orderId?: unknown } };

/** The ids a job's log lines carry: the request that queued it (else the job's own id) and the ids of its event. */
function jobContext(jobId: string, functionId: string, payload: StoredPayload): RequestContext {
  const d = payload.data ?? {};
  const id = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    request_id: payload.rid ?? jobId,
    job: functionId,
    ...(id(d.storeId) && { store_id: id(d.storeId) }),
    ...(id(d.liveId) && { live_id: id(d.liveId) }),
    ...(id(d.commentId) && { comment_id: id(d.commentId) }),
    ...(id(d.orderId) && { order_id: id(d.orderId) }),
  };
}

async function replay(scope: RunScope, interrupts: Interrupts): Promise<RunOutcome> {
  const { settings, job, entry } = scope;
  // Sleeps and runAt are compared on the database clock; this keeps a skewed app clock from waking early.
  const skew = job.dbNow.getTime() - Date.now();
  const now = () => new Date(Date.now() + skew);
  const payload = job.payload as StoredPayload;

  const runner = createStepRunner({ settings, job, entry, lease: scope.lease, interrupts, now, logger: scope.logger });
  // A throttled function's first try waits for a free slot of its key, without using an attempt.
  const def = entry.def;
  if (entry.kind === "main" && def.throttle && job.attempts === 0 && !runner.replaying) {
    const key = `${def.id}:${def.throttle.key ? resolveKeyPath(def.throttle.key, { data: payload.data }) : "*"}`;
    const waitMs = settings.throttle.take(key, def.throttle.limit, toMilliseconds(def.throttle.period));
    if (waitMs > 0) {
      await requeue(scope, { runAt: new Date(now().getTime() + waitMs) });
      return "throttled";
    }
  }

  const settled = await Promise.race<Settled>([
    runWithRequestContext(jobContext(job.id, entry.def.id, payload), () =>
      withSpan(`job ${entry.def.id}`, { kind: "consumer", parent: payload.tp, attributes: { "lss.job": entry.def.id, "lss.job_id": job.id, "lss.attempt": job.attempts } }, () => runHandler(scope, runner, payload)),
    ).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    ),
    interrupts.fired.then(() => ({ interrupted: true })),
  ]);
  await interrupts.settle();
  return recordOutcome(scope, { interrupts, runner, settled });
}

/** The definition's handler, or for a "<id>-failure" job its onFailure with the original event and error. */
async function runHandler({ job, entry, logger }: RunScope, runner: StepRunner, payload: StoredPayload): Promise<unknown> {
  const def = entry.def;
  const context = <N extends JobEventName>(event: JobContext<N>["event"]): JobContext<N> => ({
    step: runner.step,
    runId: job.id,
    logger,
    event,
    get attempt() {
      return runner.attempt;
    },
  });
  if (entry.kind === "main") return def.handler(context(parseJobEvent(def, payload)));
  const original = parseJobEvent(def, (payload.data?.event ?? {}) as { name: string });
  const failure = payload.data?.error ?? { name: "Error", message: "unknown failure" };
  return def.onFailure!({ ...context(original), error: Object.assign(new Error(failure.message), { name: failure.name }) });
}

function prefixed(logger: JobLogger, prefix: string): JobLogger {
  return {
    info: (...args) => logger.info(prefix, ...args),
    warn: (...args) => logger.warn(prefix, ...args),
    error: (...args) => logger.error(prefix, ...args),
    debug: (...args) => logger.debug(prefix, ...args),
  };
}
