import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { assertLiveOfStore } from "@/lib/lives/member-live";
import { getBuyerForMemberOrThrow } from "@/lib/buyers/get-buyer-for-member";
import { manualMessageInput } from "@/lib/live-control/schemas";
import { sendManualMessage } from "@/lib/live-control/send-manual-message";

/** The seller writes to the buyer (a DM inside Meta's 24 h window, else the reply to their unanswered comment). */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const buyer = await getBuyerForMemberOrThrow(user.id, params.id!);
  const input = await parseJsonBody(req, manualMessageInput);
  if (input.live_id) await assertLiveOfStore({ liveId: input.live_id, storeId: buyer.storeId });
  const result = await sendManualMessage({ buyer, message: { text: input.text }, liveId: input.live_id, clientId: input.client_id, actorId: user.id });
  return json({ message_id: result.messageId, status: result.status, via: result.via, reason: result.reason ?? null, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
});
