import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { effectiveLimits, PERIOD_METRICS, type Metric } from "./metrics";
import { billingStatus } from "./status";
import { usageOfStore } from "./usage";

/** What a seller adds at a safe point: a live, products, a staff seat. */
export type LimitedResource = "products" | "lives" | "staff";

function limitReached(metric: Metric, used: number, limit: number, planName: string) {
  return new AppError(402, "plan_limit_reached", `The ${planName} plan allows ${limit} ${metric}; this store has ${used}. Upgrade the plan to add more.`, { metric, resource: metric, used, max: limit, limit });
}

/**
 * Throws 402 when the store's plan (with the tenant's overrides) does not allow adding more.
 * Only safe points call this — starting a live, adding products or seats. The comment pipeline never
 * does: a running live keeps answering every buyer whatever the counters say. Starting a live is also
 * refused once a per-period metric (comments, messages, LLM calls, orders) has reached its limit.
 */
export async function assertWithinPlan({ storeId, resource, adding }: { storeId: string; resource: LimitedResource; adding: number }) {
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include: { plan: true, store: { select: { suspendedAt: true } } } });
  if (!sub) return; // stores created before plans existed keep working; the admin panel shows them
  if (billingStatus(sub, sub.store) === "read_only") {
    throw new AppError(402, "subscription_inactive", "This store's subscription is not active. Contact support or renew the plan.");
  }
  const limits = effectiveLimits(sub.plan.limits, sub.limitOverrides);
  const checked: Metric[] = resource === "lives" ? ["lives", ...PERIOD_METRICS] : [resource];
  if (checked.every((m) => limits[m] === null)) return;
  const usage = await usageOfStore(storeId);
  for (const metric of checked) {
    const limit = limits[metric];
    if (limit === null) continue;
    const adds = metric === resource ? adding : 0;
    // A per-period metric blocks a new live once it is used up; a counted resource when adding would exceed it.
    const over = adds > 0 ? usage[metric] + adds > limit : usage[metric] >= limit;
    if (over) throw limitReached(metric, usage[metric], limit, sub.plan.name);
  }
}
