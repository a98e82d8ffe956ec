import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { sellerPaymentMethodInput } from "@/lib/billing/collect/schemas";
import { setPaymentMethod } from "@/lib/billing/collect/set-payment-method";

/** The owner chooses bank transfer for the platform's invoices (OWNER only). */
export const PUT = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, sellerPaymentMethodInput);
  return json(await setPaymentMethod({ storeId, method: input.method, actorId: user.id }));
});
