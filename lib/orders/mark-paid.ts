import type { OrderStatus, PaymentStatus } from "@/generated/prisma/client";
import { prisma, type Prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { commitReservations, reReserveAndCommit } from "./commit-stock";
import { expireOverdueForProduct } from "./expire-order";
import { recordSellerAlert } from "./seller-alert";
import { refreshBuyerRisk } from "@/lib/buyers/refresh-buyer-risk";
import { jobs } from "@/lib/jobs";
import type { SendableEvent } from "@/lib/jobs/events";

export type MarkOrderPaidInput = {
  orderId: string;
  /** paypal | mercadopago | flow | sandbox | transfer */
  provider: string;
  /** The settled transaction at the provider: payments are idempotent on (provider, providerTxnId). */
  providerTxnId: string;
  /** The link's id at the provider, when known: finds the Payment row created with the link. */
  providerRef?: string | null;
  /** What the provider says was charged (never the webhook body's claim). */
  amountMinor: number;
  currency: string;
  raw?: Prisma.InputJsonValue;
  actor: { type: "WEBHOOK" | "USER" | "SYSTEM"; id?: string | null };
  now?: Date;
};

type MarkOrderPaidOutcome =
  /** PENDING → PAID, reserved units sold. */
  | "paid"
  /** The order had expired; its units were still available, so they were taken again and sold. */
  | "paid_after_expiry"
  /** Money arrived but the order cannot be fulfilled (cancelled, or stock gone after expiry). */
  | "refund_needed"
  /** Amount/currency mismatch, or a second payment for a settled order: the seller decides. */
  | "flagged"
  /** This transaction was processed before; nothing changed. */
  | "duplicate";

export type MarkOrderPaidResult = {
  outcome: MarkOrderPaidOutcome;
  orderId: string;
  storeId: string;
  paymentId: string;
  orderStatus: OrderStatus;
  paymentStatus: PaymentStatus;
  reason?: string;
};

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

/**
 * Records a confirmed payment and settles its order in ONE transaction with the order row locked, so a
 * concurrent expiry, cancellation or duplicate notification sees either the whole change or none of it.
 * Never oversells: a late payment re-takes stock only where it is still available, else the order is
 * marked REFUND_NEEDED and both sides are told. Idempotent per (provider, providerTxnId).
 * A paid order's `payment/succeeded` event (receipt, seller alert) is written in the same transaction
 * (the outbox of either job driver): it goes out if and only if the payment committed.
 */
export async function markOrderPaid(input: MarkOrderPaidInput): Promise<MarkOrderPaidResult> {
  const now = input.now ?? new Date();
  await expireOverdueReservationsOfOrder(input.orderId);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await prisma.$transaction((tx) => markInTx(tx, input, now), { timeout: 20_000 });
      if (result.outcome !== "duplicate" && result.outcome !== "flagged") await refreshBuyerRisk({ orderId: result.orderId });
      return result;
    } catch (e) {
      const code = (e as { meta?: { code?: string } }).meta?.code ?? (e as { code?: string }).code;
      if (attempt < 4 && code && (RETRYABLE.has(code) || code === "P2002")) continue;
      throw e;
    }
  }
}

/**
 * The `payment/succeeded` event of a settled payment. Its id is the payment's, so announcing it again
 * (a replayed webhook) is a no-op in the outbox and in Inngest.
 */
export function paymentSucceededEvent(payment: { id: string; provider: string; providerTxnId: string | null; amountMinor: number; currency: string }, base: { orderId: string; storeId: string }): SendableEvent {
  return {
    name: "payment/succeeded",
    id: `payment-succeeded:${payment.id}`,
    data: { ...base, provider: jobProvider(payment.provider), transactionId: payment.providerTxnId ?? payment.id, amount: payment.amountMinor, currency: payment.currency },
  };
}

type JobProvider = "paypal" | "mercadopago" | "flow" | "sandbox" | "transfer";

function jobProvider(provider: string): JobProvider {
  if (provider === "paypal" || provider === "mercadopago" || provider === "flow" || provider === "sandbox" || provider === "transfer") return provider;
  throw new Error(`unknown payment provider ${provider}`);
}

