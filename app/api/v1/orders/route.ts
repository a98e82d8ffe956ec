import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { defaultStoreId, requireStoreAccess } from "@/lib/stores/access";
import { listOrders } from "@/lib/orders/list-orders";
import { orderListQuery } from "@/lib/orders/order-schemas";

export const dynamic = "force-dynamic";

export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, orderListQuery);
  const storeId = query.store_id ?? (await defaultStoreId(user.id));
  if (!storeId) throw notFound("Store");
  await requireStoreAccess(user, storeId);
  return json(await listOrders({ storeId, status: query.status, limit: query.limit, offset: query.offset }));
});
