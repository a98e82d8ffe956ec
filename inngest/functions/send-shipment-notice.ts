import { defineJob } from "@/lib/jobs";
import { sendPickupReadyNotice, sendShippedNotice } from "@/lib/fulfilment/shipment-notices";

/** Retries a shipment notice that Meta could not take at once (rate limit, outage); its key keeps it to one message. */
export const sendShipmentNotice = defineJob({
  id: "send-shipment-notice",
  event: "shipment/notice",
  retries: 8,
  async handler({ event, step }) {
    const { orderId, shipmentId, notice } = event.data;
    const result = await step.run("send", () =>
      notice === "pickup_ready" ? sendPickupReadyNotice({ orderId, shipmentId, retrying: true }) : sendShippedNotice({ orderId, shipmentId, corrected: notice === "corrected", retrying: true }),
    );
    return { status: result?.status ?? null };
  },
});
