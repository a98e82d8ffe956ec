import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeMercadoPago, type FakeMercadoPago } from "@/tests/fakes/payments/mercadopago";
import { createCircuitBreaker, withCircuitBreaker } from "./breaker";
import { createGateway } from "./create-gateway";
import { PaymentProviderUnavailableError } from "./errors";
import { mercadopagoManifest } from "./mercadopago-signature";
import { APP_URL, linkInput, webhookRequest } from "@/tests/helpers/payment-gateways";
import type { PaymentGateway } from "./types";

let fake: FakeMercadoPago;
let gateway: PaymentGateway;
const NOW = new Date("2026-11-21T15:00:00.000Z");

beforeEach(async () => {
  fake = await startFakeMercadoPago();
  gateway = mpGateway({ webhookSecret: fake.webhookSecret });
});
afterEach(() => fake.close());

function mpGateway(overrides: { webhookSecret?: string; accessToken?: string } = {}) {
  return createGateway({
    provider: "mercadopago",
    credentials: { accessToken: overrides.accessToken ?? fake.accessToken, webhookSecret: overrides.webhookSecret ?? fake.webhookSecret },
    baseUrls: { mercadopago: fake.url },
    appUrl: APP_URL,
    timeoutMs: 2_000,
    now: () => NOW,
  });
}

const clpInput = () =>
  linkInput({
    orderId: "ord_mp_1",
    amountMinor: 15990,
    currency: "CLP",
    items: [{ sku: "POLERA-1", name: "Polera", quantity: 1, unitPriceMinor: 15990 }],
    expiresAt: new Date("2026-11-21T15:30:00.000Z"),
  });

async function paidPayment(opts: Parameters<FakeMercadoPago["approve"]>[1] = {}) {
  const link = await gateway.createLink(clpInput());
  return { link, paymentId: fake.approve(link.providerRef, opts) };
}

