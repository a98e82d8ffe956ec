import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakePaypal, type FakePaypal } from "@/tests/fakes/payments/paypal";
import { createCircuitBreaker, withCircuitBreaker } from "./breaker";
import { createGateway } from "./create-gateway";
import { PaymentProviderError, PaymentProviderUnavailableError } from "./errors";
import { APP_URL, linkInput, webhookRequest } from "@/tests/helpers/payment-gateways";
import type { PaymentGateway } from "./types";

let fake: FakePaypal;
let gateway: PaymentGateway;

beforeEach(async () => {
  fake = await startFakePaypal();
  gateway = paypalGateway(fake.webhookId);
});
afterEach(() => fake.close());

function paypalGateway(webhookId: string, clientSecret = fake.clientSecret) {
  return createGateway({
    provider: "paypal",
    credentials: { clientId: fake.clientId, clientSecret, webhookId },
    baseUrls: { paypal: fake.url },
    appUrl: APP_URL,
    timeoutMs: 2_000,
  });
}

const orderRequests = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/checkout/orders");

describe("PayPal createLink", () => {
  it("creates a CAPTURE order for our order id with a two-decimal amount and returns the payer-action link", async () => {
    const link = await gateway.createLink(linkInput({ orderId: "ord_pp_1", amountMinor: 1999, currency: "USD" }));

    const token = fake.requests.find((r) => r.path === "/v1/oauth2/token")!;
    expect(token.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString("base64")}`);
    expect(token.rawBody).toBe("grant_type=client_credentials");

    const [req] = orderRequests();
    expect(req!.headers.authorization).toMatch(/^Bearer A21AA/);
    expect(req!.json).toEqual({
      intent: "CAPTURE",
      purchase_units: [
        {
          reference_id: "ord_pp_1",
          custom_id: "ord_pp_1",
          description: "Order ord_test_1 — Camiseta roja",
          amount: { currency_code: "USD", value: "19.99", breakdown: { item_total: { currency_code: "USD", value: "19.99" } } },
          items: [{ name: "Camiseta roja", sku: "TSHIRT-RED", quantity: "1", unit_amount: { currency_code: "USD", value: "19.99" } }],
        },
      ],
      payment_source: {
        paypal: {
          email_address: "buyer@example.test",
          experience_context: {
            payment_method_preference: "IMMEDIATE_PAYMENT_REQUIRED",
            user_action: "PAY_NOW",
            return_url: `${APP_URL}/checkout/ord_pp_1?t=tok123`,
            cancel_url: `${APP_URL}/checkout/ord_pp_1?t=tok123&cancelled=1`,
          },
        },
      },
    });
    expect(req!.headers["paypal-request-id"]).toMatch(/^lss-ord_pp_1-\d+$/);

    expect(link.url).toBe(`${fake.url}/checkoutnow?token=${link.providerRef}`);
    expect(fake.order(link.providerRef).status).toBe("PAYER_ACTION_REQUIRED");
  });

  it("writes zero-decimal currencies as whole numbers (JPY 1200 → \"1200\")", async () => {
    await gateway.createLink(linkInput({ currency: "JPY", amountMinor: 1200, items: [{ sku: "A", name: "A", quantity: 2, unitPriceMinor: 600 }] }));
    expect(orderRequests()[0]!.json).toMatchObject({
      purchase_units: [{ amount: { currency_code: "JPY", value: "1200" }, items: [{ quantity: "2", unit_amount: { currency_code: "JPY", value: "600" } }] }],
    });
  });

  it("leaves out line items that do not add up to the amount charged", async () => {
    await gateway.createLink(linkInput({ amountMinor: 1500, items: [{ sku: "A", name: "A", quantity: 1, unitPriceMinor: 1999 }] }));
    expect(orderRequests()[0]!.json).toMatchObject({ purchase_units: [{ amount: { currency_code: "USD", value: "15.00" } }] });
    expect(orderRequests()[0]!.rawBody).not.toMatch(/"items"|"breakdown"/);
  });

  it("refuses a currency PayPal does not take (CLP) without calling PayPal", async () => {
    await expect(gateway.createLink(linkInput({ currency: "CLP", amountMinor: 15990, items: [] }))).rejects.toMatchObject({ code: "currency_not_supported" });
    expect(fake.requests).toHaveLength(0);
  });

  it("reuses one OAuth token across calls", async () => {
    await gateway.createLink(linkInput({ orderId: "a" }));
    await paypalGateway(fake.webhookId).createLink(linkInput({ orderId: "b" }));
    expect(fake.requests.filter((r) => r.path === "/v1/oauth2/token")).toHaveLength(1);
  });

  it("reports wrong client credentials as a configuration error, not an outage", async () => {
    const err = await paypalGateway(fake.webhookId, "wrong-secret").createLink(linkInput()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaymentProviderError);
    expect(err).not.toBeInstanceOf(PaymentProviderUnavailableError);
    expect(err).toMatchObject({ code: "invalid_credentials" });
  });
});

describe("PayPal verifyWebhook", () => {
  async function approvedOrder() {
    const link = await gateway.createLink(linkInput({ orderId: "ord_pp_2" }));
    fake.approve(link.providerRef);
    return link.providerRef;
  }

  it("accepts a notification that PayPal's verify-webhook-signature confirms, passing the event byte for byte", async () => {
    const orderRef = await approvedOrder();
    const signed = fake.signWebhook(fake.webhookEvent("CHECKOUT.ORDER.APPROVED", orderRef));
    const result = await gateway.verifyWebhook(webhookRequest(signed));

    expect(result).toEqual({ ok: true, lookup: { eventId: expect.stringMatching(/^WH-/), providerRef: orderRef, orderId: "ord_pp_2" } });
    const verify = fake.requests.find((r) => r.path === "/v1/notifications/verify-webhook-signature")!;
    expect(verify.rawBody.endsWith(`"webhook_event":${signed.body}}`)).toBe(true);
    expect(verify.json).toMatchObject({
      webhook_id: fake.webhookId,
      transmission_id: signed.headers["paypal-transmission-id"],
      transmission_sig: signed.headers["paypal-transmission-sig"],
      cert_url: signed.headers["paypal-cert-url"],
      auth_algo: "SHA256withRSA",
    });
  });

  it("rejects a forged signature, a mutated body and missing headers", async () => {
    const orderRef = await approvedOrder();
    const signed = fake.signWebhook(fake.webhookEvent("CHECKOUT.ORDER.APPROVED", orderRef));

    const forged = { ...signed.headers, "paypal-transmission-sig": Buffer.from("not-paypal").toString("base64") };
    expect(await gateway.verifyWebhook(webhookRequest({ headers: forged, body: signed.body }))).toMatchObject({ ok: false, status: 403 });

    const mutated = signed.body.replace(orderRef, "SOMEOTHERORDER123");
    expect(await gateway.verifyWebhook(webhookRequest({ headers: signed.headers, body: mutated }))).toMatchObject({ ok: false, status: 403 });

    const { "paypal-transmission-sig": _sig, ...missing } = signed.headers;
    expect(await gateway.verifyWebhook(webhookRequest({ headers: missing, body: signed.body }))).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects a notification signed for another webhook id", async () => {
    const orderRef = await approvedOrder();
    const signed = fake.signWebhook(fake.webhookEvent("CHECKOUT.ORDER.APPROVED", orderRef), { webhookId: "WHOTHERAPP" });
    expect(await gateway.verifyWebhook(webhookRequest(signed))).toMatchObject({ ok: false, status: 403 });
  });

  it("acknowledges authentic events it does not handle without a lookup", async () => {
    const event = { id: "WH-X", event_type: "BILLING.SUBSCRIPTION.CREATED", resource: { id: "I-1" } };
    const result = await gateway.verifyWebhook(webhookRequest(fake.signWebhook(event)));
    expect(result).toMatchObject({ ok: true, lookup: null });
  });
});

describe("PayPal fetchStatus", () => {
  it("captures an approved order and reports the captured transaction and amount", async () => {
    const link = await gateway.createLink(linkInput({ orderId: "ord_pp_3" }));
    fake.approve(link.providerRef);
    const status = await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e1" });

    expect(status).toMatchObject({ status: "paid", orderId: "ord_pp_3", providerRef: link.providerRef, amountMinor: 1999, currency: "USD" });
    expect(status.providerTxnId).toMatch(/^[A-Z0-9]{17}$/);
    const capture = fake.requests.find((r) => r.path.endsWith("/capture"))!;
    expect(capture.headers["paypal-request-id"]).toBe(`lss-capture-${link.providerRef}`);
  });

  it("captures once even when asked again", async () => {
    const link = await gateway.createLink(linkInput());
    fake.approve(link.providerRef);
    const first = await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e1" });
    const second = await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e2" });
    expect(second.providerTxnId).toBe(first.providerTxnId);
    expect(fake.requests.filter((r) => r.path.endsWith("/capture"))).toHaveLength(1);
  });

  it("answers from PayPal, not from the notification: a signed event claiming completion leaves an unpaid order pending", async () => {
    const link = await gateway.createLink(linkInput({ orderId: "ord_pp_4" }));
    const lie = {
      id: "WH-LIE",
      event_type: "PAYMENT.CAPTURE.COMPLETED",
      resource: { id: "CAPTUREDNOTREALLY", status: "COMPLETED", amount: { currency_code: "USD", value: "19.99" }, supplementary_data: { related_ids: { order_id: link.providerRef } } },
    };
    const verified = await gateway.verifyWebhook(webhookRequest(fake.signWebhook(lie)));
    if (!verified.ok || !verified.lookup) throw new Error("expected a lookup");
    const status = await gateway.fetchStatus(verified.lookup);
    expect(status).toMatchObject({ status: "pending", providerTxnId: null });
  });

  it("surfaces a captured amount or currency that differs from the order", async () => {
    const link = await gateway.createLink(linkInput());
    fake.approve(link.providerRef, { amount: "1.00", currency: "EUR" });
    expect(await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e" })).toMatchObject({ status: "paid", amountMinor: 100, currency: "EUR" });
  });

  it("maps a declined capture to failed", async () => {
    const link = await gateway.createLink(linkInput());
    fake.approve(link.providerRef, { captureStatus: "DECLINED" });
    expect(await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e" })).toMatchObject({ status: "failed" });
  });
});

describe("PayPal refund", () => {
  it("refunds the capture with PayPal's amount format and our idempotency key", async () => {
    const link = await gateway.createLink(linkInput());
    fake.approve(link.providerRef);
    const { providerTxnId } = await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e" });

    const refund = await gateway.refund({ providerTxnId: providerTxnId!, amountMinor: 1999, currency: "USD", idempotencyKey: "refund-ord-1" });
    expect(refund.status).toBe("COMPLETED");
    const req = fake.requests.find((r) => r.path === `/v2/payments/captures/${providerTxnId}/refund`)!;
    expect(req.json).toEqual({ amount: { currency_code: "USD", value: "19.99" } });
    expect(req.headers["paypal-request-id"]).toBe("refund-ord-1");
    expect(await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e2" })).toMatchObject({ status: "refunded" });
  });
});

describe("PayPal outages", () => {
  it("turns 5xx into unavailability and the breaker stops calling after repeated failures", async () => {
    await gateway.createLink(linkInput({ orderId: "warm-token" }));
    fake.failNext(100);
    const breaker = createCircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000 });
    const guarded = withCircuitBreaker(gateway, { breaker, key: "store_1:paypal" });
    for (let i = 0; i < 3; i++) {
      await expect(guarded.createLink(linkInput())).rejects.toMatchObject({ name: "PaymentProviderUnavailableError", code: "http_500" });
    }
    const before = fake.requests.length;
    await expect(guarded.createLink(linkInput())).rejects.toMatchObject({ code: "circuit_open" });
    expect(fake.requests.length).toBe(before);
  });
});
