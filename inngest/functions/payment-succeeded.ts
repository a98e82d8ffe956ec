import { defineJob } from "@/lib/jobs";
import { notifyOrderPaid } from "@/lib/orders/notify-order-paid";

/**
 * After a verified payment committed the stock (markOrderPaid): the receipt to the buyer (a utility
 * template outside the 24 h window) and the alert to the seller. Idempotent per order.
 */
export const paymentSucceeded = defineJob({
  id: "payment-succeeded",
  event: "payment/succeeded",
  retries: 8,
  async handler({ event, step }) {
    const result = await step.run("notify-buyer-and-seller", () => notifyOrderPaid({ orderId: event.data.orderId }));
    return { receipt: result.receipt?.status ?? null };
  },
});
