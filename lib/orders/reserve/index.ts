import { AppError } from "@/lib/http/errors";
import { reserve } from "./reserve";
import type { BotCommentReserveResult, ReserveRequest, ReserveResult } from "./types";

export type { BotCommentReserveResult, ReservedOrder, ReserveRequest, ReserveResult } from "./types";

/**
 * Atomically reserves stock and creates (or extends) the buyer's pending order. Never oversells: each unit
 * is taken with one conditional UPDATE (`stock - reserved >= qty`). All items or none. Replaying the same
 * request (same idempotency key / comment) returns the first result instead of reserving again.
 * The single implementation behind the bot, the orders API, "reserve again", the waitlist and seller corrections.
 */
export async function reserveItems(req: ReserveRequest): Promise<ReserveResult> {
  const result = await reserve({
    botComment: false,
    storeId: req.storeId,
    liveId: req.liveId,
    buyerId: req.buyerId,
    items: req.items,
    idempotencyKey: req.idempotencyKey,
    commentId: req.commentId ?? null,
    mergeIntoOpenCart: req.mergeIntoOpenCart,
    gateway: req.gateway ?? null,
    buyerLocale: req.buyerLocale ?? null,
    actor: req.actor,
  });
  if (result.status === "skipped") throw new Error("unreachable: only a bot comment can be skipped");
  return result;
}

/**
 * The bot's reservation for a BUY comment: the same reservation as `reserveItems`, keyed by the comment
 * (`comment:<id>`), merged into the buyer's open cart of the comment's live. The kill switch and the buyer's
 * opt-out are read at the last moment, in the statement that locks the cart; a replay (the comment already
 * reserved) answers the first result whatever they say now.
 */
export async function reserveForBotComment({ commentId, buyerId, productId, quantity }: { commentId: string; buyerId: string; productId: string; quantity: number }): Promise<BotCommentReserveResult> {
  return reserve({
    botComment: true,
    storeId: null,
    liveId: null,
    buyerId,
    items: [{ productId, quantity }],
    idempotencyKey: `comment:${commentId}`,
    commentId,
    mergeIntoOpenCart: true,
    gateway: null,
    buyerLocale: null,
    actor: { type: "SYSTEM" },
  });
}

export function outOfStockError(sku: string, available: number) {
  return new AppError(400, "out_of_stock", `Not enough stock for ${sku}: ${available} available`, { sku, available });
}
