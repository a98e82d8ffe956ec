import type { FulfillmentStatus, MessageStatus, OrderStatus, PaymentStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { toTransferReview, type TransferReviewView } from "@/lib/payments/transfer-review-view";

export type LiveCart = {
  id: string;
  number: number;
  status: OrderStatus;
  fulfillment: FulfillmentStatus;
  buyer_id: string | null;
  buyer_name: string;
  buyer_paused: boolean;
  items: { sku: string; name: string; quantity: number; unit_price_minor: number }[];
  total_minor: number;
  currency: string;
  gateway: string | null;
  /** Whether the checkout link reached the buyer (private reply or DM). */
  link: MessageStatus | null;
  payment: PaymentStatus | null;
  /** The buyer's bank-transfer receipt and its review, as on the order page. */
  transfer_review: TransferReviewView;
  /** A high-risk buyer's order (store treatment): pay_first holds nothing; approval waits for the seller. */
  risk_mode: "pay_first" | "approval" | null;
  awaiting_approval: boolean;
  created_at: string;
  expires_at: string;
  paid_at: string | null;
};

const LINK_PURPOSES = ["checkout", "cart_updated", "manual_checkout"];

/** Carts of a live (newest first) with whether their link went out and how payment stands. */
export async function listLiveCarts({ liveId, storeId, limit = 200, ids }: { liveId: string; storeId: string; limit?: number; ids?: string[] }): Promise<LiveCart[]> {
  const orders = await prisma.order.findMany({
    where: { storeId, liveId, ...(ids && { id: { in: ids } }) },
    orderBy: { createdAt: "desc" },
    take: ids ? ids.length : limit,
    include: {
      items: { orderBy: { sku: "asc" }, select: { sku: true, name: true, quantity: true, unitPriceMinor: true } },
      buyer: { select: { name: true, botPausedAt: true } },
      payments: { orderBy: { createdAt: "desc" }, select: { id: true, provider: true, status: true, receiptPath: true, rejectionReason: true, reviewedAt: true, updatedAt: true } },
      messages: { where: { purpose: { in: LINK_PURPOSES } }, orderBy: { createdAt: "desc" }, select: { status: true } },
    },
  });
  return orders.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    fulfillment: o.fulfillment,
    buyer_id: o.buyerId,
    buyer_name: o.buyer?.name ?? "",
    buyer_paused: Boolean(o.buyer?.botPausedAt),
    items: o.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unit_price_minor: i.unitPriceMinor })),
    total_minor: o.totalMinor,
    currency: o.currency,
    gateway: o.gateway,
    link: o.messages.find((m) => m.status === "SENT")?.status ?? o.messages[0]?.status ?? null,
    payment: o.payments[0]?.status ?? null,
    transfer_review: toTransferReview({ order: o, payments: o.payments }),
    risk_mode: o.riskMode === "pay_first" || o.riskMode === "approval" ? o.riskMode : null,
    awaiting_approval: o.riskMode === "approval" && !o.approvedAt && o.status === "PENDING",
    created_at: o.createdAt.toISOString(),
    expires_at: o.expiresAt.toISOString(),
    paid_at: o.paidAt?.toISOString() ?? null,
  }));
}
