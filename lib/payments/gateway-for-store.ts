import { prisma } from "@/lib/db";
import { breakerKey, withCircuitBreaker } from "./gateways/breaker";
import { createGateway } from "./gateways/create-gateway";
import type { PaymentGateway, ProviderId } from "./gateways/types";
import { loadProviderSettings } from "./payment-config";
import { recordAlertSignal } from "@/lib/alerts/record-alert-signal";
import type { PaymentRuntime } from "./payment-runtime";

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
  const onOpen = () => void recordAlertSignal({ key: `payment_breaker:${provider}`, kind: "payment_breaker_open", summary: `${provider} is not answering (circuit open for a store): its buyers cannot pay with it for now`, holdSeconds: 120 });
  return { gateway: withCircuitBreaker(gateway, { breaker: runtime.breaker, key: breakerKey(storeId, provider), onOpen }), enabled };
}
