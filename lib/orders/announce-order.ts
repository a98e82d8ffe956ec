import { jobs } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";
import { lifecycleStartsAt } from "./order-timers";

/**
 * Starts a new order's lifecycle job (reminder, expiry) once the order has committed — the path
 * reserveItems takes under Inngest; the local driver writes the job row in the reservation itself.
 * The event id is derived from the order, so announcing twice starts one lifecycle. If the job cannot
 * be queued the order still expires: reservations lapse by time and the sweeper releases them.
 */
export async function announceOrderCreated({ orderId, storeId, expiresAt }: { orderId: string; storeId: string; expiresAt: Date }): Promise<boolean> {
  try {
    // Scheduled for the lifecycle's first real work (see lifecycleStartsAt): Inngest starts the run then.
    await jobs.send({ name: "order/created", id: `order-created:${orderId}`, data: { orderId, storeId }, ts: lifecycleStartsAt(expiresAt) });
    return true;
  } catch (error) {
    logger.error({ order_id: orderId, err: error }, "could not queue order/created");
    return false;
  }
}
