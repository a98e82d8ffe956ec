import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { adminPaymentMethodInput } from "@/lib/billing/collect/schemas";
import { setPaymentMethod } from "@/lib/billing/collect/set-payment-method";

export const PUT = adminRoute(async ({ req, user, params }) => {
  const input = await parseJsonBody(req, adminPaymentMethodInput);
  return json(await setPaymentMethod({ storeId: params.id!, method: input.method, token: input.vault_id ?? null, actorId: user.id }));
});
