import { sellerRoute, json } from "@/lib/http/route";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { liveReport } from "@/lib/lives/live-report";

export const dynamic = "force-dynamic";

/** The live's funnel (comments → buy intents → reserved → DM sent → checkout opened → paid), losses and products. */
export const GET = sellerRoute(async ({ user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  return json(await liveReport({ liveId: live.id }));
});
