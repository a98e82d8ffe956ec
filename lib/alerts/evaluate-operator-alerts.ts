import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { currentAlertConditions, type AlertCondition } from "./alert-conditions";

export type AlertTransition = { alertId: string; transition: "fired" | "recovered"; key: string };

/**
 * One evaluation: conditions that hold and have no open alert fire one (a condition that keeps holding
 * stays one alert — de-duplicated by the open-key unique index, so overlapping evaluations cannot fire it
 * twice); open alerts whose condition cleared are resolved. Returns the transitions to notify.
 */
export async function evaluateOperatorAlerts({ now = new Date() }: { now?: Date } = {}): Promise<AlertTransition[]> {
  const conditions = await currentAlertConditions(now);
  const holding = new Set(conditions.map((c) => c.key));
  const open = await prisma.operatorAlert.findMany({ where: { resolvedAt: null }, select: { id: true, key: true } });
  const openKeys = new Set(open.map((a) => a.key));
  const transitions: AlertTransition[] = [];

  for (const c of conditions.filter((c) => !openKeys.has(c.key))) {
    const fired = await fire(c, now);
    if (fired) transitions.push({ alertId: fired, transition: "fired", key: c.key });
  }
  const cleared = open.filter((a) => !holding.has(a.key));
  if (cleared.length > 0) {
    const resolved = await prisma.$queryRaw<{ id: string; key: string }[]>`
      UPDATE operator_alerts SET "resolvedAt" = ${now} WHERE id = ANY(${cleared.map((a) => a.id)}::text[]) AND "resolvedAt" IS NULL RETURNING id, key`;
    for (const r of resolved) transitions.push({ alertId: r.id, transition: "recovered", key: r.key });
  }
  if (transitions.length > 0) logger.info({ fired: transitions.filter((t) => t.transition === "fired").length, recovered: transitions.filter((t) => t.transition === "recovered").length, open: holding.size }, "operator alerts changed");
  return transitions;
}

async function fire(c: AlertCondition, now: Date): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO operator_alerts (id, key, kind, summary, details, "firedAt")
    VALUES (${randomUUID()}, ${c.key}, ${c.kind}, ${c.summary}, ${JSON.stringify(c.details)}::jsonb, ${now})
    ON CONFLICT (key) WHERE "resolvedAt" IS NULL DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}
