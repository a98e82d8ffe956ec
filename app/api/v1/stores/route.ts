import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { storeCreateInput } from "@/lib/stores/schemas";
import { createStore, listStoresForUser } from "@/lib/stores/stores";

export const GET = sellerRoute(async ({ user }) => json(await listStoresForUser(user.id)));

export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, storeCreateInput);
  return json(await createStore({ userId: user.id, input }), 201);
});
