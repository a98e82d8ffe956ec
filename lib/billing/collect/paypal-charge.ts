import { z } from "zod";
import { env } from "@/lib/env";
import { minorToDecimalString } from "@/lib/payments/money";
import { PAYPAL_CURRENCIES } from "@/lib/payments/gateways/paypal";
import { providerRequest, type FetchLike } from "@/lib/payments/gateways/provider-request";

/** One charge of one currency of an invoice: paid (with the provider's capture id) or refused with a code. */
export type ChargeOutcome = { ok: true; ref: string } | { ok: false; code: string };

export type ChargeRequest = { token: string; currency: string; amountMinor: number; invoiceId: string; invoiceNumber: number; attempt: number };

const tokenSchema = z.object({ access_token: z.string() });
const orderSchema = z.object({
  id: z.string(),
  status: z.string(),
  purchase_units: z.array(z.object({ payments: z.object({ captures: z.array(z.object({ id: z.string(), status: z.string() })).optional() }).optional() })).optional(),
});
const errorSchema = z.object({ name: z.string().optional(), details: z.array(z.object({ issue: z.string() })).optional() });

/**
 * Charges a seller's vaulted PayPal payment method for one currency of an invoice: Orders v2, intent
 * CAPTURE, `payment_source.paypal.vault_id` (a merchant-initiated payment, no buyer approval). The
 * PayPal-Request-Id names the invoice, the currency and the attempt, so a job that runs again after a
 * crash replays PayPal's first answer instead of charging twice. Network errors and 5xx throw (the job
 * retries); a refusal is an outcome, which the dunning counts.
 */
export async function chargePaypalVault(req: ChargeRequest, fetchImpl: FetchLike = fetch): Promise<ChargeOutcome> {
  const e = env();
  if (!e.BILLING_PAYPAL_CLIENT_ID || !e.BILLING_PAYPAL_CLIENT_SECRET) return { ok: false, code: "collection_not_configured" };
  if (!PAYPAL_CURRENCIES.has(req.currency)) return { ok: false, code: "currency_not_supported" };
  const base = e.PAYPAL_API_URL;
  const auth = await providerRequest({
    provider: "paypal", fetch: fetchImpl, timeoutMs: 10_000, method: "POST", url: `${base}/v1/oauth2/token`,
    headers: { Authorization: `Basic ${Buffer.from(`${e.BILLING_PAYPAL_CLIENT_ID}:${e.BILLING_PAYPAL_CLIENT_SECRET}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: "grant_type=client_credentials",
  });
  if (auth.status !== 200) return { ok: false, code: "collection_not_configured" };
  const { access_token } = tokenSchema.parse(auth.json);
  const res = await providerRequest({
    provider: "paypal", fetch: fetchImpl, timeoutMs: 15_000, method: "POST", url: `${base}/v2/checkout/orders`,
    headers: {
      Authorization: `Bearer ${access_token}`,
      "Content-Type": "application/json",
      Prefer: "return=representation",
      "PayPal-Request-Id": `lss-invoice-${req.invoiceId}-${req.currency}-${req.attempt}`,
    },
    body: JSON.stringify({
      intent: "CAPTURE",
      purchase_units: [{ invoice_id: `LSS-${req.invoiceNumber}-${req.currency}-${req.attempt}`, custom_id: req.invoiceId, description: `LiveStreamSell invoice ${req.invoiceNumber}`, amount: { currency_code: req.currency, value: minorToDecimalString(req.amountMinor, req.currency) } }],
      payment_source: { paypal: { vault_id: req.token } },
    }),
  });
  if (res.status === 200 || res.status === 201) {
    const order = orderSchema.parse(res.json);
    const capture = order.purchase_units?.[0]?.payments?.captures?.[0];
    if (order.status === "COMPLETED" && capture?.status === "COMPLETED") return { ok: true, ref: capture.id };
    return { ok: false, code: (capture?.status ?? order.status).toLowerCase() };
  }
  const err = errorSchema.safeParse(res.json);
  const issue = err.success ? (err.data.details?.[0]?.issue ?? err.data.name) : undefined;
  return { ok: false, code: (issue ?? `http_${res.status}`).toLowerCase() };
}
