import type { Jsonify } from "inngest/types";
import type { SqlClient, Tx } from "@/lib/db";
import { isDurationString, toMilliseconds, type DurationString } from "./duration";
import { isJobEventName, jobEvents, type JobEvent, type JobEventName, type SendableEvent } from "./events";

/** What a memoised step hands back: its result after a JSON round trip (void becomes null). */
export type StepResult<T> = [T] extends [void] ? null : Jsonify<T>;

/**
 * The whole seam between job code and a driver. Every side effect goes in its own named step; a
 * step id must be stable across replays (a repeated id in one run is suffixed `:1`, `:2`, ... like
 * Inngest does).
 */
export interface JobStep {
  /** Runs `fn` at most once to success per job; later replays return the stored JSON result. */
  run<T>(id: string, fn: () => T | Promise<T>): Promise<StepResult<T>>;
  /** Parks the job (no worker held) for a duration: milliseconds or a time string like "20m". */
  sleep(id: string, duration: number | DurationString): Promise<void>;
  sleepUntil(id: string, until: Date | string): Promise<void>;
  /** Sends events exactly once per job (events without an id get one derived from the job and step). */
  sendEvent(id: string, events: SendableEvent | readonly SendableEvent[]): Promise<{ ids: string[] }>;
}

export interface JobLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

export interface JobContext<N extends JobEventName> {
  event: JobEvent<N>;
  step: JobStep;
  /** 0 on the first try; counts failed tries since the last step that succeeded. */
  attempt: number;
  runId: string;
  logger: JobLogger;
}

interface JobFailureContext<N extends JobEventName> extends JobContext<N> {
  /** The error that exhausted the retries of the original run. */
  error: Error;
}

export interface ConcurrencyOption {
  /** Dotted path into the event, e.g. "event.data.liveId" (also a valid Inngest CEL expression). No key: one limit for the function. */
  key?: string;
  limit: number;
  /**
   * false: the limit applies on the local driver only; on Inngest the function has no concurrency constraint
   * (see lib/jobs/inngest-fairness.ts). Required with `idempotentSteps`.
   */
  inngest?: false;
}

interface ThrottleOption {
  key?: string;
  /** Runs allowed to start per period. */
  limit: number;
  period: DurationString;
}

export interface JobDefinition<N extends JobEventName = JobEventName, R = unknown> {
  readonly id: string;
  readonly event: N;
  /** Retries after the first failure (Inngest's meaning): 3 → up to 4 tries. */
  readonly retries: number;
  readonly concurrency?: ConcurrencyOption;
  readonly throttle?: ThrottleOption;
  /**
   * Also runs on this schedule under Inngest (a cron expression; the handler sees its own event with
   * empty data). The local driver has no cron: lib/jobs/runtime.ts calls the same lib/ code on a timer.
   */
  readonly cron?: string;
  /**
   * Every step is idempotent by its own keys (re-running a finished step repeats no effect). The local
   * driver then keeps a finished step's result in memory and writes it only when the run stops before
   * completing (a sleep, a retry): a run that completes in one go writes its completion and nothing
   * else. A crash re-runs the steps since the last written one. On Inngest its steps go back in one
   * checkpoint per run, and it has no concurrency constraint there (lib/jobs/inngest-fairness.ts).
   */
  readonly idempotentSteps: boolean;
  // Method syntax on purpose: it lets a JobDefinition<"order/created"> sit in a list of AnyJobDefinition.
  handler(ctx: JobContext<N>): Promise<R>;
  /** Compensation: runs once, durably, after the last retry failed. */
  onFailure?(ctx: JobFailureContext<N>): Promise<unknown>;
}

export type AnyJobDefinition = JobDefinition<JobEventName, unknown>;

export interface SendOptions {
  /**
   * Local driver: the job rows join this transaction (transactional outbox — they commit or roll
   * back with the row that caused them). Inngest driver: ignored, the event is sent immediately, so
   * send after commit or make the handler tolerate a row that is not there yet.
   * Either a Prisma interactive transaction or a `hotPathDb.$transaction` client.
   */
  tx?: Tx | SqlClient;
}

export interface JobDriver {
  readonly kind: "local" | "inngest";
  send(events: SendableEvent | readonly SendableEvent[], options?: SendOptions): Promise<{ ids: string[] }>;
}

