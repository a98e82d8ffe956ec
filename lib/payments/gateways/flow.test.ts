import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeFlow, type FakeFlow } from "@/tests/fakes/payments/flow";
import { createCircuitBreaker, withCircuitBreaker } from "./breaker";
import { createGateway } from "./create-gateway";
import { signFlowParams } from "./flow-signature";
import { APP_URL, linkInput, webhookRequest } from "@/tests/helpers/payment-gateways";
import type { PaymentGateway } from "./types";

let fake: FakeFlow;
let gateway: PaymentGateway;
const NOW = new Date("2026-11-21T15:00:00.000Z");

beforeEach(async () => {
  fake = await startFakeFlow();
  gateway = flowGateway();
});
afterEach(() => fake.close());

function flowGateway(overrides: { secretKey?: string; timeoutMs?: number } = {}) {
  return createGateway({
    provider: "flow",
    credentials: { apiKey: fake.apiKey, secretKey: overrides.secretKey ?? fake.secretKey },
    baseUrls: { flow: fake.url },
    appUrl: APP_URL,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    now: () => NOW,
  });
}

const clpInput = (overrides: Parameters<typeof linkInput>[0] = {}) =>
  linkInput({
    orderId: "ord_flow_1",
    amountMinor: 15990,
    currency: "CLP",
    description: "Pedido ord_flow_1",
    items: [{ sku: "POLERA-1", name: "Polera", quantity: 1, unitPriceMinor: 15990 }],
    expiresAt: new Date("2026-11-21T15:30:00.000Z"),
    notifyUrl: `${APP_URL}/api/webhooks/payments/flow?store=st_1`,
    ...overrides,
  });

describe("Flow signature", () => {
  it("signs the parameters sorted by key as key+value pairs, leaving out s", () => {
    const params = { token: "AJ089FF5467367", apiKey: "1F90971E-8276-4715-97FF-2BLG5030EE3B", s: "ignored" };
    const expected = createHmac("sha256", "my secret").update("apiKey1F90971E-8276-4715-97FF-2BLG5030EE3BtokenAJ089FF5467367").digest("hex");
    expect(signFlowParams(params, "my secret")).toBe(expected);
  });
});

