import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { commentListQuery } from "@/lib/lives/schemas";
import { listLiveComments } from "@/lib/lives/lives";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";

export const GET = sellerRoute(async ({ req, user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  return json(await listLiveComments({ liveId: live.id, query: parseQuery(req.url, commentListQuery) }));
});
