import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Address } from "./schemas";

const addressOutput = z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), region: z.string(), postal_code: z.string().nullable(), country: z.string() });

export const orderFulfilmentOutput = z.object({
  buyer_details: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }).nullable().describe("who receives the order (given at checkout); null before"),
  delivery: z
    .object({ method_id: z.string().nullable(), type: z.enum(["pickup", "delivery", "shipping", "chat"]), name: z.string(), fee_minor: z.number().int(), address: addressOutput.nullable(), covered_by_order_id: z.string().nullable() })
    .nullable(),
  shipment: z
    .object({ id: z.string(), carrier: z.string(), carrier_name: z.string(), tracking_number: z.string().nullable(), tracking_url: z.string().nullable(), ready_at: z.string().nullable(), shipped_at: z.string().nullable(), delivered_at: z.string().nullable() })
    .nullable(),
  shipment_group: z.array(z.object({ id: z.string(), number: z.number().int(), status: z.string() })).describe("the orders that ship together with this one (itself included)"),
});
export type OrderFulfilment = z.infer<typeof orderFulfilmentOutput>;

/** Delivery details, shipment and combined-shipping group of one order (members of its store only). */
export async function getOrderFulfilment(orderId: string): Promise<OrderFulfilment> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, storeId: true, shipmentId: true, shippingMinor: true, delivery: true, shipment: true } });
  const d = order.delivery;
  const anchor = d?.coveredByOrderId ?? order.id;
  const group = order.shipmentId
    ? await prisma.order.findMany({ where: { shipmentId: order.shipmentId }, select: { id: true, number: true, status: true }, orderBy: { number: "asc" } })
    : await prisma.order.findMany({
        where: { storeId: order.storeId, OR: [{ id: anchor }, { id: order.id }, { delivery: { coveredByOrderId: anchor }, status: { in: ["PAID", "PENDING"] } }] },
        select: { id: true, number: true, status: true },
        orderBy: { number: "asc" },
      });
  const s = order.shipment;
  return {
    buyer_details: d ? { name: d.contactName, phone: d.contactPhone, email: d.contactEmail } : null,
    delivery: d
      ? { method_id: d.methodId, type: d.methodType as "pickup", name: d.methodName, fee_minor: order.shippingMinor, address: (d.address ?? null) as Address | null, covered_by_order_id: d.coveredByOrderId }
      : null,
    shipment: s
      ? { id: s.id, carrier: s.carrier, carrier_name: s.carrierName, tracking_number: s.trackingNumber, tracking_url: s.trackingUrl, ready_at: s.readyAt?.toISOString() ?? null, shipped_at: s.shippedAt?.toISOString() ?? null, delivered_at: s.deliveredAt?.toISOString() ?? null }
      : null,
    shipment_group: group.map((o) => ({ id: o.id, number: o.number, status: o.status.toLowerCase() })),
  };
}
