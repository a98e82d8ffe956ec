import { prisma } from "@/lib/db";
import { notFound, unprocessable } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { ensureDefaultPlans } from "./plans";

/** Moves the store to another active plan (self-service; OWNER only at the route). */
export async function changePlan({ storeId, planCode, actorId }: { storeId: string; planCode: string; actorId: string }) {
  await ensureDefaultPlans();
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  if (!plan || !plan.active) throw unprocessable(`plan: unknown plan "${planCode}"`, [{ field: "plan", code: "invalid_option", message: "is not an available plan" }]);
  return prisma.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({ where: { storeId }, include: { plan: { select: { code: true } } } });
    if (!sub) throw notFound("Subscription");
    const updated = await tx.subscription.update({ where: { storeId }, data: { planId: plan.id }, include: { plan: true } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "plan.changed", entityType: "subscription", entityId: sub.id, data: { from: sub.planId, to: plan.code, before: { plan: sub.plan.code }, after: { plan: plan.code } } });
    return { plan: updated.plan.code, status: updated.status, current_period_end: updated.currentPeriodEnd.toISOString() };
  });
}
