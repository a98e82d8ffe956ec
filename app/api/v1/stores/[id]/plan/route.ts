import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { getStorePlan } from "@/lib/billing/store-billing";
import { changePlan } from "@/lib/billing/change-plan";

export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!);
  return json(await getStorePlan({ storeId }));
});

/** Changing the plan is the owner's decision: STAFF get 403. */
export const PUT = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const { plan } = await parseJsonBody(req, z.object({ plan: z.string().min(1, "is required").max(40) }));
  return json(await changePlan({ storeId, planCode: plan, actorId: user.id }));
});
