import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { listAiDecisions } from "@/lib/admin/logs";
import { aiDecisionsQuery } from "@/lib/admin/schemas";

export const GET = adminRoute(async ({ req }) => json(await listAiDecisions(parseQuery(req.url, aiDecisionsQuery))));
