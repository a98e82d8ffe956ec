import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { addTicketMessage } from "@/lib/support/tickets";
import { ticketMessageInput } from "@/lib/support/schemas";

export const POST = adminRoute(async ({ req, user, params }) => {
  const { body } = await parseJsonBody(req, ticketMessageInput);
  return json(await addTicketMessage({ ticketId: params.id!, storeIds: "all", authorId: user.id, body, fromStaff: true }), 201);
});
