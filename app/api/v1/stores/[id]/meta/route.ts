import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { metaTokenInput } from "@/lib/stores/schemas";
import { requireStoreAccess } from "@/lib/stores/access";
import { setMetaPageToken } from "@/lib/stores/stores";

export const PUT = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, metaTokenInput);
  return json(await setMetaPageToken({ storeId, input, actorId: user.id }));
});
