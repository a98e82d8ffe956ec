import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { approveOrder } from "@/lib/orders/approve-order";

export const dynamic = "force-dynamic";

/** Approves a high-risk buyer's order waiting for the seller: reserves its units and sends the checkout link. STAFF may (they run lives). */
export const POST = sellerRoute(async ({ user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!);
  await approveOrder({ orderId: order.id, storeId: order.storeId, actorId: user.id, ip });
  return json(await getOrderDetail(order.id));
});
