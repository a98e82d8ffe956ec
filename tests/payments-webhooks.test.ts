import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as webhook from "@/app/api/webhooks/payments/[provider]/route";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import { startFakeFlow, type FakeFlow } from "@/tests/fakes/payments/flow";
import { startFakeMercadoPago, type FakeMercadoPago } from "@/tests/fakes/payments/mercadopago";
import { startFakePaypal, type FakePaypal } from "@/tests/fakes/payments/paypal";
import { captureJobEvents, configureProvider, pendingOrder, productState, queuedEvents, sandboxDelivery, testRuntime } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { seedBuyer, seedStore } from "./helpers/seed";

let mp: FakeMercadoPago;
let paypal: FakePaypal;
let flow: FakeFlow;

beforeAll(async () => {
  [mp, paypal, flow] = await Promise.all([startFakeMercadoPago(), startFakePaypal(), startFakeFlow()]);
  // The route builds its gateways from the environment: point it at the local fakes.
  process.env.MERCADOPAGO_API_URL = mp.url;
  process.env.PAYPAL_API_URL = paypal.url;
  process.env.FLOW_API_URL = flow.url;
  reloadEnv();
  captureJobEvents();
});
afterAll(async () => {
  await Promise.all([mp.close(), paypal.close(), flow.close()]);
});
async function shop(opts: Parameters<typeof seedStore>[0] = {}) {
  const seeded = await seedStore(opts);
  const buyer = await seedBuyer(seeded.store.id, seeded.pageId);
  return { ...seeded, buyer, product: seeded.products[0]! };
}

async function counts(orderId: string) {
  const [payments, audits, events, jobs] = await Promise.all([
    prisma.payment.count({ where: { orderId } }),
    prisma.auditLog.count({ where: { entityId: orderId } }),
    prisma.webhookEvent.count({ where: { orderId } }),
    queuedEvents("payment/succeeded", orderId),
  ]);
  return { payments, audits, events, jobs: jobs.length };
}

