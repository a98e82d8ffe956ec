import { prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/http/errors";
import { notifyStore } from "@/lib/realtime/notify";
import { resolveCarrier, trackingUrlFor } from "./carriers";
import { sendPickupReadyNotice, sendShippedNotice } from "./shipment-notices";

type Actor = { storeId: string; actorId: string; ip?: string | null };
type LockedOrder = { id: string; storeId: string; status: string; liveId: string | null; shipmentId: string | null };

/** The orders that leave together with `orderId`: its combined-shipping group, paid, not shipped in another parcel. */
async function groupOf(tx: Tx, order: LockedOrder): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH g AS (SELECT coalesce((SELECT "coveredByOrderId" FROM order_deliveries WHERE "orderId" = ${order.id}), ${order.id}) AS anchor)
    SELECT o.id FROM orders o LEFT JOIN order_deliveries d ON d."orderId" = o.id, g
     WHERE o."storeId" = ${order.storeId} AND o.status = 'PAID' AND (o.id = g.anchor OR d."coveredByOrderId" = g.anchor)
       AND (o."shipmentId" IS NULL OR o."shipmentId" = ${order.shipmentId ?? ""})
     ORDER BY o.number FOR UPDATE OF o`;
  const ids = rows.map((r) => r.id);
  return ids.includes(order.id) ? ids : [order.id, ...ids];
}

async function lockOrder(tx: Tx, orderId: string, storeId: string): Promise<LockedOrder> {
  const [order] = await tx.$queryRaw<LockedOrder[]>`SELECT id, "storeId", status, "liveId", "shipmentId" FROM orders WHERE id = ${orderId} FOR UPDATE`;
  if (!order || order.storeId !== storeId) throw notFound("Order");
  if (order.status !== "PAID") throw conflict("order_not_paid", `Only paid orders can be shipped or delivered; this one is ${order.status.toLowerCase()}`);
  return order;
}

/**
 * The seller dispatched a paid order (and the orders combined with it): one shipment with the carrier,
 * tracking number and tracking URL (built from the carrier's template when not given). The buyer gets one
 * message per tracking number: shipping again with the same tracking sends nothing new; a corrected
 * number updates the shipment and sends one correction. STAFF may do this.
 */
export async function shipOrder({ orderId, carrier, trackingNumber, trackingUrl, ...actor }: Actor & { orderId: string; carrier?: string | null; trackingNumber?: string | null; trackingUrl?: string | null }) {
  const resolved = carrier ? resolveCarrier(carrier) : trackingNumber ? { code: "other", name: "Other" } : null;
  const tracking = trackingNumber?.trim() || null;
  const url = trackingUrl || (resolved && tracking ? trackingUrlFor({ carrier: resolved.code, trackingNumber: tracking }) : null);
  const outcome = await prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, actor.storeId);
    const now = new Date();
    if (order.shipmentId) {
      const shipment = await tx.shipment.findUniqueOrThrow({ where: { id: order.shipmentId } });
      const same = (shipment.trackingNumber ?? null) === tracking && (!resolved || shipment.carrier === resolved.code) && (!trackingUrl || shipment.trackingUrl === trackingUrl);
      if (same || (!tracking && !resolved)) return { shipmentId: shipment.id, changed: false, corrected: false, shipped: Boolean(shipment.shippedAt) };
      await tx.shipment.update({
        where: { id: shipment.id },
        data: { carrier: resolved?.code ?? shipment.carrier, carrierName: resolved?.name ?? shipment.carrierName, trackingNumber: tracking, trackingUrl: url, shippedAt: shipment.shippedAt ?? now },
      });
      const ids = (await tx.order.findMany({ where: { shipmentId: shipment.id }, select: { id: true } })).map((o) => o.id);
      await tx.order.updateMany({ where: { id: { in: ids } }, data: { fulfillment: "SHIPPED", shippedAt: now } });
      for (const id of ids) {
        await recordAudit(tx, { storeId: actor.storeId, actorType: "USER", actorId: actor.actorId, action: "order.tracking_corrected", entityType: "order", entityId: id, data: { trackingNumber: tracking, carrier: resolved?.name ?? null, before: shipment.trackingNumber }, ip: actor.ip ?? null });
      }
      await notifyStore(actor.storeId, { type: "order.updated", orderId, status: order.status, liveId: order.liveId }, tx);
      return { shipmentId: shipment.id, changed: true, corrected: Boolean(shipment.shippedAt && shipment.trackingNumber), shipped: true };
    }
    const ids = await groupOf(tx, order);
    const shipment = await tx.shipment.create({
      data: { storeId: actor.storeId, carrier: resolved?.code ?? "other", carrierName: resolved?.name ?? "", trackingNumber: tracking, trackingUrl: url, shippedAt: now },
    });
    await tx.order.updateMany({ where: { id: { in: ids } }, data: { shipmentId: shipment.id, fulfillment: "SHIPPED", shippedAt: now } });
    for (const id of ids) {
      await recordAudit(tx, { storeId: actor.storeId, actorType: "USER", actorId: actor.actorId, action: "order.shipped", entityType: "order", entityId: id, data: { trackingNumber: tracking, carrier: resolved?.name ?? null, shipmentId: shipment.id }, ip: actor.ip ?? null });
    }
    await notifyStore(actor.storeId, { type: "order.updated", orderId, status: order.status, liveId: order.liveId }, tx);
    return { shipmentId: shipment.id, changed: true, corrected: false, shipped: true };
  });
  if (outcome.changed) await sendShippedNotice({ orderId, shipmentId: outcome.shipmentId, corrected: outcome.corrected });
  return outcome;
}

/**
 * A pickup order waits at the store: the buyer gets one message with the address and hours. The order
 * stays "to hand over" until it is marked picked up (deliver).
 */
export async function markReadyForPickup({ orderId, ...actor }: Actor & { orderId: string }) {
  const outcome = await prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, actor.storeId);
    if (order.shipmentId) return { shipmentId: order.shipmentId, changed: false };
    const ids = await groupOf(tx, order);
    const shipment = await tx.shipment.create({ data: { storeId: actor.storeId, carrier: "pickup", carrierName: "", readyAt: new Date() } });
    await tx.order.updateMany({ where: { id: { in: ids } }, data: { shipmentId: shipment.id } });
    for (const id of ids) {
      await recordAudit(tx, { storeId: actor.storeId, actorType: "USER", actorId: actor.actorId, action: "order.ready_for_pickup", entityType: "order", entityId: id, data: { shipmentId: shipment.id }, ip: actor.ip ?? null });
    }
    await notifyStore(actor.storeId, { type: "order.updated", orderId, status: order.status, liveId: order.liveId }, tx);
    return { shipmentId: shipment.id, changed: true };
  });
  if (outcome.changed) await sendPickupReadyNotice({ orderId, shipmentId: outcome.shipmentId });
  return outcome;
}

/** Delivered (or picked up): the whole shipment is done. Idempotent; a paid order never shipped is delivered in one step. */
export async function markDelivered({ orderId, ...actor }: Actor & { orderId: string }) {
  return prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, actor.storeId);
    const now = new Date();
    let shipmentId = order.shipmentId;
    if (!shipmentId) {
      const ids = await groupOf(tx, order);
      const pickup = await tx.orderDelivery.findUnique({ where: { orderId }, select: { methodType: true } });
      const created = await tx.shipment.create({ data: { storeId: actor.storeId, carrier: pickup?.methodType === "pickup" ? "pickup" : "other", carrierName: "", shippedAt: now } });
      shipmentId = created.id;
      await tx.order.updateMany({ where: { id: { in: ids } }, data: { shipmentId } });
    }
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { id: shipmentId } });
    if (shipment.deliveredAt) return { shipmentId, deliveredAt: shipment.deliveredAt, already: true };
    await tx.shipment.update({ where: { id: shipmentId }, data: { deliveredAt: now, shippedAt: shipment.shippedAt ?? now } });
    const ids = (await tx.order.findMany({ where: { shipmentId }, select: { id: true, shippedAt: true } }));
    await tx.order.updateMany({ where: { shipmentId }, data: { deliveredAt: now, fulfillment: "SHIPPED" } });
    await tx.order.updateMany({ where: { shipmentId, shippedAt: null }, data: { shippedAt: now } });
    for (const o of ids) {
      await recordAudit(tx, { storeId: actor.storeId, actorType: "USER", actorId: actor.actorId, action: "order.delivered", entityType: "order", entityId: o.id, data: { shipmentId }, ip: actor.ip ?? null });
    }
    await notifyStore(actor.storeId, { type: "order.updated", orderId, status: order.status, liveId: order.liveId }, tx);
    return { shipmentId, deliveredAt: now, already: false };
  });
}

