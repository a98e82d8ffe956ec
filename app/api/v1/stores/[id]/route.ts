import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { storeUpdateInput } from "@/lib/stores/schemas";
import { requireStoreAccess } from "@/lib/stores/access";
import { getStoreForMemberOrThrow, updateStore } from "@/lib/stores/stores";

export const GET = sellerRoute(async ({ user, params }) => {
  const access = await requireStoreAccess(user, params.id!);
  return json(await getStoreForMemberOrThrow(access));
});

export const PATCH = sellerRoute(async ({ req, user, params }) => {
  const access = await requireStoreAccess(user, params.id!);
  const input = await parseJsonBody(req, storeUpdateInput);
  // Profile, currency and messaging are the owner's decisions; staff operate lives and orders.
  if (access.role !== "OWNER") await requireStoreAccess(user, params.id!, ["OWNER"]);
  return json(await updateStore({ ...access, input, actorId: user.id }));
});
