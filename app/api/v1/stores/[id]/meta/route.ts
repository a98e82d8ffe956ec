import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { metaTokenInput } from "@/lib/stores/schemas";
import { requireStoreAccess } from "@/lib/stores/access";
import { setMetaPageToken } from "@/lib/stores/stores";
import { checkPageToken } from "@/lib/onboarding/check-page-token";

export const PUT = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, metaTokenInput);
  const saved = await setMetaPageToken({ storeId, input, actorId: user.id });
  // Meta's word on the new token (validity, expiry, scopes) when the app's credentials are configured; Meta unreachable does not undo the save.
  await checkPageToken({ storeId, notify: false }).catch(() => null);
  return json(saved);
});
