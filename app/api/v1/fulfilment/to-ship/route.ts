import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { listToShip } from "@/lib/fulfilment/to-ship-queue";
import { storeQuery } from "@/lib/fulfilment/fulfilment-queries";

export const dynamic = "force-dynamic";

/** Paid orders not delivered yet, grouped by parcel, with the recipient's contact and address (store members). */
export const GET = sellerRoute(async ({ req, user }) => {
  const q = parseQuery(req.url, storeQuery);
  await requireStoreAccess(user, q.store_id);
  return json({ groups: await listToShip({ storeId: q.store_id, liveId: q.live_id }) });
});
