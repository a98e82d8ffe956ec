import { adminRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { listTicketsForAdmin } from "@/lib/support/tickets";
import { adminTicketListQuery } from "@/lib/support/schemas";

export const GET = adminRoute(async ({ req }) => json(await listTicketsForAdmin(parseQuery(req.url, adminTicketListQuery))));
