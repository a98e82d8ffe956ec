import { defineJob } from "@/lib/jobs";
import { understandComment, finishComment } from "@/lib/pipeline/understand-comment";
import { reserveForComment } from "@/lib/pipeline/reserve-for-comment";
import { replyToBlockedBuyer, replyToComment } from "@/lib/pipeline/comment-replies";
import { cancelBuyerCartForComment } from "@/lib/pipeline/cancel-for-comment";
import { optOutBuyer } from "@/lib/pipeline/buyers";
import { flagForSeller } from "@/lib/pipeline/flag-for-seller";
import { KILL_SWITCH_REASON } from "@/lib/pipeline/kill-switch";

/**
 * A buyer's comment → understood → stock reserved → one public and one private reply.
 * Each side effect is its own step: a crash or retry resumes after the last finished step, and every
 * step is idempotent on its own (comment id as key), so nothing is reserved or sent twice.
 */
export const processComment = defineJob({
  id: "process-comment",
  event: "comment/received",
  retries: 6,
  // Many comments of one store in parallel, bounded so one store's flash sale cannot take every worker
  // from the others' lives. Local driver only (required with idempotentSteps): self-hosted Inngest (1.43) can
  // hold the slot of a run whose steps went back in one checkpoint ~30 s after it ended, so 40 per store (then) meant
  // ~80 comments/min per store there (lib/jobs/inngest-fairness.ts); on Inngest the per-store throttle below
  // bounds a store instead.
  // 48 of a worker's 64 slots: a store alone still has enough runs in flight while each waits ≈ 150–300 ms for
  // Meta's answers (≈ 160 comments/s at 300 ms), and 16 slots stay free for other stores' lives.
  concurrency: { key: "event.data.storeId", limit: 48, inngest: false },
  // Each run sends one private reply through the Send API, which Meta allows 300 calls/s per Page for
  // text messages (Messenger Platform rate limits); 250 leaves room for reminders and receipts.
  // (Public replies go through the Graph comments edge, outside that Send API limit.)
  throttle: { key: "event.data.storeId", limit: 250, period: "1s" },
  // See the note above: the local driver writes a step's memo only if the run stops before completing.
  idempotentSteps: true,
  async handler({ event, step }) {
    const { commentId } = event.data;
    const understood = await step.run("understand", () => understandComment({ commentId }));
    if (understood.action === "skip") {
      // A blocked buyer's buy comment reserves nothing; the store chose whether they hear anything.
      if (understood.politeReply) await step.run("reply-blocked", () => replyToBlockedBuyer({ commentId }));
      return { skipped: understood.reason };
    }

    switch (understood.intent) {
      case "BUY": {
        if (!understood.productId) {
          // Never silence: ask which variant / which product, or say the seller will answer. The comment
          // waits in the seller's review queue either way, with what it could mean.
          const plan =
            understood.offeredKind === "candidates"
              ? ({ kind: "choose", skus: understood.offered } as const)
              : understood.offeredKind === "closest"
                ? ({ kind: "which_product", skus: understood.offered } as const)
                : ({ kind: "seller_will_answer" } as const);
          await step.run("ask-which", () => replyToComment({ commentId, plan, status: "NEEDS_REVIEW" }));
          return { asked: plan.kind };
        }
        if (!understood.confident) {
          await step.run("ask-confirmation", () =>
            replyToComment({ commentId, plan: { kind: "confirm", productName: understood.productName ?? understood.sku ?? "", quantity: understood.quantity }, status: "NEEDS_REVIEW" }),
          );
          return { asked: true };
        }
        const reservation = await step.run("reserve", () => reserveForComment({ commentId, productId: understood.productId!, quantity: understood.quantity, buyerId: understood.buyerId }));
        if (reservation.status === "skipped") {
          // The bot was switched off between understanding and reserving: the comment waits as PAUSED like the others.
          const paused = reservation.reason === KILL_SWITCH_REASON;
          await step.run("finish-skipped", () => finishComment({ commentId, note: reservation.reason, ...(paused && { status: "PAUSED" as const }) }));
          return { skipped: reservation.reason };
        }
        if (reservation.status === "out_of_stock") {
          await step.run("reply", () => replyToComment({ commentId, plan: { kind: "out_of_stock", productName: understood.productName ?? reservation.sku } }));
          return { outOfStock: reservation.sku };
        }
        await step.run("reply", () => replyToComment({ commentId, plan: { kind: "checkout", orderId: reservation.orderId, addedToExistingCart: reservation.addedToExistingCart } }));
        return { orderId: reservation.orderId };
      }
      case "CANCEL": {
        const cancelled = await step.run("cancel-cart", () => cancelBuyerCartForComment({ commentId, buyerId: understood.buyerId }));
        if (cancelled.orderIds.length) await step.run("reply", () => replyToComment({ commentId, plan: { kind: "cancelled" } }));
        else await step.run("finish", () => finishComment({ commentId }));
        return { cancelled: cancelled.orderIds };
      }
      case "OPT_OUT": {
        // No reply at all: after "STOP" the buyer hears nothing more from the bot.
        await step.run("opt-out", () => optOutBuyer({ buyerId: understood.buyerId, erase: understood.erase }));
        await step.run("finish", () => finishComment({ commentId }));
        return { optedOut: true, erased: understood.erase };
      }
      case "QUESTION": {
        // Price, stock, sizes or colours of a catalog product: the catalog answers; anything else waits for the seller.
        const skus = understood.sku ? [understood.sku] : understood.offeredKind === "candidates" ? understood.offered : [];
        if (skus.length > 0 && understood.topics.length > 0) {
          await step.run("answer-question", () => replyToComment({ commentId, plan: { kind: "answer", skus, topics: understood.topics } }));
          return { answered: understood.topics };
        }
        await step.run("flag-question", () => flagForSeller({ commentId, reason: "question for the seller" }));
        return { flagged: "question" };
      }
      default: {
        await step.run("finish", () => finishComment({ commentId }));
        return { intent: understood.intent };
      }
    }
  },
  async onFailure({ event, error }) {
    await finishComment({ commentId: event.data.commentId, status: "FAILED", note: error.message.slice(0, 300) });
  },
});
