import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import type { AlertKind } from "./alert-conditions";

/**
 * Raises a signal for a state only this process can see (its circuit breaker just opened), held for
 * `holdSeconds` (the breaker's cool-down): the next alert evaluation, in whichever process, fires it.
 * Never throws — a failed write only costs the alert, never the caller's work.
 */
export async function recordAlertSignal({ key, kind, summary, holdSeconds }: { key: string; kind: AlertKind; summary: string; holdSeconds: number }): Promise<void> {
  const until = new Date(Date.now() + holdSeconds * 1000);
  try {
    await prisma.operatorAlertSignal.upsert({ where: { key }, create: { key, kind, summary, until }, update: { summary, until } });
  } catch (err) {
    logger.warn({ err, key }, "recording an alert signal failed");
  }
}
