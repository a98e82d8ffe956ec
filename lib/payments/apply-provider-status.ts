import { prisma, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { markOrderPaid, type MarkOrderPaidResult } from "@/lib/orders/mark-paid";
import { notifyStore } from "@/lib/realtime/notify";
import type { ProviderId, ProviderPaymentStatus, StatusLookup } from "./gateways/types";

export type AppliedStatus =
  | { kind: "paid"; result: MarkOrderPaidResult }
  | { kind: "recorded"; orderId: string; paymentStatus: "PENDING" | "FAILED" | "REFUNDED" }
  | { kind: "ignored"; orderId: string | null; reason: string };

/**
 * Applies what the provider itself reported (never what a notification claimed) to our order. Only
 * orders of `storeId` are touched: a notification verified with one store's credentials cannot move
 * another store's order. Every branch is idempotent, so duplicates and out-of-order events are harmless.
 */
export async function applyProviderStatus({
  storeId,
  provider,
  status,
  lookup,
  actor = { type: "WEBHOOK" },
}: {
  storeId: string;
  provider: ProviderId;
  status: ProviderPaymentStatus;
  lookup?: StatusLookup | null;
  actor?: { type: "WEBHOOK" | "USER" | "SYSTEM"; id?: string | null };
}): Promise<AppliedStatus> {
  const orderId = await resolveOrderId({ provider, status, lookup });
  if (!orderId) return { kind: "ignored", orderId: null, reason: "the provider names no order of ours" };
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId }, select: { id: true, storeId: true, status: true, liveId: true, currency: true } });
  if (!order) return { kind: "ignored", orderId: null, reason: "order not found in this store" };
  const raw = toJson(status.raw);

  switch (status.status) {
    case "paid": {
      if (!status.providerTxnId || status.amountMinor === null || !status.currency) {
        return { kind: "ignored", orderId, reason: "provider reported paid without transaction, amount or currency" };
      }
      const result = await markOrderPaid({
        orderId,
        provider,
        providerTxnId: status.providerTxnId,
        providerRef: status.providerRef ?? lookup?.providerRef ?? null,
        amountMinor: status.amountMinor,
        currency: status.currency,
        raw,
        actor,
      });
      return { kind: "paid", result };
    }
    case "failed":
    case "cancelled":
      return recordAttempt({ order, provider, status, lookup, next: "FAILED", raw, actor });
    case "pending":
      return recordAttempt({ order, provider, status, lookup, next: "PENDING", raw, actor });
    case "refunded":
      return recordRefund({ order, provider, status, raw, actor });
  }
}

async function resolveOrderId({ provider, status, lookup }: { provider: ProviderId; status: ProviderPaymentStatus; lookup?: StatusLookup | null }): Promise<string | null> {
  if (status.orderId) return status.orderId;
  if (lookup?.orderId) return lookup.orderId;
  const ref = status.providerRef ?? lookup?.providerRef;
  if (ref) {
    const link = await prisma.payment.findUnique({ where: { provider_providerRef: { provider, providerRef: ref } }, select: { orderId: true } });
    if (link) return link.orderId;
  }
  if (status.providerTxnId) {
    const paid = await prisma.payment.findUnique({ where: { provider_providerTxnId: { provider, providerTxnId: status.providerTxnId } }, select: { orderId: true } });
    if (paid) return paid.orderId;
  }
  return null;
}

type OrderRow = { id: string; storeId: string; status: string; liveId: string | null; currency: string };

/** A pending or failed attempt: the order stays payable (the buyer can try again until it expires). */
async function recordAttempt(args: {
  order: OrderRow;
  provider: ProviderId;
  status: ProviderPaymentStatus;
  lookup?: StatusLookup | null;
  next: "PENDING" | "FAILED";
  raw: Prisma.InputJsonValue;
  actor: { type: "WEBHOOK" | "USER" | "SYSTEM"; id?: string | null };
}): Promise<AppliedStatus> {
  const { order, provider, status, next } = args;
  const ref = status.providerRef ?? args.lookup?.providerRef ?? null;
  await prisma.$transaction(async (tx) => {
    const byTxn = status.providerTxnId ? await tx.payment.findUnique({ where: { provider_providerTxnId: { provider, providerTxnId: status.providerTxnId } } }) : null;
    const byRef = !byTxn && ref ? await tx.payment.findUnique({ where: { provider_providerRef: { provider, providerRef: ref } } }) : null;
    const row = byTxn ?? (byRef?.orderId === order.id ? byRef : null);
    // A settled payment is never downgraded by a late "pending" or "failed" report.
    if (row && !["CREATED", "PENDING", "FAILED"].includes(row.status)) return;
    const txnFree = status.providerTxnId && (!byTxn || byTxn.id === row?.id);
    const data = { status: next, raw: args.raw, ...(txnFree ? { providerTxnId: status.providerTxnId } : {}) };
    if (row) {
      if (row.status === next && row.providerTxnId === (status.providerTxnId ?? row.providerTxnId)) return;
      await tx.payment.update({ where: { id: row.id }, data });
    } else {
      await tx.payment.create({
        data: {
          ...data,
          storeId: order.storeId,
          orderId: order.id,
          provider,
          amountMinor: status.amountMinor ?? 0,
          currency: status.currency ?? order.currency,
        },
      });
    }
    await recordAudit(tx, {
      storeId: order.storeId,
      actorType: args.actor.type,
      actorId: args.actor.id ?? null,
      action: next === "FAILED" ? "payment.failed" : "payment.pending",
      entityType: "order",
      entityId: order.id,
      data: { provider, providerTxnId: status.providerTxnId, providerStatus: status.status },
    });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: order.status, liveId: order.liveId }, tx);
  });
  return { kind: "recorded", orderId: order.id, paymentStatus: next };
}

/** Money returned at the provider (by the seller there, or by our refund call): the order is refunded. */
async function recordRefund(args: { order: OrderRow; provider: ProviderId; status: ProviderPaymentStatus; raw: Prisma.InputJsonValue; actor: { type: "WEBHOOK" | "USER" | "SYSTEM"; id?: string | null } }): Promise<AppliedStatus> {
  const { order, provider, status } = args;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM orders WHERE id = ${order.id} FOR UPDATE`;
    const payment = status.providerTxnId ? await tx.payment.findUnique({ where: { provider_providerTxnId: { provider, providerTxnId: status.providerTxnId } } }) : null;
    if (!payment || payment.orderId !== order.id || payment.status === "REFUNDED") return;
    await tx.payment.update({ where: { id: payment.id }, data: { status: "REFUNDED", raw: args.raw } });
    const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
    const refundsOrder = current.status === "PAID" || current.status === "REFUND_NEEDED";
    if (refundsOrder) await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });
    await recordAudit(tx, {
      storeId: order.storeId,
      actorType: args.actor.type,
      actorId: args.actor.id ?? null,
      action: "payment.refunded",
      entityType: "order",
      entityId: order.id,
      data: { provider, providerTxnId: status.providerTxnId, paymentId: payment.id },
    });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: refundsOrder ? "REFUNDED" : current.status, liveId: order.liveId }, tx);
  });
  return { kind: "recorded", orderId: order.id, paymentStatus: "REFUNDED" };
}

function toJson(value: unknown): Prisma.InputJsonValue {
  if (value === null || value === undefined) return {};
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
