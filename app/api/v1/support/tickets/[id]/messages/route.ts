import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { addTicketMessage } from "@/lib/support/tickets";
import { memberStoreIds } from "@/lib/stores/access";
import { ticketMessageInput } from "@/lib/support/schemas";

export const POST = sellerRoute(async ({ req, user, params }) => {
  const { body } = await parseJsonBody(req, ticketMessageInput);
  return json(await addTicketMessage({ ticketId: params.id!, storeIds: await memberStoreIds(user.id), authorId: user.id, body, fromStaff: false }), 201);
});
