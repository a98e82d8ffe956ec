import { prisma } from "@/lib/db";
import { notifyStore } from "@/lib/realtime/notify";
import { understandText } from "./understand-text";
import { upsertBuyerForAuthor } from "./buyers";

export type Understood =
  | { action: "skip"; reason: string }
  | {
      action: "act";
      intent: "BUY" | "QUESTION" | "GREETING" | "CANCEL" | "OPT_OUT" | "OTHER";
      confident: boolean;
      sku: string | null;
      productId: string | null;
      productName: string | null;
      quantity: number;
      language: string;
      erase: boolean;
      buyerId: string;
    };

/**
 * Step 1 of process-comment: classify the comment, log the decision and decide whether the bot may act.
 * The kill switch, an opt-out or a manual takeover stop here: the comment stays visible, tagged, untouched.
 */
export async function understandComment({ commentId }: { commentId: string }): Promise<Understood> {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, include: { live: true, store: { select: { fbPageId: true, locale: true } } } });
  if (!comment) return { action: "skip", reason: "comment not found" };
  if (comment.status !== "RECEIVED" && comment.status !== "PROCESSING") return { action: "skip", reason: `already ${comment.status.toLowerCase()}` };
  const buyer = await upsertBuyerForAuthor({ storeId: comment.storeId, pageId: comment.store.fbPageId ?? "", authorId: comment.authorId, name: comment.authorName });
  const decision = await understandText({ storeId: comment.storeId, text: comment.text, commentId: comment.id });

  const skipReason = !comment.live
    ? "not on an active live"
    : !comment.live.botEnabled
      ? "kill switch: bot disabled for this live"
      : comment.live.status !== "ACTIVE"
        ? "live has ended"
        : buyer.optedOutAt
          ? "buyer opted out"
          : buyer.botPausedAt
            ? "manual takeover: the seller is handling this buyer"
            : null;
  await prisma.comment.update({
    where: { id: commentId },
    data: {
      buyerId: buyer.id,
      intent: decision.intent,
      sku: decision.sku,
      quantity: decision.intent === "BUY" ? decision.quantity : null,
      confidence: decision.confidence,
      language: decision.language,
      reason: skipReason ? `${decision.reason} — ${skipReason}` : decision.reason,
      status: skipReason ? (buyer.botPausedAt ? "NEEDS_REVIEW" : "SKIPPED") : "PROCESSING",
      ...(skipReason && { processedAt: new Date() }),
    },
  });
  if (!buyer.locale && decision.language) await prisma.buyer.update({ where: { id: buyer.id }, data: { locale: decision.language } });
  await notifyStore(comment.storeId, { type: "comment.processed", commentId, liveId: comment.liveId });
  if (skipReason) return { action: "skip", reason: skipReason };
  return {
    action: "act",
    intent: decision.intent,
    confident: decision.confident,
    sku: decision.sku,
    productId: decision.productId,
    productName: decision.productName,
    quantity: decision.quantity ?? 1,
    language: decision.language,
    erase: decision.erase,
    buyerId: buyer.id,
  };
}

/** Last step: the comment is done (its replies, order and decision are all recorded). */
export async function finishComment({ commentId, status = "PROCESSED", note }: { commentId: string; status?: "PROCESSED" | "NEEDS_REVIEW" | "FAILED"; note?: string }) {
  const c = await prisma.comment.update({
    where: { id: commentId },
    data: { status, processedAt: new Date(), ...(note && { error: note }) },
    select: { storeId: true, liveId: true },
  });
  await notifyStore(c.storeId, { type: "comment.processed", commentId, liveId: c.liveId });
}
