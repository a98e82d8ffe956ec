import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { cancelInput } from "@/lib/orders/order-schemas";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { optionalJson } from "@/lib/orders/optional-json";

export const dynamic = "force-dynamic";

/** Cancels an unpaid order and gives its stock back at once. OWNER only. */
export const POST = sellerRoute(async ({ req, user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!, ["OWNER"]);
  const input = await optionalJson(req, cancelInput);
  await cancelOrder({ orderId: order.id, storeId: order.storeId, actor: { type: "USER", id: user.id }, reason: input.reason, ip });
  return json(await getOrderDetail(order.id));
});
