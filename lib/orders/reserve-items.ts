import type { Order } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { randomToken } from "@/lib/security/tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { includedVat } from "./tax";
import { reservationTtlSeconds } from "./ttl";
import { expireOverdueForProduct } from "./expire-order";
import { jobs } from "@/lib/jobs";

export type ReserveRequest = {
  storeId: string;
  buyerId: string | null;
  liveId: string | null;
  items: { productId: string; quantity: number }[];
  /** Unique per request: `comment:<id>` for the bot, the client's key for the API. */
  idempotencyKey: string;
  /** When set, the reservation rows carry it (one reservation per comment, ever). */
  commentId?: string | null;
  /** A second BUY from the same buyer in the same live joins the open cart. */
  mergeIntoOpenCart: boolean;
  gateway?: string | null;
  buyerLocale?: string | null;
  actor: { type: "SYSTEM" | "USER"; id?: string | null };
};

export type ReserveResult =
  | { status: "reserved"; order: Order; addedToExistingCart: boolean; replayed: boolean }
  | { status: "out_of_stock"; productId: string; sku: string; available: number };

class OutOfStock extends Error {
  constructor(readonly productId: string) {
    super("out of stock");
  }
}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

/**
 * Atomically reserves stock and creates (or extends) the buyer's pending order. Never oversells: each unit
 * is taken with one conditional UPDATE (`stock - reserved >= qty`). All items or none. Replaying the same
 * request (same idempotency key / comment) returns the first result instead of reserving again.
 */
export async function reserveItems(req: ReserveRequest): Promise<ReserveResult> {
  let lazyExpiryDone = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => reserveInTx(tx, req), { timeout: 15_000 });
    } catch (e) {
      if (e instanceof OutOfStock) {
        // Reservations whose time is up may not have been released yet: expiry is data, not a timer.
        if (!lazyExpiryDone && (await expireOverdueForProduct({ productId: e.productId })) > 0) {
          lazyExpiryDone = true;
          continue;
        }
        const p = await prisma.product.findUniqueOrThrow({ where: { id: e.productId }, select: { sku: true, stock: true, reserved: true } });
        return { status: "out_of_stock", productId: e.productId, sku: p.sku, available: Math.max(0, p.stock - p.reserved) };
      }
      const code = (e as { code?: string; meta?: { code?: string } }).meta?.code ?? (e as { code?: string }).code;
      if (attempt < 3 && code && RETRYABLE.has(code)) continue;
      if (attempt < 3 && (e as { code?: string }).code === "P2002") continue; // lost a race on the idempotency key: the replay path answers
      throw e;
    }
  }
}

