import { z } from "zod";
import type { PaymentStatus } from "@/generated/prisma/client";

export const transferReviewOutput = z
  .object({
    state: z.enum(["pending", "rejected", "confirmed", "other"]).describe("pending: waiting for the seller; rejected: the buyer may upload again"),
    payment_id: z.string(),
    receipt_url: z.string().describe("the receipt itself (image or PDF), for the store's members"),
    receipt_kind: z.enum(["image", "pdf"]),
    uploaded_at: z.string(),
    held_until: z.string().nullable().describe("while pending: until when the reservation is held"),
    rejection_reason: z.string().nullable(),
    reviewed_at: z.string().nullable(),
  })
  .nullable();
export type TransferReviewView = z.infer<typeof transferReviewOutput>;

type ReceiptPayment = { id: string; status: PaymentStatus; receiptPath: string | null; rejectionReason: string | null; reviewedAt: Date | null; updatedAt: Date };

/** Stored as `receipts/<order>/<epoch ms>-<random>.<ext>`: the name says when it arrived and what it is. */
function receiptFacts(path: string) {
  const name = path.split("/").pop() ?? "";
  const ms = Number(name.split("-")[0]);
  return { kind: name.endsWith(".pdf") ? ("pdf" as const) : ("image" as const), uploadedAt: Number.isFinite(ms) && ms > 0 ? new Date(ms) : null, name };
}

/**
 * The bank-transfer receipt of an order as the seller reviews it: the latest transfer payment that has a
 * receipt, or null when the buyer never uploaded one.
 */
export function toTransferReview({ order, payments }: { order: { id: string; status: string; expiresAt: Date; transferReviewSince: Date | null }; payments: (ReceiptPayment & { provider: string })[] }): TransferReviewView {
  const payment = payments
    .filter((p) => p.provider === "transfer" && p.receiptPath)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  if (!payment?.receiptPath) return null;
  const facts = receiptFacts(payment.receiptPath);
  // A receipt left unreviewed on an order that was cancelled (or paid another way) has nothing left to decide.
  const open = order.status === "PENDING" || order.status === "EXPIRED";
  const state = payment.status === "PENDING" ? (open ? "pending" : "other") : payment.status === "SUCCEEDED" ? "confirmed" : payment.status === "FAILED" && payment.rejectionReason ? "rejected" : "other";
  return {
    state,
    payment_id: payment.id,
    // The file name changes with every upload, so a replaced receipt is never served from a cache.
    receipt_url: `/api/v1/orders/${encodeURIComponent(order.id)}/receipt?v=${encodeURIComponent(facts.name)}`,
    receipt_kind: facts.kind,
    uploaded_at: (facts.uploadedAt ?? order.transferReviewSince ?? payment.updatedAt).toISOString(),
    held_until: state === "pending" && order.status === "PENDING" ? order.expiresAt.toISOString() : null,
    rejection_reason: payment.rejectionReason,
    reviewed_at: payment.reviewedAt?.toISOString() ?? null,
  };
}

