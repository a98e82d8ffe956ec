import { prisma } from "@/lib/db";
import { notFound, unprocessable } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { ensureDefaultPlans, periodBounds, usagePeriod } from "./plans";
import { prorationFor } from "./proration";
import { ensureSubscription } from "./store-billing";

type PlanRow = { id: string; code: string; name: string; priceMinor: number; currency: string; active: boolean };

async function loadTarget(planCode: string): Promise<PlanRow> {
  await ensureDefaultPlans();
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  if (!plan || !plan.active) throw unprocessable(`plan: unknown plan "${planCode}"`, [{ field: "plan", code: "invalid_option", message: "is not an available plan" }]);
  return plan;
}

/**
 * What moving to `to` would do, computed the same way the invoice will: an upgrade (a dearer plan, or
 * any change while the trial covers the rest of the month) is effective now and adds
 * round((new − old) × billable rest / month) to this month's invoice; a downgrade takes effect at the
 * end of the month and changes nothing before it. `kind: "same"` is the current plan (choosing it
 * cancels a scheduled downgrade).
 */
function planChangeQuote({ from, to, sub, now }: { from: PlanRow; to: PlanRow; sub: { createdAt: Date; trialEndsAt: Date | null; status: string }; now: Date }) {
  const { start, end } = periodBounds(usagePeriod(now));
  const inTrial = sub.status === "TRIALING" && sub.trialEndsAt !== null && sub.trialEndsAt >= end;
  const kind: "same" | "upgrade" | "downgrade" =
    from.code === to.code ? "same" : inTrial || from.currency !== to.currency || to.priceMinor >= from.priceMinor ? "upgrade" : "downgrade";
  const effectiveAt = kind === "downgrade" ? end : now;
  const change = { effectiveAt, fromPriceMinor: from.priceMinor, toPriceMinor: to.priceMinor, fromCurrency: from.currency, toCurrency: to.currency };
  const proration = kind === "upgrade" ? prorationFor(change, { start, end, createdAt: sub.createdAt, trialEndsAt: sub.trialEndsAt }) : {};
  return {
    kind,
    from: { plan: from.code, name: from.name, price_minor: from.priceMinor, currency: from.currency },
    to: { plan: to.code, name: to.name, price_minor: to.priceMinor, currency: to.currency },
    effective_at: effectiveAt.toISOString(),
    period_end: end.toISOString(),
    /** Added to this month's invoice (per currency; empty when nothing is added). */
    proration_minor: proration,
    /** From the next month on, each month costs this. */
    next_period_minor: to.priceMinor,
  };
}

async function loadSubscription(storeId: string) {
  await ensureSubscription(storeId);
  return prisma.subscription.findUniqueOrThrow({ where: { storeId }, include: { plan: true } });
}

/** GET /stores/{id}/plan/preview?plan= (OWNER): the quote the owner confirms; nothing changes. */
export async function previewPlanChange({ storeId, planCode, now = new Date() }: { storeId: string; planCode: string; now?: Date }) {
  const [sub, to] = [await loadSubscription(storeId), await loadTarget(planCode)];
  return planChangeQuote({ from: sub.plan, to, sub, now });
}

/**
 * Moves the store to another active plan (self-service; OWNER only at the route), as previewPlanChange
 * quoted: an upgrade at once (its proration recorded for this month's invoice), a downgrade scheduled
 * for the month's end (replacing any earlier scheduled one; choosing the current plan cancels it).
 * Audited with before/after.
 */
export async function changePlan({ storeId, planCode, actorId, now = new Date() }: { storeId: string; planCode: string; actorId: string; now?: Date }) {
  const to = await loadTarget(planCode);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lss_plan_change:${storeId}`}, 0))`;
    const sub = await tx.subscription.findUnique({ where: { storeId }, include: { plan: true } });
    if (!sub) throw notFound("Subscription");
    const quote = planChangeQuote({ from: sub.plan, to, sub, now });
    const cancelled = await tx.planChange.deleteMany({ where: { storeId, appliedAt: null } });
    if (quote.kind !== "same") {
      const applied = quote.kind === "upgrade";
      await tx.planChange.create({
        data: {
          storeId, kind: quote.kind, fromPlanCode: sub.plan.code, toPlanCode: to.code, toPlanId: to.id, fromPriceMinor: sub.plan.priceMinor, toPriceMinor: to.priceMinor,
          fromCurrency: sub.plan.currency, toCurrency: to.currency, effectiveAt: new Date(quote.effective_at), appliedAt: applied ? now : null,
          prorationMinor: quote.proration_minor[to.currency] ?? 0, actorId,
        },
      });
      if (applied) await tx.subscription.update({ where: { storeId }, data: { planId: to.id } });
    }
    if (quote.kind !== "same" || cancelled.count > 0) {
      await recordAudit(tx, {
        storeId, actorType: "USER", actorId, action: quote.kind === "downgrade" ? "plan.change_scheduled" : "plan.changed", entityType: "subscription", entityId: sub.id,
        data: { kind: quote.kind, effective_at: quote.effective_at, proration_minor: quote.proration_minor, before: { plan: sub.plan.code }, after: { plan: quote.kind === "upgrade" ? to.code : sub.plan.code, scheduled: quote.kind === "downgrade" ? to.code : null } },
      });
    }
    const current = await tx.subscription.findUniqueOrThrow({ where: { storeId }, include: { plan: true } });
    return { plan: current.plan.code, status: current.status, current_period_end: current.currentPeriodEnd.toISOString(), change: quote, scheduled: quote.kind === "downgrade" ? { plan: to.code, effective_at: quote.effective_at } : null };
  });
}

/**
 * Applies the scheduled downgrades that fell due (the billing sweep): the subscription moves to the
 * new plan once (the row update on appliedAt IS NULL decides), audited.
 */
export async function applyDuePlanChanges({ now = new Date() }: { now?: Date } = {}) {
  const due = await prisma.planChange.findMany({ where: { appliedAt: null, effectiveAt: { lte: now } }, orderBy: { effectiveAt: "asc" } });
  let applied = 0;
  for (const c of due) {
    applied += await prisma.$transaction(async (tx) => {
      const res = await tx.planChange.updateMany({ where: { id: c.id, appliedAt: null }, data: { appliedAt: now } });
      if (res.count === 0) return 0;
      const sub = await tx.subscription.update({ where: { storeId: c.storeId }, data: { planId: c.toPlanId } });
      await recordAudit(tx, { storeId: c.storeId, actorType: "SYSTEM", action: "plan.changed", entityType: "subscription", entityId: sub.id, data: { kind: c.kind, before: { plan: c.fromPlanCode }, after: { plan: c.toPlanCode } } });
      return 1;
    });
  }
  return applied;
}
