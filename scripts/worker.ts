/**
 * The background worker `npm start` runs beside the web server: the durable in-process job driver
 * (PostgreSQL) and the expiry sweeper, in a process of its own so that processing comments never delays
 * the web server's answers to Meta. Same code as the in-process worker of `next dev`; several workers
 * (on several machines) may share one database. Under Inngest it runs the outbox relay instead of the
 * job driver (Inngest calls /api/inngest to run the functions).
 */
import { jobFunctions } from "../inngest/functions";
import { env } from "../lib/env";
import { startBackgroundRuntime } from "../lib/jobs/runtime";
import { logger } from "../lib/observability/logger";
import { serveWorkerMetrics } from "../lib/observability/serve-worker-metrics";
import { startTracingFromEnv } from "../lib/observability/start-tracing";

const stopTracing = startTracingFromEnv("worker");

const runtime = startBackgroundRuntime({ functions: jobFunctions, force: true });
// The web server's /metrics adds this process's counters (comment → DM latency, messages, Graph errors).
const { WORKER_METRICS_PORT, WORKER_METRICS_HOST } = env();
const metricsServer = WORKER_METRICS_PORT ? serveWorkerMetrics(WORKER_METRICS_PORT, WORKER_METRICS_HOST) : null;
logger.info({ worker_pid: process.pid }, "job worker running");
// Started by `npm start` (scripts/run.ts), which starts the web server only once this process is warm and
// claiming: after a restart (a deploy during a live) the first comments do not queue behind its start-up.
void runtime.ready.then(() => {
  logger.info({ worker_pid: process.pid }, "job worker ready");
  if (process.send) process.send({ type: "worker-ready" }, () => process.disconnect?.());
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "job worker stopping");
  metricsServer?.close();
  await runtime.stop();
  await stopTracing();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
