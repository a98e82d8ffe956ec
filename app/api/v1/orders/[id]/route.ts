import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";

export const dynamic = "force-dynamic";

/** One order: items, reservation expiry, payments and the full timeline. Another tenant's order → 404. */
export const GET = sellerRoute(async ({ user, params }) => {
  const order = await requireOrderAccess(user, params.id!);
  return json(await getOrderDetail(order.id));
});
