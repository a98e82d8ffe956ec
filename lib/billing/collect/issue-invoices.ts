import { prisma } from "@/lib/db";
import { commissionByCurrency } from "../commission";
import { periodBounds, usagePeriod } from "../plans";

function nextPeriod(period: string) {
  return usagePeriod(periodBounds(period).end);
}

/**
 * The subscription fee of one month: the plan price for the part of the month the store was on a paid
 * plan (after it was created and after its trial), rounded to the minor unit. A month spent in the
 * trial costs nothing.
 */
export function subscriptionFeeFor({ priceMinor, start, end, createdAt, trialEndsAt }: { priceMinor: number; start: Date; end: Date; createdAt: Date; trialEndsAt: Date | null }) {
  const from = Math.max(start.getTime(), createdAt.getTime(), trialEndsAt?.getTime() ?? 0);
  const billable = Math.max(0, end.getTime() - from);
  return Math.round((priceMinor * billable) / (end.getTime() - start.getTime()));
}

/** What an invoice collects per currency: the fee in the plan's currency plus the commission in each order currency. */
export function invoiceTotals(subscriptionMinor: number, planCurrency: string, commission: Record<string, number>) {
  const totals: Record<string, number> = {};
  if (subscriptionMinor > 0) totals[planCurrency] = subscriptionMinor;
  for (const [currency, minor] of Object.entries(commission)) if (minor > 0) totals[currency] = (totals[currency] ?? 0) + minor;
  return totals;
}

/**
 * Issues each closed month since the subscription began that has no invoice yet: numbered (one gapless
 * sequence platform-wide, in issue order), its subscription fee and commission frozen
 * now, its totals ready for collection (`nextAttemptAt` = now). A month with nothing to collect is
 * issued as paid. Safe to call concurrently and repeatedly: the unique (store, period) keeps one.
 */
export async function issueDueInvoices({ storeId, now = new Date() }: { storeId: string; now?: Date }): Promise<number> {
  const sub = await prisma.subscription.findUnique({ where: { storeId }, include: { plan: true } });
  if (!sub) return 0;
  const current = usagePeriod(now);
  const issued = new Set((await prisma.invoice.findMany({ where: { storeId }, select: { period: true } })).map((i) => i.period));
  let created = 0;
  for (let p = usagePeriod(sub.createdAt); p < current; p = nextPeriod(p)) {
    if (issued.has(p)) continue;
    const { start, end } = periodBounds(p);
    const commission = await commissionByCurrency({ storeId, start, end, bps: sub.plan.transactionFeeBps });
    const subscriptionMinor = subscriptionFeeFor({ priceMinor: sub.plan.priceMinor, start, end, createdAt: sub.createdAt, trialEndsAt: sub.trialEndsAt });
    const totals = invoiceTotals(subscriptionMinor, sub.plan.currency, commission);
    const nothingDue = Object.keys(totals).length === 0;
    // Numbers have no gaps: one issuer at a time takes the next number, and a month issued meanwhile is skipped.
    created += await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('lss_invoice_number', 0))`;
      if (await tx.invoice.findUnique({ where: { storeId_period: { storeId, period: p } }, select: { id: true } })) return 0;
      const last = await tx.invoice.aggregate({ _max: { number: true } });
      await tx.invoice.create({
        data: { number: (last._max.number ?? 0) + 1, storeId, period: p, periodStart: start, periodEnd: end, planCode: sub.plan.code, currency: sub.plan.currency, subscriptionMinor, commission, totals, status: nothingDue ? "paid" : "open", paidAt: nothingDue ? now : null, nextAttemptAt: nothingDue ? null : now },
      });
      return 1;
    });
  }
  return created;
}
