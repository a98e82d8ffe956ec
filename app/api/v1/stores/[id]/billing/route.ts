import { sellerRoute, json } from "@/lib/http/route";
import { requireStoreAccess } from "@/lib/stores/access";
import { getStoreBilling } from "@/lib/billing/store-billing";

/** The plan, its state, usage against limits and this period's money (CONTRACT §12). OWNER only. */
export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  return json(await getStoreBilling({ storeId }));
});
