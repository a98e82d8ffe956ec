import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getLiveForMemberOrThrow } from "@/lib/lives/member-live";
import { getOrderForStoreOrThrow } from "@/lib/live-control/access";
import { cartItemInput } from "@/lib/live-control/schemas";
import { setCartItem } from "@/lib/live-control/set-cart-item";
import { listLiveCarts } from "@/lib/live-control/carts";

/** Fixes a pending cart of this live: `{sku, quantity}` sets that line (0 removes it). */
export const PUT = sellerRoute(async ({ req, user, params }) => {
  const live = await getLiveForMemberOrThrow(user.id, params.id!);
  const order = await getOrderForStoreOrThrow({ storeId: live.storeId, orderId: params.orderId! });
  const input = await parseJsonBody(req, cartItemInput);
  const saved = await setCartItem({ order, sku: input.sku, quantity: input.quantity, actorId: user.id });
  const [cart] = await listLiveCarts({ liveId: saved.liveId ?? live.id, storeId: live.storeId, ids: [saved.id] });
  return json(cart ?? null);
});
