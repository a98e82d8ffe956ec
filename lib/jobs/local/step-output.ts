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

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { name?: unknown; message: unknown; stack?: unknown };
    return { name: String(e.name ?? "Error"), message: String(e.message), ...(e.stack ? { stack: String(e.stack) } : {}) };
  }
  return { name: "Error", message: String(error) };
}

/** One line for `lastError` and the logs. */
export function describeError(error: unknown) {
  const { name, message } = serializeError(error);
  return `${name}: ${message}`.slice(0, 2000);
}