describe("sandbox payment webhook", () => {
  test("payment_success for a pending order: paid, stock committed, audit row, payment/succeeded queued once", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id, quantity: 2 });
    expect(await productState(product.id)).toMatchObject({ stock: 10, reserved: 2 });

    const res = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_1" }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, outcome: "paid" });

    const paid = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { reservations: true, payments: true } });
    expect(paid.status).toBe("PAID");
    expect(paid.paidAt).not.toBeNull();
    expect(paid.reservations.map((r) => r.status)).toEqual(["COMMITTED"]);
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments[0]).toMatchObject({ provider: "sandbox", providerTxnId: "sbx_1", status: "SUCCEEDED", amountMinor: 31980, currency: "CLP" });
    expect(await productState(product.id)).toEqual({ stock: 8, reserved: 0, available: 8 });
    expect(await prisma.auditLog.count({ where: { entityId: order.id, action: "order.paid", actorType: "WEBHOOK" } })).toBe(1);
    const queued = await queuedEvents("payment/succeeded", order.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({ data: { orderId: order.id, storeId: store.id, provider: "sandbox", transactionId: "sbx_1", amount: 31980, currency: "CLP" } });
  });

  test("the same notification delivered again changes nothing the second time", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id });
    const delivery = sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_dup" });
    expect((await call(webhook.POST, delivery)).status).toBe(200);
    const before = { order: await prisma.order.findUniqueOrThrow({ where: { id: order.id } }), stock: await productState(product.id), ...(await counts(order.id)) };

    const again = await call(webhook.POST, delivery);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, duplicate: true });
    const after = { order: await prisma.order.findUniqueOrThrow({ where: { id: order.id } }), stock: await productState(product.id), ...(await counts(order.id)) };
    expect(after).toEqual(before);
  });

  test("five identical deliveries at the same time settle the order once", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id, quantity: 3 });
    const delivery = sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_race" });
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(webhook.POST, delivery)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await productState(product.id)).toEqual({ stock: 7, reserved: 0, available: 7 });
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: order.id, action: "order.paid" } })).toBe(1);
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(1);
  });

  test("a forged notification (bad or missing signature) is rejected and changes nothing", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id });
    const forged = sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_forged", secret: "not-the-real-secret-0000" });
    const bad = await call(webhook.POST, forged);
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe("invalid_signature");
    const unsigned = await call(webhook.POST, { ...forged, headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(401);
    // A genuine signature over a different body does not carry over to an edited one.
    const genuine = sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: 1, currency: "CLP", transactionId: "sbx_edit" });
    const edited = await call(webhook.POST, { ...genuine, rawBody: genuine.rawBody.replace('"amount":1', `"amount":${order.totalMinor}`) });
    expect(edited.status).toBe(403);

    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    expect(await prisma.webhookEvent.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
    expect(await productState(product.id)).toMatchObject({ stock: 10, reserved: 1 });
  });

  test("a notification older than five minutes is refused as a replay", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id });
    const stale = sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_old", now: new Date(Date.now() - 10 * 60_000) });
    expect((await call(webhook.POST, stale)).status).toBe(403);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  test("an amount that differs from the order total flags the payment for the seller and does not mark it paid", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id });
    const res = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor - 1000, currency: "CLP", transactionId: "sbx_short" }));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("flagged");
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(after.status).toBe("PENDING");
    expect(after.flagReason).toContain(`${order.totalMinor - 1000} CLP`);
    expect(after.payments[0]).toMatchObject({ status: "FLAGGED", providerTxnId: "sbx_short" });
    expect(await productState(product.id)).toMatchObject({ stock: 10, reserved: 1 }); // still only reserved
    const alert = await prisma.outboundMessage.findFirstOrThrow({ where: { orderId: order.id, purpose: "seller_alert" } });
    expect((alert.body as { text: string }).text).toMatch(/revisión|review/);
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(0);
  });

  test("payment_failure records a failed attempt and leaves the order payable", async () => {
    const { store, product, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id });
    const res = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_fail", event: "payment_failure" }));
    expect(res.status).toBe(200);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "FAILED", providerTxnId: "sbx_fail" });
    // A later success of another attempt still pays it.
    const ok = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_ok" }));
    expect(ok.body.outcome).toBe("paid");
  });

  test("the sandbox notification URL may omit the store: the signed order id names it", async () => {
    const { product, store, buyer } = await shop();
    const order = await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id });
    const res = await call(webhook.POST, sandboxDelivery({ orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_nostore" }));
    expect(res.body.outcome).toBe("paid");
  });

  test("a notification naming another store's order does not touch it", async () => {
    const mine = await shop();
    const theirs = await shop();
    const order = await pendingOrder({ storeId: theirs.store.id, productId: theirs.product.id, buyerId: theirs.buyer.id });
    const res = await call(webhook.POST, sandboxDelivery({ storeId: mine.store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "sbx_cross" }));
    expect(res.status).toBe(200);
    expect(res.body.ignored).toBeTruthy();
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });
});

