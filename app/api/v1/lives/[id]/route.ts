import { sellerRoute, json } from "@/lib/http/route";
import { toLiveDto } from "@/lib/lives/lives";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { liveArrivalStats } from "@/lib/lives/live-arrival-stats";

/** One live, with how its comments arrived (webhook or recovered by reconciliation) and the webhook's lag. */
export const GET = sellerRoute(async ({ user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  return json({ ...toLiveDto(live), ...(await liveArrivalStats({ liveId: live.id })) });
});