describe("Mercado Pago createLink", () => {
  it("creates a preference with our order id, expiry and notification URL, with CLP as a whole number", async () => {
    const link = await gateway.createLink(clpInput());
    const req = fake.requests.find((r) => r.path === "/checkout/preferences")!;
    expect(req.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
    expect(req.rawBody).toContain('"unit_price":15990,');
    expect(req.json).toEqual({
      items: [{ id: "POLERA-1", title: "Polera", quantity: 1, unit_price: 15990, currency_id: "CLP" }],
      external_reference: "ord_mp_1",
      notification_url: `${APP_URL}/api/webhooks/payments/test?store=st_1`,
      back_urls: {
        success: `${APP_URL}/checkout/ord_mp_1?t=tok123`,
        pending: `${APP_URL}/checkout/ord_mp_1?t=tok123`,
        failure: `${APP_URL}/checkout/ord_mp_1?t=tok123&cancelled=1`,
      },
      auto_return: "approved",
      expires: true,
      expiration_date_from: "2026-11-21T15:00:00.000+00:00",
      expiration_date_to: "2026-11-21T15:30:00.000+00:00",
      metadata: { order_id: "ord_mp_1" },
      payer: { email: "buyer@example.test" },
    });
    expect(req.headers["x-idempotency-key"]).toMatch(/^lss-pref-ord_mp_1-\d+$/);
    expect(link.url).toBe(`${fake.url}/checkout/v1/redirect?pref_id=${link.providerRef}`);
    expect(link.providerRef).toMatch(/^\d+-[0-9a-f-]{36}$/);
  });

  it("sends two-decimal currencies with their decimals (USD 1999 → 19.99)", async () => {
    await gateway.createLink(linkInput({ amountMinor: 1999, currency: "USD" }));
    const req = fake.requests.find((r) => r.path === "/checkout/preferences")!;
    expect(req.rawBody).toContain('"unit_price":19.99,');
  });

  it("charges one line for the order total when the cart lines do not add up to it", async () => {
    await gateway.createLink(linkInput({ orderId: "ord_d", amountMinor: 1500, currency: "USD", description: "Pedido ord_d" }));
    const req = fake.requests.find((r) => r.path === "/checkout/preferences")!;
    expect(req.json).toMatchObject({ items: [{ id: "ord_d", title: "Pedido ord_d", quantity: 1, unit_price: 15, currency_id: "USD" }] });
  });
});

describe("Mercado Pago verifyWebhook", () => {
  it("accepts a notification signed with the x-signature manifest and names the payment", async () => {
    const { paymentId } = await paidPayment();
    const n = fake.notification(paymentId);
    const result = await gateway.verifyWebhook(webhookRequest(n));
    expect(result).toEqual({ ok: true, lookup: { paymentId, eventId: expect.stringMatching(/^mp:\d+$/) } });
  });

  it("rejects a notification signed with another secret", async () => {
    const { paymentId } = await paidPayment();
    const n = fake.notification(paymentId, { secret: "someone-elses-secret" });
    expect(await gateway.verifyWebhook(webhookRequest(n))).toMatchObject({ ok: false, status: 403 });
  });

  it("rejects a wrong secret on our side, a missing signature and a mutated data.id or ts", async () => {
    const { paymentId } = await paidPayment();
    const n = fake.notification(paymentId);
    expect(await mpGateway({ webhookSecret: "not-the-secret" }).verifyWebhook(webhookRequest(n))).toMatchObject({ ok: false, status: 403 });

    const { "x-signature": _s, ...unsigned } = n.headers;
    expect(await gateway.verifyWebhook(webhookRequest({ ...n, headers: unsigned }))).toMatchObject({ ok: false, status: 401 });

    const otherId = n.url.replace(`data.id=${paymentId}`, "data.id=999999999");
    expect(await gateway.verifyWebhook(webhookRequest({ ...n, url: otherId }))).toMatchObject({ ok: false, status: 403 });

    const ts = n.headers["x-signature"]!.replace(/ts=\d+/, "ts=1");
    expect(await gateway.verifyWebhook(webhookRequest({ ...n, headers: { ...n.headers, "x-signature": ts } }))).toMatchObject({ ok: false, status: 403 });
  });

  it("leaves the request-id out of the manifest when the header is absent, as documented", async () => {
    const { paymentId } = await paidPayment();
    const n = fake.notification(paymentId, { requestId: null });
    expect(n.headers["x-request-id"]).toBeUndefined();
    expect(await gateway.verifyWebhook(webhookRequest(n))).toMatchObject({ ok: true });
  });

  it("builds the manifest with a lower-cased alphanumeric id and a trailing semicolon", () => {
    expect(mercadopagoManifest({ dataId: "ABC123def", requestId: "req-1", ts: "1704908010" })).toBe("id:abc123def;request-id:req-1;ts:1704908010;");
    expect(mercadopagoManifest({ dataId: null, requestId: null, ts: "1" })).toBe("ts:1;");
    const manifest = mercadopagoManifest({ dataId: "123", requestId: "r", ts: "9" });
    expect(createHmac("sha256", "k").update("id:123;request-id:r;ts:9;").digest("hex")).toBe(createHmac("sha256", "k").update(manifest).digest("hex"));
  });

  it("acknowledges signed notifications of other topics without a lookup", async () => {
    const { paymentId } = await paidPayment();
    const n = fake.notification(paymentId);
    const url = n.url.replace("type=payment", "type=merchant_order");
    expect(await gateway.verifyWebhook(webhookRequest({ ...n, url }))).toMatchObject({ ok: true, lookup: null });
  });

  it("rejects a body whose data.id differs from the signed URL", async () => {
    const { paymentId } = await paidPayment();
    const n = fake.notification(paymentId);
    const body = n.body.replace(`"id":"${paymentId}"`, '"id":"1"');
    expect(await gateway.verifyWebhook(webhookRequest({ ...n, body }))).toMatchObject({ ok: false, status: 400 });
  });
});

describe("Mercado Pago fetchStatus", () => {
  it("reads the payment from GET /v1/payments/{id}: status, amount, currency and our order id", async () => {
    const { link, paymentId } = await paidPayment();
    const status = await gateway.fetchStatus({ paymentId, eventId: "e" });
    expect(status).toMatchObject({ status: "paid", orderId: "ord_mp_1", providerTxnId: paymentId, amountMinor: 15990, currency: "CLP" });
    expect(fake.requests.some((r) => r.method === "GET" && r.path === `/v1/payments/${paymentId}`)).toBe(true);
    expect(link.providerRef).toBeTruthy();
  });

  it("answers from Mercado Pago, not from the notification: a pending payment stays pending", async () => {
    const { paymentId } = await paidPayment({ status: "pending" });
    const n = fake.notification(paymentId, { action: "payment.approved" });
    const verified = await gateway.verifyWebhook(webhookRequest(n));
    if (!verified.ok || !verified.lookup) throw new Error("expected a lookup");
    expect(await gateway.fetchStatus(verified.lookup)).toMatchObject({ status: "pending" });
    fake.setPaymentStatus(paymentId, "approved");
    expect(await gateway.fetchStatus(verified.lookup)).toMatchObject({ status: "paid" });
  });

  it("surfaces a charged amount or currency that differs from the order", async () => {
    const { paymentId } = await paidPayment({ amount: "100" });
    expect(await gateway.fetchStatus({ paymentId, eventId: "e" })).toMatchObject({ amountMinor: 100, currency: "CLP" });
    const usd = await paidPayment({ amount: "159.90", currency: "USD" });
    expect(await gateway.fetchStatus({ paymentId: usd.paymentId, eventId: "e" })).toMatchObject({ amountMinor: 15990, currency: "USD" });
  });

  it("finds the payment by our order id when no notification has named it yet", async () => {
    const link = await gateway.createLink(clpInput());
    expect(await gateway.fetchStatus({ orderId: "ord_mp_1", eventId: "reconcile" })).toMatchObject({ status: "pending", providerTxnId: null });
    fake.approve(link.providerRef, { status: "rejected" });
    const paymentId = fake.approve(link.providerRef);
    expect(await gateway.fetchStatus({ orderId: "ord_mp_1", eventId: "reconcile" })).toMatchObject({ status: "paid", providerTxnId: paymentId });
  });

  it("maps rejected and refunded payments", async () => {
    const rejected = await paidPayment({ status: "rejected" });
    expect(await gateway.fetchStatus({ paymentId: rejected.paymentId, eventId: "e" })).toMatchObject({ status: "failed" });
    fake.setPaymentStatus(rejected.paymentId, "refunded");
    expect(await gateway.fetchStatus({ paymentId: rejected.paymentId, eventId: "e" })).toMatchObject({ status: "refunded" });
  });
});

describe("Mercado Pago refund", () => {
  it("posts the amount in major units with an idempotency key", async () => {
    const { paymentId } = await paidPayment();
    const refund = await gateway.refund({ providerTxnId: paymentId, amountMinor: 15990, currency: "CLP", idempotencyKey: "rf-ord_mp_1" });
    expect(refund).toEqual({ refundId: expect.stringMatching(/^\d+$/), status: "approved" });
    const req = fake.requests.find((r) => r.path === `/v1/payments/${paymentId}/refunds`)!;
    expect(req.json).toEqual({ amount: 15990 });
    expect(req.headers["x-idempotency-key"]).toBe("rf-ord_mp_1");
    expect(await gateway.fetchStatus({ paymentId, eventId: "e" })).toMatchObject({ status: "refunded" });
  });
});

describe("Mercado Pago failures", () => {
  it("reports a bad access token as a rejection and 5xx as unavailability that opens the breaker", async () => {
    await expect(mpGateway({ accessToken: "APP_USR-wrong" }).createLink(clpInput())).rejects.toMatchObject({ code: "unauthorized", httpStatus: 401 });

    fake.failNext(10);
    const breaker = createCircuitBreaker({ failureThreshold: 2 });
    const guarded = withCircuitBreaker(gateway, { breaker, key: "st:mercadopago" });
    for (let i = 0; i < 2; i++) await expect(guarded.createLink(clpInput())).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    await expect(guarded.createLink(clpInput())).rejects.toMatchObject({ code: "circuit_open" });
  });
});
