import type { z } from "zod";
import type { Plan } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { readLimits } from "@/lib/billing/metrics";
import { ensureDefaultPlans } from "@/lib/billing/plans";
import type { planCreateInput, planUpdateInput } from "./schemas";

function toPlanDto(p: Plan & { _count?: { subscriptions: number } }) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    price_minor: p.priceMinor,
    currency: p.currency,
    limits: readLimits(p.limits),
    modules: p.modules,
    transaction_fee_bps: p.transactionFeeBps,
    active: p.active,
    tenants: p._count?.subscriptions ?? 0,
    created_at: p.createdAt.toISOString(),
  };
}

export async function listPlans() {
  await ensureDefaultPlans();
  const plans = await prisma.plan.findMany({ orderBy: [{ priceMinor: "asc" }, { code: "asc" }], include: { _count: { select: { subscriptions: true } } } });
  return { items: plans.map(toPlanDto) };
}

export async function createPlan({ input, actorId }: { input: z.output<typeof planCreateInput>; actorId: string }) {
  if (await prisma.plan.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw conflict("plan_exists", `A plan with code ${input.code} already exists`, [{ field: "code", code: "taken", message: "is already used by another plan" }]);
  }
  return prisma.$transaction(async (tx) => {
    const plan = await tx.plan.create({ data: { code: input.code, name: input.name, priceMinor: input.price_minor, currency: input.currency, limits: input.limits, modules: input.modules, transactionFeeBps: input.transaction_fee_bps, active: input.active } });
    await recordAudit(tx, { actorType: "USER", actorId, action: "plan.created", entityType: "plan", entityId: plan.id, data: { after: toPlanDto(plan) } });
    return toPlanDto(plan);
  });
}

/** Edits a plan; every tenant on it gets the new limits and fee at once (their own overrides still win). */
export async function updatePlan({ planId, input, actorId }: { planId: string; input: z.output<typeof planUpdateInput>; actorId: string }) {
  const before = await prisma.plan.findUnique({ where: { id: planId } });
  if (!before) throw notFound("Plan");
  return prisma.$transaction(async (tx) => {
    const plan = await tx.plan.update({
      where: { id: planId },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.price_minor !== undefined && { priceMinor: input.price_minor }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.limits !== undefined && { limits: { ...readLimits(before.limits), ...input.limits } }),
        ...(input.modules !== undefined && { modules: input.modules }),
        ...(input.transaction_fee_bps !== undefined && { transactionFeeBps: input.transaction_fee_bps }),
        ...(input.active !== undefined && { active: input.active }),
      },
    });
    await recordAudit(tx, { actorType: "USER", actorId, action: "plan.updated", entityType: "plan", entityId: plan.id, data: { before: toPlanDto(before), after: toPlanDto(plan) } });
    return toPlanDto(plan);
  });
}
