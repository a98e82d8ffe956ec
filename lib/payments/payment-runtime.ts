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
   * A store that never saved sandbox settings offers the sandbox provider: true in development and in
   * the embedded default (so a fresh install can sell end to end), false in a real production deployment,
   * where a fake payment method must be switched on explicitly.
   */
  sandboxByDefault: boolean;
  /** Per provider call. Flow's confirmation (two calls) must be answered within 15 s. */
  timeoutMs: number;
  /** Guards every provider call; open circuits also hide a provider at checkout. */
  breaker: CircuitBreaker;
  fetch?: FetchLike;
};

/** The runtime from the typed environment; SANDBOX_PAYMENTS_DEFAULT=1|0 overrides the sandbox default. */
export function paymentRuntimeFromEnv(): PaymentRuntime {
  const e = env();
  const override = e.SANDBOX_PAYMENTS_DEFAULT;
  const sandboxByDefault = override ? override === "1" : e.NODE_ENV !== "production" || e.FAKE_GRAPH;
  return {
    appUrl: e.APP_URL,
    baseUrls: { paypal: e.PAYPAL_API_URL, mercadopago: e.MERCADOPAGO_API_URL, flow: e.FLOW_API_URL },
    sandboxSecret: e.SANDBOX_PAYMENTS_SECRET,
    sandboxByDefault,
    timeoutMs: 6_000,
    breaker: paymentBreaker(),
  };
}
