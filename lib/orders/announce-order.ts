import { jobs } from "@/lib/jobs";

/**
 * Starts a new order's lifecycle job (reminder, expiry) once the order has committed — the path
 * reserveItems takes under Inngest; the local driver writes the job row in the reservation itself.
 * The event id is derived from the order, so announcing twice starts one lifecycle. If the job cannot
 * be queued the order still expires: reservations lapse by time and the sweeper releases them.
 */
export async function announceOrderCreated({ orderId, storeId }: { orderId: string; storeId: string }): Promise<boolean> {
  try {
    await jobs.send({ name: "order/created", id: `order-created:${orderId}`, data: { orderId, storeId } });
    return true;
  } catch (error) {
    console.error("[orders] could not queue order/created", orderId, error);
    return false;
  }
}
