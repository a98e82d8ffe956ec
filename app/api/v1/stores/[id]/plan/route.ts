import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { prisma } from "@/lib/db";
import { changePlan } from "@/lib/billing/change-plan";

export const GET = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!);
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include: { plan: true } });
  return json(sub ? { plan: sub.plan.code, name: sub.plan.name, status: sub.status, current_period_end: sub.currentPeriodEnd.toISOString(), limits: { products: sub.plan.maxProducts, lives_per_month: sub.plan.maxLivesPerMonth, comments_per_month: sub.plan.maxCommentsPerMonth, staff: sub.plan.maxStaff } } : null);
});

/** Changing the plan is the owner's decision: STAFF get 403. */
export const PUT = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const { plan } = await parseJsonBody(req, z.object({ plan: z.string().min(1, "is required").max(40) }));
  return json(await changePlan({ storeId, planCode: plan, actorId: user.id }));
});
