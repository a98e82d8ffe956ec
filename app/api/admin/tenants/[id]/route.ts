import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getTenant, updateTenant } from "@/lib/admin/tenants";
import { tenantUpdateInput } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ params }) => json(await getTenant({ storeId: params.id! })));

export const PATCH = adminRoute(async ({ req, user, params }) => {
  const input = await parseJsonBody(req, tenantUpdateInput);
  return json(await updateTenant({ storeId: params.id!, input, actorId: user.id }));
});