/** True when the buyer should get a receipt and the payment/succeeded event should go out (again, deduplicated). */
export function announcesPayment(result: MarkOrderPaidResult): boolean {
  if (result.outcome === "paid" || result.outcome === "paid_after_expiry") return true;
  return result.outcome === "duplicate" && result.orderStatus === "PAID" && result.paymentStatus === "SUCCEEDED";
}

/** True when the order is paid but must be refunded: the buyer and the seller must hear about it. */
export function needsRefundNotice(result: MarkOrderPaidResult): boolean {
  return result.orderStatus === "REFUND_NEEDED" && (result.outcome === "refund_needed" || result.outcome === "duplicate");
}

async function markInTx(tx: Tx, input: MarkOrderPaidInput, now: Date): Promise<MarkOrderPaidResult> {
  const [order] = await tx.$queryRaw<{ id: string; storeId: string; status: OrderStatus; totalMinor: number; currency: string; liveId: string | null; number: number; holdsNoStock: boolean }[]>`
    SELECT id, "storeId", status, "totalMinor", currency, "liveId", number, ("riskMode" IS NOT NULL AND "approvedAt" IS NULL) AS "holdsNoStock"
    FROM orders WHERE id = ${input.orderId} FOR UPDATE`;
  if (!order) throw new Error(`markOrderPaid: order ${input.orderId} does not exist`);
  const base = { orderId: order.id, storeId: order.storeId };

  const seen = await tx.payment.findUnique({ where: { provider_providerTxnId: { provider: input.provider, providerTxnId: input.providerTxnId } } });
  if (seen && seen.status !== "CREATED" && seen.status !== "PENDING" && seen.status !== "FAILED") {
    return { ...base, outcome: "duplicate", paymentId: seen.id, orderStatus: order.status, paymentStatus: seen.status };
  }

  const orderRef = `#${order.number}`;
  const audit = (action: string, data: Prisma.InputJsonValue) =>
    recordAudit(tx, { storeId: order.storeId, actorType: input.actor.type, actorId: input.actor.id ?? null, action, entityType: "order", entityId: order.id, data });
  const money = { provider: input.provider, providerTxnId: input.providerTxnId, amountMinor: input.amountMinor, currency: input.currency };

  // A second, different payment for an order that is already settled: the buyer paid twice.
  if (order.status === "PAID" || order.status === "REFUND_NEEDED" || order.status === "REFUNDED") {
    const reason = `second payment for an order already ${order.status.toLowerCase()}: refund it`;
    const payment = await savePayment(tx, input, order, "FLAGGED", reason, seen?.id);
    await audit("payment.flagged", { ...money, reason });
    await recordSellerAlert(tx, { ...base, key: `seller:payment:${payment.id}:flagged`, level: "error", alert: { kind: "payment_flagged", orderRef, reason } });
    return { ...base, outcome: "flagged", paymentId: payment.id, orderStatus: order.status, paymentStatus: "FLAGGED", reason };
  }

  // Never trust a partial or foreign-currency charge: the seller looks at it, the order is not paid.
  if (input.amountMinor !== order.totalMinor || input.currency.toUpperCase() !== order.currency.toUpperCase()) {
    const reason = `paid ${input.amountMinor} ${input.currency} but the order total is ${order.totalMinor} ${order.currency}`;
    const payment = await savePayment(tx, input, order, "FLAGGED", reason, seen?.id);
    await tx.order.update({ where: { id: order.id }, data: { flagReason: reason } });
    await audit("payment.flagged", { ...money, reason });
    await recordSellerAlert(tx, { ...base, key: `seller:payment:${payment.id}:flagged`, level: "error", alert: { kind: "payment_flagged", orderRef, reason } });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: order.status, liveId: order.liveId }, tx);
    return { ...base, outcome: "flagged", paymentId: payment.id, orderStatus: order.status, paymentStatus: "FLAGGED", reason };
  }

  let outcome: MarkOrderPaidOutcome;
  let reason: string | undefined;
  if (order.status === "PENDING" && order.holdsNoStock) {
    // A pay-first order (a high-risk buyer) held nothing: first paid, first served — the units are taken
    // now if they are still there, else the money goes back (never an oversell).
    const taken = await reReserveAndCommit(tx, { orderId: order.id, storeId: order.storeId, now });
    outcome = taken.ok ? "paid" : "refund_needed";
    if (!taken.ok) reason = `pay-first order; sold out before the payment for ${taken.missing.join(", ")}`;
  } else if (order.status === "PENDING") {
    // Still PENDING means its reservations still count in `reserved`, even if their time just ran out.
    await commitReservations(tx, order.id);
    outcome = "paid";
  } else if (order.status === "EXPIRED") {
    const retaken = await reReserveAndCommit(tx, { orderId: order.id, storeId: order.storeId, now });
    outcome = retaken.ok ? "paid_after_expiry" : "refund_needed";
    if (!retaken.ok) reason = `paid after expiry; no stock left for ${retaken.missing.join(", ")}`;
  } else {
    outcome = "refund_needed";
    reason = "paid after the order was cancelled";
  }

  const payment = await savePayment(tx, input, order, "SUCCEEDED", null, seen?.id);
  const status: OrderStatus = outcome === "refund_needed" ? "REFUND_NEEDED" : "PAID";
  await tx.order.update({ where: { id: order.id }, data: { status, paidAt: now, gateway: input.provider, flagReason: reason ?? null, transferReviewSince: null } });
  await audit(outcome === "refund_needed" ? "order.refund_needed" : outcome === "paid_after_expiry" ? "order.paid_after_expiry" : "order.paid", { ...money, paymentId: payment.id, ...(reason ? { reason } : {}) });
  if (outcome !== "refund_needed") await jobs.send(paymentSucceededEvent(payment, base), { tx });
  if (outcome === "refund_needed") {
    await recordSellerAlert(tx, { ...base, key: `seller:order:${order.id}:refund_needed:${payment.id}`, level: "error", alert: { kind: "refund_needed", orderRef, totalMinor: input.amountMinor, currency: input.currency } });
  }
  await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status, liveId: order.liveId }, tx);
  return { ...base, outcome, paymentId: payment.id, orderStatus: status, paymentStatus: "SUCCEEDED", ...(reason ? { reason } : {}) };
}

