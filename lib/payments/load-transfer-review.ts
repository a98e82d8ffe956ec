import { prisma } from "@/lib/db";
import { toTransferReview, type TransferReviewView } from "./transfer-review-view";

/** The review state of one order's transfer receipt (checkout page, buyer side). */
export async function loadTransferReview(order: { id: string; status: string; expiresAt: Date; transferReviewSince: Date | null }): Promise<TransferReviewView> {
  const payments = await prisma.payment.findMany({
    where: { orderId: order.id, provider: "transfer", receiptPath: { not: null } },
    select: { id: true, provider: true, status: true, receiptPath: true, rejectionReason: true, reviewedAt: true, updatedAt: true },
  });
  return toTransferReview({ order, payments });
}