/** Thrown by a handler or step for input that can never succeed: no retries, straight to onFailure. */
export class NonRetriableError extends Error {
  override name = "NonRetriableError";
}

const FUNCTION_ID = /^[a-z0-9][a-z0-9-]*$/;
// A dotted path is both something the local driver can walk and a valid Inngest CEL expression.
const KEY_PATH = /^event\.data(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;
export const FAILURE_SUFFIX = "-failure";

interface DefineJobInput<N extends JobEventName, R> {
  id: string;
  event: N;
  retries?: number;
  concurrency?: ConcurrencyOption;
  throttle?: ThrottleOption;
  cron?: string;
  idempotentSteps?: boolean;
  handler: (ctx: JobContext<N>) => Promise<R>;
  onFailure?: (ctx: JobFailureContext<N>) => Promise<unknown>;
}

export function defineJob<const N extends JobEventName, R>(input: DefineJobInput<N, R>): JobDefinition<N, R> {
  const where = `job "${input.id}"`;
  if (!FUNCTION_ID.test(input.id) || input.id.endsWith(FAILURE_SUFFIX)) {
    throw new TypeError(`${where}: id must be a lowercase slug not ending in "${FAILURE_SUFFIX}"`);
  }
  if (!isJobEventName(input.event)) throw new TypeError(`${where}: unknown event "${input.event}"`);
  const retries = input.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new TypeError(`${where}: retries must be 0..20`);
  for (const [name, option] of [["concurrency", input.concurrency], ["throttle", input.throttle]] as const) {
    if (!option) continue;
    if (!Number.isInteger(option.limit) || option.limit < 1) throw new TypeError(`${where}: ${name}.limit must be a positive integer`);
    if (option.key !== undefined && !KEY_PATH.test(option.key)) {
      throw new TypeError(`${where}: ${name}.key must be a dotted path like "event.data.liveId"`);
    }
  }
  if (input.idempotentSteps && input.concurrency && input.concurrency.inngest !== false) {
    // Buffered into one checkpoint on Inngest, where the server can hold the run's slot ~30 s after it ended (lib/jobs/inngest-fairness.ts).
    throw new TypeError(`${where}: a function with idempotentSteps cannot be limited on Inngest: set concurrency.inngest to false`);
  }
  if (input.throttle && (!isDurationString(input.throttle.period) || toMilliseconds(input.throttle.period) < 1000)) {
    throw new TypeError(`${where}: throttle.period must be a time string of at least "1s"`);
  }
  return Object.freeze({
    id: input.id,
    event: input.event,
    retries,
    concurrency: input.concurrency,
    throttle: input.throttle,
    cron: input.cron,
    idempotentSteps: input.idempotentSteps ?? false,
    handler: input.handler,
    onFailure: input.onFailure,
  });
}

/**
 * Validates the stored or delivered event against the registry, so the handler's types hold under
 * both drivers. Bad data can never succeed, hence non-retriable.
 */
export function parseJobEvent<N extends JobEventName>(
  def: JobDefinition<N, unknown>,
  raw: { name: string; data?: unknown; id?: string; ts?: number },
): JobEvent<N> {
  if (raw.name !== def.event) throw new NonRetriableError(`${def.id} expects "${def.event}", got "${raw.name}"`);
  const parsed = jobEvents[def.event].safeParse(raw.data ?? {});
  if (!parsed.success) throw new NonRetriableError(`${def.id}: invalid event data: ${parsed.error.message}`);
  return { name: def.event, data: parsed.data, id: raw.id ?? "", ts: raw.ts ?? 0 } as JobEvent<N>;
}

/** The value of a dotted key path ("event.data.liveId") for one event; a missing value shares the "null" group, as in Inngest. */
export function resolveKeyPath(path: string, event: { data: unknown }): string {
  let value: unknown = { event };
  for (const part of path.split(".")) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null) return "null";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** JSON round trip: what a memoised step returns, identical on first run and replay. */
export function toJson<T>(value: T): StepResult<T> {
  const text = JSON.stringify(value);
  return (text === undefined ? null : JSON.parse(text)) as StepResult<T>;
}
