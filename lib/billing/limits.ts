import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { sumUsage, usagePeriod } from "./plans";

export type LimitedResource = "products" | "lives" | "comments" | "staff";

/** Throws 402 plan_limit_reached when the store's plan does not allow `adding` more of a resource. */
export async function assertWithinPlan({ storeId, resource, adding }: { storeId: string; resource: LimitedResource; adding: number }) {
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include: { plan: true } });
  if (!sub) return; // stores created before plans existed keep working; the admin panel shows them
  if (sub.status === "SUSPENDED" || sub.status === "CANCELLED") {
    throw new AppError(402, "subscription_inactive", "This store's subscription is not active. Contact support or renew the plan.");
  }
  const { plan } = sub;
  let used = 0;
  let max = 0;
  if (resource === "products") {
    used = await prisma.product.count({ where: { storeId } });
    max = plan.maxProducts;
  } else if (resource === "staff") {
    used = await prisma.membership.count({ where: { storeId } });
    max = plan.maxStaff + 1;
  } else {
    const usage = sumUsage(await prisma.usageCounter.findMany({ where: { storeId, period: usagePeriod() } }));
    used = resource === "lives" ? usage.lives : usage.comments;
    max = resource === "lives" ? plan.maxLivesPerMonth : plan.maxCommentsPerMonth;
  }
  if (used + adding > max) {
    throw new AppError(402, "plan_limit_reached", `The ${plan.name} plan allows ${max} ${resource}; this store has ${used}. Upgrade the plan to add more.`, { resource, used, max });
  }
}
