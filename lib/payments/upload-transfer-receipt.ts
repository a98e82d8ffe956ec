import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { recordAudit } from "@/lib/audit/record-audit";
import { jobs } from "@/lib/jobs";
import { lifecycleStartsAt } from "@/lib/orders/order-timers";
import { retakeReservations } from "@/lib/orders/retake-reservations";
import { recordSellerAlert } from "@/lib/orders/seller-alert";
import { transferReviewHoldSeconds } from "@/lib/orders/transfer-hold";
import { notifyStore } from "@/lib/realtime/notify";
import type { CheckoutOrder } from "./checkout-order";
import { saveReceiptFile, type ReceiptRejection } from "./receipt-storage";
import { sendTransferUnderReviewNotice } from "./transfer-notices";

export type UploadTransferReceiptResult =
  | { accepted: true; paymentId: string; path: string; held: boolean; heldUntil: Date | null }
  /** The order was paid, cancelled or refunded while the file was on its way: nothing recorded. */
  | { accepted: false; status: string }
  /** An empty, oversized or non-image/PDF file: nothing stored or recorded. */
  | { accepted: false; rejected: ReceiptRejection };

/**
 * The buyer's proof of a bank transfer. The file is stored, the order now pays by transfer
 * (`gateway = "transfer"`, the same name the transfer gateway, payments and the confirm action use) and
 * waits for the seller's review: its reservation is held until the store's review hold ends (48 h by
 * default) — an order that had just expired takes its units again when they are still available. The
 * transfer payment is PENDING with the receipt, the seller is alerted, and the buyer is told her items
 * stay reserved. The order is not paid until the seller confirms (confirmTransfer).
 * An empty, oversized or non-image/PDF file is refused (`rejected`) before anything is written.
 */
export async function uploadTransferReceipt({
  order,
  bytes,
  root,
  now = new Date(),
}: {
  order: Pick<CheckoutOrder, "id" | "storeId" | "number" | "status" | "totalMinor" | "currency" | "liveId">;
  bytes: Buffer;
  root: string;
  now?: Date;
}): Promise<UploadTransferReceiptResult> {
  const saved = await saveReceiptFile({ root, orderId: order.id, bytes });
  if (!saved.ok) return { accepted: false, rejected: saved.rejected };
  const result = await prisma.$transaction(async (tx) => {
    // The order row lock orders this against a concurrent expiry, payment or second upload.
    const [locked] = await tx.$queryRaw<{ status: string; expiresAt: Date; hold: number | null }[]>`
      SELECT o.status::text AS status, o."expiresAt", s."transferReviewHoldSeconds" AS hold
      FROM orders o JOIN stores s ON s.id = o."storeId" WHERE o.id = ${order.id} FOR UPDATE OF o`;
    if (!locked || (locked.status !== "PENDING" && locked.status !== "EXPIRED")) return { accepted: false as const, status: locked?.status ?? "MISSING" };

    const holdEnd = new Date(now.getTime() + transferReviewHoldSeconds({ transferReviewHoldSeconds: locked.hold }) * 1000);
    let status = locked.status;
    let expiresAt = locked.expiresAt;
    let reopened = false;
    if (status === "PENDING") {
      // Still PENDING means its units are still counted as reserved, even if its time just ran out. The order's
      // expiresAt is the one deadline of its reservations (see expire-order.ts): moving it holds them all.
      if (holdEnd > expiresAt) expiresAt = holdEnd;
    } else {
      const retaken = await retakeReservations(tx, { orderId: order.id, storeId: order.storeId, expiresAt: holdEnd });
      if (retaken.ok) {
        status = "PENDING";
        expiresAt = holdEnd;
        reopened = true;
      }
    }
    const held = status === "PENDING";
    await tx.order.update({
      where: { id: order.id },
      data: { gateway: "transfer", transferReviewSince: now, ...(held && { expiresAt }), ...(reopened && { status: "PENDING", expiredAt: null }) },
    });

    const link = await tx.payment.findUnique({ where: { provider_providerRef: { provider: "transfer", providerRef: order.id } } });
    const review = { status: "PENDING" as const, receiptPath: saved.path, rejectionReason: null, reviewedAt: null };
    const row =
      link && ["CREATED", "PENDING", "FAILED"].includes(link.status)
        ? await tx.payment.update({ where: { id: link.id }, data: review })
        : await tx.payment.create({
            data: { storeId: order.storeId, orderId: order.id, provider: "transfer", providerRef: link ? null : order.id, amountMinor: order.totalMinor, currency: order.currency, ...review },
          });
    await recordAudit(tx, {
      storeId: order.storeId,
      actorType: "BUYER",
      action: "payment.receipt_uploaded",
      entityType: "order",
      entityId: order.id,
      data: { paymentId: row.id, path: saved.path, contentType: saved.contentType, heldUntil: held ? expiresAt.toISOString() : null, reopened },
    });
    await recordSellerAlert(tx, { storeId: order.storeId, orderId: order.id, key: `seller:receipt:${saved.path}`, level: "warning", alert: { kind: "receipt_uploaded", orderRef: `#${order.number}` } });
    await notifyStore(order.storeId, { type: "order.updated", orderId: order.id, status, liveId: order.liveId }, tx);
    return { accepted: true as const, paymentId: row.id, held, heldUntil: held ? expiresAt : null, reopened };
  });
  if (!result.accepted) return result;

  if (result.reopened) {
    // The expired order's lifecycle has ended: a new run watches the hold (the event id is new per receipt).
    await jobs
      .send({ name: "order/created", id: `order-transfer-review:${order.id}:${now.getTime()}`, data: { orderId: order.id, storeId: order.storeId }, ts: lifecycleStartsAt(result.heldUntil!) })
      .catch((error) => logger.error({ order_id: order.id, err: error }, "could not queue the lifecycle of a reopened order"));
  }
  if (result.held) {
    try {
      await sendTransferUnderReviewNotice({ orderId: order.id, receiptKey: saved.path });
    } catch (error) {
      // The checkout page already says the reservation is kept; the DM is a courtesy and must not lose the receipt.
      logger.error({ order_id: order.id, err: error }, "transfer review notice to the buyer failed");
    }
  }
  return { accepted: true, paymentId: result.paymentId, path: saved.path, held: result.held, heldUntil: result.heldUntil };
}
