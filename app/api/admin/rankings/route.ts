import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { rankings } from "@/lib/admin/analytics";
import { rankingsQuery } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ req }) => json(await rankings(parseQuery(req.url, rankingsQuery))));
