import { pgDb } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * What the lifecycle job needs to decide its next sleep, read fresh (the cart may have been extended).
 * On the plain pool: every new order's lifecycle starts with this read, and a live's first seconds
 * create an order for nearly every buyer at once.
 */
export async function orderTimers({ orderId }: { orderId: string }) {
  const [order] = await pgDb.$queryRaw<{ status: string; expiresAt: Date; reminderSentAt: Date | null }[]>`
    SELECT status::text AS status, "expiresAt", "reminderSentAt" FROM orders WHERE id = ${orderId}`;
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
