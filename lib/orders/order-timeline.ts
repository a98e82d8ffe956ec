import { prisma } from "@/lib/db";
import { minorToMajor } from "@/lib/money";
import { toTransferReview } from "@/lib/payments/transfer-review-view";
import { getOrderFulfilment } from "@/lib/fulfilment/order-fulfilment";
import { orderInclude, toOrderDto } from "./list-orders";
import type { OrderDetailDto, TimelineEntry } from "./order-schemas";

/**
 * Everything that happened to one order, oldest first: the comment that started it and the AI decision
 * on it, reservations and their settlement, every message sent (to the buyer and the seller alerts),
 * provider notifications and payments, and the audit rows (who did what, when).
 */
async function buildOrderTimeline(orderId: string): Promise<TimelineEntry[]> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, commentId: true, currency: true } });
  const comments = await prisma.comment.findMany({
    where: { OR: [{ orderId }, ...(order.commentId ? [{ id: order.commentId }] : [])] },
    select: { id: true, text: true, authorName: true, intent: true, sku: true, quantity: true, status: true, receivedAt: true, language: true },
  });
  const commentIds = comments.map((c) => c.id);
  const [decisions, reservations, messages, webhooks, payments, audits] = await Promise.all([
    commentIds.length ? prisma.aiDecision.findMany({ where: { commentId: { in: commentIds } } }) : [],
    prisma.reservation.findMany({ where: { orderId }, include: { product: { select: { sku: true, name: true } } } }),
    prisma.outboundMessage.findMany({ where: { OR: [{ orderId }, ...(commentIds.length ? [{ commentId: { in: commentIds } }] : [])] } }),
    prisma.webhookEvent.findMany({ where: { orderId } }),
    prisma.payment.findMany({ where: { orderId } }),
    prisma.auditLog.findMany({ where: { entityType: "order", entityId: orderId } }),
  ]);

  // Who acted, by name, so the page can say "shipped by Ana" instead of an id.
  const userIds = [...new Set(audits.filter((a) => a.actorType === "USER" && a.actorId).map((a) => a.actorId!))];
  const users = userIds.length ? await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, fullName: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.fullName]));

  const entries: TimelineEntry[] = [];
  const add = (at: Date, type: string, summary: string, data: Record<string, unknown>) => entries.push({ at: at.toISOString(), type, summary, data });

  for (const c of comments) {
    add(c.receivedAt, "comment.received", `${c.authorName || "Buyer"}: ${c.text}`.slice(0, 300), { comment_id: c.id, text: c.text, author: c.authorName, language: c.language, status: c.status.toLowerCase() });
  }
  for (const d of decisions) {
    add(d.createdAt, "ai.decision", `${d.intent}${d.sku ? ` ${d.sku}` : ""}${d.quantity ? ` ×${d.quantity}` : ""} (${d.engine}, ${Math.round(d.confidence * 100)}%)`, {
      comment_id: d.commentId,
      engine: d.engine,
      intent: d.intent,
      sku: d.sku,
      quantity: d.quantity,
      confidence: d.confidence,
      reason: d.reason,
      model: d.model,
      latency_ms: d.latencyMs,
    });
  }
  for (const r of reservations) {
    add(r.createdAt, "reservation.created", `${r.product.sku} ×${r.quantity} reserved until ${r.expiresAt.toISOString()}`, { sku: r.product.sku, name: r.product.name, quantity: r.quantity, expires_at: r.expiresAt.toISOString(), status: r.status.toLowerCase() });
    if (r.settledAt && r.status !== "ACTIVE") {
      add(r.settledAt, `reservation.${r.status.toLowerCase()}`, `${r.product.sku} ×${r.quantity} ${r.status === "COMMITTED" ? "sold" : "released"}`, { sku: r.product.sku, name: r.product.name, quantity: r.quantity });
    }
  }
  for (const m of messages) {
    const label = m.purpose === "seller_alert" ? "Seller alert" : `${m.kind.toLowerCase().replace("_", " ")} (${m.purpose})`;
    const body = m.body as { text?: unknown; alert?: unknown } | null;
    const text = body?.text;
    add(m.sentAt ?? m.createdAt, m.purpose === "seller_alert" ? "seller.alert" : `message.${m.kind.toLowerCase()}`, `${label}: ${m.status.toLowerCase()}${typeof text === "string" ? ` — ${text}` : ""}`.slice(0, 300), {
      message_id: m.id,
      kind: m.kind.toLowerCase(),
      purpose: m.purpose,
      status: m.status.toLowerCase(),
      error: m.error,
      attempts: m.attempts,
      ...(typeof body?.alert === "string" && { alert: body.alert }),
    });
  }
  for (const w of webhooks) {
    add(w.receivedAt, "webhook.received", `${w.source} ${w.type}`, { source: w.source, type: w.type, event_id: w.externalId, processed_at: w.processedAt?.toISOString() ?? null });
  }
  for (const p of payments) {
    add(p.createdAt, "payment.created", `${p.provider}: ${minorToMajor(p.amountMinor, p.currency)} ${p.currency} (${p.status.toLowerCase()})`, {
      payment_id: p.id,
      provider: p.provider,
      status: p.status.toLowerCase(),
      amount_minor: p.amountMinor,
      currency: p.currency,
      provider_txn_id: p.providerTxnId,
      flag_reason: p.flagReason,
    });
  }
  for (const a of audits) {
    add(a.createdAt, `audit.${a.action}`, `${a.action} by ${a.actorType.toLowerCase()}${a.actorId ? ` ${a.actorId}` : ""}`, { action: a.action, actor_type: a.actorType.toLowerCase(), actor_id: a.actorId, actor_name: a.actorId ? (nameOf.get(a.actorId) ?? null) : null, data: a.data, ip: a.ip });
  }
  return entries.sort((x, y) => x.at.localeCompare(y.at));
}

/** One order with its items, payments and timeline. The caller has already checked membership of its store. */
export async function getOrderDetail(orderId: string): Promise<OrderDetailDto> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: orderInclude });
  const payments = await prisma.payment.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
  return {
    ...toOrderDto(order),
    ...(await getOrderFulfilment(orderId)),
    payments: payments.map((p) => ({
      id: p.id,
      provider: p.provider,
      status: p.status.toLowerCase(),
      amount: minorToMajor(p.amountMinor, p.currency),
      amount_minor: p.amountMinor,
      currency: p.currency,
      provider_ref: p.providerRef,
      provider_txn_id: p.providerTxnId,
      flag_reason: p.flagReason,
      has_receipt: Boolean(p.receiptPath),
      created_at: p.createdAt.toISOString(),
      updated_at: p.updatedAt.toISOString(),
    })),
    transfer_review: toTransferReview({ order, payments }),
    timeline: await buildOrderTimeline(orderId),
  };
}
