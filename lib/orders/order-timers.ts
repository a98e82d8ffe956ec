import { hotPathDb, prisma } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * When a new order's lifecycle first has something to do: the reminder before expiry, or the expiry
 * itself when reminders are off. The order/created event is scheduled for that time (a future event
 * `ts`, honoured by both job drivers), so a young cart costs no job run — at the start of a live,
 * when nearly every buyer opens a cart at once, that is one run less per buyer. The job reads the
 * timers again when it starts: a cart extended in the meantime simply sleeps longer.
 */
export function lifecycleStartsAt(expiresAt: Date): number {
  const leadMs = Math.max(0, env().REMINDER_BEFORE_EXPIRY_SECONDS) * 1000;
  return Math.max(Date.now(), expiresAt.getTime() - leadMs);
}

/**
 * What the lifecycle job needs to decide its next sleep, read fresh (the cart may have been extended).
 * On the plain pool: every new order's lifecycle starts with this read, and a live's first seconds
 * create an order for nearly every buyer at once.
 */
export async function orderTimers({ orderId }: { orderId: string }) {
  const [order] = await hotPathDb.$queryRaw<{ status: string; createdAt: Date; expiresAt: Date; reminderSentAt: Date | null; inReview: boolean }[]>`
    SELECT status::text AS status, "createdAt", "expiresAt", "reminderSentAt",
           -- no payment reminder while the store is checking a receipt, nor before it approved a high-risk order
           ("transferReviewSince" IS NOT NULL OR ("riskMode" = 'approval' AND "approvedAt" IS NULL)) AS "inReview"
    FROM orders WHERE id = ${orderId}`;
  if (!order) return { status: "MISSING", now: Date.now(), expiresAt: 0, reminderAt: 0, reminderDue: false };
  const reminderAt = order.expiresAt.getTime() - env().REMINDER_BEFORE_EXPIRY_SECONDS * 1000;
  return {
    status: order.status,
    now: Date.now(),
    expiresAt: order.expiresAt.getTime(),
    reminderAt,
    // No "pay before it expires" while the store is checking the buyer's transfer receipt (the hold ends it
    // instead), nor for a hold no longer than the reminder's lead (a short high-risk hold, a waitlist offer):
    // its reminder would land right after the checkout DM itself.
    reminderDue: !order.reminderSentAt && !order.inReview && env().REMINDER_BEFORE_EXPIRY_SECONDS > 0 && reminderAt > order.createdAt.getTime(),
  };
}

/** When the order (cart) was created, as an ISO string (a step result). */
export async function orderCreatedAt({ orderId }: { orderId: string }): Promise<string> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { createdAt: true } });
  return order.createdAt.toISOString();
}
