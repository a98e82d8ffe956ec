import type { Buyer } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import type { ReservedOrder } from "@/lib/orders/reserve";
import { renderCheckoutDm, type Tone, type StoreTextOverrides } from "@/lib/messaging/texts";
import { sendManualMessage } from "./send-manual-message";

/** After a manual correction the seller sends the cart and its checkout link, in the buyer's language and the store's tone. */
export async function sendCheckoutLink({ order, buyer, actorId, clientId }: { order: ReservedOrder; buyer: Buyer; actorId: string; clientId?: string }) {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: order.storeId } });
  const items = await prisma.orderItem.findMany({ where: { orderId: order.id }, orderBy: { sku: "asc" } });
  const dm = renderCheckoutDm({
    locale: buyer.locale ?? order.buyerLocale,
    storeLocale: store.locale,
    tone: store.botTone as Tone,
    overrides: (store.messageTexts ?? {}) as StoreTextOverrides,
    storeName: store.name,
    buyerName: buyer.name,
    items: items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
    totalMinor: order.totalMinor,
    currency: order.currency,
    expiresAt: order.expiresAt,
    timezone: store.timezone,
    checkoutUrl: checkoutUrl(order),
  });
  return sendManualMessage({ buyer, message: dm.message, liveId: order.liveId, clientId, actorId, purpose: "manual_checkout", orderId: order.id });
}
