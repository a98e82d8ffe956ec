import { checkoutRoute } from "@/lib/payments/checkout-route";
import { listCheckoutMethods, isProviderId } from "@/lib/payments/checkout-methods";
import { languageCookie } from "@/lib/payments/checkout-form";
import { seeOther } from "@/lib/payments/checkout-links";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { startCheckoutPayment } from "@/lib/payments/start-checkout-payment";
import { detailsMissing } from "@/lib/fulfilment/checkout-details";

export const dynamic = "force-dynamic";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The buyer chose a method: open (or reuse) the order's link at that provider and send them there. */
export const POST = checkoutRoute(async ({ orderId, order, field, lang, back }) => {
  if (order.status !== "PENDING") return back();
  const method = field("method");
  const runtime = paymentRuntimeFromEnv();
  const { methods } = await listCheckoutMethods({ storeId: order.storeId, currency: order.currency, runtime });
  if (!isProviderId(method) || !methods.some((m) => m.provider === method)) return back({ error: "unavailable", ...(isProviderId(method) ? { method } : {}) });
  if (await detailsMissing(order)) return back({ error: "details" }, "delivery-details");
  if (method === "transfer") return back({}, "bank-transfer");
  const email = field("email")?.trim() ?? "";
  if (method === "flow" && !EMAIL.test(email)) return back({ error: "email" });
  const started = await startCheckoutPayment({ orderId, provider: method, buyerEmail: email || null, runtime });
  return started.ok ? seeOther(started.url, languageCookie(lang)) : back({ error: started.error, method });
});
