import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { shipInput } from "@/lib/orders/order-schemas";
import { shipOrder } from "@/lib/orders/ship-order";
import { optionalJson } from "@/lib/orders/optional-json";

export const dynamic = "force-dynamic";

export const POST = sellerRoute(async ({ req, user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!);
  const input = await optionalJson(req, shipInput);
  await shipOrder({ orderId: order.id, storeId: order.storeId, actorId: user.id, trackingNumber: input.tracking_number, carrier: input.carrier, ip });
  return json(await getOrderDetail(order.id));
});
