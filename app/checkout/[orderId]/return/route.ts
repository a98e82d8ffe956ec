import type { NextRequest } from "next/server";
import { isProviderId } from "@/lib/payments/checkout-methods";
import { checkoutNotFound, checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { syncPaymentFromProvider } from "@/lib/payments/sync-payment";
import { latestPaymentStatus } from "@/lib/payments/latest-payment-status";

export const dynamic = "force-dynamic";

// The buyer should not wait on a slow provider: after this the page says "confirming…" and the webhook settles it.
const SYNC_BUDGET_MS = 8_000;

/**
 * Where providers send the buyer back (PayPal and Mercado Pago with GET, Flow with a POST carrying its
 * token). The query is never trusted: the provider is asked about our own stored link, then the buyer
 * lands on the checkout page, which shows the outcome.
 */
async function handle(req: NextRequest, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const q = req.nextUrl.searchParams;
  const token = q.get("t");
  const order = await loadCheckoutOrder({ orderId, token });
  if (!order || !token) return checkoutNotFound();
  const provider = q.get("provider");
  if (order.status === "PENDING" && isProviderId(provider)) {
    await Promise.race([syncPaymentFromProvider({ orderId, provider, runtime: paymentRuntimeFromEnv() }), new Promise((r) => setTimeout(r, SYNC_BUDGET_MS))]);
  }
  const after = await loadCheckoutOrder({ orderId, token });
  const latest = isProviderId(provider) ? await latestPaymentStatus({ orderId, provider }) : null;
  // Only which notice the buyer sees depends on the query; the order itself moves only on the provider's word.
  const declined = latest === "FAILED" || q.get("status") === "rejected" || q.get("collection_status") === "rejected";
  const result = after?.status === "PENDING" ? (declined ? "failed" : "processing") : null;
  return seeOther(checkoutPath({ orderId, token, params: { result } }));
}

export const GET = handle;
export const POST = handle;
