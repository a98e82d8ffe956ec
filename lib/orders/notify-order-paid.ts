import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import { sendOutbound, type OutboundResult } from "@/lib/messaging/send-message";
import { formatMoneyMinor, renderPaymentReceiptDm, renderUtilityMessage, resolveMessageLocale, formattingLocale, type StoreTextOverrides, type Tone } from "@/lib/messaging/texts";
import { recordSellerAlert } from "./seller-alert";

export type NotifyOrderPaidResult = { receipt: OutboundResult | null; sellerAlertId: string };

/**
 * After a payment: the buyer's receipt (a DM inside Meta's 24 h window, the approved
 * `payment_received` utility template outside it) and the seller's alert. Each is idempotent per
 * order, so the job step that calls this can be retried freely; sendOutbound re-checks opt-out and
 * the kill switch at the moment of sending. Throws on Meta rate limits so the step retries.
 */
export async function notifyOrderPaid({ orderId }: { orderId: string }): Promise<NotifyOrderPaidResult> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: { orderBy: { sku: "asc" } }, store: true, buyer: true } });
  const orderRef = `#${order.number}`;
  const seller = await recordSellerAlert(undefined, {
    storeId: order.storeId,
    orderId: order.id,
    key: `order:${order.id}:seller_paid`,
    level: "warning",
    alert: { kind: "order_paid", orderRef, buyerName: order.buyer?.name || "—", totalMinor: order.totalMinor, currency: order.currency },
  });
  if (!order.buyer) return { receipt: null, sellerAlertId: seller.messageId };

  const requested = order.buyerLocale ?? order.buyer.locale;
  const text = { locale: requested, storeLocale: order.store.locale, tone: order.store.botTone as Tone, overrides: (order.store.messageTexts ?? {}) as StoreTextOverrides };
  const url = checkoutUrl(order);
  const dm = renderPaymentReceiptDm({
    ...text,
    buyerName: order.buyer.name,
    orderRef,
    items: order.items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
    totalMinor: order.totalMinor,
    currency: order.currency,
    orderUrl: url,
  });
  const language = resolveMessageLocale({ requested, storeDefault: order.store.locale });
  const template = renderUtilityMessage({
    kind: "payment_received",
    locale: requested,
    storeLocale: order.store.locale,
    params: {
      customer_name: order.buyer.name.split(/\s+/)[0] || "—",
      order_ref: orderRef,
      total: formatMoneyMinor(order.totalMinor, order.currency, formattingLocale({ locale: language, requested, storeDefault: order.store.locale })),
    },
    urlSuffix: url.slice(env().APP_URL.length),
  });
  const receipt = await sendOutbound({
    kind: "DM",
    storeId: order.storeId,
    buyerId: order.buyer.id,
    orderId: order.id,
    liveId: order.liveId,
    purpose: "receipt",
    idempotencyKey: `order:${order.id}:receipt`,
    message: dm.message,
    template,
  });
  return { receipt, sellerAlertId: seller.messageId };
}