/**
 * The Payment row for this transaction: the one created with the link (same provider and link id) when
 * it is still open, else a new row. A link row already settled by another transaction is left alone.
 */
async function savePayment(
  tx: Tx,
  input: MarkOrderPaidInput,
  order: { id: string; storeId: string },
  status: PaymentStatus,
  flagReason: string | null,
  seenId: string | undefined,
) {
  const data = {
    providerTxnId: input.providerTxnId,
    status,
    amountMinor: input.amountMinor,
    currency: input.currency.toUpperCase(),
    flagReason,
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
  };
  if (seenId) return tx.payment.update({ where: { id: seenId }, data });
  if (input.providerRef) {
    const link = await tx.payment.findUnique({ where: { provider_providerRef: { provider: input.provider, providerRef: input.providerRef } } });
    if (link && link.orderId === order.id && (link.status === "CREATED" || link.status === "PENDING" || link.status === "FAILED")) {
      return tx.payment.update({ where: { id: link.id }, data });
    }
    if (!link) return tx.payment.create({ data: { ...data, storeId: order.storeId, orderId: order.id, provider: input.provider, providerRef: input.providerRef } });
  }
  return tx.payment.create({ data: { ...data, storeId: order.storeId, orderId: order.id, provider: input.provider } });
}

/**
 * Before a late payment is judged, other buyers' reservations whose time is up give their units back,
 * so "no stock left" is never decided against holds that no longer count.
 */
async function expireOverdueReservationsOfOrder(orderId: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { status: true, items: { select: { productId: true } } } });
  if (order?.status !== "EXPIRED") return;
  for (const productId of new Set(order.items.map((i) => i.productId).filter((id): id is string => Boolean(id)))) {
    await expireOverdueForProduct({ productId });
  }
}
