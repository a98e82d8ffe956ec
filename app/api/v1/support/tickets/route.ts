import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { memberStoreIds, requireStoreAccess } from "@/lib/stores/access";
import { listTicketsForStores, openTicket } from "@/lib/support/tickets";
import { ticketCreateInput, ticketListQuery } from "@/lib/support/schemas";

/** Any member of the store opens a ticket for it. */
export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, ticketCreateInput);
  await requireStoreAccess(user, input.store_id);
  return json(await openTicket({ input, userId: user.id }), 201);
});

/** The tickets of one store (`store_id`) or of every store of the caller. */
export const GET = sellerRoute(async ({ req, user }) => {
  const q = parseQuery(req.url, ticketListQuery);
  const storeIds = q.store_id ? [(await requireStoreAccess(user, q.store_id)).storeId] : await memberStoreIds(user.id);
  return json(await listTicketsForStores({ storeIds, status: q.status }));
});
