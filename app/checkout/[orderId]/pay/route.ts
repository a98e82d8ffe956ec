import type { NextRequest } from "next/server";
import { logger } from "@/lib/observability/logger";
import { AppError } from "@/lib/http/errors";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import { listCheckoutMethods, isProviderId } from "@/lib/payments/checkout-methods";
import { checkoutNotFound, checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { formString, languageCookie, readForm } from "@/lib/payments/checkout-form";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { PaymentProviderError, PaymentProviderUnavailableError } from "@/lib/payments/gateways/errors";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";
import { detailsMissing } from "@/lib/fulfilment/checkout-details";

export const dynamic = "force-dynamic";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The buyer chose a method: open (or reuse) the order's link at that provider and send them there. */
export async function POST(req: NextRequest, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const form = await readForm(req);
  const token = formString(form, "t");
  const order = await loadCheckoutOrder({ orderId, token });
  if (!order || !token) return checkoutNotFound();
  const lang = formString(form, "lang");
  const back = (extra: Record<string, string>) => seeOther(checkoutPath({ orderId, token, lang, params: extra }), languageCookie(lang));
  if (order.status !== "PENDING") return back({});

  const method = formString(form, "method");
  const runtime = paymentRuntimeFromEnv();
  const { methods } = await listCheckoutMethods({ storeId: order.storeId, currency: order.currency, runtime });
  if (!isProviderId(method) || !methods.some((m) => m.provider === method)) return back({ error: "unavailable", ...(isProviderId(method) ? { method } : {}) });
  if (await detailsMissing(order)) return seeOther(`${checkoutPath({ orderId, token, lang, params: { error: "details" } })}#delivery-details`, languageCookie(lang));
  if (method === "transfer") return seeOther(`${checkoutPath({ orderId, token, lang })}#bank-transfer`, languageCookie(lang));
  const email = formString(form, "email")?.trim() ?? "";
  if (method === "flow" && !EMAIL.test(email)) return back({ error: "email" });

  try {
    const link = await createPaymentLink({ orderId, provider: method, buyerEmail: email || null, runtime });
    return seeOther(link.url, languageCookie(lang));
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) return back({ error: "unavailable", method });
    if (error instanceof PaymentProviderError || error instanceof AppError) {
      logger.warn({ order_id: orderId, method, err: error }, "could not open a payment link");
      return back({ error: "start_failed", method });
    }
    throw error;
  }
}
