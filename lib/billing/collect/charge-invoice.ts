import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { logger } from "@/lib/observability/logger";
import { days, MERCADOPAGO_DUE_DAYS, nextRetryAt, TRANSFER_DUE_DAYS } from "./dunning-policy";
import { fetchPreapproval, MERCADOPAGO_CURRENCIES, setPreapprovalAmount } from "./platform-providers";
import { notifyOwners } from "./notify-owners";
import { chargePaypalVault, type ChargeOutcome, type ChargeRequest } from "./paypal-charge";
import { settleInvoice } from "./settle-invoice";

export type Charger = (req: ChargeRequest) => Promise<ChargeOutcome>;

type Result = { status: "skipped" | "paid" | "failed" | "awaiting_transfer" | "awaiting_provider"; code?: string };

/**
 * One collection attempt of an open invoice (`attempt` = failed attempts before it; a job for an
 * attempt that already happened, or that is not due yet, does nothing). The payment method decides:
 * a vaulted PayPal method is charged per currency (each currency charged at most once per attempt —
 * the provider's idempotency key names the attempt); a bank-transfer store first gets
 * TRANSFER_DUE_DAYS to pay, after which an unpaid invoice is a failure like a declined charge; a
 * Mercado Pago subscription gets the invoice total as its next debit and MERCADOPAGO_DUE_DAYS; no
 * method is a failure. A failure puts the store past due (once), is audited, schedules the next retry
 * (day 1, 3, 5 after the first failure) and emails the owners.
 */
export async function chargeInvoice({ invoiceId, attempt, now = new Date(), charge = chargePaypalVault }: { invoiceId: string; attempt: number; now?: Date; charge?: Charger }): Promise<Result> {
  const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice || invoice.status !== "open" || invoice.attempts !== attempt || !invoice.nextAttemptAt || invoice.nextAttemptAt > now) return { status: "skipped" };
  const sub = await prisma.subscription.findUnique({ where: { storeId: invoice.storeId } });
  if (!sub) return { status: "skipped" };
  const totals = invoice.totals as Record<string, number>;
  const paidRefs: Record<string, string> = invoice.providerRef ? (JSON.parse(invoice.providerRef) as Record<string, string>) : {};

  let failure: string | null = null;
  if (sub.paymentMethod === "transfer") {
    if (attempt === 0 && invoice.lastError !== "awaiting_transfer") {
      await prisma.invoice.updateMany({ where: { id: invoiceId, status: "open", attempts: 0 }, data: { lastError: "awaiting_transfer", nextAttemptAt: new Date(now.getTime() + days(TRANSFER_DUE_DAYS)) } });
      return { status: "awaiting_transfer" };
    }
    failure = "transfer_not_received";
  } else if (sub.paymentMethod === "paypal" && sub.paymentToken) {
    for (const [currency, amountMinor] of Object.entries(totals).sort(([a], [b]) => a.localeCompare(b))) {
      if (paidRefs[currency]) continue;
      const outcome = await charge({ token: sub.paymentToken, currency, amountMinor, invoiceId, invoiceNumber: invoice.number, attempt });
      if (!outcome.ok) {
        failure = outcome.code;
        break;
      }
      paidRefs[currency] = outcome.ref;
      await prisma.invoice.update({ where: { id: invoiceId }, data: { providerRef: JSON.stringify(paidRefs) } });
    }
  } else if (sub.paymentMethod === "mercadopago" && sub.paymentToken) {
    // Mercado Pago debits the subscription on its own schedule: the first attempt sets the next debit to
    // this invoice's total and waits for the debit's webhook (which settles the invoice); still unpaid
    // after MERCADOPAGO_DUE_DAYS it fails like a declined charge.
    const entries = Object.entries(totals);
    // Once handed to Mercado Pago the invoice carries "awaiting_mercadopago" or the debit's refusal ("mercadopago_…").
    if (attempt === 0 && !invoice.lastError?.includes("mercadopago")) {
      const [currency, amountMinor] = entries[0] ?? ["", 0];
      if (entries.length !== 1 || !MERCADOPAGO_CURRENCIES.has(currency)) {
        failure = "currency_not_supported";
      } else {
        const preapproval = await fetchPreapproval(sub.paymentToken);
        if (!preapproval || preapproval.status !== "authorized") failure = "mercadopago_subscription_inactive";
        else if (preapproval.currency !== currency) failure = "currency_not_supported";
        else {
          await setPreapprovalAmount({ id: sub.paymentToken, amountMinor, currency });
          await prisma.invoice.updateMany({ where: { id: invoiceId, status: "open", attempts: 0 }, data: { lastError: "awaiting_mercadopago", nextAttemptAt: new Date(now.getTime() + days(MERCADOPAGO_DUE_DAYS)) } });
          return { status: "awaiting_provider" };
        }
      }
    } else {
      failure = invoice.lastError && invoice.lastError.startsWith("mercadopago_") ? invoice.lastError : "mercadopago_not_collected";
    }
  } else {
    failure = "no_payment_method";
  }

  if (!failure) {
    await settleInvoice({ invoiceId, ref: JSON.stringify(paidRefs), actor: { actorType: "SYSTEM" }, now });
    return { status: "paid" };
  }

  const failed = await prisma.$transaction(async (tx) => {
    const fresh = await tx.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    const pastDueSince = fresh.pastDueSince ?? now;
    const next = nextRetryAt(pastDueSince, attempt + 1);
    const updated = await tx.invoice.updateMany({ where: { id: invoiceId, status: "open", attempts: attempt }, data: { attempts: attempt + 1, lastError: failure, nextAttemptAt: next } });
    if (updated.count === 0) return null;
    if (!fresh.pastDueSince) {
      await tx.subscription.update({ where: { id: sub.id }, data: { status: "PAST_DUE", pastDueSince, dunningStage: "past_due" } });
    }
    await recordAudit(tx, { actorType: "SYSTEM", storeId: invoice.storeId, action: "billing.payment_failed", entityType: "invoice", entityId: invoiceId, data: { number: invoice.number, attempt: attempt + 1, code: failure, next_attempt_at: next?.toISOString() ?? null, before: { status: fresh.status }, after: { status: "PAST_DUE" } } });
    return { next };
  });
  if (!failed) return { status: "skipped" };
  logger.info({ storeId: invoice.storeId, invoiceId, attempt: attempt + 1, code: failure }, "invoice charge failed");
  if (failed.next) {
    await notifyOwners({ storeId: invoice.storeId, template: "billing_payment_failed", vars: { invoice: String(invoice.number), reason: failure, retry: failed.next.toISOString().slice(0, 10) }, totals });
  }
  return { status: "failed", code: failure };
}
