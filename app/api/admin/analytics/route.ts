import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { platformAnalytics } from "@/lib/admin/analytics";
import { rangeQuery } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ req }) => json(await platformAnalytics(parseQuery(req.url, rangeQuery))));