describe("Mercado Pago webhook against the local fake", () => {
  async function mpOrder(amountOverride?: string) {
    const s = await shop();
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.id, provider: "mercadopago", credentials: { accessToken: mp.accessToken, webhookSecret: mp.webhookSecret } });
    const order = await pendingOrder({ storeId: s.store.id, productId: s.product.id, buyerId: s.buyer.id });
    const link = await createPaymentLink({ orderId: order.id, provider: "mercadopago", runtime: testRuntime() });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } });
    const paymentId = mp.approve(payment.providerRef!, amountOverride ? { amount: amountOverride } : {});
    return { ...s, order, paymentId };
  }
  const deliver = (n: { url: string; headers: Record<string, string>; body: string }) =>
    call(webhook.POST, { path: n.url.replace(/^https?:\/\/[^/]+/, ""), params: { provider: "mercadopago" }, rawBody: n.body, headers: n.headers });

  test("a signed notification is verified, the payment re-read from Mercado Pago, and the order paid", async () => {
    const { order, paymentId, product } = await mpOrder();
    const res = await deliver(mp.notification(paymentId));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("paid");
    expect(mp.requests.some((r) => r.method === "GET" && r.path === `/v1/payments/${paymentId}`)).toBe(true);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID", gateway: "mercadopago" });
    expect(await productState(product.id)).toMatchObject({ stock: 9, reserved: 0 });
  });

  test("two different notifications of the same payment are one payment (idempotent per transaction id)", async () => {
    const { order, paymentId } = await mpOrder();
    expect((await deliver(mp.notification(paymentId))).body.outcome).toBe("paid");
    const second = await deliver(mp.notification(paymentId, { action: "payment.created" }));
    expect(second.status).toBe(200);
    expect(second.body.outcome).toBe("duplicate");
    expect(await prisma.payment.count({ where: { orderId: order.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await prisma.webhookEvent.count({ where: { orderId: order.id } })).toBe(2);
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(1);
  });

  test("a notification signed with the wrong secret answers 403 and nothing is stored", async () => {
    const { order, paymentId, store } = await mpOrder();
    const res = await deliver(mp.notification(paymentId, { secret: "someone-elses-secret" }));
    expect(res.status).toBe(403);
    expect(await prisma.webhookEvent.count({ where: { storeId: store.id } })).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  test("a charge for less than the order total at the provider is flagged, not paid", async () => {
    const { order, paymentId } = await mpOrder("100");
    const res = await deliver(mp.notification(paymentId));
    expect(res.body.outcome).toBe("flagged");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });
});

describe("PayPal and Flow webhooks against the local fakes", () => {
  test("PayPal: the approved order is verified with PayPal, captured, and paid", async () => {
    const s = await shop({ currency: "USD", country: "US", locale: "en-US", products: [{ sku: "TEE", name: "Tee", priceMinor: 1999, stock: 5, keywords: [], color: null, size: null }] });
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.id, provider: "paypal", credentials: { clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: paypal.webhookId } });
    const order = await pendingOrder({ storeId: s.store.id, productId: s.product.id, buyerId: s.buyer.id });
    const link = await createPaymentLink({ orderId: order.id, provider: "paypal", runtime: testRuntime() });
    const ref = (await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).providerRef!;
    paypal.approve(ref);
    const signed = paypal.signWebhook(paypal.webhookEvent("CHECKOUT.ORDER.APPROVED", ref));
    const res = await call(webhook.POST, { path: `/api/webhooks/payments/paypal?store=${s.store.id}`, params: { provider: "paypal" }, rawBody: signed.body, headers: signed.headers });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("paid");
    expect(paypal.requests.some((r) => r.path === "/v1/notifications/verify-webhook-signature")).toBe(true);
    expect(paypal.requests.some((r) => r.path === `/v2/checkout/orders/${ref}/capture`)).toBe(true);
    const paid = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id, status: "SUCCEEDED" } });
    expect(paid.amountMinor).toBe(1999);

    const forged = paypal.signWebhook(paypal.webhookEvent("PAYMENT.CAPTURE.COMPLETED", ref), { webhookId: "WH-NOT-OURS" });
    const rejected = await call(webhook.POST, { path: `/api/webhooks/payments/paypal?store=${s.store.id}`, params: { provider: "paypal" }, rawBody: forged.body, headers: forged.headers });
    expect(rejected.status).toBe(403);
  });

  test("Flow: the confirmation token is checked with a signed getStatus and answered well within 15 s", async () => {
    const s = await shop();
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.id, provider: "flow", credentials: { apiKey: flow.apiKey, secretKey: flow.secretKey } });
    const order = await pendingOrder({ storeId: s.store.id, productId: s.product.id, buyerId: s.buyer.id });
    const link = await createPaymentLink({ orderId: order.id, provider: "flow", buyerEmail: "carla@example.com", runtime: testRuntime() });
    const token = (await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).providerRef!;
    flow.approve(token);
    const c = flow.confirmation(token, `http://localhost:3000/api/webhooks/payments/flow?store=${s.store.id}`);
    const started = Date.now();
    const res = await call(webhook.POST, { path: `/api/webhooks/payments/flow?store=${s.store.id}`, params: { provider: "flow" }, rawBody: c.body, headers: c.headers });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("paid");
    const unknown = await call(webhook.POST, { path: `/api/webhooks/payments/flow?store=${s.store.id}`, params: { provider: "flow" }, rawBody: "token=not-a-real-token", headers: c.headers });
    expect(unknown.status).toBe(401);
  });

  test("a provider the store never configured answers 401; an unknown provider 404", async () => {
    const s = await shop();
    const res = await call(webhook.POST, { path: `/api/webhooks/payments/paypal?store=${s.store.id}`, params: { provider: "paypal" }, rawBody: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
    const other = await call(webhook.POST, { path: `/api/webhooks/payments/stripe?store=${s.store.id}`, params: { provider: "stripe" }, rawBody: "{}" });
    expect(other.status).toBe(404);
  });
});
