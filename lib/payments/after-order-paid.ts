import { jobs } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";
import { announcesPayment, needsRefundNotice, paymentSucceededEvent, type MarkOrderPaidResult } from "@/lib/orders/mark-paid";
import { notifyRefundNeeded } from "@/lib/orders/notify-refund-needed";
import { prisma } from "@/lib/db";

/**
 * What follows a settled payment, after its transaction committed. A new payment's `payment/succeeded`
 * event (receipt to the buyer, alert to the seller — see notifyOrderPaid) was written inside that
 * transaction (see markOrderPaid); a replayed webhook for a paid order announces it again, which the
 * event id (the payment's) makes a no-op — it only matters for payments settled before events were
 * written with them. Otherwise: the buyer's refund notice.
 */
export async function afterOrderPaid(result: MarkOrderPaidResult): Promise<{ announced: boolean; refundNotice: boolean }> {
  if (announcesPayment(result)) {
    if (result.outcome === "duplicate") {
      const payment = await prisma.payment.findUniqueOrThrow({ where: { id: result.paymentId } });
      await jobs.send(paymentSucceededEvent(payment, { orderId: result.orderId, storeId: result.storeId }));
    }
    return { announced: true, refundNotice: false };
  }
  if (needsRefundNotice(result)) {
    try {
      await notifyRefundNeeded({ orderId: result.orderId });
    } catch (error) {
      // The seller was alerted durably with the state change; the buyer notice is retried by the next delivery.
      logger.error({ err: error }, "refund notice to the buyer failed");
    }
    return { announced: false, refundNotice: true };
  }
  return { announced: false, refundNotice: false };
}
