import { prisma } from "@/lib/db";
import { commissionByCurrency } from "../commission";
import { periodBounds, usagePeriod } from "../plans";
import { subscriptionFees, type PriceChange } from "../proration";

function nextPeriod(period: string) {
  return usagePeriod(periodBounds(period).end);
}

type ChangeRow = PriceChange & { fromPlanCode: string; toPlanCode: string };

/** The store's plan changes, for the invoice arithmetic (applied and scheduled). */
export function planChangesOf(storeId: string): Promise<ChangeRow[]> {
  return prisma.planChange.findMany({ where: { storeId }, select: { effectiveAt: true, fromPriceMinor: true, toPriceMinor: true, fromCurrency: true, toCurrency: true, fromPlanCode: true, toPlanCode: true } });
}

/** The plan (code, currency) in effect at the end of [start, end): what the invoice is titled with. */
export function planAtEnd(end: Date, current: { code: string; currency: string }, changes: readonly ChangeRow[]) {
  const sorted = [...changes].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const last = sorted.filter((c) => c.effectiveAt < end).at(-1);
  if (last) return { code: last.toPlanCode, currency: last.toCurrency };
  const next = sorted.find((c) => c.effectiveAt >= end);
  return next ? { code: next.fromPlanCode, currency: next.fromCurrency } : current;
}

/** What an invoice collects per currency: the fee in the plan's currency plus the commission in each order currency. */
export function invoiceTotals(fees: Record<string, number>, commission: Record<string, number>) {
  const totals: Record<string, number> = {};
  for (const [currency, minor] of Object.entries(fees)) if (minor !== 0) totals[currency] = minor;
  for (const [currency, minor] of Object.entries(commission)) if (minor > 0) totals[currency] = (totals[currency] ?? 0) + minor;
  return totals;
}

/**
 * Issues each closed month since the subscription began that has no invoice yet: numbered (one gapless
 * sequence platform-wide, in issue order), its subscription fee (each part of the month at the price of
 * the plan then, see subscriptionFees) and commission frozen
 * now, its totals ready for collection (`nextAttemptAt` = now). A month with nothing to collect is
 * issued as paid. Safe to call concurrently and repeatedly: the unique (store, period) keeps one.
 */
export async function issueDueInvoices({ storeId, now = new Date() }: { storeId: string; now?: Date }): Promise<number> {
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include: { plan: true } });
  if (!sub) return 0;
  const current = usagePeriod(now);
  const issued = new Set((await prisma.invoice.findMany({ where: { storeId }, select: { period: true } })).map((i) => i.period));
  let created = 0;
  const changes = await planChangesOf(storeId);
  for (let p = usagePeriod(sub.createdAt); p < current; p = nextPeriod(p)) {
    if (issued.has(p)) continue;
    const { start, end } = periodBounds(p);
    const commission = await commissionByCurrency({ storeId, start, end, bps: sub.plan.transactionFeeBps });
    const fees = subscriptionFees({ current: sub.plan, changes, start, end, createdAt: sub.createdAt, trialEndsAt: sub.trialEndsAt });
    const titled = planAtEnd(end, sub.plan, changes);
    const subscriptionMinor = fees[titled.currency] ?? 0;
    const totals = invoiceTotals(fees, commission);
    // A month whose credit outweighs what is owed (a currency-changing plan switch) collects nothing.
    for (const [cur, v] of Object.entries(totals)) if (v <= 0) delete totals[cur];
    const nothingDue = Object.keys(totals).length === 0;
    // Numbers have no gaps: one issuer at a time takes the next number, and a month issued meanwhile is skipped.
    created += await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('lss_invoice_number', 0))`;
      if (await tx.invoice.findUnique({ where: { storeId_period: { storeId, period: p } }, select: { id: true } })) return 0;
      const last = await tx.invoice.aggregate({ _max: { number: true } });
      await tx.invoice.create({
        data: { number: (last._max.number ?? 0) + 1, storeId, period: p, periodStart: start, periodEnd: end, planCode: titled.code, currency: titled.currency, subscriptionMinor, commission, totals, status: nothingDue ? "paid" : "open", paidAt: nothingDue ? now : null, nextAttemptAt: nothingDue ? null : now },
      });
      return 1;
    });
  }
  return created;
}
