import { prisma } from "@/lib/db";
import type { RejectedWebhookItem } from "@/lib/meta/webhook";
import { logger } from "@/lib/observability/logger";

const RAW_LIMIT = 16_000;

/**
 * Sets aside the items of a verified delivery that cannot be stored (see parseMetaWebhookDelivery), in one
 * statement, so the operator can see them (console → logs) while the rest of the delivery is stored and
 * Meta gets its 200 (a 500 would make Meta re-send the same batch forever). Logs counts, reasons, page ids
 * and paths only: the items themselves may carry names and texts.
 */
export async function quarantineWebhookItems(items: readonly RejectedWebhookItem[], { source = "meta" }: { source?: string } = {}) {
  if (items.length === 0) return 0;
  const { count } = await prisma.webhookQuarantine.createMany({
    data: items.map((item) => ({
      source,
      pageId: item.pageId,
      kind: item.kind,
      reason: item.reason,
      path: item.path.slice(0, 300),
      externalId: item.externalId,
      // JSON text escapes NUL and lone surrogates, so any item fits a text column.
      raw: (JSON.stringify(item.raw) ?? "null").slice(0, RAW_LIMIT),
    })),
  });
  const reasons: Record<string, number> = {};
  for (const item of items) reasons[item.reason] = (reasons[item.reason] ?? 0) + 1;
  logger.warn(
    { source, quarantined: count, reasons, pages: [...new Set(items.map((i) => i.pageId).filter(Boolean))], paths: items.slice(0, 10).map((i) => i.path) },
    "webhook items quarantined",
  );
  return count;
}

/** The newest quarantined items for the operator console (no raw item: it may hold personal data). */
export async function listQuarantinedItems({ limit = 50 }: { limit?: number } = {}) {
  const [rows, total] = await Promise.all([
    prisma.webhookQuarantine.findMany({ orderBy: { receivedAt: "desc" }, take: limit, select: { id: true, source: true, pageId: true, kind: true, reason: true, path: true, externalId: true, receivedAt: true } }),
    prisma.webhookQuarantine.count(),
  ]);
  return { total, items: rows.map((r) => ({ id: r.id, source: r.source, page_id: r.pageId, kind: r.kind, reason: r.reason, path: r.path, external_id: r.externalId, at: r.receivedAt.toISOString() })) };
}
