import { defineJob } from "@/lib/jobs";
import { chargeInvoice } from "@/lib/billing/collect/charge-invoice";
import { runBillingSweep } from "@/lib/billing/collect/run-billing-sweep";

/** The hourly billing clock: every step of it is idempotent, so a repeated or overlapping sweep acts once. */
export const billingSweep = defineJob({
  id: "billing-sweep",
  event: "billing/sweep",
  retries: 3,
  concurrency: { limit: 1 },
  async handler({ event, step }) {
    return step.run("sweep", () => runBillingSweep({ now: new Date(event.data.at) }));
  },
});

/**
 * One collection attempt. The provider's idempotency key names the invoice, currency and attempt, and
 * the invoice row only moves from the attempt it was at: a retried or duplicated job charges once.
 * A provider outage throws and the job retries; a refusal is a dunning failure, not a job failure.
 */
export const chargeInvoiceJob = defineJob({
  id: "charge-invoice",
  event: "billing/charge",
  retries: 6,
  concurrency: { key: "event.data.invoiceId", limit: 1 },
  async handler({ event, step }) {
    return step.run("charge", () => chargeInvoice({ invoiceId: event.data.invoiceId, attempt: event.data.attempt, now: new Date(event.data.at) }));
  },
});
