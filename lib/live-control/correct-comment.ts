import { randomUUID } from "node:crypto";
import type { Comment, Product } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { unprocessable } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { outOfStockError, reserveItems, type ReservedOrder } from "@/lib/orders/reserve";
import { upsertBuyerForAuthor } from "@/lib/pipeline/buyers";
import { lineQuantity, lockEditableOrder, releaseReservation, reserveProductInOrder, setOrderLine, settleOrderTotals } from "./cart-lines";

export type CorrectionInput = { intent: NonNullable<Comment["intent"]>; sku?: string | null; quantity: number };

/**
 * The seller corrects how the AI read a comment. The reading is replaced (and logged as a `manual`
 * decision); for a BUY the comment's cart is created or fixed to hold exactly that SKU and quantity;
 * a comment that no longer asks to buy gives its reserved units back.
 */
export async function correctComment({ comment, input, actorId }: { comment: Comment; input: CorrectionInput; actorId: string }): Promise<{ comment: Comment; order: ReservedOrder | null }> {
  const product = input.intent === "BUY" ? await productBySku(comment.storeId, input.sku!) : null;
  const store = await prisma.store.findUniqueOrThrow({ where: { id: comment.storeId }, select: { fbPageId: true, country: true } });
  const buyer = comment.buyerId
    ? await prisma.buyer.findUniqueOrThrow({ where: { id: comment.buyerId } })
    : await upsertBuyerForAuthor({ storeId: comment.storeId, pageId: store.fbPageId ?? "", authorId: comment.authorId, name: comment.authorName });

  // The cart first: when stock is short it throws and the comment keeps its old reading.
  let order: ReservedOrder | null = null;
  let dropped = false;
  if (product) order = await placeCommentInCart({ comment, buyerId: buyer.id, buyerLocale: buyer.locale, product, quantity: input.quantity, country: store.country, actorId });
  else dropped = await dropCommentFromCart({ comment, country: store.country, actorId });

  const updated = await prisma.$transaction(async (tx) => {
    const c = await tx.comment.update({
      where: { id: comment.id },
      data: {
        buyerId: buyer.id,
        intent: input.intent,
        sku: product?.sku ?? null,
        quantity: product ? input.quantity : null,
        confidence: 1,
        reason: "corrected by the seller",
        status: "PROCESSED",
        error: null,
        processedAt: comment.processedAt ?? new Date(),
        ...(order && { orderId: order.id }),
        ...(dropped && { orderId: null }),
      },
    });
    await tx.aiDecision.create({
      data: { storeId: comment.storeId, commentId: comment.id, text: comment.text, engine: "manual", intent: input.intent, sku: product?.sku ?? null, quantity: product ? input.quantity : null, confidence: 1, language: comment.language, reason: "corrected by the seller", latencyMs: 0 },
    });
    await recordAudit(tx, {
      storeId: comment.storeId, actorType: "USER", actorId, action: "comment.corrected", entityType: "comment", entityId: comment.id,
      data: { from: { intent: comment.intent, sku: comment.sku, quantity: comment.quantity }, to: { intent: input.intent, sku: product?.sku ?? null, quantity: product ? input.quantity : null } },
    });
    return c;
  });
  await notifyStore(comment.storeId, { type: "comment.processed", commentId: comment.id, liveId: comment.liveId });
  return { comment: updated, order };
}

async function productBySku(storeId: string, sku: string) {
  const product = await prisma.product.findFirst({ where: { storeId, sku, deletedAt: null, active: true } });
  if (!product) throw unprocessable(`sku: no active product with SKU ${sku} in this store`, [{ field: "sku", code: "not_found", message: "no such product" }]);
  return product;
}

async function activeReservationOf(commentId: string) {
  const r = await prisma.reservation.findUnique({ where: { commentId }, include: { order: true } });
  if (!r) return { live: null, stale: null };
  const live = r.status === "ACTIVE" && r.order.status === "PENDING" && r.order.expiresAt > new Date();
  return live ? { live: r, stale: null } : { live: null, stale: r };
}

