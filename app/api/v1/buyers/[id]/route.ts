import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getBuyerForMemberOrThrow } from "@/lib/buyers/get-buyer-for-member";
import { getBuyerConversation } from "@/lib/live-control/buyer-conversation";
import { buyerPatchInput } from "@/lib/buyers/schemas";
import { getBuyerProfile } from "@/lib/buyers/buyer-profile";
import { updateBuyer } from "@/lib/buyers/update-buyer";
import { requireStorePermission } from "@/lib/stores/access";
import { eraseBuyerData } from "@/lib/privacy/erase-buyer-data";

/** A buyer with their comments and messages in both directions (the takeover panel), their CRM summary, orders and waitlist. */
export const GET = sellerRoute(async ({ user, params }) => {
  const buyer = await getBuyerForMemberOrThrow(user.id, params.id!);
  return json(await getBuyerProfile({ buyer }));
});

/**
 * `{blocked?, notes?, tags?, bot_paused?}`: a blocked buyer's comments are stored and shown but never reserve;
 * `bot_paused` is the manual takeover (the bot stops answering this buyer only).
 */
export const PATCH = sellerRoute(async ({ req, user, params }) => {
  const buyer = await getBuyerForMemberOrThrow(user.id, params.id!);
  const input = await parseJsonBody(req, buyerPatchInput);
  const updated = await updateBuyer({ buyer, input, actorId: user.id });
  return json(await getBuyerConversation({ buyer: updated }));
});

/** Erases the buyer's personal data everywhere (OWNER); orders keep anonymised amounts. Idempotent. */
export const DELETE = sellerRoute(async ({ user, params }) => {
  const buyer = await getBuyerForMemberOrThrow(user.id, params.id!);
  await requireStorePermission(user, buyer.storeId, "buyers.privacy");
  return json(await eraseBuyerData({ buyerId: buyer.id, actor: { type: "USER", id: user.id } }));
});
