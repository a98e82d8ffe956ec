import { hotPathDb } from "@/lib/db";
import { sendOutboundBatch, type OutboundRequest } from "@/lib/messaging/send-message";
import { checkoutUrl } from "@/lib/orders/checkout-url";
import { listCheckoutMethods } from "@/lib/payments/checkout-methods";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { paymentBreaker } from "@/lib/payments/payment-breaker";
import { breakerKey } from "@/lib/payments/gateways/breaker";
import { textMessage, type MetaMessage } from "@/lib/meta/messages";
import { PRIVATE_REPLY_PURPOSES, type PrivateReplyPurpose } from "./comment-outcome";
import type { QuestionTopic } from "@/lib/ai/question-topics";
import { planChoice, type OfferedProduct } from "./choice-options";
import { flagForSeller } from "./flag-for-seller";
import {
  renderCartUpdatedDm,
  renderCheckoutDm,
  renderConfirmDm,
  renderOutOfStockDm,
  renderCancelDm,
  renderPublicFallbackReply,
  renderPublicReply,
  renderBlockedBuyerReply,
  renderChoiceDm,
  renderWhichProductDm,
  renderAllSoldOutDm,
  renderSellerWillAnswerDm,
  renderQuestionAnswer,
  renderApprovalPendingDm,
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
  | { kind: "cancelled" }
  /** Several products it could be (the comment's stored `candidates`, in order): one quick reply each. */
  | { kind: "choose"; skus: string[] }
  /** No product matched: the closest ones (stored the same way), "which product?". */
  | { kind: "which_product"; skus: string[] }
  /** Nothing close: the seller will answer (the comment waits in the review queue). */
  | { kind: "seller_will_answer" }
  /** A question the catalog answers: publicly, or privately when the store prefers. */
  | { kind: "answer"; skus: string[]; topics: QuestionTopic[] };

/** The catalog products a plan names (and, for an answer, their variants), read with the reply's context. */
const planSkus = (plan: ReplyPlan) => (plan.kind === "choose" || plan.kind === "which_product" || plan.kind === "answer" ? plan.skus : []);

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
  questionAnswers: string;
  currency: string;
  products: OfferedProduct[] | null;
  buyerLocale: string | null;
  order: { id: string; currency: string; totalMinor: number; expiresAt: string; checkoutToken: string; riskMode: string | null; approvedAt: string | null; items: { name: string; quantity: number; unitPriceMinor: number }[] } | null;
};

/**
 * Everything the replies need, in one statement: the comment, its store and buyer, the order with its
 * lines, and the catalog products a question names (read only when the plan names some).
 */
