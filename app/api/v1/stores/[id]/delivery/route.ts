import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { getDeliverySettings, saveDeliverySettings } from "@/lib/fulfilment/delivery-settings";
import { deliverySettingsInput } from "@/lib/fulfilment/schemas";

export const dynamic = "force-dynamic";

/** The store's delivery methods and combine window (any member reads them: STAFF ships by them). */
export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!);
  return json(await getDeliverySettings(storeId));
});

/** Replaces the delivery methods (ids keep a method; a missing one is removed). OWNER only. */
export const PUT = sellerRoute(async ({ req, user, params, ip }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, deliverySettingsInput);
  return json(await saveDeliverySettings({ storeId, input, actorId: user.id, ip }));
});
