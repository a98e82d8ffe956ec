import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { listOperatorAlerts, operatorAlertsQuery } from "@/lib/alerts/list-operator-alerts";

/** Operator alerts (issue 20): open first, then history. Superadmins only (others get 404). */
export const GET = adminRoute(async ({ req }) => json(await listOperatorAlerts(parseQuery(req.url, operatorAlertsQuery))));
