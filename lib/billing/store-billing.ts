import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { commissionByCurrency } from "./commission";
import { effectiveLimits, METRICS } from "./metrics";
import { defaultPlan, periodBounds, usagePeriod } from "./plans";
import { billingStatus } from "./status";
import { usageOfStore } from "./usage";
import { invoiceTotals, issueDueInvoices, planAtEnd, planChangesOf } from "./collect/issue-invoices";
import { subscriptionFees } from "./proration";

async function loadSubscription(storeId: string) {
  const include = { plan: true, store: { select: { suspendedAt: true, suspendedReason: true, currency: true } } } as const;
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include });
  if (sub) return sub;
  await ensureSubscription(storeId);
  return prisma.subscription.findUniqueOrThrow({ where: { storeId }, include });
}

/**
 * Stores made before plans existed have no subscription (and no limits). The first time their billing is
 * read or a superadmin sets their licence they get one: active, on the default plan.
 */
export async function ensureSubscription(storeId: string, now = new Date()) {
  if (!(await prisma.store.findUnique({ where: { id: storeId }, select: { id: true } }))) throw notFound("Store");
  const plan = await defaultPlan();
  await prisma.subscription.upsert({ where: { storeId }, update: {}, create: { storeId, planId: plan.id, status: "ACTIVE", currentPeriodEnd: new Date(now.getTime() + 30 * 24 * 3600 * 1000) } });
}

/**
 * GET /stores/{id}/billing (CONTRACT §12). The period is the usage counters' UTC month. Money:
 * `subscription_minor` is the plan price in `subscription_currency` (the plan's); `commission_minor` is
 * in `currency` (the store's, in which its orders are priced); `commission_by_currency` lists every
 * currency of the period's paid orders, should a store have sold in more than one.
 */
export async function getStoreBilling({ storeId, now = new Date() }: { storeId: string; now?: Date }) {
  const sub = await loadSubscription(storeId);
  const period = usagePeriod(now);
  const { start, end } = periodBounds(period);
  const [used, commission] = await Promise.all([usageOfStore(storeId, now), commissionByCurrency({ storeId, start, end, bps: sub.plan.transactionFeeBps })]);
  const limits = effectiveLimits(sub.plan.limits, sub.limitOverrides);
  const scheduled = await prisma.planChange.findFirst({ where: { storeId, appliedAt: null }, orderBy: { createdAt: "desc" } });
  const prorated = await prisma.planChange.findMany({ where: { storeId, appliedAt: { not: null }, effectiveAt: { gte: start, lt: end }, prorationMinor: { not: 0 } }, select: { toCurrency: true, prorationMinor: true } });
  const proration: Record<string, number> = {};
  for (const p of prorated) proration[p.toCurrency] = (proration[p.toCurrency] ?? 0) + p.prorationMinor;
  return {
    plan: sub.plan.code,
    plan_name: sub.plan.name,
    status: billingStatus(sub, sub.store, now),
    suspended_reason: sub.store.suspendedAt ? sub.store.suspendedReason : null,
    trial_ends_at: sub.trialEndsAt?.toISOString() ?? null,
    licence_key: sub.licenceKey,
    transaction_fee_bps: sub.plan.transactionFeeBps,
    modules: sub.plan.modules,
    collection: { method: sub.paymentMethod, pending_method: sub.pendingMethod, past_due_since: sub.pastDueSince?.toISOString() ?? null, stage: sub.dunningStage },
    scheduled_change: scheduled ? { plan: scheduled.toPlanCode, effective_at: scheduled.effectiveAt.toISOString() } : null,
    usage: Object.fromEntries(METRICS.map((m) => [m, { used: used[m], limit: limits[m] }])),
    period: {
      key: period,
      start: start.toISOString(),
      end: end.toISOString(),
      subscription_minor: sub.plan.priceMinor,
      subscription_currency: sub.plan.currency,
      proration_minor: proration,
      commission_minor: commission[sub.store.currency] ?? 0,
      commission_by_currency: commission,
      currency: sub.store.currency,
    },
  };
}

type InvoiceRow = { id: string | null; number: number | null; period: string; periodStart: Date; periodEnd: Date; planCode: string; currency: string; subscriptionMinor: number; commission: unknown; totals: unknown; status: string; attempts: number; nextAttemptAt: Date | null; paidAt: Date | null; lastError: string | null };

function toInvoiceDto(i: InvoiceRow, storeCurrency: string) {
  const commission = (i.commission ?? {}) as Record<string, number>;
  return {
    id: i.id,
    number: i.number,
    period: i.period,
    period_start: i.periodStart.toISOString(),
    period_end: i.periodEnd.toISOString(),
    plan: i.planCode,
    status: i.status,
    subscription_minor: i.subscriptionMinor,
    subscription_currency: i.currency,
    commission_minor: commission[storeCurrency] ?? 0,
    commission_by_currency: commission,
    currency: storeCurrency,
    totals: (i.totals ?? {}) as Record<string, number>,
    attempts: i.attempts,
    next_attempt_at: i.nextAttemptAt?.toISOString() ?? null,
    paid_at: i.paidAt?.toISOString() ?? null,
    last_error: i.lastError,
  };
}

/**
 * The store's invoices, newest first: each closed month since the subscription began is issued once
 * (numbered, its fee and commission frozen at issue; see issueDueInvoices), and the running month is
 * shown as a draft computed now.
 */
export async function listInvoices({ storeId, now = new Date() }: { storeId: string; now?: Date }) {
  const sub = await loadSubscription(storeId);
  const current = usagePeriod(now);
  await issueDueInvoices({ storeId, now });
  const rows = await prisma.invoice.findMany({ where: { storeId }, orderBy: { period: "desc" } });
  const { start, end } = periodBounds(current);
  const commission = await commissionByCurrency({ storeId, start, end, bps: sub.plan.transactionFeeBps });
  const changes = await planChangesOf(storeId);
  const fees = subscriptionFees({ current: sub.plan, changes, start, end, createdAt: sub.createdAt, trialEndsAt: sub.trialEndsAt });
  const titled = planAtEnd(end, sub.plan, changes);
  const draft: InvoiceRow = {
    id: null, number: null, period: current, periodStart: start, periodEnd: end, planCode: titled.code, currency: titled.currency,
    subscriptionMinor: fees[titled.currency] ?? 0, commission, totals: invoiceTotals(fees, commission), status: "draft", attempts: 0, nextAttemptAt: null, paidAt: null, lastError: null,
  };
  return { items: [draft, ...rows].map((i) => toInvoiceDto(i, sub.store.currency)) };
}

/** The plan a member sees (STAFF too): code, name, state and effective limits. Null for a store without one. */
export async function getStorePlan({ storeId, now = new Date() }: { storeId: string; now?: Date }) {
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include: { plan: true, store: { select: { suspendedAt: true } } } });
  if (!sub) return null;
  return { plan: sub.plan.code, name: sub.plan.name, status: billingStatus(sub, sub.store, now), current_period_end: sub.currentPeriodEnd.toISOString(), trial_ends_at: sub.trialEndsAt?.toISOString() ?? null, limits: effectiveLimits(sub.plan.limits, sub.limitOverrides) };
}
