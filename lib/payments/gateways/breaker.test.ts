import { describe, expect, it } from "vitest";
import { breakerKey, createCircuitBreaker, withCircuitBreaker } from "./breaker";
import { PaymentProviderError, PaymentProviderUnavailableError } from "./errors";
import { linkInput } from "@/tests/helpers/payment-gateways";
import type { PaymentGateway } from "./types";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createCircuitBreaker", () => {
  it("opens after N consecutive failures within the window", () => {
    const c = clock();
    const b = createCircuitBreaker({ failureThreshold: 3, windowMs: 10_000, coolDownMs: 5_000, now: c.now });
    b.recordFailure("k");
    b.recordFailure("k");
    expect(b.isOpen("k")).toBe(false);
    b.recordFailure("k");
    expect(b.isOpen("k")).toBe(true);
    expect(b.tryAcquire("k")).toBe(false);
  });

  it("does not add up failures spread wider than the window", () => {
    const c = clock();
    const b = createCircuitBreaker({ failureThreshold: 3, windowMs: 10_000, now: c.now });
    b.recordFailure("k");
    b.recordFailure("k");
    c.advance(11_000);
    b.recordFailure("k");
    expect(b.state("k")).toBe("closed");
  });

  it("a success resets the consecutive count", () => {
    const b = createCircuitBreaker({ failureThreshold: 2 });
    b.recordFailure("k");
    b.recordSuccess("k");
    b.recordFailure("k");
    expect(b.isOpen("k")).toBe(false);
  });

  it("goes half-open after the cool-down and admits exactly one trial", () => {
    const c = clock();
    const b = createCircuitBreaker({ failureThreshold: 1, coolDownMs: 5_000, now: c.now });
    b.recordFailure("k");
    c.advance(4_999);
    expect(b.tryAcquire("k")).toBe(false);
    c.advance(1);
    expect(b.state("k")).toBe("half-open");
    expect(b.isOpen("k")).toBe(false);
    expect(b.tryAcquire("k")).toBe(true);
    expect(b.tryAcquire("k")).toBe(false);
    expect(b.isOpen("k")).toBe(true);
  });

  it("closes on a successful trial and re-opens for a full cool-down on a failed one", () => {
    const c = clock();
    const b = createCircuitBreaker({ failureThreshold: 1, coolDownMs: 5_000, now: c.now });
    b.recordFailure("k");
    c.advance(5_000);
    b.tryAcquire("k");
    b.recordFailure("k");
    expect(b.state("k")).toBe("open");
    c.advance(5_000);
    b.tryAcquire("k");
    b.recordSuccess("k");
    expect(b.state("k")).toBe("closed");
  });

  it("keeps stores and providers apart", () => {
    const b = createCircuitBreaker({ failureThreshold: 1 });
    b.recordFailure(breakerKey("store_a", "paypal"));
    expect(b.isOpen(breakerKey("store_a", "paypal"))).toBe(true);
    expect(b.isOpen(breakerKey("store_b", "paypal"))).toBe(false);
    expect(b.isOpen(breakerKey("store_a", "flow"))).toBe(false);
  });
});

describe("withCircuitBreaker", () => {
  function gatewayFailingWith(errors: Error[]): PaymentGateway & { calls: number } {
    const g = {
      id: "paypal" as const,
      calls: 0,
      async createLink() {
        g.calls += 1;
        const e = errors.shift();
        if (e) throw e;
        return { url: "https://pay.example/x", providerRef: "X", expiresAt: new Date() };
      },
      verifyWebhook: async () => ({ ok: false as const, status: 400 as const, reason: "n/a" }),
      fetchStatus: async () => ({ status: "pending" as const, orderId: null, providerRef: null, providerTxnId: null, amountMinor: null, currency: null, raw: null }),
      refund: async () => ({ refundId: "r", status: "done" }),
    };
    return g;
  }
  const outage = () => new PaymentProviderUnavailableError({ provider: "paypal", code: "http_503", message: "down" });

  it("fails fast with circuit_open once the provider keeps failing", async () => {
    const inner = gatewayFailingWith([outage(), outage()]);
    const g = withCircuitBreaker(inner, { breaker: createCircuitBreaker({ failureThreshold: 2 }), key: "s:paypal" });
    await expect(g.createLink(linkInput())).rejects.toMatchObject({ code: "http_503" });
    await expect(g.createLink(linkInput())).rejects.toMatchObject({ code: "http_503" });
    await expect(g.createLink(linkInput())).rejects.toMatchObject({ code: "circuit_open" });
    expect(inner.calls).toBe(2);
  });

  it("does not count a rejected request (the provider is up) as a failure", async () => {
    const rejected = () => new PaymentProviderError({ provider: "paypal", code: "http_422", message: "bad" });
    const inner = gatewayFailingWith([outage(), rejected(), outage()]);
    const breaker = createCircuitBreaker({ failureThreshold: 2 });
    const g = withCircuitBreaker(inner, { breaker, key: "s:paypal" });
    for (let i = 0; i < 3; i++) await g.createLink(linkInput()).catch(() => undefined);
    expect(breaker.isOpen("s:paypal")).toBe(false);
  });
});
