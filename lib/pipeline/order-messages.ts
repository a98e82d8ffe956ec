import { prisma } from "@/lib/db";
import { sendOutbound } from "@/lib/messaging/send-message";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import { createTexts, renderApprovalDeclinedDm, renderApprovalPendingDm, renderCheckoutDm, renderReminderDm, renderExpiredDm, renderUtilityMessage, type Tone, type TextOverrides } from "@/lib/messaging/texts";

async function orderContext(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: { orderBy: { sku: "asc" } }, store: true, buyer: true } });
  const { store, buyer } = order;
  const text = { locale: order.buyerLocale ?? buyer?.locale, storeLocale: store.locale, tone: store.botTone as Tone, overrides: (store.messageTexts ?? {}) as Record<string, TextOverrides> };
  const cart = {
    ...text,
    storeName: store.name,
    buyerName: buyer?.name,
    items: order.items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
    totalMinor: order.totalMinor,
    currency: order.currency,
    expiresAt: order.expiresAt,
    timezone: store.timezone,
    checkoutUrl: checkoutUrl(order),
    payFirst: order.riskMode === "pay_first",
  };
  return { order, store, buyer, text, cart, urlSuffix: checkoutUrl(order).replace(/^https?:\/\/[^/]+\//, "") };
}

/** A checkout DM to a buyer who is already talking to the page (confirmation, waitlist, reserve again). */
export async function sendOrderCheckoutDm({ orderId, key }: { orderId: string; key: string }) {
  const { order, store, cart, text } = await orderContext(orderId);
  // A high-risk buyer's order that waits for the store's approval: no link yet, the buyer is told it will come.
  if (order.riskMode === "approval" && !order.approvedAt) {
    return sendOutbound({
      storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "awaiting_approval", idempotencyKey: key,
      message: renderApprovalPendingDm({ ...text, buyerName: cart.buyerName, storeName: store.name }).message,
    });
  }
  return sendOutbound({
    storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "checkout", idempotencyKey: key,
    message: renderCheckoutDm(cart).message,
  });
}

/**
 * The store approved a high-risk buyer's order: the cart with the checkout link, now held. Inside Meta's
 * 24 h window a DM; outside it, the approved utility template that carries the checkout button.
 */
export async function sendApprovedCheckoutDm({ orderId }: { orderId: string }) {
  const { order, cart, text, urlSuffix } = await orderContext(orderId);
  return sendOutbound({
    storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "checkout", idempotencyKey: `order:${orderId}:approved`,
    message: renderCheckoutDm(cart).message,
    template: renderUtilityMessage({ kind: "reservation_reminder", locale: text.locale, storeLocale: text.storeLocale, params: { customer_name: cart.buyerName ?? "", expires_at: createTexts(text).time(order.expiresAt, cart.timezone) }, urlSuffix }),
  });
}

/** A high-risk buyer's order the store declined: told politely, once, that nothing was charged. */
export async function sendApprovalDeclinedDm({ orderId }: { orderId: string }) {
  const { order, store, cart, text } = await orderContext(orderId);
  return sendOutbound({
    storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "approval_declined", idempotencyKey: `order:${orderId}:declined`,
    message: renderApprovalDeclinedDm({ ...text, buyerName: cart.buyerName, storeName: store.name }).message,
  });
}

/** "Your cart expires soon", once, only while the order is still pending. */
export async function sendReminder({ orderId }: { orderId: string }) {
  const { order, cart, text, urlSuffix } = await orderContext(orderId);
  if (order.status !== "PENDING" || order.reminderSentAt || order.transferReviewSince || (order.riskMode === "approval" && !order.approvedAt)) return { sent: false }; // not while a transfer receipt is under review
  const res = await sendOutbound({
    storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "reminder", idempotencyKey: `order:${orderId}:reminder`,
    message: renderReminderDm(cart).message,
    template: renderUtilityMessage({ kind: "reservation_reminder", locale: text.locale, storeLocale: text.storeLocale, params: { customer_name: cart.buyerName ?? "", expires_at: createTexts(text).time(order.expiresAt, cart.timezone) }, urlSuffix }),
  });
  await prisma.order.update({ where: { id: orderId }, data: { reminderSentAt: new Date() } });
  return { sent: res.status === "SENT" };
}

/** After expiry: the cart is kept as interest, with one tap to reserve again. */
export async function sendExpiredNotice({ orderId }: { orderId: string }) {
  const { order, text, cart, urlSuffix } = await orderContext(orderId);
  if (order.status !== "EXPIRED") return { sent: false };
  const res = await sendOutbound({
    storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "expired", idempotencyKey: `order:${orderId}:expired`,
    message: renderExpiredDm({ ...text, buyerName: cart.buyerName, token: orderId }).message,
    template: renderUtilityMessage({ kind: "reservation_expired", locale: text.locale, storeLocale: text.storeLocale, params: { customer_name: cart.buyerName ?? "" }, urlSuffix }),
  });
  return { sent: res.status === "SENT" };
}

/** Hours after the cart was created when "your cart is still saved" goes out (inside Meta's 24 h window only). */
export const CART_RECOVERY_HOURS = [12, 23] as const;

/**
 * Carts that come back: at most these two messages per expired cart, each only while the cart is still
 * expired, the buyer has not bought or reserved since, is not opted out, the store has them on and Meta's
 * 24 h window is open (a DM without a template: outside the window it is skipped, never sent).
 */
export async function sendCartRecovery({ orderId, round }: { orderId: string; round: 1 | 2 }) {
  const { order, store, cart, text } = await orderContext(orderId);
  if (order.status !== "EXPIRED" || !store.cartRecoveryMessages || !order.buyerId) return { sent: false, reason: "not applicable" };
  const newer = await prisma.order.count({ where: { storeId: order.storeId, buyerId: order.buyerId, createdAt: { gt: order.createdAt }, status: { in: ["PENDING", "PAID"] } } });
  if (newer > 0) return { sent: false, reason: "the buyer has a newer cart" };
  const res = await sendOutbound({
    storeId: order.storeId, buyerId: order.buyerId, orderId, liveId: order.liveId, kind: "DM", purpose: "cart_recovery", idempotencyKey: `order:${orderId}:recovery:${round}`,
    message: renderExpiredDm({ ...text, buyerName: cart.buyerName, token: orderId, recovery: true }).message,
  });
  return { sent: res.status === "SENT" && !res.duplicate, reason: res.reason ?? null };
}
