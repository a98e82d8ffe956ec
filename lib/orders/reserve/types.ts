import type { Order } from "@/generated/prisma/client";
import type { OutboxJobRow } from "@/lib/jobs";

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

/** The order as reserving leaves it: the fields callers use (a full Prisma `Order` is assignable to it). */
export type ReservedOrder = Pick<
  Order,
  "id" | "storeId" | "liveId" | "buyerId" | "status" | "currency" | "subtotalMinor" | "taxMinor" | "totalMinor" | "expiresAt" | "idempotencyKey" | "checkoutToken" | "gateway" | "buyerLocale"
> & {
  /** "pay_first" (no stock held until payment) or "approval" (waits for the seller): the buyer's risk decided it. */
  riskMode?: string | null;
};

export type ReserveResult =
  | { status: "reserved"; order: ReservedOrder; addedToExistingCart: boolean; replayed: boolean }
  | { status: "out_of_stock"; productId: string; sku: string; available: number };

export type BotCommentReserveResult = ReserveResult | { status: "skipped"; reason: string };

/** What a reservation is asked for: by a caller that knows the store and live, or by the bot for one comment. */
export type Plan = {
  /** The bot acting on a comment: store, live and buyer locale come from the comment, the kill switch and the
   *  buyer's opt-out are re-checked in the statement that locks the cart, and the comment is linked to the order. */
  botComment: boolean;
  storeId: string | null;
  liveId: string | null;
  buyerId: string | null;
  items: { productId: string; quantity: number }[];
  idempotencyKey: string;
  commentId: string | null;
  mergeIntoOpenCart: boolean;
  gateway: string | null;
  buyerLocale: string | null;
  actor: { type: "SYSTEM" | "USER"; id?: string | null };
};

/** An answer the reservation reached: the result, and how a new order's order/created job is queued. */
export type Settled = {
  result: BotCommentReserveResult;
  /** A new order's order/created: written with the order ("outbox", on both drivers). */
  created: "outbox" | null;
};

/** A product that cannot serve its quantity. */
export type Shortage = {
  productId: string;
  sku: string;
  /** Units left as the reservation saw them; null when the write itself lost the race (read them again). */
  available: number | null;
  /** Whether overdue carts hold this product (false: lazy expiry has nothing to free; null: unknown). */
  overdue: boolean | null;
};

/** Everything the read decided that a write needs. */
export type Ready = {
  storeId: string;
  liveId: string | null;
  items: { productId: string; quantity: number }[];
  pids: string[];
  qs: number[];
  lines: { id: string; sku: string; name: string; priceMinor: number }[];
  cartId: string | null;
  /** The buyer's cart version as read (bot path: the write proceeds only if it is unchanged). */
  cartVersion: number | null;
  orderId: string;
  expiresAt: Date;
  rateBps: number;
  currency: string;
  buyerLocale: string | null;
  audit: string;
  outbox: OutboxJobRow[];
  /** The buyer's risk makes this order pay-first or subject to the seller approval: no stock is held. */
  riskMode: "pay_first" | "approval" | null;
};

/** The order columns both statements return. */
export type OrderRow = Omit<ReservedOrder, "expiresAt" | "status"> & { status: Order["status"]; expiresAt: Date | string };

export function toOrder(row: OrderRow): ReservedOrder {
  return {
    id: row.id,
    storeId: row.storeId,
    liveId: row.liveId,
    buyerId: row.buyerId,
    status: row.status,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    expiresAt: row.expiresAt instanceof Date ? row.expiresAt : new Date(row.expiresAt),
    idempotencyKey: row.idempotencyKey,
    checkoutToken: row.checkoutToken,
    gateway: row.gateway,
    buyerLocale: row.buyerLocale,
    riskMode: row.riskMode ?? null,
  };
}

/** A written reservation's answer: a new order queues its lifecycle (in the statement that writes it). */
export function reservedOutcome(ready: Ready, row: OrderRow): Settled {
  return {
    result: { status: "reserved", order: toOrder(row), addedToExistingCart: ready.cartId !== null, replayed: false },
    created: !ready.cartId && ready.outbox.length ? "outbox" : null,
  };
}
