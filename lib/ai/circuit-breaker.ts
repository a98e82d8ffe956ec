export type BreakerState = "closed" | "open" | "half-open";

export interface CircuitBreaker {
  /** True when a call may go out now; in half-open only one trial call at a time is let through. */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  state(): BreakerState;
}

/**
 * Stops calling a failing dependency: after `failureThreshold` consecutive failures the breaker
 * opens and every call is refused until `coolDownMs` has passed; then one trial call decides
 * whether it closes again or re-opens for another cool-down.
 */
export function createCircuitBreaker({ failureThreshold, coolDownMs, now = Date.now }: { failureThreshold: number; coolDownMs: number; now?: () => number }): CircuitBreaker {
  let state: BreakerState = "closed";
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;
  const coolDownOver = () => now() - openedAt >= coolDownMs;
  return {
    tryAcquire() {
      if (state === "closed") return true;
      if (state === "open") {
        if (!coolDownOver()) return false;
        state = "half-open";
        trialInFlight = false;
      }
      if (trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    recordSuccess() {
      state = "closed";
      failures = 0;
      trialInFlight = false;
    },
    recordFailure() {
      failures++;
      trialInFlight = false;
      if (state === "half-open" || failures >= failureThreshold) {
        state = "open";
        openedAt = now();
      }
    },
    state() {
      if (state === "open" && coolDownOver()) return "half-open";
      return state;
    },
  };
}
