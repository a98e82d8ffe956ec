import { sellerRoute, json } from "@/lib/http/route";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { listLiveCarts } from "@/lib/live-control/carts";

export const dynamic = "force-dynamic";

export const GET = sellerRoute(async ({ user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.liveId!);
  return json(await listLiveCarts({ liveId: live.id, storeId: live.storeId }));
});
