import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

/** A condition that needs an operator, as the evaluation sees it now. `key` identifies it across evaluations. */
export type AlertCondition = { key: string; kind: AlertKind; summary: string; details: Record<string, string | number> };
export type AlertKind = "job_lag" | "job_failures" | "meta_disconnected" | "webhook_silence" | "llm_breaker_open" | "payment_breaker_open";

const TEN_MINUTES = 10 * 60_000;

/**
 * What is wrong right now, read from the database (so any worker, on any instance, sees the same):
 * - jobs due and not started for longer than ALERT_JOB_LAG_SECONDS;
 * - ALERT_JOB_FAILURES or more jobs failed for good in the last 10 minutes (the error rate);
 * - a store's Page disconnected by Meta (its sends are stopped);
 * - an active live whose comments, in the last 10 minutes, arrived only by reading the live back (the
 *   webhook went silent while buyers kept commenting);
 * - a circuit breaker open in some process (LLM, a payment provider), raised as a signal by that process.
 * Summaries name stores and providers, never buyers.
 */
export async function currentAlertConditions(now: Date): Promise<AlertCondition[]> {
  const { ALERT_JOB_LAG_SECONDS: lagLimit, ALERT_JOB_FAILURES: failureLimit } = env();
  const since = new Date(now.getTime() - TEN_MINUTES);
  const [lag, failures, disconnected, silentLives, signals] = await Promise.all([
    prisma.$queryRaw<{ waiting: number; oldest: number | null }[]>`
      SELECT count(*)::int AS waiting, extract(epoch FROM ${now}::timestamptz - min("runAt"))::float8 AS oldest
      FROM jobs WHERE status = 'QUEUED' AND "runAt" <= ${now}::timestamptz - make_interval(secs => ${lagLimit})`,
    prisma.job.count({ where: { status: "FAILED", updatedAt: { gte: since } } }),
    prisma.metaConnection.findMany({ where: { disconnectedAt: { not: null } }, select: { storeId: true, disconnectReason: true, store: { select: { name: true } } } }),
    prisma.$queryRaw<{ liveId: string; title: string; store: string; recovered: number }[]>`
      SELECT l.id AS "liveId", l.title, s.name AS store, count(*) FILTER (WHERE c.recovered)::int AS recovered
      FROM lives l JOIN stores s ON s.id = l."storeId" JOIN comments c ON c."liveId" = l.id AND c."receivedAt" >= ${since}
      WHERE l.status = 'ACTIVE'
      GROUP BY l.id, l.title, s.name
      HAVING count(*) FILTER (WHERE c.recovered) > 0 AND count(*) FILTER (WHERE NOT c.recovered) = 0`,
    prisma.operatorAlertSignal.findMany({ where: { until: { gt: now } } }),
  ]);
  const conditions: AlertCondition[] = [];
  const late = lag[0];
  if (late && late.waiting > 0) {
    conditions.push({ key: "job_lag", kind: "job_lag", summary: `${late.waiting} jobs are waiting; the oldest for ${Math.round(late.oldest ?? 0)} s`, details: { waiting: late.waiting, oldest_seconds: Math.round(late.oldest ?? 0) } });
  }
  if (failures >= failureLimit) {
    conditions.push({ key: "job_failures", kind: "job_failures", summary: `${failures} jobs failed for good in the last 10 minutes`, details: { failed: failures } });
  }
  for (const m of disconnected) {
    conditions.push({ key: `meta_disconnected:${m.storeId}`, kind: "meta_disconnected", summary: `Meta disconnected the Page of ${m.store.name}: its replies are on hold`, details: { store_id: m.storeId, reason: m.disconnectReason ?? "" } });
  }
  for (const l of silentLives) {
    conditions.push({ key: `webhook_silence:${l.liveId}`, kind: "webhook_silence", summary: `No webhook deliveries for the live "${l.title}" of ${l.store}: ${l.recovered} comments in 10 minutes were found only by reading the live`, details: { live_id: l.liveId, recovered: l.recovered } });
  }
  for (const s of signals) conditions.push({ key: s.key, kind: s.kind as AlertKind, summary: s.summary, details: {} });
  return conditions;
}
