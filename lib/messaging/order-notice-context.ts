import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import type { StoreTextOverrides, Tone } from "@/lib/messaging/texts";

/**
 * What every notice about an order to its buyer needs (receipt under review, shipped, ready for pickup):
 * the order with its store and buyer, the language she asked for, the link to her order (and its path,
 * for a utility template's URL button) and the store's text settings. Null when the order has no buyer.
 */
export async function orderNoticeContext(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { store: true, buyer: true } });
  if (!order.buyer) return null;
  const requested = order.buyerLocale ?? order.buyer.locale;
  const url = checkoutUrl(order);
  return {
    order,
    buyer: order.buyer,
    requested,
    url,
    urlSuffix: url.slice(env().APP_URL.length),
    text: { locale: requested, storeLocale: order.store.locale, tone: order.store.botTone as Tone, overrides: (order.store.messageTexts ?? {}) as StoreTextOverrides },
  };
}
