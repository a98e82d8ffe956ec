import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { env } from "@/lib/env";
import { requireStoreAccess } from "@/lib/stores/access";
import { paymentMethodSetupInput } from "@/lib/billing/collect/schemas";
import { startPaymentMethodSetup } from "@/lib/billing/collect/setup-payment-method";

/** The owner starts saving PayPal or subscribing with Mercado Pago for the platform's invoices → the provider's approval page. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const { method } = await parseJsonBody(req, paymentMethodSetupInput);
  return json(await startPaymentMethodSetup({ storeId, method, payerEmail: user.email, appUrl: env().APP_URL, actorId: user.id }), 201);
});
