import { readRawBody } from "@/lib/http/body";
import { json, publicRoute } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";
import { providerIdSchema } from "@/lib/payments/payment-config";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { processPaymentWebhook } from "@/lib/payments/process-payment-webhook";
import { recordPaymentWebhook } from "@/lib/observability/record-payment-webhook";

export const dynamic = "force-dynamic";
// Flow waits 15 s for the confirmation answer; the provider calls inside are bounded well below that.
export const maxDuration = 15;

/**
 * Payment notifications: /api/webhooks/payments/{paypal|mercadopago|flow|sandbox}?store=<store id>.
 * Verified before anything is written; unverifiable → 401/403 and nothing changes.
 */
export const POST = publicRoute(async ({ req, params }) => {
  const provider = providerIdSchema.safeParse(params.provider);
  if (!provider.success || provider.data === "transfer") throw notFound("Payment provider");
  const rawBody = await readRawBody(req, 256 * 1024);
  const storeId = req.nextUrl.searchParams.get("store");
  const outcome = await processPaymentWebhook({
    provider: provider.data,
    storeId: storeId && storeId.length <= 64 ? storeId : null,
    request: { headers: req.headers, rawBody, query: req.nextUrl.searchParams },
    runtime: paymentRuntimeFromEnv(),
  });
  recordPaymentWebhook(provider.data, outcome.status);
  return json(outcome.body, outcome.status);
});
