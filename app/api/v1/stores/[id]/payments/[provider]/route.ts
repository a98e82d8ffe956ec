import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { requireStoreAccess } from "@/lib/stores/access";
import { getPaymentConfig, paymentConfigInput, providerIdSchema, savePaymentConfig } from "@/lib/payments/payment-config";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";

function providerOf(value: string | undefined) {
  const parsed = providerIdSchema.safeParse(value);
  if (!parsed.success) throw notFound("Payment provider");
  return parsed.data;
}

export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const runtime = paymentRuntimeFromEnv();
  return json(await getPaymentConfig({ storeId, provider: providerOf(params.provider), sandboxByDefault: runtime.sandboxByDefault, appUrl: runtime.appUrl }));
});

/** Saves credentials (validated with the provider's schema, stored encrypted) and the enabled flag. OWNER only. */
export const PUT = sellerRoute(async ({ req, user, params, ip }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const provider = providerOf(params.provider);
  const input = await parseJsonBody(req, paymentConfigInput);
  const runtime = paymentRuntimeFromEnv();
  return json(await savePaymentConfig({ storeId, provider, input, actorId: user.id, ip, sandboxByDefault: runtime.sandboxByDefault, appUrl: runtime.appUrl }));
});
