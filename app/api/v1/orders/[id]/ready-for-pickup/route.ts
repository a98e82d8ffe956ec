import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { markReadyForPickup } from "@/lib/fulfilment/ship-orders";

export const dynamic = "force-dynamic";

/** A pickup order waits at the store: the buyer gets one message with the address and hours. STAFF may. */
export const POST = sellerRoute(async ({ user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!);
  await markReadyForPickup({ orderId: order.id, storeId: order.storeId, actorId: user.id, ip });
  return json(await getOrderDetail(order.id));
});
