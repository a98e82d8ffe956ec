import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { minorToMajor } from "@/lib/money";
import { checkoutUrl } from "./checkout-url";
import { orderWhere } from "./order-filter";
import type { OrderDto, OrderFilter, ORDER_STATUSES } from "./order-schemas";

export const orderInclude = {
  items: { orderBy: { sku: "asc" }, include: { product: { select: { imageUrl: true } } } },
  buyer: { select: { id: true, name: true } },
  reservations: { select: { status: true, expiresAt: true, createdAt: true }, orderBy: { createdAt: "desc" } },
  payments: { select: { status: true, updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
} satisfies Prisma.OrderInclude;

export type OrderWithRelations = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export function toOrderDto(order: OrderWithRelations): OrderDto {
  const active = order.reservations.find((r) => r.status === "ACTIVE");
  const latest = active ?? order.reservations[0];
  return {
    id: order.id,
    number: order.number,
    store_id: order.storeId,
    status: order.status.toLowerCase() as (typeof ORDER_STATUSES)[number],
    fulfillment: order.fulfillment === "SHIPPED" ? "shipped" : "unfulfilled",
    currency: order.currency,
    total: minorToMajor(order.totalMinor, order.currency),
    total_minor: order.totalMinor,
    subtotal_minor: order.subtotalMinor,
    shipping_minor: order.shippingMinor,
    tax: minorToMajor(order.taxMinor, order.currency),
    tax_minor: order.taxMinor,
    gateway: order.gateway,
    payment_status: order.payments[0]?.status.toLowerCase() ?? null,
    flag_reason: order.flagReason,
    risk_mode: order.riskMode === "pay_first" || order.riskMode === "approval" ? order.riskMode : null,
    awaiting_approval: order.riskMode === "approval" && !order.approvedAt && order.status === "PENDING",
    buyer: order.buyer ? { id: order.buyer.id, name: order.buyer.name } : null,
    live_id: order.liveId,
    comment_id: order.commentId,
    items: order.items.map((i) => ({
      product_id: i.productId,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      unit_price: minorToMajor(i.unitPriceMinor, order.currency),
      unit_price_minor: i.unitPriceMinor,
      image_url: i.product?.imageUrl ?? null,
    })),
    reservation: { expires_at: order.expiresAt.toISOString(), status: latest?.status.toLowerCase() ?? null },
    checkout_url: checkoutUrl(order),
    created_at: order.createdAt.toISOString(),
    paid_at: order.paidAt?.toISOString() ?? null,
    expired_at: order.expiredAt?.toISOString() ?? null,
    cancelled_at: order.cancelledAt?.toISOString() ?? null,
    shipped_at: order.shippedAt?.toISOString() ?? null,
    delivered_at: order.deliveredAt?.toISOString() ?? null,
  };
}

/** A page of a store's orders, newest first. The caller has already checked membership of `storeId`. */
export async function listOrders({ limit, offset, ...filter }: OrderFilter & { limit: number; offset: number }): Promise<OrderDto[]> {
  const rows = await prisma.order.findMany({
    where: orderWhere(filter),
    include: orderInclude,
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: limit,
    skip: offset,
  });
  return rows.map(toOrderDto);
}

/** How many orders match the filter (all pages). */
export function countOrders(filter: OrderFilter): Promise<number> {
  return prisma.order.count({ where: orderWhere(filter) });
}
