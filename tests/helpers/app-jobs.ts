import { jobFunctions } from "@/inngest/functions";
import { registerJobFunctions } from "@/lib/jobs";

/**
 * What every app process does where it starts (scripts/worker.ts, scripts/server.ts,
 * instrumentation.ts): the events producers send are routed to the app's own job functions. For
 * suites that exercise producers (reservations, webhooks, cancellations) without a function list of their own.
 */
export function registerAppJobFunctions() {
  registerJobFunctions(jobFunctions);
}
