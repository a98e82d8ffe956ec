import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { defaultStoreId, requireStoreAccess } from "@/lib/stores/access";
import { countOrdersByStatus } from "@/lib/orders/count-orders-by-status";
import { orderCountsQuery } from "@/lib/orders/order-schemas";

export const dynamic = "force-dynamic";

/** How many of the store's orders (under the same search) are in each status, and how many wait to ship. */
export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, orderCountsQuery);
  const storeId = query.store_id ?? (await defaultStoreId(user.id));
  if (!storeId) throw notFound("Store");
  await requireStoreAccess(user, storeId);
  return json(await countOrdersByStatus({ storeId, q: query.q }));
});
