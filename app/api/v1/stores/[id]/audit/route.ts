import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { requireStorePermission } from "@/lib/stores/access";
import { listStoreAudit, storeAuditQuery } from "@/lib/audit/list-store-audit";

/** The store's audit trail (OWNER): price, stock, payment settings (secrets masked), roles and plan with before/after. */
export const GET = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStorePermission(user, params.id!, "audit.read");
  return json(await listStoreAudit({ storeId, query: parseQuery(req.url, storeAuditQuery) }));
});
