import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { closeTenantInput } from "@/lib/admin/close-tenant";
import { closeOwnStore } from "@/lib/stores/close-own-store";
import { requireStoreAccess } from "@/lib/stores/access";

export const dynamic = "force-dynamic";

/** The owner closes her own store: `confirm` must repeat the store's name exactly. OWNER only. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  // Who may close is answered before the body: STAFF gets 403 whatever it sends.
  await requireStoreAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, closeTenantInput);
  return json(await closeOwnStore({ user, storeId: params.id!, input }));
});
