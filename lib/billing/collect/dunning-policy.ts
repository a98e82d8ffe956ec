/** Retries after the first failed charge, in days after it (day 1, 3 and 5). */
const RETRY_DAYS = [1, 3, 5] as const;
/** Days a bank-transfer invoice may stay unpaid before it counts as a failed payment. */
export const TRANSFER_DUE_DAYS = 5;
/** Days a Mercado Pago subscription has to debit an invoice (its webhook settles it) before it counts as unpaid. */
export const MERCADOPAGO_DUE_DAYS = 5;
/** Days past due after which the store is suspended (the bot stops); read-only comes first, after GRACE_DAYS. */
export const SUSPEND_AFTER_DAYS = 30;
/** The reason a billing suspension shows the seller; paying lifts only a suspension with this reason. */
export const BILLING_SUSPENSION_REASON = "Unpaid invoice: pay it in Settings → Billing to reactivate the store.";

const DAY = 24 * 3600 * 1000;
export const days = (n: number) => n * DAY;

/** When the next charge of an unpaid invoice is due, given how many failed so far (null: no retries left). */
export function nextRetryAt(pastDueSince: Date, failedAttempts: number): Date | null {
  const d = RETRY_DAYS[failedAttempts - 1];
  return d === undefined ? null : new Date(pastDueSince.getTime() + days(d));
}
