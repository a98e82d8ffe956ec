import { pgDb } from "@/lib/db";
import { sendOutboundBatch, type OutboundRequest } from "@/lib/messaging/send-message";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import { listCheckoutMethods } from "@/lib/payments/checkout-methods";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { paymentBreaker } from "@/lib/payments/payment-breaker";
import { breakerKey } from "@/lib/payments/gateways/breaker";
import type { MetaMessage } from "@/lib/meta/messages";
import { PRIVATE_REPLY_PURPOSES, type PrivateReplyPurpose } from "./comment-outcome";
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

type ContextRow = {
  id: string;
  storeId: string;
  liveId: string | null;
  buyerId: string | null;
  metaCommentId: string;
  authorName: string;
  language: string | null;
  storeName: string;
  storeLocale: string;
  timezone: string;
  botTone: string;
  messageTexts: unknown;
  messagingMode: "NORMAL" | "PUBLIC_ONLY";
  buyerLocale: string | null;
  order: { id: string; currency: string; totalMinor: number; expiresAt: string; checkoutToken: string; items: { name: string; quantity: number; unitPriceMinor: number }[] } | null;
};

/** Everything the replies need, in one statement: the comment, its store and buyer, and the order with its lines. */
async function context(commentId: string, orderId: string | null) {
  const [row] = await pgDb.$queryRaw<ContextRow[]>`
    SELECT c.id, c."storeId", c."liveId", c."buyerId", c."metaCommentId", c."authorName", c.language,
      s.name AS "storeName", s.locale AS "storeLocale", s.timezone, s."botTone", s."messageTexts", s."messagingMode"::text AS "messagingMode",
      b.locale AS "buyerLocale",
      CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
        'id', o.id, 'currency', o.currency, 'totalMinor', o."totalMinor", 'expiresAt', o."expiresAt", 'checkoutToken', o."checkoutToken",
        'items', (SELECT coalesce(json_agg(json_build_object('name', i.name, 'quantity', i.quantity, 'unitPriceMinor', i."unitPriceMinor") ORDER BY i.sku), '[]')
                  FROM order_items i WHERE i."orderId" = o.id)
      ) END AS "order"
    FROM comments c
    JOIN stores s ON s.id = c."storeId"
    LEFT JOIN buyers b ON b.id = c."buyerId"
    LEFT JOIN orders o ON o.id = ${orderId}::text
    WHERE c.id = ${commentId}`;
  if (!row) throw new Error(`comment ${commentId} not found`);
  if (orderId && !row.order) throw new Error(`order ${orderId} not found`);
  const overrides = (row.messageTexts ?? {}) as Record<string, TextOverrides>;
  // The comment's language is the one chosen to answer it (see replyLanguage); older rows may lack it.
  const text = { locale: row.language ?? row.buyerLocale, storeLocale: row.storeLocale, tone: row.botTone as Tone, overrides };
  const store = { id: row.storeId, name: row.storeName, timezone: row.timezone, messagingMode: row.messagingMode };
  return { comment: row, store, text, base: { storeId: row.storeId, buyerId: row.buyerId, commentId: row.id, liveId: row.liveId } };
}

async function privateMessage(plan: ReplyPlan, ctx: Awaited<ReturnType<typeof context>>): Promise<{ message: MetaMessage; purpose: PrivateReplyPurpose; orderId?: string }> {
  const { comment, store, text } = ctx;
  switch (plan.kind) {
    case "checkout": {
      const order = ctx.comment.order!;
      const input = {
        suggestTransfer: await shouldSuggestTransfer(store.id, order.currency),
        ...text,
        storeName: store.name,
        buyerName: comment.authorName,
        items: order.items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
        totalMinor: order.totalMinor,
        currency: order.currency,
        expiresAt: new Date(order.expiresAt),
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
 * a retried step sends only what is missing. Three statements: the context, the claim of both keys with
 * the guards, and the results together with the comment's final status.
 */
export async function replyToComment({ commentId, plan, status = "PROCESSED" }: { commentId: string; plan: ReplyPlan; status?: "PROCESSED" | "NEEDS_REVIEW" }) {
  const ctx = await context(commentId, plan.kind === "checkout" ? plan.orderId : null);
  const { comment, store, text, base } = ctx;
  const dm = await privateMessage(plan, ctx);
  const sends: OutboundRequest[] = [
    { ...base, orderId: dm.orderId ?? null, kind: "PRIVATE_REPLY", purpose: dm.purpose, idempotencyKey: `comment:${commentId}:private`, metaCommentId: comment.metaCommentId, message: dm.message },
  ];
  // The public line says what happened: reserved, sold out (waitlist offered privately) or asked privately.
  const outcome = PRIVATE_REPLY_PURPOSES[dm.purpose];
  if (outcome !== "cancelled") {
    const line = store.messagingMode === "PUBLIC_ONLY"
      ? renderPublicFallbackReply({ ...text, buyerName: comment.authorName, storeName: store.name, outcome })
      : renderPublicReply({ ...text, buyerName: comment.authorName, outcome });
    sends.push({ ...base, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: `comment:${commentId}:public`, metaCommentId: comment.metaCommentId, text: line });
  }
  const [privateResult] = await sendOutboundBatch(sends, { complete: { commentId, status, privateIndex: 0 } });
  return { private: privateResult!.status };
}
