/** A plan change as the invoice arithmetic needs it (a PlanChange row, applied or still scheduled). */
export type PriceChange = { effectiveAt: Date; fromPriceMinor: number; toPriceMinor: number; fromCurrency: string; toCurrency: string };

type Window = { start: Date; end: Date; createdAt: Date; trialEndsAt: Date | null };

/** The first instant of [start, end) the store pays for: after it was created and after its trial. */
function billableFrom({ start, createdAt, trialEndsAt }: Window) {
  return Math.max(start.getTime(), createdAt.getTime(), trialEndsAt?.getTime() ?? 0);
}

function add(out: Record<string, number>, currency: string, minor: number) {
  if (minor !== 0) out[currency] = (out[currency] ?? 0) + minor;
}

/**
 * What a plan change at `at` adds to the month's fee, per currency: the price difference for the
 * billable rest of the month, rounded to the minor unit, i.e. round((new − old) × rest / month). In the
 * trial, or for a change at the month's end, it is nothing. (Two currencies: the new price is added and
 * the old one taken off, each for the rest of the month.)
 */
export function prorationFor(change: PriceChange, w: Window): Record<string, number> {
  const month = w.end.getTime() - w.start.getTime();
  const rest = Math.max(0, w.end.getTime() - Math.max(change.effectiveAt.getTime(), billableFrom(w)));
  const out: Record<string, number> = {};
  if (rest === 0) return out;
  if (change.fromCurrency === change.toCurrency) {
    add(out, change.toCurrency, Math.round(((change.toPriceMinor - change.fromPriceMinor) * rest) / month));
  } else {
    add(out, change.toCurrency, Math.round((change.toPriceMinor * rest) / month));
    add(out, change.fromCurrency, -Math.round((change.fromPriceMinor * rest) / month));
  }
  return out;
}

/**
 * The subscription fee of one month [start, end), per currency: the price of the plan the month began
 * with for its billable part (after creation and trial), plus the proration of every plan change that
 * took effect inside the month. `current` is the subscription's plan now; `changes` are the store's
 * plan changes (any order). A month spent in the trial costs nothing; a downgrade scheduled for the
 * month's end changes nothing in it.
 */
export function subscriptionFees({ current, changes, ...w }: Window & { current: { priceMinor: number; currency: string }; changes: readonly PriceChange[] }): Record<string, number> {
  const sorted = [...changes].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const from = billableFrom(w);
  const month = w.end.getTime() - w.start.getTime();
  const out: Record<string, number> = {};
  if (w.end.getTime() <= from) return out;
  // The plan at the start of the billable part: the last change made by then, else the "from" side of the
  // first change after it, else the current plan (a change that fell due is counted even before the sweep applies it).
  const before = sorted.filter((c) => c.effectiveAt.getTime() <= from).at(-1);
  const next = sorted.find((c) => c.effectiveAt.getTime() > from);
  const initial = before ? { priceMinor: before.toPriceMinor, currency: before.toCurrency } : next ? { priceMinor: next.fromPriceMinor, currency: next.fromCurrency } : current;
  add(out, initial.currency, Math.round((initial.priceMinor * (w.end.getTime() - from)) / month));
  for (const c of sorted) {
    if (c.effectiveAt.getTime() <= from || c.effectiveAt >= w.end) continue;
    for (const [cur, minor] of Object.entries(prorationFor(c, w))) add(out, cur, minor);
  }
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}
