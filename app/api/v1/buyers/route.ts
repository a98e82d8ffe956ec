import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { defaultStoreId, requireStoreAccess } from "@/lib/stores/access";
import { buyerListQuery } from "@/lib/buyers/schemas";
import { listBuyers } from "@/lib/buyers/list-buyers";

export const dynamic = "force-dynamic";

/** The store's buyers: paid and unpaid orders, spend, segment and risk (CONTRACT §14). */
export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, buyerListQuery);
  const storeId = query.store_id ?? (await defaultStoreId(user.id));
  if (!storeId) throw notFound("Store");
  await requireStoreAccess(user, storeId);
  return json(await listBuyers({ storeId, segment: query.segment, q: query.q, limit: query.limit, offset: query.offset }));
});
