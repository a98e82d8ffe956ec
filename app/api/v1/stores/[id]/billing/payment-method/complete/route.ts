import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { paymentMethodCompleteInput } from "@/lib/billing/collect/schemas";
import { completePaymentMethodSetup } from "@/lib/billing/collect/setup-payment-method";

/** The provider sent the owner back: save the approved PayPal wallet or Mercado Pago subscription. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const { provider, token } = await parseJsonBody(req, paymentMethodCompleteInput);
  return json(await completePaymentMethodSetup({ storeId, provider, token, actor: { actorType: "USER", actorId: user.id } }));
});
