import { NonRetriableError as InngestNonRetriableError, type Inngest, type InngestFunction } from "inngest";
import {
  NonRetriableError,
  parseJobEvent,
  toJson,
  type AnyJobDefinition,
  type JobLogger,
  type JobStep,
  type StepResult,
} from "./define";
import { prepareEvents } from "./events";
import { inngestConcurrency } from "./inngest-fairness";

/** The slice of Inngest's step tools the seam uses; Inngest's real (and mocked) tools satisfy it. */
interface InngestSteps {
  run(id: string, fn: () => Promise<unknown>): Promise<unknown>;
  sleep(id: string, time: number | string): Promise<void>;
  sleepUntil(id: string, time: Date | string): Promise<void>;
  sendEvent(id: string, payload: { name: string; data: Record<string, unknown>; id: string; ts: number }[]): Promise<unknown>;
}

interface InngestContext {
  event: { name: string; data?: unknown; id?: string; ts?: number };
  step: InngestSteps;
  attempt: number;
  runId: string;
  logger: JobLogger;
}

type Retries = NonNullable<InngestFunction.Options["retries"]>;
type Period = NonNullable<InngestFunction.Options["throttle"]>["period"];

/** More than any hot-path function runs before it returns or sleeps: its results go back in one checkpoint. */
const IDEMPOTENT_STEPS_PER_CHECKPOINT = 16;

const created = new WeakMap<Inngest.Any, Map<string, InngestFunction.Any>>();

/**
 * Wraps one job definition as an Inngest function with the same id, trigger, retries, concurrency,
 * throttle and onFailure. Memoised per client, because Inngest expects each function created once.
 */
export function toInngestFunction(def: AnyJobDefinition, client: Inngest.Any): InngestFunction.Any {
  let byId = created.get(client);
  if (!byId) created.set(client, (byId = new Map()));
  const existing = byId.get(def.id);
  if (existing) return existing;

  const { throttle } = def;
  const concurrency = inngestConcurrency(def);
  const fn = client.createFunction(
    {
      id: def.id,
      triggers: def.cron ? [{ event: def.event }, { cron: def.cron }] : [{ event: def.event }],
      retries: def.retries as Retries,
      // The SDK runs the steps in the request Inngest made and checkpoints their results to Inngest
      // (one call per step by default). A function whose steps are idempotent by their own keys needs
      // no checkpoint between them — a crash re-runs them without repeating an effect, as on the local
      // driver — so its results go back in one checkpoint: on the comment → DM hot path that is one
      // call from Inngest and one checkpoint instead of one of each per step.
      checkpointing: def.idempotentSteps ? { bufferedSteps: IDEMPOTENT_STEPS_PER_CHECKPOINT, maxRuntime: "20s" } : true,
      ...(concurrency && { concurrency }),
      ...(throttle && {
        throttle: { ...(throttle.key && { key: throttle.key }), limit: throttle.limit, period: throttle.period as Period },
      }),
      ...(def.onFailure && {
        onFailure: (ctx: InngestContext & { error: Error; event: { data: { event: InngestContext["event"] } } }) =>
          asInngestErrors(() =>
            def.onFailure!({ ...adaptContext(ctx), event: parseJobEvent(def, ctx.event.data.event), error: ctx.error }),
          ),
      }),
    },
    (ctx: InngestContext) => asInngestErrors(() => def.handler({ ...adaptContext(ctx), event: parseJobEvent(def, fromCron(def, ctx.event)) })),
  );
  byId.set(def.id, fn);
  return fn;
}

/** A cron run arrives as Inngest's timer event: the handler sees its own event with empty data. */
function fromCron(def: AnyJobDefinition, event: InngestContext["event"]): InngestContext["event"] {
  return def.cron && event.name === "inngest/scheduled.timer" ? { name: def.event, data: {}, id: event.id, ts: event.ts } : event;
}

function adaptContext(ctx: InngestContext) {
  return { step: adaptStep(ctx.step, ctx.runId), attempt: ctx.attempt, runId: ctx.runId, logger: ctx.logger };
}

function adaptStep(step: InngestSteps, runId: string): JobStep {
  return {
    // JSON round trip inside the step: the first run returns what a replay will, as the local driver does.
    run: <T>(id: string, fn: () => T | Promise<T>) =>
      step.run(id, () => asInngestErrors(async () => toJson<T>(await fn()))) as Promise<StepResult<T>>,
    sleep: (id, duration) => step.sleep(id, duration),
    sleepUntil: (id, until) => step.sleepUntil(id, until),
    async sendEvent(id, events) {
      // Ids derived from the run and step, as in the local driver: a retried send is deduplicated.
      const prepared = prepareEvents(events, (i) => `${runId}:${id}:${i}`);
      await step.sendEvent(id, prepared);
      return { ids: prepared.map((e) => e.id) };
    },
  };
}

async function asInngestErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NonRetriableError) throw new InngestNonRetriableError(error.message, { cause: error });
    throw error;
  }
}
