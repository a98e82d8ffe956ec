import { logger } from "@/lib/observability/logger";
import { AppError } from "@/lib/http/errors";
import { createPaymentLink } from "./create-payment-link";
import { PaymentProviderError, PaymentProviderUnavailableError } from "./gateways/errors";
import type { ProviderId } from "./gateways/types";
import type { PaymentRuntime } from "./payment-runtime";

export type StartCheckoutPaymentResult = { ok: true; url: string } | { ok: false; error: "unavailable" | "start_failed" };

/**
 * The buyer tapped a provider on the checkout page: the order's link there (opened or reused), or what to
 * tell her — `unavailable` when the provider is switched off or its breaker is open, `start_failed` when
 * the provider refused or the order cannot be paid now (logged with ids only). Anything else is a bug and throws.
 */
export async function startCheckoutPayment({ orderId, provider, buyerEmail, runtime }: { orderId: string; provider: ProviderId; buyerEmail: string | null; runtime: PaymentRuntime }): Promise<StartCheckoutPaymentResult> {
  try {
    const link = await createPaymentLink({ orderId, provider, buyerEmail, runtime });
    return { ok: true, url: link.url };
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) return { ok: false, error: "unavailable" };
    if (error instanceof PaymentProviderError || error instanceof AppError) {
      logger.warn({ order_id: orderId, method: provider, err: error }, "could not open a payment link");
      return { ok: false, error: "start_failed" };
    }
    throw error;
  }
}
