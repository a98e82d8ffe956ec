import { sellerRoute, json } from "@/lib/http/route";
import { getBuyerForMemberOrThrow } from "@/lib/buyers/get-buyer-for-member";
import { requireStorePermission } from "@/lib/stores/access";
import { exportBuyerData } from "@/lib/privacy/export-buyer-data";

/** Everything held about the buyer (OWNER): buyer row, comments, AI decisions, messages, orders, payments. */
export const GET = sellerRoute(async ({ user, params }) => {
  const buyer = await getBuyerForMemberOrThrow(user.id, params.id!);
  await requireStorePermission(user, buyer.storeId, "buyers.privacy");
  return json(await exportBuyerData({ buyerId: buyer.id }), 200, { "content-disposition": `attachment; filename="buyer-${buyer.id}.json"`, "cache-control": "no-store" });
});
