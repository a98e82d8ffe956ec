import { isProviderId } from "@/lib/payments/checkout-methods";
import { checkoutRoute } from "@/lib/payments/checkout-route";
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
const handle = checkoutRoute(
  async ({ orderId, token, order, field, back }) => {
    const provider = field("provider");
    if (order.status === "PENDING" && isProviderId(provider)) {
      await Promise.race([syncPaymentFromProvider({ orderId, provider, runtime: paymentRuntimeFromEnv() }), new Promise((r) => setTimeout(r, SYNC_BUDGET_MS))]);
    }
    const after = await loadCheckoutOrder({ orderId, token });
    const latest = isProviderId(provider) ? await latestPaymentStatus({ orderId, provider }) : null;
    // Only which notice the buyer sees depends on the query; the order itself moves only on the provider's word.
    const declined = latest === "FAILED" || field("status") === "rejected" || field("collection_status") === "rejected";
    return back({ result: after?.status === "PENDING" ? (declined ? "failed" : "processing") : null });
  },
  { token: "query" },
);

export const GET = handle;
export const POST = handle;
