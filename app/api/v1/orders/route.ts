import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { defaultStoreId, requireStoreAccess } from "@/lib/stores/access";
import { countOrders, listOrders } from "@/lib/orders/list-orders";
import { orderListQuery } from "@/lib/orders/order-schemas";

export const dynamic = "force-dynamic";

/** A page of the store's orders (filtered, searched); `X-Total-Count` says how many match in all. */
export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, orderListQuery);
  const storeId = query.store_id ?? (await defaultStoreId(user.id));
  if (!storeId) throw notFound("Store");
  await requireStoreAccess(user, storeId);
  const filter = { storeId, statuses: query.status, fulfillment: query.fulfillment, q: query.q };
  const [items, total] = await Promise.all([listOrders({ ...filter, limit: query.limit, offset: query.offset }), countOrders(filter)]);
  return json(items, 200, { "X-Total-Count": String(total) });
});
