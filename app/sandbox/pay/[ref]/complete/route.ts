import type { NextRequest } from "next/server";
import { checkoutNotFound, checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { formString, readForm } from "@/lib/payments/checkout-form";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { completeSandboxPayment } from "@/lib/payments/complete-sandbox-payment";
import { gatewayForStore } from "@/lib/payments/gateway-for-store";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";

/** "Pay" or "Fail" on the sandbox page: a signed sandbox notification, then back to the buyer's checkout. */
export async function POST(req: NextRequest, { params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const form = await readForm(req);
  const token = formString(form, "t");
  const order = await loadCheckoutOrder({ orderId: ref, token });
  if (!order || !token) return checkoutNotFound();
  const runtime = paymentRuntimeFromEnv();
  const sandbox = await gatewayForStore({ storeId: order.storeId, provider: "sandbox", runtime });
  if (!sandbox?.enabled) return checkoutNotFound();
  const lang = formString(form, "lang");
  const outcome = formString(form, "outcome") === "failure" ? "failure" : "success";
  if (order.status === "PENDING") await completeSandboxPayment({ order, outcome, runtime });
  return seeOther(checkoutPath({ orderId: order.id, token, lang, params: { result: outcome === "failure" ? "failed" : null } }));
}
