import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { buildPickList } from "@/lib/fulfilment/pick-list";
import { storeQuery } from "@/lib/fulfilment/fulfilment-queries";

export const dynamic = "force-dynamic";

/** Products and units to pull for the paid orders not shipped yet (of one live with live_id). */
export const GET = sellerRoute(async ({ req, user }) => {
  const q = parseQuery(req.url, storeQuery);
  await requireStoreAccess(user, q.store_id);
  return json(await buildPickList({ storeId: q.store_id, liveId: q.live_id }));
});
