/**
 * Next.js calls this once per server process at boot. In the Node.js runtime it validates the
 * configuration (production refuses to start without its secrets), starts the background runtime
 * (local job worker + expiry sweeper) with the app's job functions and, in the embedded default, the
 * built-in fake Graph API.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const e = env();
  const { startTracingFromEnv } = await import("./lib/observability/start-tracing");
  startTracingFromEnv("web");
  if (e.FAKE_GRAPH) {
    const { startBuiltInFakeGraph } = await import("./lib/simulator/built-in-dev-graph-api");
    await startBuiltInFakeGraph();
  }
  const [{ startBackgroundRuntime }, { jobFunctions }] = await Promise.all([import("./lib/jobs/runtime"), import("./inngest/functions")]);
  startBackgroundRuntime({ functions: jobFunctions });
  // The daily privacy retention chain: today's run is queued once (its id deduplicates across restarts).
  const [{ ensureRetentionScheduled }, { logger }] = await Promise.all([import("./lib/privacy/retention/run-retention"), import("./lib/observability/logger")]);
  ensureRetentionScheduled().catch((err) => logger.error({ err }, "queueing the retention run failed"));
  // The daily re-check of the connected Page tokens with Meta (debug_token), the same way.
  const { ensureTokenCheckScheduled } = await import("./lib/onboarding/check-page-token");
  ensureTokenCheckScheduled().catch((err) => logger.error({ err }, "queueing the Page token check failed"));
}
