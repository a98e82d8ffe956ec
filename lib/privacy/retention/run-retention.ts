import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { jobs } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";

const DAY_MS = 24 * 3600 * 1000;

/** The UTC day (YYYY-MM-DD) a retention run belongs to. */
function retentionDay(at: Date) {
  return at.toISOString().slice(0, 10);
}

/** The daily run's event: one per day (its id deduplicates), at 03:00 UTC. */
export function retentionEvent(day: string) {
  return { name: "privacy/retention" as const, id: `retention:${day}`, data: { day }, ts: Date.parse(`${day}T03:00:00Z`) };
}

/**
 * Makes sure today's retention run is queued (called when an app instance starts; a second call, or a
 * second instance, queues nothing more). Each run queues the next day's, so the chain survives restarts.
 */
export async function ensureRetentionScheduled(now = new Date()) {
  await jobs.send(retentionEvent(retentionDay(now)));
}

/** After a run: queue tomorrow's. */
export async function scheduleNextRetention(day: string) {
  const next = retentionDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
  await jobs.send(retentionEvent(next));
  return next;
}

/** The report of a run: one platform audit row ("privacy.retention_ran") with every count, and a log line. */
export async function reportRetention({ day, counts }: { day: string; counts: Record<string, unknown> }) {
  await recordAudit(prisma, { actorType: "SYSTEM", actorId: "retention", action: "privacy.retention_ran", entityType: "platform", entityId: day, data: counts as never });
  logger.info({ day, ...counts }, "privacy retention ran");
}

export function retentionSettings() {
  const e = env();
  return { mailboxDays: e.RETENTION_MAILBOX_DAYS, webhookDays: e.RETENTION_WEBHOOK_DAYS, buyerMonths: e.RETENTION_BUYER_MONTHS, jobDays: e.JOB_RETENTION_DAYS };
}
