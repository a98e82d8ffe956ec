import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getTicket, setTicketStatus } from "@/lib/support/tickets";
import { ticketUpdateInput } from "@/lib/support/schemas";

export const GET = adminRoute(async ({ params }) => json(await getTicket({ ticketId: params.id!, storeIds: "all" })));

export const PATCH = adminRoute(async ({ req, user, params }) => {
  const { status } = await parseJsonBody(req, ticketUpdateInput);
  return json(await setTicketStatus({ ticketId: params.id!, status, actorId: user.id }));
});
