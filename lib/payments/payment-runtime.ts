import { env } from "@/lib/env";
import type { CircuitBreaker } from "./gateways/breaker";
import { paymentBreaker } from "./payment-breaker";
import type { FetchLike } from "./gateways/provider-request";
import type { ProviderBaseUrls } from "./gateways/types";

/** Everything the payments domain needs from the deployment, passed in rather than read ad hoc. */
export type PaymentRuntime = {
  /** Public base URL: return pages, notification URLs, the sandbox pay page. */
  appUrl: string;
  baseUrls: ProviderBaseUrls;
  sandboxSecret: string;
  /**
   * Whether a store that never switched the sandbox provider on or off offers it. Always false from the
   * environment: a test payment method exists for a store only after its owner enables it
   * (PUT /api/v1/stores/{id}/payments/sandbox {"enabled":true}); unit tests may pass true.
   */
  sandboxByDefault: boolean;
  /** Per provider call. Flow's confirmation (two calls) must be answered within 15 s. */
  timeoutMs: number;
  /** Guards every provider call; open circuits also hide a provider at checkout. */
  breaker: CircuitBreaker;
  fetch?: FetchLike;
};

/** The runtime from the typed environment. */
export function paymentRuntimeFromEnv(): PaymentRuntime {
  const e = env();
  const sandboxByDefault = false;
  return {
    appUrl: e.APP_URL,
    baseUrls: { paypal: e.PAYPAL_API_URL, mercadopago: e.MERCADOPAGO_API_URL, flow: e.FLOW_API_URL },
    sandboxSecret: e.SANDBOX_PAYMENTS_SECRET,
    sandboxByDefault,
    timeoutMs: 6_000,
    breaker: paymentBreaker(),
  };
}
