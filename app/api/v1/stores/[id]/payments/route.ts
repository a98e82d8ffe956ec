import { sellerRoute, json } from "@/lib/http/route";
import { requireStoreAccess } from "@/lib/stores/access";
import { listPaymentConfigs } from "@/lib/payments/payment-config";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";

/** Every provider's state for this store (secrets masked). OWNER only: STAFF never sees payment settings. */
export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const runtime = paymentRuntimeFromEnv();
  return json(await listPaymentConfigs({ storeId, sandboxByDefault: runtime.sandboxByDefault, appUrl: runtime.appUrl }));
});
