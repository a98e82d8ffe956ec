import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordSellerAlert } from "@/lib/orders/seller-alert";
import { notifyStore } from "@/lib/realtime/notify";
import type { CheckoutOrder } from "./checkout-order";
import { saveReceiptFile } from "./receipt-storage";

/**
 * The buyer's proof of a bank transfer: stored, attached to the order's transfer payment (now PENDING,
 * waiting for the seller), and announced to the seller. The order is not paid until the seller confirms.
 * Throws ReceiptRejectedError for an empty, oversized or non-image/PDF file.
 */
export async function uploadTransferReceipt({ order, bytes, root }: { order: Pick<CheckoutOrder, "id" | "storeId" | "number" | "status" | "totalMinor" | "currency" | "liveId">; bytes: Buffer; root: string }) {
  const saved = await saveReceiptFile({ root, orderId: order.id, bytes });
  const payment = await prisma.$transaction(async (tx) => {
    const link = await tx.payment.findUnique({ where: { provider_providerRef: { provider: "transfer", providerRef: order.id } } });
    const row =
      link && ["CREATED", "PENDING", "FAILED"].includes(link.status)
        ? await tx.payment.update({ where: { id: link.id }, data: { status: "PENDING", receiptPath: saved.path } })
        : await tx.payment.create({
            data: { storeId: order.storeId, orderId: order.id, provider: "transfer", providerRef: link ? null : order.id, status: "PENDING", amountMinor: order.totalMinor, currency: order.currency, receiptPath: saved.path },
          });
    await recordAudit(tx, { storeId: order.storeId, actorType: "BUYER", action: "payment.receipt_uploaded", entityType: "order", entityId: order.id, data: { paymentId: row.id, path: saved.path, contentType: saved.contentType } });
    await recordSellerAlert(tx, { storeId: order.storeId, orderId: order.id, key: `seller:receipt:${saved.path}`, level: "warning", alert: { kind: "receipt_uploaded", orderRef: `#${order.number}` } });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status: order.status, liveId: order.liveId }, tx);
    return row;
  });
  return { paymentId: payment.id, path: saved.path };
}
