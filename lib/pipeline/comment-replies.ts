import { prisma } from "@/lib/db";
import { sendOutbound, type OutboundResult } from "@/lib/messaging/send-message";
import { STORE_EVENTS_CHANNEL } from "@/lib/realtime/notify";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import { listCheckoutMethods } from "@/lib/payments/checkout-methods";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { paymentBreaker } from "@/lib/payments/gateway-for-store";
import { breakerKey } from "@/lib/payments/gateways/breaker";
import type { MetaMessage } from "@/lib/meta/messages";
import {
  renderCartUpdatedDm,
  renderCheckoutDm,
  renderConfirmDm,
  renderOutOfStockDm,
  renderCancelDm,
  renderPublicFallbackReply,
  renderPublicReply,
  type Tone,
  type TextOverrides,
} from "@/lib/messaging/texts";

const CARD_PROVIDERS = ["paypal", "mercadopago", "flow"] as const;

/**
 * A provider whose circuit is open is hidden at checkout; the bot then points the buyer to transfer.
 * The in-memory breaker is checked first, so the hot path reads the payment settings only when a
 * provider is actually failing.
 */
async function shouldSuggestTransfer(storeId: string, currency: string) {
  if (!CARD_PROVIDERS.some((p) => paymentBreaker().isOpen(breakerKey(storeId, p)))) return false;
  const { methods, unavailable } = await listCheckoutMethods({ storeId, currency, runtime: paymentRuntimeFromEnv() });
  return unavailable.length > 0 && methods.some((m) => m.provider === "transfer");
}

export type ReplyPlan =
  | { kind: "checkout"; orderId: string; addedToExistingCart: boolean }
  | { kind: "out_of_stock"; productName: string }
  | { kind: "confirm"; productName: string; quantity: number }
  | { kind: "cancelled" };

async function context(commentId: string) {
  const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, include: { store: true, buyer: { select: { locale: true } } } });
  const { store } = comment;
  const overrides = (store.messageTexts ?? {}) as Record<string, TextOverrides>;
  const text = { locale: comment.buyer?.locale ?? comment.language, storeLocale: store.locale, tone: store.botTone as Tone, overrides };
  return { comment, store, text, base: { storeId: store.id, buyerId: comment.buyerId, commentId: comment.id, liveId: comment.liveId } };
}

async function privateMessage(plan: ReplyPlan, ctx: Awaited<ReturnType<typeof context>>): Promise<{ message: MetaMessage; purpose: string; orderId?: string }> {
  const { comment, store, text } = ctx;
  switch (plan.kind) {
    case "checkout": {
      const order = await prisma.order.findUniqueOrThrow({ where: { id: plan.orderId }, include: { items: { orderBy: { sku: "asc" } } } });
      const input = {
        suggestTransfer: await shouldSuggestTransfer(store.id, order.currency),
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
      const dm = plan.addedToExistingCart ? renderCartUpdatedDm(input) : renderCheckoutDm(input);
      return { message: dm.message, purpose: plan.addedToExistingCart ? "cart_updated" : "checkout", orderId: order.id };
    }
    case "out_of_stock":
      // Sold out: no order; the buyer is offered the waitlist (quick replies carry our comment id).
      return { message: renderOutOfStockDm({ ...text, buyerName: comment.authorName, productName: plan.productName, token: comment.id }).message, purpose: "waitlist_offer" };
    case "confirm":
      // Unsure reading: ask instead of reserving silently.
      return { message: renderConfirmDm({ ...text, productName: plan.productName, quantity: plan.quantity, token: comment.id }).message, purpose: "confirm" };
    case "cancelled":
      return { message: renderCancelDm({ ...text, buyerName: comment.authorName }).message, purpose: "cancelled" };
  }
}

/**
 * The bot's answer to one comment: a short public line (never the link or prices; not for a
 * cancellation) and exactly one private reply, sent concurrently. Each has its own idempotency key, so
 * a retried step sends only what is missing. Then the comment is marked done.
 */
export async function replyToComment({ commentId, plan, status = "PROCESSED" }: { commentId: string; plan: ReplyPlan; status?: "PROCESSED" | "NEEDS_REVIEW" }) {
  const ctx = await context(commentId);
  const { comment, store, text, base } = ctx;
  const dm = await privateMessage(plan, ctx);
  const sends: Promise<OutboundResult>[] = [
    sendOutbound({ ...base, orderId: dm.orderId ?? null, kind: "PRIVATE_REPLY", purpose: dm.purpose, idempotencyKey: `comment:${commentId}:private`, metaCommentId: comment.metaCommentId, message: dm.message }),
  ];
  if (plan.kind !== "cancelled") {
    const line = store.messagingMode === "PUBLIC_ONLY"
      ? renderPublicFallbackReply({ ...text, buyerName: comment.authorName, storeName: store.name })
      : renderPublicReply({ ...text, buyerName: comment.authorName });
    sends.push(sendOutbound({ ...base, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: `comment:${commentId}:public`, metaCommentId: comment.metaCommentId, text: line }));
  }
  const [privateResult] = await Promise.all(sends);
  const dmSent = privateResult!.status === "SENT" && !privateResult!.duplicate;
  const event = JSON.stringify({ storeId: comment.storeId, type: "comment.processed", commentId, liveId: comment.liveId, at: Date.now() });
  await prisma.$executeRaw`
    WITH c AS (
      UPDATE comments SET status = ${status}::"CommentStatus", "processedAt" = now(), "dmSentAt" = CASE WHEN ${dmSent} THEN now() ELSE "dmSentAt" END
      WHERE id = ${commentId} RETURNING 1
    )
    SELECT pg_notify(${STORE_EVENTS_CHANNEL}, ${event}), (SELECT count(*) FROM c)`;
  return { private: privateResult!.status };
}
