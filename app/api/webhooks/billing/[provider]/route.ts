import { readRawBody } from "@/lib/http/body";
import { json, publicRoute } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";
import { processBillingWebhook } from "@/lib/billing/collect/process-billing-webhook";
import { recordPaymentWebhook } from "@/lib/observability/record-payment-webhook";

export const dynamic = "force-dynamic";

/**
 * Notifications about the platform's own collection (sellers paying LiveStreamSell): PayPal captures of
 * vaulted charges and vault tokens, Mercado Pago subscriptions and their debits. Verified before
 * anything is written; unverifiable → 401/403 and nothing changes.
 */
export const POST = publicRoute(async ({ req, params }) => {
  const provider = params.provider;
  if (provider !== "paypal" && provider !== "mercadopago") throw notFound("Payment provider");
  const rawBody = await readRawBody(req, 256 * 1024);
  const outcome = await processBillingWebhook({ provider, request: { headers: req.headers, rawBody, query: req.nextUrl.searchParams } });
  recordPaymentWebhook(`billing_${provider}`, outcome.status);
  return json(outcome.body, outcome.status);
});
