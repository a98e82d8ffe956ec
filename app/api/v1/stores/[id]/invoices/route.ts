import { sellerRoute, json } from "@/lib/http/route";
import { requireStoreAccess } from "@/lib/stores/access";
import { listInvoices } from "@/lib/billing/store-billing";

/** Issued invoices of closed periods and the running period's draft. OWNER only. */
export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  return json(await listInvoices({ storeId }));
});
