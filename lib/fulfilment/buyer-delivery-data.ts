import { prisma, type Tx } from "@/lib/db";

/**
 * Everything fulfilment holds about one buyer — the contact, delivery method and address given at each
 * checkout, and where each order's shipment stands — for the buyer data export.
 */
export async function exportBuyerDeliveryData(buyerId: string) {
  const rows = await prisma.orderDelivery.findMany({
    where: { buyerId },
    orderBy: { createdAt: "asc" },
    include: { order: { select: { id: true, number: true, storeId: true, shippingMinor: true, currency: true, shipment: { select: { carrierName: true, trackingNumber: true, trackingUrl: true, shippedAt: true, deliveredAt: true } } } } },
  });
  return rows.map((d) => ({
    order_id: d.orderId,
    order_number: d.order.number,
    store_id: d.storeId,
    name: d.contactName,
    phone: d.contactPhone,
    email: d.contactEmail,
    delivery_method: { type: d.methodType, name: d.methodName },
    address: d.address,
    shipping_minor: d.order.shippingMinor,
    currency: d.order.currency,
    shipment: d.order.shipment
      ? { carrier: d.order.shipment.carrierName, tracking_number: d.order.shipment.trackingNumber, tracking_url: d.order.shipment.trackingUrl, shipped_at: d.order.shipment.shippedAt?.toISOString() ?? null, delivered_at: d.order.shipment.deliveredAt?.toISOString() ?? null }
      : null,
    given_at: d.createdAt.toISOString(),
    updated_at: d.updatedAt.toISOString(),
  }));
}

/**
 * Erases the buyer's delivery personal data: name, phone, email and address of every order's delivery
 * row. The rows stay (anonymised) so orders keep their method, fee and shipment for the store's
 * accounting. Pass `tx` to run inside the erasure's own transaction. Returns how many rows were erased.
 */
export async function eraseBuyerDeliveryData(buyerId: string, tx?: Tx): Promise<number> {
  const db = tx ?? prisma;
  const erased = await db.$executeRaw`
    UPDATE order_deliveries
       SET "contactName" = '', "contactPhone" = '', "contactEmail" = NULL, address = NULL, "updatedAt" = now(),
           -- The address key is a readable normalised address: replace it with an opaque one that still groups this buyer's parcels.
           "addressKey" = CASE WHEN "addressKey" IS NULL THEN NULL ELSE md5("addressKey") END
     WHERE "buyerId" = ${buyerId}`;
  return erased;
}
