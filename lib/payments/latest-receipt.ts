import { prisma } from "@/lib/db";

/** Where the buyer's latest transfer receipt for this order is stored, or null when none was uploaded. */
export async function latestReceiptPath(orderId: string): Promise<string | null> {
  const payment = await prisma.payment.findFirst({ where: { orderId, receiptPath: { not: null } }, orderBy: { updatedAt: "desc" }, select: { receiptPath: true } });
  return payment?.receiptPath ?? null;
}
