import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { liveCreateInput } from "@/lib/lives/schemas";
import { createLive, listLives } from "@/lib/lives/lives";
import { requireStoreAccess } from "@/lib/stores/access";

export const GET = sellerRoute(async ({ req, user }) => {
  const { store_id } = parseQuery(req.url, z.object({ store_id: z.string().min(1, "is required") }));
  await requireStoreAccess(user, store_id);
  return json(await listLives({ storeId: store_id }));
});

export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, liveCreateInput);
  await requireStoreAccess(user, input.store_id);
  return json(await createLive({ input, actorId: user.id }), 201);
});
