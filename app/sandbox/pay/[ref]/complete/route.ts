import { checkoutNotFound } from "@/lib/payments/checkout-links";
import { checkoutRoute } from "@/lib/payments/checkout-route";
import { completeSandboxPayment } from "@/lib/payments/complete-sandbox-payment";
import { gatewayForStore } from "@/lib/payments/gateway-for-store";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";

/** "Pay" or "Fail" on the sandbox page: a signed sandbox notification, then back to the buyer's checkout. */
export const POST = checkoutRoute(async ({ order, field, back }) => {
  const runtime = paymentRuntimeFromEnv();
  const sandbox = await gatewayForStore({ storeId: order.storeId, provider: "sandbox", runtime });
  if (!sandbox?.enabled) return checkoutNotFound();
  const outcome = field("outcome") === "failure" ? "failure" : "success";
  if (order.status === "PENDING") await completeSandboxPayment({ order, outcome, runtime });
  return back({ result: outcome === "failure" ? "failed" : null });
});
