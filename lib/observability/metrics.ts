import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The app's Prometheus metrics. Each process (web server, job worker) counts what it does in its own
 * registry; `/metrics` on the web server adds the worker's numbers (see collect-metrics.ts), so a scrape
 * shows the whole app. Labels are codes and names, never ids or personal data.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lss_process_" });
  return {
    registry,
    commentsIngested: new Counter({ name: "lss_comments_ingested_total", help: "Comments stored from Meta (webhook deliveries and reconciliation), duplicates excluded", registers: [registry] }),
    commentToDm: new Histogram({
      name: "lss_comment_to_dm_seconds",
      help: "From a comment's arrival to its private reply accepted by Meta",
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    jobsPending: new Gauge({ name: "lss_jobs_pending", help: "Jobs waiting to run (queued or sleeping until due), read from the database at scrape time", labelNames: ["function"], registers: [registry], aggregator: "max" }),
    jobsOldestPendingSeconds: new Gauge({ name: "lss_jobs_oldest_pending_seconds", help: "Age of the oldest job that is due and not yet started", registers: [registry], aggregator: "max" }),
    jobFailures: new Counter({ name: "lss_job_failures_total", help: "Job runs that failed for good, per function", labelNames: ["function"], registers: [registry] }),
    graphErrors: new Counter({ name: "lss_graph_errors_total", help: "Error answers from the Meta Graph API, per Graph error code", labelNames: ["code"], registers: [registry] }),
    messagesSent: new Counter({ name: "lss_messages_sent_total", help: "Private replies, messages and public replies accepted by Meta, per kind", labelNames: ["kind"], registers: [registry] }),
    llmCalls: new Counter({ name: "lss_llm_calls_total", help: "Comment classifications asked of the LLM, per outcome (ok, cache, skipped, timeout, network, http, invalid)", labelNames: ["outcome"], registers: [registry] }),
    llmSeconds: new Histogram({ name: "lss_llm_call_seconds", help: "LLM call latency (calls that reached the model)", buckets: [0.1, 0.25, 0.5, 1, 2, 3, 5], registers: [registry] }),
    llmBreakerOpen: new Gauge({ name: "lss_llm_breaker_open", help: "1 while the LLM circuit breaker is open (comments fall back to the rules engine)", registers: [registry], aggregator: "max" }),
    sseClients: new Gauge({ name: "lss_sse_clients", help: "Open Live Control Center event streams", registers: [registry], aggregator: "sum" }),
    dbPool: new Gauge({
      name: "lss_db_pool_connections",
      help: "Hot-path PostgreSQL pool connections per state (total, idle, waiting clients)",
      labelNames: ["state"],
      registers: [registry],
      aggregator: "sum",
      collect() {
        // Read off the pool lib/db.ts keeps on globalThis (importing lib/db here would make a cycle).
        const db = (globalThis as unknown as { __lssSql?: { db: { pool: { totalCount: number; idleCount: number; waitingCount: number }; gate?: { waiting: number } } } }).__lssSql?.db;
        this.set({ state: "total" }, db?.pool.totalCount ?? 0);
        this.set({ state: "idle" }, db?.pool.idleCount ?? 0);
        // Statements wait in the fair gate in front of the pool (lib/fair-gate.ts), rarely in the pool's own queue.
        this.set({ state: "waiting" }, (db?.gate?.waiting ?? 0) + (db?.pool.waitingCount ?? 0));
      },
    }),
    paymentWebhooks: new Counter({ name: "lss_payment_webhooks_total", help: "Payment provider notifications received, per provider and outcome (accepted, rejected, error)", labelNames: ["provider", "outcome"], registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One set per process: the web server's own module and Next's bundled copy must count into the same registry.
const shared = globalThis as unknown as { __lssMetrics?: Metrics };

export function metrics(): Metrics {
  return (shared.__lssMetrics ??= createMetrics());
}
