import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

/** What the lifecycle job needs to decide its next sleep, read fresh (the cart may have been extended). */
export async function orderTimers({ orderId }: { orderId: string }) {
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { status: true, expiresAt: true, reminderSentAt: true } });
  if (!order) return { status: "MISSING", now: Date.now(), expiresAt: 0, reminderAt: 0, reminderDue: false };
  const reminderAt = order.expiresAt.getTime() - env().REMINDER_BEFORE_EXPIRY_SECONDS * 1000;
  return {
    status: order.status,
    now: Date.now(),
    expiresAt: order.expiresAt.getTime(),
    reminderAt,
    reminderDue: !order.reminderSentAt && env().REMINDER_BEFORE_EXPIRY_SECONDS > 0,
  };
}