/** The comment's reservation now holds exactly `quantity` of `product`, in the buyer's open cart of this live. */
async function placeCommentInCart({ comment, buyerId, buyerLocale, product, quantity, country, actorId }: {
  comment: Comment; buyerId: string; buyerLocale: string | null; product: Product; quantity: number; country: string; actorId: string;
}): Promise<ReservedOrder> {
  const { live, stale } = await activeReservationOf(comment.id);
  if (live) {
    if (live.productId === product.id && live.quantity === quantity) return live.order;
    const previous = await prisma.product.findUniqueOrThrow({ where: { id: live.productId } });
    return prisma.$transaction(async (tx) => {
      const order = await lockEditableOrder(tx, live.orderId);
      // Take the comment's units out of the cart, then put the corrected ones in: all or nothing.
      const released = await releaseReservation(tx, live.id);
      const before = await lineQuantity(tx, { orderId: order.id, productId: previous.id });
      await setOrderLine(tx, { orderId: order.id, product: previous, quantity: Math.max(0, before - released) });
      const existing = await lineQuantity(tx, { orderId: order.id, productId: product.id });
      await reserveProductInOrder(tx, { order, product, quantity, commentId: comment.id });
      await setOrderLine(tx, { orderId: order.id, product, quantity: existing + quantity });
      const saved = await settleOrderTotals(tx, { order, country });
      await recordAudit(tx, { storeId: order.storeId, actorType: "USER", actorId, action: "order.corrected", entityType: "order", entityId: order.id, data: { commentId: comment.id, from: { sku: previous.sku, quantity: live.quantity }, to: { sku: product.sku, quantity } } });
      await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: saved.status, liveId: order.liveId }, tx);
      return saved;
    }, { timeout: 15_000 });
  }
  // A reservation that expired or was released keeps its history on its order but frees the comment's slot.
  if (stale) await prisma.reservation.update({ where: { id: stale.id }, data: { commentId: null } });
  const result = await reserveItems({
    storeId: comment.storeId,
    buyerId,
    liveId: comment.liveId,
    items: [{ productId: product.id, quantity }],
    // One key per correction: a cart this comment once had (now released) must not be replayed. Two
    // concurrent corrections still reserve once: the reservation's unique comment id settles the race.
    idempotencyKey: `manual:${comment.id}:${randomUUID()}`,
    commentId: comment.id,
    mergeIntoOpenCart: true,
    buyerLocale: buyerLocale ?? comment.language,
    actor: { type: "USER", id: actorId },
  });
  if (result.status === "out_of_stock") throw outOfStockError(result.sku, result.available);
  return result.order;
}

/** A comment re-read as not buying: its reserved units leave the cart (the rest of the cart stays). */
async function dropCommentFromCart({ comment, country, actorId }: { comment: Comment; country: string; actorId: string }): Promise<boolean> {
  const { live } = await activeReservationOf(comment.id);
  if (!live) return false;
  const product = await prisma.product.findUniqueOrThrow({ where: { id: live.productId } });
  await prisma.$transaction(async (tx) => {
    const order = await lockEditableOrder(tx, live.orderId);
    const released = await releaseReservation(tx, live.id);
    const before = await lineQuantity(tx, { orderId: order.id, productId: product.id });
    await setOrderLine(tx, { orderId: order.id, product, quantity: Math.max(0, before - released) });
    const saved = await settleOrderTotals(tx, { order, country });
    await recordAudit(tx, { storeId: order.storeId, actorType: "USER", actorId, action: "order.corrected", entityType: "order", entityId: order.id, data: { commentId: comment.id, removed: { sku: product.sku, quantity: live.quantity } } });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: saved.status, liveId: order.liveId }, tx);
  }, { timeout: 15_000 });
  return true;
}
