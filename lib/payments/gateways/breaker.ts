import { PaymentProviderUnavailableError } from "./errors";
import type { PaymentGateway } from "./types";

type BreakerState = "closed" | "open" | "half-open";

export type CircuitBreakerOptions = {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** Failures further apart than this do not add up: a flaky hour is not an outage. */
  windowMs?: number;
  /** How long an open circuit rejects calls before letting one trial call through. */
  coolDownMs?: number;
  now?: () => number;
};

type Entry = { failures: number; firstFailureAt: number; openedAt: number | null; trialInFlight: boolean };

export type CircuitBreaker = {
  state(key: string): BreakerState;
  /** True while calls for `key` are being rejected without reaching the provider. */
  isOpen(key: string): boolean;
  /** Claims permission for one call; in half-open state only one trial call is admitted at a time. */
  tryAcquire(key: string): boolean;
  recordSuccess(key: string): void;
  recordFailure(key: string): void;
};

/** Keyed per (store, provider): one seller's broken credentials or a regional outage must not block the others. */
export function breakerKey(storeId: string, provider: string): string {
  return `${storeId}:${provider}`;
}

export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const coolDownMs = options.coolDownMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const entry = (key: string): Entry => {
    let e = entries.get(key);
    if (!e) {
      e = { failures: 0, firstFailureAt: 0, openedAt: null, trialInFlight: false };
      entries.set(key, e);
    }
    return e;
  };

  const state = (key: string): BreakerState => {
    const e = entries.get(key);
    if (!e || e.openedAt === null) return "closed";
    return now() - e.openedAt >= coolDownMs ? "half-open" : "open";
  };

  return {
    state,
    isOpen(key) {
      const s = state(key);
      return s === "open" || (s === "half-open" && entry(key).trialInFlight);
    },
    tryAcquire(key) {
      const s = state(key);
      if (s === "closed") return true;
      if (s === "open") return false;
      const e = entry(key);
      if (e.trialInFlight) return false;
      e.trialInFlight = true;
      return true;
    },
    recordSuccess(key) {
      entries.delete(key);
    },
    recordFailure(key) {
      const e = entry(key);
      const t = now();
      e.trialInFlight = false;
      if (e.openedAt !== null) {
        // A failed trial re-opens for a full cool-down.
        e.openedAt = t;
        return;
      }
      if (e.failures === 0 || t - e.firstFailureAt > windowMs) {
        e.failures = 0;
        e.firstFailureAt = t;
      }
      e.failures += 1;
      if (e.failures >= threshold) e.openedAt = t;
    },
  };
}

/**
 * The gateway with `createLink` behind the breaker: while open it fails fast with
 * PaymentProviderUnavailableError (code "circuit_open") so the caller can offer another method.
 * Only unavailability counts as failure; a 4xx means the provider is up.
 */
export function withCircuitBreaker(gateway: PaymentGateway, args: { breaker: CircuitBreaker; key: string; onOpen?: () => void }): PaymentGateway {
  const { breaker, key } = args;
  return {
    id: gateway.id,
    verifyWebhook: (req) => gateway.verifyWebhook(req),
    fetchStatus: (lookup) => gateway.fetchStatus(lookup),
    refund: (input) => gateway.refund(input),
    async createLink(input) {
      if (!breaker.tryAcquire(key)) {
        throw new PaymentProviderUnavailableError({
          provider: gateway.id,
          code: "circuit_open",
          message: `${gateway.id} is failing for ${key}; not calling it until the cool-down ends`,
        });
      }
      try {
        const result = await gateway.createLink(input);
        breaker.recordSuccess(key);
        return result;
      } catch (err) {
        if (err instanceof PaymentProviderUnavailableError) {
          const wasOpen = breaker.isOpen(key);
          breaker.recordFailure(key);
          if (!wasOpen && breaker.isOpen(key)) args.onOpen?.();
        } else breaker.recordSuccess(key);
        throw err;
      }
    },
  };
}