async function reserveInTx(tx: Tx, req: ReserveRequest): Promise<ReserveResult> {
  if (req.commentId) {
    const previous = await tx.reservation.findUnique({ where: { commentId: req.commentId }, include: { order: true } });
    if (previous) return { status: "reserved", order: previous.order, addedToExistingCart: previous.order.idempotencyKey !== req.idempotencyKey, replayed: true };
  }
  const sameKey = await tx.order.findUnique({ where: { idempotencyKey: req.idempotencyKey } });
  if (sameKey) return { status: "reserved", order: sameKey, addedToExistingCart: false, replayed: true };

  const store = await tx.store.findUniqueOrThrow({ where: { id: req.storeId }, select: { currency: true, country: true, reservationTtlSeconds: true } });
  const expiresAt = new Date(Date.now() + reservationTtlSeconds(store) * 1000);

  // Lock order: the cart row first, then product rows (expiry takes them in the same order: no deadlocks).
  let cart: Order | null = null;
  if (req.mergeIntoOpenCart && req.buyerId) {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM orders WHERE "storeId" = ${req.storeId} AND "buyerId" = ${req.buyerId}
        AND "liveId" IS NOT DISTINCT FROM ${req.liveId} AND status = 'PENDING' AND "expiresAt" > now()
      ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
    if (row) cart = await tx.order.findUniqueOrThrow({ where: { id: row.id } });
  }

  const items = [...req.items].sort((a, b) => a.productId.localeCompare(b.productId));
  const found = await tx.product.findMany({ where: { id: { in: items.map((i) => i.productId) }, storeId: req.storeId, active: true }, select: { id: true, sku: true, name: true, priceMinor: true } });
  const products = new Map(found.map((p) => [p.id, p]));
  for (const item of items) if (!products.has(item.productId)) throw new OutOfStock(item.productId);

  const orderId = cart?.id;
  const order = orderId
    ? await tx.order.update({ where: { id: orderId }, data: { expiresAt } })
    : await tx.order.create({
        data: {
          storeId: req.storeId,
          liveId: req.liveId,
          buyerId: req.buyerId,
          commentId: req.commentId ?? null,
          currency: store.currency,
          subtotalMinor: 0,
          totalMinor: 0,
          expiresAt,
          idempotencyKey: req.idempotencyKey,
          checkoutToken: randomToken(24),
          gateway: req.gateway ?? null,
          buyerLocale: req.buyerLocale ?? null,
        },
      });

  for (const item of items) {
    const p = products.get(item.productId)!;
    const existing = cart ? await tx.orderItem.findFirst({ where: { orderId: order.id, productId: item.productId } }) : null;
    if (existing) await tx.orderItem.update({ where: { id: existing.id }, data: { quantity: { increment: item.quantity } } });
    else await tx.orderItem.create({ data: { orderId: order.id, productId: item.productId, sku: p.sku, name: p.name, unitPriceMinor: p.priceMinor, quantity: item.quantity } });
    await tx.reservation.create({ data: { storeId: req.storeId, orderId: order.id, productId: item.productId, quantity: item.quantity, expiresAt, commentId: items.length === 1 ? (req.commentId ?? null) : null } });
  }
  // Every reservation of the cart now holds until the new expiry: the buyer gets one deadline.
  if (cart) await tx.reservation.updateMany({ where: { orderId: order.id, status: "ACTIVE" }, data: { expiresAt } });

  const lines = await tx.orderItem.findMany({ where: { orderId: order.id }, select: { unitPriceMinor: true, quantity: true } });
  const total = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  const { taxMinor } = includedVat({ totalMinor: total, country: store.country });
  const saved = await tx.order.update({ where: { id: order.id }, data: { subtotalMinor: total, totalMinor: total, taxMinor } });
  await recordAudit(tx, {
    storeId: req.storeId,
    actorType: req.actor.type,
    actorId: req.actor.id ?? null,
    action: cart ? "order.items_added" : "order.created",
    entityType: "order",
    entityId: order.id,
    data: { items: items.map((i) => ({ sku: products.get(i.productId)!.sku, quantity: i.quantity })), commentId: req.commentId ?? null },
  });
  // The stock itself is taken last, so the hot product row stays locked only until the commit: a flash
  // sale serialises on this one statement, not on the whole transaction.
  for (const item of items) {
    const taken = await tx.$executeRaw`
      UPDATE products SET reserved = reserved + ${item.quantity}, "updatedAt" = now()
      WHERE id = ${item.productId} AND stock - reserved >= ${item.quantity}`;
    if (taken !== 1) throw new OutOfStock(item.productId);
  }
  await notifyStore(req.storeId, { type: "order.updated", orderId: order.id, status: "PENDING", liveId: req.liveId }, tx);
  // Every new order starts its lifecycle (reminder, expiry) in the same transaction that created it.
  if (!cart) await jobs.send({ name: "order/created", id: `order-created:${order.id}`, data: { orderId: order.id, storeId: req.storeId } }, { tx });
  return { status: "reserved", order: saved, addedToExistingCart: Boolean(cart), replayed: false };
}

export function outOfStockError(sku: string, available: number) {
  return new AppError(400, "out_of_stock", `Not enough stock for ${sku}: ${available} available`, { sku, available });
}
