import { prisma } from "@/lib/db";
import type { Address } from "./schemas";

type ToShipOrder = { id: string; number: number; paid_at: string | null; total_minor: number; shipping_minor: number; items: { sku: string; name: string; quantity: number }[] };
export type ToShipGroup = {
  key: string;
  stage: "to_ship" | "ready_for_pickup" | "in_transit";
  buyer: { id: string | null; name: string };
  contact: { name: string; phone: string; email: string | null } | null;
  method: { type: string; name: string } | null;
  address: Address | null;
  shipment: { id: string; carrier: string; carrier_name: string; tracking_number: string | null; tracking_url: string | null; ready_at: string | null; shipped_at: string | null } | null;
  orders: ToShipOrder[];
  currency: string;
};

/**
 * The seller's "To ship" queue: paid orders not delivered yet, one group per parcel — a combined-shipping
 * group (the first order and the orders its fee covers), or an existing shipment — with who receives it,
 * where, and how. Pickup orders the buyer was told about wait in "ready_for_pickup"; shipped ones in
 * "in_transit" until delivered. Oldest payment first.
 */
export async function listToShip({ storeId, liveId, orderIds }: { storeId: string; liveId?: string | null; orderIds?: string[] }): Promise<ToShipGroup[]> {
  const orders = await prisma.order.findMany({
    where: { storeId, status: "PAID", deliveredAt: null, ...(liveId && { liveId }), ...(orderIds && { id: { in: orderIds } }) },
    include: { items: { orderBy: { sku: "asc" }, select: { sku: true, name: true, quantity: true } }, buyer: { select: { id: true, name: true } }, delivery: true, shipment: true },
    orderBy: [{ paidAt: "asc" }, { number: "asc" }],
    take: 1000,
  });
  const groups = new Map<string, ToShipGroup>();
  for (const o of orders) {
    const key = o.shipmentId ?? `g:${o.delivery?.coveredByOrderId ?? o.id}`;
    let g = groups.get(key);
    if (!g) {
      const s = o.shipment;
      g = {
        key,
        stage: !s ? "to_ship" : s.shippedAt ? "in_transit" : "ready_for_pickup",
        buyer: { id: o.buyer?.id ?? null, name: o.buyer?.name ?? "" },
        contact: o.delivery ? { name: o.delivery.contactName, phone: o.delivery.contactPhone, email: o.delivery.contactEmail } : null,
        method: o.delivery ? { type: o.delivery.methodType, name: o.delivery.methodName } : null,
        address: (o.delivery?.address ?? null) as Address | null,
        shipment: s ? { id: s.id, carrier: s.carrier, carrier_name: s.carrierName, tracking_number: s.trackingNumber, tracking_url: s.trackingUrl, ready_at: s.readyAt?.toISOString() ?? null, shipped_at: s.shippedAt?.toISOString() ?? null } : null,
        orders: [],
        currency: o.currency,
      };
      groups.set(key, g);
    }
    g.orders.push({ id: o.id, number: o.number, paid_at: o.paidAt?.toISOString() ?? null, total_minor: o.totalMinor, shipping_minor: o.shippingMinor, items: o.items });
  }
  return [...groups.values()];
}
