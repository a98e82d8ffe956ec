import { z } from "zod";
import { prisma } from "@/lib/db";

export const operatorAlertsQuery = z.object({
  state: z.enum(["open", "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type OperatorAlertItem = { id: string; key: string; kind: string; summary: string; details: unknown; fired_at: string; resolved_at: string | null; open: boolean };

/** The operator console's alerts: open ones first, then the most recent history. */
export async function listOperatorAlerts({ state, limit }: z.output<typeof operatorAlertsQuery>): Promise<{ items: OperatorAlertItem[]; open: number }> {
  const [rows, open] = await Promise.all([
    prisma.operatorAlert.findMany({ where: state === "open" ? { resolvedAt: null } : {}, orderBy: [{ firedAt: "desc" }], take: limit }),
    prisma.operatorAlert.count({ where: { resolvedAt: null } }),
  ]);
  const items = rows
    .map((a) => ({ id: a.id, key: a.key, kind: a.kind, summary: a.summary, details: a.details, fired_at: a.firedAt.toISOString(), resolved_at: a.resolvedAt?.toISOString() ?? null, open: a.resolvedAt === null }))
    .sort((x, y) => Number(y.open) - Number(x.open));
  return { items, open };
}
