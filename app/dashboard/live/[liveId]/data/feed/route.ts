import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { feedQuery } from "@/lib/live-control/schemas";
import { listFeedComments } from "@/lib/live-control/feed";

export const dynamic = "force-dynamic";

/** Control Center feed rows: the newest page, or exactly the comments an event batch named (`?ids=`). */
export const GET = sellerRoute(async ({ req, user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.liveId!);
  const q = parseQuery(req.url, feedQuery);
  return json(await listFeedComments({ liveId: live.id, limit: q.limit, before: q.before, ids: q.ids }));
});
