import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { markDelivered } from "@/lib/fulfilment/ship-orders";

export const dynamic = "force-dynamic";

/** Delivered or picked up (the whole shipment). Idempotent. STAFF may. */
export const POST = sellerRoute(async ({ user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!);
  await markDelivered({ orderId: order.id, storeId: order.storeId, actorId: user.id, ip });
  return json(await getOrderDetail(order.id));
});
