import { sellerRoute, json } from "@/lib/http/route";
import { getTicket } from "@/lib/support/tickets";
import { memberStoreIds } from "@/lib/stores/access";

export const GET = sellerRoute(async ({ user, params }) => json(await getTicket({ ticketId: params.id!, storeIds: await memberStoreIds(user.id) })));
