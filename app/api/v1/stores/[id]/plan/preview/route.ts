import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { previewPlanChange } from "@/lib/billing/change-plan";

/** What changing to `plan` would cost (proration now, price from next month) before the owner confirms; nothing changes. */
export const GET = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const { plan } = parseQuery(req.url, z.object({ plan: z.string().min(1, "is required").max(40) }));
  return json(await previewPlanChange({ storeId, planCode: plan }));
});
