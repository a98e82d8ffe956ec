import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { sumUsage, usagePeriod } from "@/lib/billing/plans";

/** Every tenant with its plan, this month's usage and size: the superadmin's tenant list. */
export async function listTenants({ limit = 100, offset = 0 }: { limit?: number; offset?: number } = {}) {
  const period = usagePeriod();
  const stores = await prisma.store.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    skip: offset,
    include: { subscription: { include: { plan: true } }, _count: { select: { memberships: true, products: true, orders: true, lives: true } } },
  });
  const rows = await prisma.usageCounter.findMany({ where: { period, storeId: { in: stores.map((s) => s.id) } } });
  const usageOf = (storeId: string) => sumUsage(rows.filter((r) => r.storeId === storeId));
  return stores.map((s) => ({ s, usage: usageOf(s.id) })).map(({ s, usage }) => ({
    id: s.id,
    name: s.name,
    country: s.country,
    currency: s.currency,
    plan: s.subscription?.plan.code ?? null,
    subscription_status: s.subscription?.status ?? null,
    suspended: Boolean(s.suspendedAt),
    members: s._count.memberships,
    products: s._count.products,
    orders: s._count.orders,
    lives: s._count.lives,
    usage: { period, comments: usage.comments, messages: usage.messages, ai_calls: usage.aiCalls, orders: usage.orders },
    created_at: s.createdAt.toISOString(),
  }));
}

/** Suspending a tenant stops its bot at once (every send re-reads it) and blocks plan-limited actions. */
export async function setTenantSuspended({ storeId, suspended, actorId }: { storeId: string; suspended: boolean; actorId: string }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { id: true } });
  if (!store) throw notFound("Tenant");
  await prisma.$transaction(async (tx) => {
    await tx.store.update({ where: { id: storeId }, data: { suspendedAt: suspended ? new Date() : null } });
    await tx.subscription.updateMany({ where: { storeId }, data: { status: suspended ? "SUSPENDED" : "ACTIVE" } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: suspended ? "tenant.suspended" : "tenant.reactivated", entityType: "store", entityId: storeId });
  });
  return { id: storeId, suspended };
}
