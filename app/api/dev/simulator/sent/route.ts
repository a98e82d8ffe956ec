import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { listSentForLive } from "@/lib/simulator/sent-by-bot";

/** What the bot sent for a live's comments: every outbound message with its body and result. */
export const GET = sellerRoute(async ({ req, user }) => {
  const { live_id } = parseQuery(req.url, z.object({ live_id: z.string().min(1) }));
  const live = await getLiveForMemberOrThrow(user.id, live_id);
  return json(await listSentForLive({ liveId: live.id, storeId: live.storeId }));
});
