import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { shipInput } from "@/lib/orders/order-schemas";
import { optionalJson } from "@/lib/orders/optional-json";
import { shipOrder } from "@/lib/fulfilment/ship-orders";

export const dynamic = "force-dynamic";

/** Marks a paid order (and the orders shipped with it) shipped; the buyer gets one message per tracking number. STAFF may. */
export const POST = sellerRoute(async ({ req, user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!);
  const input = await optionalJson(req, shipInput);
  await shipOrder({ orderId: order.id, storeId: order.storeId, actorId: user.id, ip, carrier: input.carrier, trackingNumber: input.tracking_number, trackingUrl: input.tracking_url });
  return json(await getOrderDetail(order.id));
});
