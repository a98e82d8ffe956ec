import { z } from "zod";
import { env } from "@/lib/env";
import { conflict } from "@/lib/http/errors";
import { decimalToMinor, minorToDecimalString } from "@/lib/payments/money";
import { PaymentProviderError } from "@/lib/payments/gateways/errors";
import { providerRequest, type FetchLike, type ProviderResponse } from "@/lib/payments/gateways/provider-request";

// The platform's own accounts at PayPal and Mercado Pago (BILLING_* variables), through which sellers
// pay LiveStreamSell's invoices. Base URLs: PAYPAL_API_URL and MERCADOPAGO_API_URL (tests point them
// at the fakes under tests/fakes/payments). Endpoints as documented by each provider:
// PayPal Vault v3 — POST /v3/vault/setup-tokens (payer approves at the "approve" link), then
// POST /v3/vault/payment-tokens with the setup token; captures are read with GET /v2/payments/captures/{id}.
// Mercado Pago subscriptions without a plan — POST /preapproval (status "pending", the payer authorizes
// at init_point), GET|PUT /preapproval/{id}, and each debit as GET /authorized_payments/{id}.

/** Currencies Mercado Pago subscriptions charge in (the countries it operates in). */
export const MERCADOPAGO_CURRENCIES = new Set(["ARS", "BRL", "CLP", "COP", "MXN", "PEN", "UYU"]);

function notConfigured(provider: "paypal" | "mercadopago"): never {
  throw conflict("collection_not_configured", `${provider === "paypal" ? "PayPal" : "Mercado Pago"} collection is not configured on this platform.`);
}

function expectOk(provider: "paypal" | "mercadopago", res: ProviderResponse, what: string) {
  if (res.status >= 200 && res.status < 300) return;
  throw new PaymentProviderError({ provider, code: `http_${res.status}`, message: `${provider} refused the ${what} (${res.status})`, details: res.json });
}

function parse<S extends z.ZodType>(provider: "paypal" | "mercadopago", schema: S, res: ProviderResponse, what: string): z.output<S> {
  const r = schema.safeParse(res.json);
  if (!r.success) throw new PaymentProviderError({ provider, code: "unexpected_response", message: `${provider} ${what}: unexpected answer`, details: res.json });
  return r.data;
}

// ───────────────────────────── PayPal ─────────────────────────────

