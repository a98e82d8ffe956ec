import { prisma } from "@/lib/db";
import type { CheckoutOrder } from "@/lib/payments/checkout-order";
import { zonesServe } from "./address";
import { listDeliveryMethods } from "./delivery-settings";
import { refreshOrderShipping } from "./checkout-details";
import { NEEDS_ADDRESS, type Address, type DeliveryType } from "./schemas";

export type CheckoutDetailsDto = { name: string; phone: string; email: string | null; delivery_method_id: string | null; address: Address | null };

/**
 * What the checkout page (and GET /api/v1/checkout/{id}) shows: the cart, the fee and total, the methods the
 * store offers for the buyer's address, the details she already gave — or, for a returning buyer of the
 * same store, the details of her last order as a proposal (`prefill`).
 */
export async function getCheckoutView(order: CheckoutOrder) {
  if (order.status === "PENDING") await refreshOrderShipping(order.id);
  const [fresh, delivery, methods] = await Promise.all([
    prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, subtotalMinor: true, shippingMinor: true, totalMinor: true, expiresAt: true, currency: true, number: true } }),
    prisma.orderDelivery.findUnique({ where: { orderId: order.id } }),
    listDeliveryMethods(order.storeId, { activeOnly: true }),
  ]);
  const address = (delivery?.address ?? null) as Address | null;
  const details: CheckoutDetailsDto | null = delivery
    ? { name: delivery.contactName, phone: delivery.contactPhone, email: delivery.contactEmail, delivery_method_id: delivery.methodId, address }
    : null;
  const covering = delivery?.coveredByOrderId ? await prisma.order.findUnique({ where: { id: delivery.coveredByOrderId }, select: { id: true, number: true } }) : null;
  const offered = methods.filter((m) => !NEEDS_ADDRESS.includes(m.type as DeliveryType) || zonesServe(m.zones, address, order.store.country));
  return {
    order_id: order.id,
    number: fresh.number,
    status: fresh.status.toLowerCase(),
    items: order.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unit_price_minor: i.unitPriceMinor, line_total_minor: i.unitPriceMinor * i.quantity })),
    subtotal_minor: fresh.subtotalMinor,
    shipping_minor: fresh.shippingMinor,
    total_minor: fresh.totalMinor,
    currency: fresh.currency,
    expires_at: fresh.expiresAt.toISOString(),
    country: order.store.country,
    requires_details: methods.length > 0,
    delivery_methods: offered.map((m) => ({ id: m.id, type: m.type as DeliveryType, name: m.name, fee_minor: m.feeMinor, free_over_minor: m.freeOverMinor, address: m.address, instructions: m.instructions, zones: m.zones })),
    details,
    shipping_covered_by: covering ? { order_id: covering.id, number: covering.number } : null,
    prefill: details ? null : await lastDetailsOf({ storeId: order.storeId, buyerId: order.buyerId, orderId: order.id }),
  };
}

/** A returning buyer's last contact and address at this store, to fill the form in for her. */
async function lastDetailsOf({ storeId, buyerId, orderId }: { storeId: string; buyerId: string | null; orderId: string }): Promise<CheckoutDetailsDto | null> {
  if (!buyerId) return null;
  const last = await prisma.orderDelivery.findFirst({ where: { storeId, buyerId, orderId: { not: orderId } }, orderBy: { updatedAt: "desc" } });
  if (!last) return null;
  const method = last.methodId ? await prisma.deliveryMethod.findFirst({ where: { id: last.methodId, deletedAt: null, active: true }, select: { id: true } }) : null;
  return { name: last.contactName, phone: last.contactPhone, email: last.contactEmail, delivery_method_id: method?.id ?? null, address: (last.address ?? null) as Address | null };
}
