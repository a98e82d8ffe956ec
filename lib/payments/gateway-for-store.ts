import { prisma } from "@/lib/db";
import { breakerKey, createCircuitBreaker, withCircuitBreaker, type CircuitBreaker } from "./gateways/breaker";
import { createGateway } from "./gateways/create-gateway";
import type { PaymentGateway, ProviderId } from "./gateways/types";
import { loadProviderSettings } from "./payment-config";
import type { PaymentRuntime } from "./payment-runtime";

// One breaker per process (on globalThis: Next.js may load this module once per route bundle), keyed
// per store and provider, so one seller's broken credentials never hide another seller's checkout.
const shared = globalThis as unknown as { __lssPaymentBreaker?: CircuitBreaker };

export function paymentBreaker(): CircuitBreaker {
  shared.__lssPaymentBreaker ??= createCircuitBreaker({ failureThreshold: 3, windowMs: 120_000, coolDownMs: 60_000 });
  return shared.__lssPaymentBreaker;
}

/** Tests start each case with every circuit closed. */
export function resetPaymentBreakerForTests() {
  shared.__lssPaymentBreaker = undefined;
}

export type StoreGateway = { gateway: PaymentGateway; enabled: boolean };

/**
 * The store's gateway for a provider, behind the circuit breaker, or null when the store has no
 * settings for it. Disabled providers still resolve (`enabled: false`): a payment made before the seller
 * switched a method off must still be verified and recorded.
 */
export async function gatewayForStore({ storeId, provider, runtime }: { storeId: string; provider: ProviderId; runtime: PaymentRuntime }): Promise<StoreGateway | null> {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { currency: true } });
  if (!store) return null;
  const saved = await loadProviderSettings({ storeId, provider });
  if (!saved && provider !== "sandbox") return null;
  const enabled = saved ? saved.enabled : runtime.sandboxByDefault;
  const gateway = createGateway({
    provider,
    credentials: saved?.settings ?? {},
    baseUrls: runtime.baseUrls,
    appUrl: runtime.appUrl,
    sandboxSecret: runtime.sandboxSecret,
    storeCurrency: store.currency,
    timeoutMs: runtime.timeoutMs,
    ...(runtime.fetch ? { fetch: runtime.fetch } : {}),
  });
  return { gateway: withCircuitBreaker(gateway, { breaker: paymentBreaker(), key: breakerKey(storeId, provider) }), enabled };
}
