import { prisma } from "@/lib/db";

/** The status of the order's most recent payment with this provider, or null when there is none. */
export async function latestPaymentStatus({ orderId, provider }: { orderId: string; provider: string }) {
  const payment = await prisma.payment.findFirst({ where: { orderId, provider }, orderBy: { updatedAt: "desc" }, select: { status: true } });
  return payment?.status ?? null;
}
