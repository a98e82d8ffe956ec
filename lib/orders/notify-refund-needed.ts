import { prisma } from "@/lib/db";
import { format } from "@/lib/i18n";
import { checkoutMessages } from "@/lib/i18n/checkout";
import { textMessage } from "@/lib/meta/messages";
import { sendOutbound, type OutboundResult } from "@/lib/messaging/send-message";
import { formatMoneyMinor } from "@/lib/messaging/texts";
import { checkoutFormattingLocale, languageOf } from "@/lib/payments/checkout-locale";

/**
 * A payment that cannot be fulfilled (stock gone after expiry, or the order was cancelled): the seller
 * was alerted in the same transaction that marked it; this tells the buyer, once per order. Inside the
 * 24 h window only: no approved utility template says "refund", and the seller follows up.
 */
export async function notifyRefundNeeded({ orderId }: { orderId: string }): Promise<OutboundResult | null> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { store: true, buyer: true } });
  if (!order.buyer || order.status !== "REFUND_NEEDED") return null;
  const locale = languageOf(order.buyerLocale) ?? languageOf(order.buyer.locale) ?? languageOf(order.store.locale) ?? "es";
  const amount = formatMoneyMinor(order.totalMinor, order.currency, checkoutFormattingLocale(locale, order.store.country));
  const text = format(checkoutMessages(locale).refundNeededDm, { number: order.number, amount });
  return sendOutbound({
    kind: "DM",
    storeId: order.storeId,
    buyerId: order.buyer.id,
    orderId: order.id,
    liveId: order.liveId,
    purpose: "refund_notice",
    idempotencyKey: `order:${order.id}:refund_notice`,
    message: textMessage(text),
  });
}
