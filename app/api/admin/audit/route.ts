import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { listAudit } from "@/lib/admin/logs";
import { auditQuery } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ req }) => json(await listAudit(parseQuery(req.url, auditQuery))));
