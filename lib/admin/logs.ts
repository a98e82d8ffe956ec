import { prisma } from "@/lib/db";

/** The audit log across tenants, newest first. */
export async function listAudit({ store_id, action, limit }: { store_id?: string; action?: string; limit: number }) {
  const rows = await prisma.auditLog.findMany({ where: { ...(store_id && { storeId: store_id }), ...(action && { action }) }, orderBy: { createdAt: "desc" }, take: limit });
  return { items: rows.map((a) => ({ id: a.id, store_id: a.storeId, action: a.action, actor_type: a.actorType, actor_id: a.actorId, entity_type: a.entityType, entity_id: a.entityId, data: a.data, at: a.createdAt.toISOString() })) };
}

/** The AI decision log for quality review; `max_confidence` keeps the doubtful ones. */
export async function listAiDecisions({ store_id, max_confidence, limit }: { store_id?: string; max_confidence?: number; limit: number }) {
  const rows = await prisma.aiDecision.findMany({ where: { ...(store_id && { storeId: store_id }), ...(max_confidence !== undefined && { confidence: { lte: max_confidence } }) }, orderBy: { createdAt: "desc" }, take: limit });
  return { items: rows.map((d) => ({ id: d.id, store_id: d.storeId, comment_id: d.commentId, text: d.text, engine: d.engine, intent: d.intent, sku: d.sku, quantity: d.quantity, confidence: d.confidence, language: d.language, reason: d.reason, model: d.model, latency_ms: d.latencyMs, at: d.createdAt.toISOString() })) };
}
