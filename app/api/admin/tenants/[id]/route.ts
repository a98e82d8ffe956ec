import { z } from "zod";
import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { setTenantSuspended } from "@/lib/admin/tenants";

export const PATCH = adminRoute(async ({ req, user, params }) => {
  const { suspended } = await parseJsonBody(req, z.object({ suspended: z.boolean({ error: "must be true or false" }) }));
  return json(await setTenantSuspended({ storeId: params.id!, suspended, actorId: user.id }));
});
