import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { env } from "@/lib/env";
import { createTenant, listTenants } from "@/lib/admin/tenants";
import { tenantCreateInput, tenantListQuery } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ req }) => json(await listTenants(parseQuery(req.url, tenantListQuery))));

/** Creates a tenant and invites its owner; the answer carries the invitation link. */
export const POST = adminRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, tenantCreateInput);
  return json(await createTenant({ input, actorId: user.id, appUrl: env().APP_URL }), 201);
});
