import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { cancelInput } from "@/lib/orders/order-schemas";
import { declineOrder } from "@/lib/orders/decline-order";
import { optionalJson } from "@/lib/orders/optional-json";

export const dynamic = "force-dynamic";

/** Declines a high-risk buyer's order waiting for the seller: cancelled (it held nothing), the buyer told politely. STAFF may. */
export const POST = sellerRoute(async ({ req, user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!);
  const input = await optionalJson(req, cancelInput);
  await declineOrder({ orderId: order.id, storeId: order.storeId, actorId: user.id, reason: input.reason, ip });
  return json(await getOrderDetail(order.id));
});
