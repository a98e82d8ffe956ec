import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "./metrics";

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** Reads the job queue into the gauges: due-and-waiting per function and the age of the oldest. */
async function refreshJobGauges() {
  const rows = await prisma.$queryRaw<{ functionId: string; pending: number; oldest: number | null }[]>`
    SELECT "functionId", count(*)::int AS pending,
      extract(epoch FROM now() - min("runAt") FILTER (WHERE "runAt" <= now()))::float8 AS oldest
    FROM jobs WHERE status = 'QUEUED' GROUP BY "functionId"`;
  const m = metrics();
  m.jobsPending.reset();
  for (const r of rows) m.jobsPending.set({ function: r.functionId }, r.pending);
  m.jobsOldestPendingSeconds.set(Math.max(0, ...rows.map((r) => r.oldest ?? 0)));
}

/** The job worker's own counters, over loopback; an unreachable worker (restarting) only drops its share. */
async function workerMetrics(): Promise<MetricsJson[]> {
  const port = env().WORKER_METRICS_PORT;
  if (!port) return [];
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics.json`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? [(await res.json()) as MetricsJson] : [];
  } catch {
    return [];
  }
}

/** Prometheus text for the whole app: this process, plus the job worker when it runs apart. */
export async function collectAppMetrics(): Promise<{ contentType: string; text: string }> {
  await refreshJobGauges();
  const own = (await metrics().registry.getMetricsAsJSON()) as MetricsJson;
  const merged = AggregatorRegistry.aggregate([own, ...(await workerMetrics())]);
  return { contentType: merged.contentType, text: await merged.metrics() };
}
