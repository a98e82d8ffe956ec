import { createCircuitBreaker, type CircuitBreaker } from "./gateways/breaker";

/** A breaker with the payment thresholds, keyed per store and provider (see `breakerKey`). */
export function createPaymentBreaker(): CircuitBreaker {
  return createCircuitBreaker({ failureThreshold: 3, windowMs: 120_000, coolDownMs: 60_000 });
}

// The process's breaker (on globalThis: Next.js may load this module once per route bundle), keyed
// per store and provider, so one seller's broken credentials never hide another seller's checkout.
const shared = globalThis as unknown as { __lssPaymentBreaker?: CircuitBreaker };

export function paymentBreaker(): CircuitBreaker {
  shared.__lssPaymentBreaker ??= createPaymentBreaker();
  return shared.__lssPaymentBreaker;
}
