import { orderNoticeContext } from "@/lib/messaging/order-notice-context";
import { sendOutbound, type OutboundResult } from "@/lib/messaging/send-message";
import { formatHoldUntil, renderTransferRejectedDm, renderTransferUnderReviewDm, renderUtilityMessage } from "@/lib/messaging/texts";

/**
 * Tells the buyer her receipt arrived and the reservation is kept while the store checks it (a DM inside
 * Meta's 24 h window, the `transfer_under_review` utility template outside it). One message per receipt.
 */
export async function sendTransferUnderReviewNotice({ orderId, receiptKey }: { orderId: string; receiptKey: string }): Promise<OutboundResult | null> {
  const c = await orderNoticeContext(orderId);
  if (!c) return null;
  const orderRef = `#${c.order.number}`;
  const dm = renderTransferUnderReviewDm({ ...c.text, orderRef, heldUntil: c.order.expiresAt, timezone: c.order.store.timezone, orderUrl: c.url });
  const heldUntil = formatHoldUntil({ ...c.text, heldUntil: c.order.expiresAt, timezone: c.order.store.timezone });
  return sendOutbound({
    kind: "DM",
    storeId: c.order.storeId,
    buyerId: c.buyer.id,
    orderId: c.order.id,
    liveId: c.order.liveId,
    purpose: "transfer_review",
    idempotencyKey: `order:${c.order.id}:transfer_review:${receiptKey}`,
    message: dm.message,
    template: renderUtilityMessage({
      kind: "transfer_under_review",
      locale: c.requested,
      storeLocale: c.order.store.locale,
      params: { customer_name: c.buyer.name.split(/\s+/)[0] || "—", order_ref: orderRef, held_until: heldUntil },
      urlSuffix: c.urlSuffix,
    }),
  });
}

/** Tells the buyer why the store rejected her receipt and that she can upload another one. */
export async function sendTransferRejectedNotice({ orderId, paymentId, reason, reviewKey }: { orderId: string; paymentId: string; reason: string; reviewKey: string }): Promise<OutboundResult | null> {
  const c = await orderNoticeContext(orderId);
  if (!c) return null;
  const orderRef = `#${c.order.number}`;
  const dm = renderTransferRejectedDm({ ...c.text, orderRef, reason, heldUntil: c.order.expiresAt, timezone: c.order.store.timezone, orderUrl: c.url });
  return sendOutbound({
    kind: "DM",
    storeId: c.order.storeId,
    buyerId: c.buyer.id,
    orderId: c.order.id,
    liveId: c.order.liveId,
    purpose: "transfer_rejected",
    idempotencyKey: `payment:${paymentId}:transfer_rejected:${reviewKey}`,
    message: dm.message,
    template: renderUtilityMessage({
      kind: "transfer_rejected",
      locale: c.requested,
      storeLocale: c.order.store.locale,
      params: { customer_name: c.buyer.name.split(/\s+/)[0] || "—", order_ref: orderRef, reason: reason.slice(0, 300) },
      urlSuffix: c.urlSuffix,
    }),
  });
}