describe("Flow createLink", () => {
  it("posts a signed form with our order id and a whole-peso amount, and redirects to url?token=", async () => {
    const link = await gateway.createLink(clpInput());
    const req = fake.requests.find((r) => r.path === "/payment/create")!;
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = Object.fromEntries(req.form!);
    expect(form).toEqual({
      apiKey: fake.apiKey,
      commerceOrder: "ord_flow_1",
      subject: "Pedido ord_flow_1",
      currency: "CLP",
      amount: "15990",
      email: "buyer@example.test",
      paymentMethod: "9",
      urlConfirmation: `${APP_URL}/api/webhooks/payments/flow?store=st_1`,
      urlReturn: `${APP_URL}/checkout/ord_flow_1?t=tok123`,
      timeout: "1800",
      optional: JSON.stringify({ order_id: "ord_flow_1" }),
      s: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(link.url).toBe(`${fake.url}/app/web/pay.php?token=${link.providerRef}`);
    expect(fake.payment(link.providerRef)).toMatchObject({ commerceOrder: "ord_flow_1", amount: 15990, status: 1 });
  });

  it("is refused by Flow when signed with the wrong secret key", async () => {
    await expect(flowGateway({ secretKey: "wrong" }).createLink(clpInput())).rejects.toMatchObject({ code: "unauthorized", httpStatus: 401 });
  });

  it("needs the buyer's e-mail, which Flow requires", async () => {
    await expect(gateway.createLink(clpInput({ buyerEmail: null }))).rejects.toMatchObject({ code: "buyer_email_required" });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("Flow confirmation", () => {
  it("accepts the token POST after Flow's signed getStatus recognises it", async () => {
    const link = await gateway.createLink(clpInput());
    const c = fake.confirmation(link.providerRef);
    const result = await gateway.verifyWebhook(webhookRequest(c));
    expect(result).toEqual({ ok: true, lookup: { providerRef: link.providerRef, orderId: "ord_flow_1", eventId: `flow:${link.providerRef}:1` } });
    const check = fake.requests.find((r) => r.path === "/payment/getStatus")!;
    expect(Object.fromEntries(check.query)).toEqual({ apiKey: fake.apiKey, token: link.providerRef, s: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("rejects a token Flow does not know and a POST without token", async () => {
    await gateway.createLink(clpInput());
    expect(await gateway.verifyWebhook(webhookRequest({ headers: {}, body: "token=FORGED0123456789" }))).toMatchObject({ ok: false, status: 401 });
    expect(await gateway.verifyWebhook(webhookRequest({ headers: {}, body: "" }))).toMatchObject({ ok: false, status: 401 });
  });
});

describe("Flow fetchStatus", () => {
  it("maps Flow's numeric statuses and reports flowOrder, amount, currency and commerceOrder", async () => {
    const link = await gateway.createLink(clpInput());
    const lookup = { providerRef: link.providerRef, eventId: "e" };
    expect(await gateway.fetchStatus(lookup)).toMatchObject({ status: "pending", orderId: "ord_flow_1" });
    fake.approve(link.providerRef);
    const paid = await gateway.fetchStatus(lookup);
    expect(paid).toMatchObject({ status: "paid", orderId: "ord_flow_1", amountMinor: 15990, currency: "CLP" });
    expect(paid.providerTxnId).toBe(String(fake.payment(link.providerRef).flowOrder));
    fake.approve(link.providerRef, { status: 3 });
    expect(await gateway.fetchStatus(lookup)).toMatchObject({ status: "failed" });
    fake.approve(link.providerRef, { status: 4 });
    expect(await gateway.fetchStatus(lookup)).toMatchObject({ status: "cancelled" });
  });

  it("answers from Flow, not from the confirmation: a confirmation for an unpaid order is pending", async () => {
    const link = await gateway.createLink(clpInput());
    const verified = await gateway.verifyWebhook(webhookRequest(fake.confirmation(link.providerRef)));
    if (!verified.ok || !verified.lookup) throw new Error("expected a lookup");
    expect(await gateway.fetchStatus(verified.lookup)).toMatchObject({ status: "pending" });
  });

  it("surfaces an amount that differs from the order", async () => {
    const link = await gateway.createLink(clpInput());
    fake.approve(link.providerRef, { amount: "100" });
    expect(await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e" })).toMatchObject({ status: "paid", amountMinor: 100, currency: "CLP" });
  });

  it("finds the payment by our order id (getStatusByCommerceId) for reconciliation", async () => {
    const link = await gateway.createLink(clpInput());
    fake.approve(link.providerRef);
    expect(await gateway.fetchStatus({ orderId: "ord_flow_1", eventId: "r" })).toMatchObject({ status: "paid", orderId: "ord_flow_1" });
  });

  it("gives up within the timeout so the 15-second confirmation deadline holds", async () => {
    const link = await gateway.createLink(clpInput());
    fake.delayNext(1, 1_000);
    const started = Date.now();
    await expect(flowGateway({ timeoutMs: 150 }).fetchStatus({ providerRef: link.providerRef, eventId: "e" })).rejects.toMatchObject({
      name: "PaymentProviderUnavailableError",
      code: "timeout",
    });
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe("Flow refund", () => {
  it("creates a signed refund for the flowOrder with receiver e-mail and callback", async () => {
    const link = await gateway.createLink(clpInput());
    fake.approve(link.providerRef);
    const { providerTxnId } = await gateway.fetchStatus({ providerRef: link.providerRef, eventId: "e" });
    const refund = await gateway.refund({
      providerTxnId: providerTxnId!,
      amountMinor: 15990,
      currency: "CLP",
      idempotencyKey: "rf-ord_flow_1",
      receiverEmail: "buyer@example.test",
      notifyUrl: `${APP_URL}/api/webhooks/payments/flow/refund`,
    });
    expect(refund).toEqual({ refundId: expect.stringMatching(/^\d+$/), status: "created" });
    const req = fake.requests.find((r) => r.path === "/refund/create")!;
    expect(Object.fromEntries(req.form!)).toEqual({
      apiKey: fake.apiKey,
      refundCommerceOrder: "rf-ord_flow_1",
      receiverEmail: "buyer@example.test",
      amount: "15990",
      urlCallBack: `${APP_URL}/api/webhooks/payments/flow/refund`,
      flowTrxId: providerTxnId,
      s: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("needs the receiver e-mail and callback URL Flow requires", async () => {
    await expect(gateway.refund({ providerTxnId: "1", amountMinor: 1, currency: "CLP", idempotencyKey: "k" })).rejects.toMatchObject({ code: "refund_details_required" });
  });
});

describe("Flow outages", () => {
  it("opens the breaker after repeated 5xx", async () => {
    fake.failNext(10);
    const breaker = createCircuitBreaker({ failureThreshold: 3 });
    const guarded = withCircuitBreaker(gateway, { breaker, key: "st:flow" });
    for (let i = 0; i < 3; i++) await expect(guarded.createLink(clpInput())).rejects.toMatchObject({ code: "http_500" });
    await expect(guarded.createLink(clpInput())).rejects.toMatchObject({ code: "circuit_open" });
    expect(fake.requests).toHaveLength(3);
  });
});
