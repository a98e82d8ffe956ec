import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { buyerOfMember } from "@/lib/live-control/access";
import { buyerBotInput } from "@/lib/live-control/schemas";
import { getBuyerConversation } from "@/lib/live-control/buyer-conversation";
import { setBuyerBotPaused } from "@/lib/live-control/set-buyer-paused";
import { requireStorePermission } from "@/lib/stores/access";
import { eraseBuyerData } from "@/lib/privacy/erase-buyer-data";

/** A buyer with their comments and messages in both directions (the takeover panel). */
export const GET = sellerRoute(async ({ user, params }) => {
  const buyer = await buyerOfMember(user.id, params.id!);
  return json(await getBuyerConversation({ buyer }));
});

/** Manual takeover: `{bot_paused: true}` stops the bot for this buyer only; false hands them back. */
export const PATCH = sellerRoute(async ({ req, user, params }) => {
  const buyer = await buyerOfMember(user.id, params.id!);
  const { bot_paused } = await parseJsonBody(req, buyerBotInput);
  const updated = await setBuyerBotPaused({ buyer, paused: bot_paused, actorId: user.id });
  return json(await getBuyerConversation({ buyer: updated }));
});

/** Erases the buyer's personal data everywhere (OWNER); orders keep anonymised amounts. Idempotent. */
export const DELETE = sellerRoute(async ({ user, params }) => {
  const buyer = await buyerOfMember(user.id, params.id!);
  await requireStorePermission(user, buyer.storeId, "buyers.privacy");
  return json(await eraseBuyerData({ buyerId: buyer.id, actor: { type: "USER", id: user.id } }));
});