export async function paypalPlatformCall(method: "GET" | "POST", path: string, { body, requestId, fetchImpl = fetch }: { body?: unknown; requestId?: string; fetchImpl?: FetchLike } = {}) {
  const e = env();
  if (!e.BILLING_PAYPAL_CLIENT_ID || !e.BILLING_PAYPAL_CLIENT_SECRET) notConfigured("paypal");
  const auth = await providerRequest({
    provider: "paypal", fetch: fetchImpl, timeoutMs: 10_000, method: "POST", url: `${e.PAYPAL_API_URL}/v1/oauth2/token`,
    headers: { Authorization: `Basic ${Buffer.from(`${e.BILLING_PAYPAL_CLIENT_ID}:${e.BILLING_PAYPAL_CLIENT_SECRET}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: "grant_type=client_credentials",
  });
  expectOk("paypal", auth, "OAuth token");
  const { access_token } = parse("paypal", z.object({ access_token: z.string() }), auth, "OAuth token");
  return providerRequest({
    provider: "paypal", fetch: fetchImpl, timeoutMs: 15_000, method, url: `${e.PAYPAL_API_URL}${path}`,
    headers: { Authorization: `Bearer ${access_token}`, "Content-Type": "application/json", Accept: "application/json", ...(requestId ? { "PayPal-Request-Id": requestId } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const linksSchema = z.array(z.object({ href: z.string(), rel: z.string() })).optional();

/** A Vault v3 setup token for a PayPal wallet charged later by the platform (usage_type MERCHANT); returns PayPal's approve link. */
export async function createPaypalSetupToken({ storeId, returnUrl, cancelUrl, fetchImpl }: { storeId: string; returnUrl: string; cancelUrl: string; fetchImpl?: FetchLike }) {
  const res = await paypalPlatformCall("POST", "/v3/vault/setup-tokens", {
    fetchImpl, requestId: `lss-vault-setup-${storeId}-${Date.now()}`,
    body: { payment_source: { paypal: { usage_type: "MERCHANT", description: "LiveStreamSell monthly invoices", experience_context: { brand_name: "LiveStreamSell", return_url: returnUrl, cancel_url: cancelUrl, shipping_preference: "NO_SHIPPING" } } } },
  });
  expectOk("paypal", res, "setup token");
  const t = parse("paypal", z.object({ id: z.string(), status: z.string(), links: linksSchema }), res, "setup token");
  const approve = t.links?.find((l) => l.rel === "approve")?.href;
  if (!approve) throw new PaymentProviderError({ provider: "paypal", code: "unexpected_response", message: "PayPal setup token has no approve link", details: res.json });
  return { id: t.id, approveUrl: approve };
}

/** Exchanges an approved setup token for the permanent payment token (the vault id charged monthly). */
export async function createPaypalPaymentToken({ setupToken, fetchImpl }: { setupToken: string; fetchImpl?: FetchLike }) {
  // No PayPal-Request-Id: it would replay an answer given before the payer approved.
  const res = await paypalPlatformCall("POST", "/v3/vault/payment-tokens", { fetchImpl, body: { payment_source: { token: { id: setupToken, type: "SETUP_TOKEN" } } } });
  if (res.status === 422 || res.status === 404) return null;
  expectOk("paypal", res, "payment token");
  return parse("paypal", z.object({ id: z.string() }), res, "payment token").id;
}

const captureSchema = z.object({ id: z.string(), status: z.string(), custom_id: z.string().optional(), amount: z.object({ currency_code: z.string(), value: z.string() }) });

/** The capture as PayPal holds it now (a webhook body is never trusted for status or amount). */
export async function fetchPaypalCapture(captureId: string, fetchImpl?: FetchLike) {
  const res = await paypalPlatformCall("GET", `/v2/payments/captures/${encodeURIComponent(captureId)}`, { fetchImpl });
  if (res.status === 404) return null;
  expectOk("paypal", res, "capture lookup");
  const c = parse("paypal", captureSchema, res, "capture lookup");
  return { id: c.id, status: c.status, invoiceId: c.custom_id ?? null, currency: c.amount.currency_code, amountMinor: decimalToMinor(c.amount.value, c.amount.currency_code) };
}

// ───────────────────────────── Mercado Pago ─────────────────────────────

async function mercadopagoCall(method: "GET" | "POST" | "PUT", path: string, { body, idempotencyKey, fetchImpl = fetch }: { body?: unknown; idempotencyKey?: string; fetchImpl?: FetchLike } = {}) {
  const e = env();
  if (!e.BILLING_MERCADOPAGO_ACCESS_TOKEN) notConfigured("mercadopago");
  return providerRequest({
    provider: "mercadopago", fetch: fetchImpl, timeoutMs: 15_000, method, url: `${e.MERCADOPAGO_API_URL}${path}`,
    headers: { Authorization: `Bearer ${e.BILLING_MERCADOPAGO_ACCESS_TOKEN}`, "Content-Type": "application/json", Accept: "application/json", ...(idempotencyKey ? { "X-Idempotency-Key": idempotencyKey } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const preapprovalSchema = z.object({
  id: z.string(),
  status: z.string(),
  init_point: z.string().optional(),
  external_reference: z.string().nullish(),
  auto_recurring: z.object({ transaction_amount: z.number(), currency_id: z.string() }),
});

/**
 * A monthly Mercado Pago subscription without a plan (status "pending": the seller authorizes it at
 * init_point with the payment method of their choice). Its amount starts at the plan price and is set
 * to each invoice's total before Mercado Pago's next debit (see setPreapprovalAmount).
 */
export async function createPreapproval({ storeId, payerEmail, backUrl, amountMinor, currency, fetchImpl }: { storeId: string; payerEmail: string; backUrl: string; amountMinor: number; currency: string; fetchImpl?: FetchLike }) {
  const res = await mercadopagoCall("POST", "/preapproval", {
    fetchImpl, idempotencyKey: `lss-preapproval-${storeId}-${Date.now()}`,
    body: {
      reason: "LiveStreamSell", external_reference: storeId, payer_email: payerEmail, back_url: backUrl, status: "pending",
      auto_recurring: { frequency: 1, frequency_type: "months", transaction_amount: Number(minorToDecimalString(amountMinor, currency)), currency_id: currency },
    },
  });
  expectOk("mercadopago", res, "subscription creation");
  const p = parse("mercadopago", preapprovalSchema, res, "subscription creation");
  if (!p.init_point) throw new PaymentProviderError({ provider: "mercadopago", code: "unexpected_response", message: "Mercado Pago subscription has no init_point", details: res.json });
  return { id: p.id, initPoint: p.init_point };
}

export async function fetchPreapproval(id: string, fetchImpl?: FetchLike) {
  const res = await mercadopagoCall("GET", `/preapproval/${encodeURIComponent(id)}`, { fetchImpl });
  if (res.status === 404) return null;
  expectOk("mercadopago", res, "subscription lookup");
  const p = parse("mercadopago", preapprovalSchema, res, "subscription lookup");
  return { id: p.id, status: p.status, storeId: p.external_reference ?? null, currency: p.auto_recurring.currency_id, amountMinor: decimalToMinor(p.auto_recurring.transaction_amount, p.auto_recurring.currency_id) };
}

/** The amount Mercado Pago debits next (PUT /preapproval/{id} auto_recurring.transaction_amount). */
export async function setPreapprovalAmount({ id, amountMinor, currency, fetchImpl }: { id: string; amountMinor: number; currency: string; fetchImpl?: FetchLike }) {
  const res = await mercadopagoCall("PUT", `/preapproval/${encodeURIComponent(id)}`, { fetchImpl, body: { auto_recurring: { transaction_amount: Number(minorToDecimalString(amountMinor, currency)) } } });
  expectOk("mercadopago", res, "subscription amount update");
}

/** Cancels a subscription the seller replaced (best effort: an already-cancelled one is fine). */
export async function cancelPreapproval(id: string, fetchImpl?: FetchLike) {
  const res = await mercadopagoCall("PUT", `/preapproval/${encodeURIComponent(id)}`, { fetchImpl, body: { status: "cancelled" } });
  return res.status >= 200 && res.status < 300;
}

const authorizedPaymentSchema = z.object({
  id: z.union([z.number(), z.string()]),
  preapproval_id: z.string(),
  status: z.string(),
  transaction_amount: z.number(),
  currency_id: z.string(),
  payment: z.object({ id: z.union([z.number(), z.string()]), status: z.string() }).nullish(),
});

/** One debit of a subscription (GET /authorized_payments/{id}). */
export async function fetchAuthorizedPayment(id: string, fetchImpl?: FetchLike) {
  const res = await mercadopagoCall("GET", `/authorized_payments/${encodeURIComponent(id)}`, { fetchImpl });
  if (res.status === 404) return null;
  expectOk("mercadopago", res, "authorized payment lookup");
  const a = parse("mercadopago", authorizedPaymentSchema, res, "authorized payment lookup");
  return {
    id: String(a.id), preapprovalId: a.preapproval_id, status: a.status, currency: a.currency_id, amountMinor: decimalToMinor(a.transaction_amount, a.currency_id),
    paymentId: a.payment ? String(a.payment.id) : null, paymentStatus: a.payment?.status ?? null,
  };
}
