import { jobs } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";
import { announcesPayment, needsRefundNotice, type MarkOrderPaidResult } from "@/lib/orders/mark-paid";
import { notifyRefundNeeded } from "@/lib/orders/notify-refund-needed";
import { prisma } from "@/lib/db";

type JobProvider = "paypal" | "mercadopago" | "flow" | "sandbox" | "transfer";

function jobProvider(provider: string): JobProvider {
  if (provider === "paypal" || provider === "mercadopago" || provider === "flow" || provider === "sandbox" || provider === "transfer") return provider;
  throw new Error(`unknown payment provider ${provider}`);
}

/**
 * What follows a settled payment, after its transaction committed: the `payment/succeeded` job event
 * (receipt to the buyer, alert to the seller — see notifyOrderPaid), or the buyer's refund notice.
 * Safe to repeat: the event id is the payment id, so a replayed webhook never notifies twice.
 * Throws when the event cannot be queued, so the provider's retry tries again.
 */
export async function afterOrderPaid(result: MarkOrderPaidResult): Promise<{ announced: boolean; refundNotice: boolean }> {
  if (announcesPayment(result)) {
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: result.paymentId } });
    await jobs.send({
      name: "payment/succeeded",
      id: `payment-succeeded:${payment.id}`,
      data: {
        orderId: result.orderId,
        storeId: result.storeId,
        provider: jobProvider(payment.provider),
        transactionId: payment.providerTxnId ?? payment.id,
        amount: payment.amountMinor,
        currency: payment.currency,
      },
    });
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
