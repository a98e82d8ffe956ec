import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { closeTenant, closeTenantInput } from "@/lib/admin/close-tenant";

/** Closes a tenant after a typed confirmation (its name): buyers anonymised, secrets deleted, records kept. */
export const POST = adminRoute(async ({ req, user, params }) => {
  const input = await parseJsonBody(req, closeTenantInput);
  return json(await closeTenant({ storeId: params.id!, input, actorId: user.id }));
});
