import { prisma } from "@/lib/db";
import { sendOutbound } from "@/lib/messaging/send-message";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import {
  renderCartUpdatedDm,
  renderCheckoutDm,
  renderConfirmDm,
  renderOutOfStockDm,
  renderCancelDm,
  renderPublicFallbackReply,
  renderPublicReply,
  buildPayload,
  type Tone,
  type TextOverrides,
} from "@/lib/messaging/texts";

async function context(commentId: string) {
  const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, include: { store: true, buyer: true } });
  const { store, buyer } = comment;
  const overrides = (store.messageTexts ?? {}) as Record<string, TextOverrides>;
  const text = { locale: buyer?.locale ?? comment.language, storeLocale: store.locale, tone: store.botTone as Tone, overrides };
  return { comment, store, buyer, text, base: { storeId: store.id, buyerId: comment.buyerId, commentId: comment.id, liveId: comment.liveId } };
}

/** One short public line under the comment. Never the link, never prices. */
export async function sendPublicAck({ commentId }: { commentId: string }) {
  const { comment, store, text, base } = await context(commentId);
  const line = store.messagingMode === "PUBLIC_ONLY"
    ? renderPublicFallbackReply({ ...text, buyerName: comment.authorName, storeName: store.name })
    : renderPublicReply({ ...text, buyerName: comment.authorName });
  return sendOutbound({ ...base, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: `comment:${commentId}:public`, metaCommentId: comment.metaCommentId, text: line });
}

async function privateReply(commentId: string, purpose: string, message: Parameters<typeof sendOutbound>[0] extends infer R ? (R extends { kind: "PRIVATE_REPLY"; message: infer M } ? M : never) : never, orderId?: string) {
  const { comment, base } = await context(commentId);
  const res = await sendOutbound({ ...base, orderId: orderId ?? null, kind: "PRIVATE_REPLY", purpose, idempotencyKey: `comment:${commentId}:private`, metaCommentId: comment.metaCommentId, message });
  if (res.status === "SENT" && !res.duplicate) await prisma.comment.update({ where: { id: commentId }, data: { dmSentAt: new Date() } });
  return res;
}

/** The DM that opens the sale: cart, total, expiry and the checkout link. Exactly one per comment. */
export async function sendCheckoutDm({ commentId, orderId, addedToExistingCart }: { commentId: string; orderId: string; addedToExistingCart: boolean }) {
  const { comment, store, text } = await context(commentId);
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: { orderBy: { sku: "asc" } } } });
  const input = {
    ...text,
    storeName: store.name,
    buyerName: comment.authorName,
    items: order.items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
    totalMinor: order.totalMinor,
    currency: order.currency,
    expiresAt: order.expiresAt,
    timezone: store.timezone,
    checkoutUrl: checkoutUrl(order),
  };
  const dm = addedToExistingCart ? renderCartUpdatedDm(input) : renderCheckoutDm(input);
  return privateReply(commentId, addedToExistingCart ? "cart_updated" : "checkout", dm.message, orderId);
}

/** Sold out: no order; the buyer is offered the waitlist (quick replies). */
export async function sendOutOfStockDm({ commentId, productName }: { commentId: string; productName: string }) {
  const { comment, text } = await context(commentId);
  const dm = renderOutOfStockDm({ ...text, buyerName: comment.authorName, productName, token: comment.id });
  return privateReply(commentId, "waitlist_offer", dm.message);
}

/** Unsure reading: ask the buyer to confirm instead of reserving silently. */
export async function sendConfirmationDm({ commentId, productName, quantity }: { commentId: string; productName: string; quantity: number }) {
  const { text, comment } = await context(commentId);
  const dm = renderConfirmDm({ ...text, productName, quantity, token: comment.id });
  return privateReply(commentId, "confirm", dm.message);
}

export async function sendCancelDm({ commentId }: { commentId: string }) {
  const { comment, text } = await context(commentId);
  return privateReply(commentId, "cancelled", renderCancelDm({ ...text, buyerName: comment.authorName }).message);
}

export { buildPayload };
