import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { getBuyerForStoreOrThrow, getCommentForLiveOrThrow } from "@/lib/live-control/access";
import { commentCorrectionInput } from "@/lib/live-control/schemas";
import { correctComment } from "@/lib/live-control/correct-comment";
import { sendCheckoutLink } from "@/lib/live-control/send-checkout-link";
import { listFeedComments } from "@/lib/live-control/feed";
import { listLiveCarts } from "@/lib/live-control/carts";

/** Corrects the AI's reading of a comment; a BUY creates or fixes the buyer's cart, optionally sending the link. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  const comment = await getCommentForLiveOrThrow({ liveId: live.id, commentId: params.commentId! });
  const input = await parseJsonBody(req, commentCorrectionInput);
  const { comment: corrected, order } = await correctComment({ comment, input, actorId: user.id });
  let message = null;
  if (order && input.send_link && corrected.buyerId) {
    const buyer = await getBuyerForStoreOrThrow({ storeId: live.storeId, buyerId: corrected.buyerId });
    const sent = await sendCheckoutLink({ order, buyer, actorId: user.id });
    message = { message_id: sent.messageId, status: sent.status, via: sent.via, reason: sent.reason ?? null };
  }
  const [feed] = await listFeedComments({ liveId: live.id, ids: [corrected.id] });
  const [cart] = order ? await listLiveCarts({ liveId: live.id, storeId: live.storeId, ids: [order.id] }) : [];
  return json({ comment: feed, cart: cart ?? null, message });
});