async function context(commentId: string, orderId: string | null, skus: string[] = [], withVariants = false) {
  const [row] = await hotPathDb.$queryRaw<ContextRow[]>`
    SELECT c.id, c."storeId", c."liveId", c."buyerId", c."metaCommentId", c."authorName", c.language,
      s.name AS "storeName", s.locale AS "storeLocale", s.timezone, s."botTone", s."messageTexts", s."messagingMode"::text AS "messagingMode",
      s."questionAnswers", s.currency,
      CASE WHEN cardinality(${skus}::text[]) > 0 THEN (
        SELECT coalesce(json_agg(json_build_object('sku', p.sku, 'name', p.name, 'group', p."groupKey", 'color', p.color, 'size', p.size,
          'priceMinor', p."priceMinor", 'available', GREATEST(0, p.stock - p.reserved)) ORDER BY p.sku), '[]')
        FROM products p
        WHERE p."storeId" = c."storeId" AND p.active AND p."deletedAt" IS NULL
          AND (p.sku = ANY(${skus}::text[]) OR (${withVariants}::boolean AND p."groupKey" IN (
            SELECT q."groupKey" FROM products q WHERE q."storeId" = c."storeId" AND q.sku = ANY(${skus}::text[]) AND q."groupKey" IS NOT NULL)))
      ) END AS products,
      b.locale AS "buyerLocale",
      CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
        'id', o.id, 'currency', o.currency, 'totalMinor', o."totalMinor", 'expiresAt', o."expiresAt", 'checkoutToken', o."checkoutToken", 'riskMode', o."riskMode", 'approvedAt', o."approvedAt",
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

async function privateMessage(plan: Exclude<ReplyPlan, { kind: "answer" }>, ctx: Awaited<ReturnType<typeof context>>): Promise<{ message: MetaMessage; purpose: Exclude<PrivateReplyPurpose, "question_answer">; orderId?: string }> {
  const { comment, store, text } = ctx;
  switch (plan.kind) {
    case "choose":
    case "which_product": {
      // "Which product?" names the products; "which one?" of a product names what differs (S · L).
      const choice = planChoice({ commentId: comment.id, offered: plan.skus, products: comment.products ?? [], byName: plan.kind === "which_product" });
      if (choice.options.length === 0 && choice.soldOut.length > 0) {
        return { message: renderAllSoldOutDm({ ...text, buyerName: comment.authorName, product: choice.product || choice.soldOut.join(", "), soldOut: choice.soldOut }).message, purpose: "all_sold_out" };
      }
      if (choice.options.length === 0) return { message: renderSellerWillAnswerDm({ ...text, buyerName: comment.authorName, storeName: store.name }).message, purpose: "seller_will_answer" };
      const dm = plan.kind === "choose" ? renderChoiceDm({ ...text, ...choice }) : renderWhichProductDm({ ...text, options: choice.options, soldOut: choice.soldOut });
      return { message: dm.message, purpose: plan.kind === "choose" ? "choose" : "which_product" };
    }
    case "seller_will_answer":
      return { message: renderSellerWillAnswerDm({ ...text, buyerName: comment.authorName, storeName: store.name }).message, purpose: "seller_will_answer" };
    case "checkout": {
      const order = ctx.comment.order!;
      // A high-risk buyer's order the store approves first: no link yet (it goes out on approval).
      if (order.riskMode === "approval" && !order.approvedAt) {
        return { message: renderApprovalPendingDm({ ...text, buyerName: comment.authorName, storeName: store.name }).message, purpose: "awaiting_approval", orderId: order.id };
      }
      const input = {
        payFirst: order.riskMode === "pay_first",
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
  const ctx = await context(commentId, plan.kind === "checkout" ? plan.orderId : null, planSkus(plan), plan.kind === "answer");
  const { comment, store, text, base } = ctx;
  if (plan.kind === "answer") return answerQuestion({ commentId, plan, ctx });
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

/**
 * A question about a catalog product answered from the catalog, in one message: a public reply under
 * the comment by default, or the comment's private reply when the store answers questions by DM.
 */
async function answerQuestion({ commentId, plan, ctx }: { commentId: string; plan: Extract<ReplyPlan, { kind: "answer" }>; ctx: Awaited<ReturnType<typeof context>> }) {
  const { comment, store, text, base } = ctx;
  const products = comment.products ?? [];
  if (products.length === 0) {
    await flagForSeller({ commentId, reason: "question for the seller" });
    return { private: "SKIPPED" as const };
  }
  // The products asked about first, then their other variants.
  const asked = new Set(plan.skus);
  const ordered = [...products].sort((a, b) => Number(asked.has(b.sku)) - Number(asked.has(a.sku)));
  const answer = renderQuestionAnswer({ ...text, products: ordered, topics: plan.topics, currency: comment.currency });
  const privately = comment.questionAnswers === "dm" && store.messagingMode !== "PUBLIC_ONLY";
  const send: OutboundRequest = privately
    ? { ...base, kind: "PRIVATE_REPLY", purpose: "question_answer", idempotencyKey: `comment:${commentId}:private`, metaCommentId: comment.metaCommentId, message: textMessage(answer.text) }
    : { ...base, kind: "PUBLIC_REPLY", purpose: "question_answer", idempotencyKey: `comment:${commentId}:public`, metaCommentId: comment.metaCommentId, text: answer.text };
  const [result] = await sendOutboundBatch([send], { complete: { commentId, status: "PROCESSED", privateIndex: privately ? 0 : -1 } });
  return { private: privately ? result!.status : ("SKIPPED" as const) };
}

/**
 * A blocked buyer's buy comment, when the store answers them politely: one public line, no private
 * reply, no reservation (the comment stays SKIPPED). Idempotent on the comment's public-reply key.
 */
export async function replyToBlockedBuyer({ commentId }: { commentId: string }) {
  const { comment, store, text, base } = await context(commentId, null);
  const line = renderBlockedBuyerReply({ ...text, buyerName: comment.authorName, storeName: store.name });
  const [result] = await sendOutboundBatch([{ ...base, kind: "PUBLIC_REPLY", purpose: "blocked_reply", idempotencyKey: `comment:${commentId}:public`, metaCommentId: comment.metaCommentId, text: line }]);
  return { public: result!.status };
}
