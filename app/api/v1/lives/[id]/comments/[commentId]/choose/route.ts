import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { getCommentForLiveOrThrow } from "@/lib/live-control/access";
import { commentChoiceInput } from "@/lib/live-control/schemas";
import { resolveReviewedComment } from "@/lib/live-control/resolve-review";
import { listFeedComments } from "@/lib/live-control/feed";

/**
 * The seller answers "which one?" for the buyer from the review queue, in one tap: the chosen
 * candidate is reserved and the cart DM sent, by the same code as the buyer's own quick-reply tap.
 */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  const comment = await getCommentForLiveOrThrow({ liveId: live.id, commentId: params.commentId! });
  const input = await parseJsonBody(req, commentChoiceInput);
  const settled = await resolveReviewedComment({ storeId: live.storeId, commentId: comment.id, sku: input.sku, actorId: user.id });
  const [feed] = await listFeedComments({ liveId: live.id, ids: [comment.id] });
  return json({ comment: feed, result: settled });
});
