import { sellerRoute, json } from "@/lib/http/route";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { processPausedComments } from "@/lib/lives/process-paused-comments";

/** Processes the comments received while the bot was off (409 while it is still off or the live ended). */
export const POST = sellerRoute(async ({ user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  return json(await processPausedComments({ live, actorId: user.id }));
});
