import { prisma } from "@/lib/db";
import { orderNoticeContext } from "@/lib/messaging/order-notice-context";
import { sendOutbound, type OutboundResult } from "@/lib/messaging/send-message";
import { jobs } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";
import { renderPickupReadyDm, renderShippedDm, renderUtilityMessage } from "@/lib/messaging/texts";

/** The notice's context, or null for an order without a buyer or whose buyer's data was erased. */
async function context(orderId: string) {
  const c = await orderNoticeContext(orderId);
  if (!c || c.buyer.erasedAt) return null;
  return { ...c, firstName: c.buyer.name.split(/\s+/)[0] || "—" };
}

type Notice = { orderId: string; shipmentId: string; notice: "shipped" | "corrected" | "pickup_ready" };

/**
 * Sending failed for a reason a retry can fix (rate limit, outage): the message stays PENDING under its
 * key (never sent twice) and a job retries it with backoff until Meta takes it. Inside that job
 * (`retrying`) the error is thrown, so the job system does the retrying.
 */
async function sendSafely(send: () => Promise<OutboundResult>, notice: Notice, retrying: boolean): Promise<OutboundResult | null> {
  try {
    return await send();
  } catch (error) {
    if (retrying) throw error;
    logger.warn({ order_id: notice.orderId, err: error }, "buyer notice not sent yet: queued for retry");
    await jobs.send({ name: "shipment/notice", id: `shipment-notice:${notice.shipmentId}:${notice.notice}:${Date.now()}`, data: notice });
    return null;
  }
}

/**
 * "Your order is on its way": carrier, tracking number and link (a DM inside Meta's 24 h window, the
 * `order_shipped` utility template outside it). One message per shipment and tracking number.
 */
export async function sendShippedNotice({ orderId, shipmentId, corrected, retrying = false }: { orderId: string; shipmentId: string; corrected: boolean; retrying?: boolean }) {
  const c = await context(orderId);
  if (!c) return null;
  const shipment = await prisma.shipment.findUniqueOrThrow({ where: { id: shipmentId } });
  const orders = await prisma.order.findMany({ where: { shipmentId }, select: { number: true }, orderBy: { number: "asc" } });
  const orderRef = (orders.length ? orders : [c.order]).map((o) => `#${o.number}`).join(", ");
  const carrier = shipment.carrierName || null;
  const dm = renderShippedDm({ ...c.text, orderRef, orderUrl: c.url, carrier, trackingNumber: shipment.trackingNumber, trackingUrl: shipment.trackingUrl, corrected });
  return sendSafely(() =>
    sendOutbound({
      kind: "DM",
      storeId: c.order.storeId,
      buyerId: c.buyer.id,
      orderId: c.order.id,
      liveId: c.order.liveId,
      purpose: corrected ? "tracking_corrected" : "shipped",
      idempotencyKey: `shipment:${shipmentId}:tracking:${shipment.trackingNumber ?? "-"}`,
      message: dm.message,
      template: renderUtilityMessage({
        kind: "order_shipped",
        locale: c.requested,
        storeLocale: c.order.store.locale,
        params: { customer_name: c.firstName, order_ref: orderRef, carrier: carrier ?? "—", tracking_number: shipment.trackingNumber ?? "—" },
        urlSuffix: c.urlSuffix,
      }),
    }),
    { orderId, shipmentId, notice: corrected ? "corrected" : "shipped" },
    retrying,
  );
}

/** "Ready for pickup": the store's pickup address and hours, once per shipment. */
export async function sendPickupReadyNotice({ orderId, shipmentId, retrying = false }: { orderId: string; shipmentId: string; retrying?: boolean }) {
  const c = await context(orderId);
  if (!c) return null;
  const delivery = await prisma.orderDelivery.findUnique({ where: { orderId } });
  const method = delivery?.methodId ? await prisma.deliveryMethod.findUnique({ where: { id: delivery.methodId } }) : null;
  const address = method?.address || c.order.store.name;
  const hours = method?.instructions ?? null;
  const orderRef = `#${c.order.number}`;
  const dm = renderPickupReadyDm({ ...c.text, orderRef, orderUrl: c.url, address, hours });
  return sendSafely(() =>
    sendOutbound({
      kind: "DM",
      storeId: c.order.storeId,
      buyerId: c.buyer.id,
      orderId: c.order.id,
      liveId: c.order.liveId,
      purpose: "pickup_ready",
      idempotencyKey: `shipment:${shipmentId}:pickup_ready`,
      message: dm.message,
      template: renderUtilityMessage({
        kind: "pickup_ready",
        locale: c.requested,
        storeLocale: c.order.store.locale,
        params: { customer_name: c.firstName, order_ref: orderRef, address: address.slice(0, 200), hours: (hours ?? "—").slice(0, 200) },
        urlSuffix: c.urlSuffix,
      }),
    }),
    { orderId, shipmentId, notice: "pickup_ready" },
    retrying,
  );
}
