import { z } from "zod";
import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { listTenants } from "@/lib/admin/tenants";

export const GET = adminRoute(async ({ req }) => {
  const q = parseQuery(req.url, z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) }));
  return json(await listTenants(q));
});
