import { beforeAll, describe, expect, test } from "vitest";
import * as ordersList from "@/app/api/v1/orders/route";
import * as create from "@/app/api/v1/orders/create/route";
import * as orderById from "@/app/api/v1/orders/[id]/route";
import * as ship from "@/app/api/v1/orders/[id]/ship/route";
import * as cancel from "@/app/api/v1/orders/[id]/cancel/route";
import * as refund from "@/app/api/v1/orders/[id]/refund/route";
import * as confirmTransfer from "@/app/api/v1/orders/[id]/confirm-transfer/route";
import * as webhook from "@/app/api/webhooks/payments/[provider]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as products from "@/app/api/v1/inventory/products/route";
import { prisma } from "@/lib/db";
import { captureJobEvents, productState, queuedEvents, sandboxDelivery } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

beforeAll(() => captureJobEvents());

async function sellerWithCatalog() {
  const seller = await signUp();
  const store = await createStoreFor(seller.accessToken);
  for (const p of [
    { sku: "A12", name: "Polera roja M", price: 15990, stock: 5, color: "rojo", size: "M" },
    { sku: "B07", name: "Bolso negro", price: 39990, stock: 1 },
  ]) {
    const res = await call(products.POST, { path: "/api/v1/inventory/products", token: seller.accessToken, body: { store_id: store.id, keywords: [], ...p } });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  return { seller, store };
}

type Seller = Awaited<ReturnType<typeof sellerWithCatalog>>;

const createOrder = (s: Seller, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(create.POST, { path: "/api/v1/orders/create", token: s.seller.accessToken, headers, body: { store_id: s.store.id, customer_fb_id: "fb_buyer_1", ...body } });
const post = (handler: typeof ship.POST, s: Seller, id: string, action: string, body?: unknown) =>
  call(handler, { method: "POST", path: `/api/v1/orders/${id}/${action}`, params: { id }, token: s.seller.accessToken, ...(body ? { body } : {}) });
const detail = (s: Seller, id: string) => call(orderById.GET, { path: `/api/v1/orders/${id}`, params: { id }, token: s.seller.accessToken });
const sku = async (storeId: string, code: string) => productState((await prisma.product.findFirstOrThrow({ where: { storeId, sku: code } })).id);

async function paySandbox(storeId: string, orderId: string, txn: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const res = await call(webhook.POST, sandboxDelivery({ storeId, orderId, amountMinor: order.totalMinor, currency: order.currency, transactionId: txn }));
  expect(res.body.outcome).toBe("paid");
}

describe("POST /api/v1/orders/create (CONTRACT §3)", () => {
  test("201 {order_id, payment_url, status:'pending', expires_at}; the buyer is upserted by customer_fb_id and stock reserved", async () => {
    const s = await sellerWithCatalog();
    const before = Date.now();
    const res = await createOrder(s, { items: [{ sku: "A12", qty: 2 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ order_id: expect.any(String), status: "pending", total: 31980, currency: "CLP" });
    expect(res.body.payment_url).toBe(res.body.checkout_url);
    expect(res.body.payment_url).toMatch(new RegExp(`/checkout/${res.body.order_id}\\?t=`));
    const expires = Date.parse(res.body.expires_at);
    expect(expires - before).toBeGreaterThan(1790_000);
    expect(expires - before).toBeLessThan(1810_000);
    expect(await sku(s.store.id, "A12")).toMatchObject({ reserved: 2, available: 3 });
    const buyer = await prisma.buyer.findUniqueOrThrow({ where: { storeId_authorId: { storeId: s.store.id, authorId: "fb_buyer_1" } } });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: res.body.order_id } })).buyerId).toBe(buyer.id);
    expect(await queuedEvents("order/created", res.body.order_id)).toHaveLength(1);

    const again = await createOrder(s, { items: [{ sku: "B07", qty: 1 }] });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: again.body.order_id } })).buyerId).toBe(buyer.id);
    expect(await prisma.buyer.count({ where: { storeId: s.store.id } })).toBe(1);
  });

  test("with gateway 'sandbox' the payment_url is the provider's page", async () => {
    const s = await sellerWithCatalog();
    const res = await createOrder(s, { items: [{ sku: "A12", qty: 1 }], gateway: "sandbox" });
    expect(res.status).toBe(201);
    expect(res.body.payment_url).toMatch(new RegExp(`/sandbox/pay/${res.body.order_id}\\?t=`));
  });

  test("not enough stock: 400 out_of_stock naming the SKU, and nothing reserved", async () => {
    const s = await sellerWithCatalog();
    const res = await createOrder(s, { items: [{ sku: "A12", qty: 1 }, { sku: "B07", qty: 2 }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "out_of_stock", details: { sku: "B07", available: 1 } });
    expect(res.body.error.message).toContain("B07");
    expect(await sku(s.store.id, "A12")).toMatchObject({ reserved: 0 });
    expect(await sku(s.store.id, "B07")).toMatchObject({ reserved: 0 });
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  test("schema errors answer 422 naming the field and change nothing", async () => {
    const s = await sellerWithCatalog();
    const cases: [Record<string, unknown>, string][] = [
      [{ items: [] }, "items"],
      [{ items: [{ sku: "A12", qty: 0 }] }, "items.0.qty"],
      [{ items: [{ sku: "A12" }] }, "items.0.qty"],
      [{ items: [{ sku: "NOPE", qty: 1 }] }, "items.0.sku"],
      [{ items: [{ sku: "A12", qty: 1 }], gateway: "bitcoin" }, "gateway"],
      [{ items: [{ sku: "A12", qty: 1 }], gateway: "paypal" }, "gateway"], // not enabled for this store
      [{ customer_fb_id: "", items: [{ sku: "A12", qty: 1 }] }, "customer_fb_id"],
    ];
    for (const [body, field] of cases) {
      const res = await createOrder(s, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await prisma.buyer.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  test("an Idempotency-Key makes a retried call return the same order", async () => {
    const s = await sellerWithCatalog();
    const a = await createOrder(s, { items: [{ sku: "A12", qty: 1 }] }, { "idempotency-key": "retry-1" });
    const b = await createOrder(s, { items: [{ sku: "A12", qty: 1 }] }, { "idempotency-key": "retry-1" });
    expect(b.body.order_id).toBe(a.body.order_id);
    expect(await sku(s.store.id, "A12")).toMatchObject({ reserved: 1 });
  });

  test("another tenant's store answers 404", async () => {
    const s = await sellerWithCatalog();
    const stranger = await signUp();
    const res = await call(create.POST, { path: "/api/v1/orders/create", token: stranger.accessToken, body: { store_id: s.store.id, customer_fb_id: "x", items: [{ sku: "A12", qty: 1 }] } });
    expect(res.status).toBe(404);
  });
});

describe("reading orders", () => {
  test("list and filter by status; another tenant's store or order answers 404", async () => {
    const s = await sellerWithCatalog();
    const a = await createOrder(s, { items: [{ sku: "A12", qty: 1 }] });
    const b = await createOrder(s, { customer_fb_id: "fb_2", items: [{ sku: "B07", qty: 1 }] });
    await paySandbox(s.store.id, b.body.order_id, "list_paid");

    const all = await call(ordersList.GET, { path: `/api/v1/orders?store_id=${s.store.id}`, token: s.seller.accessToken });
    expect(all.status).toBe(200);
    expect(all.body.map((o: { id: string }) => o.id).sort()).toEqual([a.body.order_id, b.body.order_id].sort());
    const paid = await call(ordersList.GET, { path: `/api/v1/orders?store_id=${s.store.id}&status=paid`, token: s.seller.accessToken });
    expect(paid.body).toHaveLength(1);
    expect(paid.body[0]).toMatchObject({ id: b.body.order_id, status: "paid", payment_status: "succeeded", gateway: "sandbox" });
    expect((await call(ordersList.GET, { path: `/api/v1/orders?store_id=${s.store.id}&status=bogus`, token: s.seller.accessToken })).status).toBe(422);

    const stranger = await sellerWithCatalog();
    expect((await call(ordersList.GET, { path: `/api/v1/orders?store_id=${s.store.id}`, token: stranger.seller.accessToken })).status).toBe(404);
    const cross = await detail(stranger, a.body.order_id);
    expect(cross.status).toBe(404);
    expect(JSON.stringify(cross.body)).not.toContain("A12");
    for (const [handler, action] of [[ship.POST, "ship"], [cancel.POST, "cancel"], [refund.POST, "refund"], [confirmTransfer.POST, "confirm-transfer"]] as const) {
      expect((await post(handler, stranger, a.body.order_id, action)).status).toBe(404);
    }
    expect((await prisma.order.findUniqueOrThrow({ where: { id: a.body.order_id } })).status).toBe("PENDING");
  });

  test("the detail has items, reservation expiry, payment status and a timeline of what happened", async () => {
    const s = await sellerWithCatalog();
    const created = await createOrder(s, { items: [{ sku: "A12", qty: 2 }] });
    await paySandbox(s.store.id, created.body.order_id, "detail_paid");
    const res = await detail(s, created.body.order_id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "paid",
      payment_status: "succeeded",
      items: [{ sku: "A12", quantity: 2, unit_price: 15990 }],
      reservation: { expires_at: created.body.expires_at, status: "committed" },
      payments: [{ provider: "sandbox", status: "succeeded", amount: 31980, provider_txn_id: "detail_paid" }],
    });
    const types = res.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["audit.order.created", "reservation.created", "reservation.committed", "webhook.received", "payment.created", "audit.order.paid"]));
    const times = res.body.timeline.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
  });
});

describe("seller actions, each audited with who and when", () => {
  test("cancel releases the stock at once; a paid order cannot be cancelled", async () => {
    const s = await sellerWithCatalog();
    const o = await createOrder(s, { items: [{ sku: "A12", qty: 3 }] });
    const res = await post(cancel.POST, s, o.body.order_id, "cancel", { reason: "buyer asked" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("cancelled");
    expect(await sku(s.store.id, "A12")).toMatchObject({ stock: 5, reserved: 0 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: o.body.order_id, action: "order.cancelled" } });
    expect(audit).toMatchObject({ actorType: "USER", actorId: s.seller.userId, data: { reason: "buyer asked" } });
    expect((await post(cancel.POST, s, o.body.order_id, "cancel")).status).toBe(200); // idempotent

    const p = await createOrder(s, { items: [{ sku: "A12", qty: 1 }] });
    await paySandbox(s.store.id, p.body.order_id, "no_cancel");
    expect((await post(cancel.POST, s, p.body.order_id, "cancel")).status).toBe(409);
  });

  test("ship only a paid order", async () => {
    const s = await sellerWithCatalog();
    const o = await createOrder(s, { items: [{ sku: "A12", qty: 1 }] });
    expect((await post(ship.POST, s, o.body.order_id, "ship")).status).toBe(409);
    await paySandbox(s.store.id, o.body.order_id, "ship_paid");
    const res = await post(ship.POST, s, o.body.order_id, "ship", { tracking_number: "CL123" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fulfillment: "shipped", shipped_at: expect.any(String) });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityId: o.body.order_id, action: "order.shipped" } })).toMatchObject({ actorId: s.seller.userId, data: { trackingNumber: "CL123" } });
  });

  test("refund returns the money through the provider, puts unshipped units back, and is OWNER-only", async () => {
    const s = await sellerWithCatalog();
    const o = await createOrder(s, { items: [{ sku: "A12", qty: 2 }] });
    await paySandbox(s.store.id, o.body.order_id, "refund_me");
    expect(await sku(s.store.id, "A12")).toMatchObject({ stock: 3, reserved: 0 });

    const staff = await signUp({ fullName: "Staff" });
    await prisma.membership.create({ data: { userId: staff.userId, storeId: s.store.id, role: "STAFF" } });
    const denied = await call(refund.POST, { method: "POST", path: `/api/v1/orders/${o.body.order_id}/refund`, params: { id: o.body.order_id }, token: staff.accessToken });
    expect(denied.status).toBe(403);

    const res = await post(refund.POST, s, o.body.order_id, "refund", { reason: "damaged" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "refunded", payments: [{ status: "refunded" }] });
    expect(await sku(s.store.id, "A12")).toMatchObject({ stock: 5, reserved: 0 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: o.body.order_id, action: "order.refunded" } });
    expect(audit).toMatchObject({ actorId: s.seller.userId, data: { from: "PAID", reason: "damaged" } });
    expect((await post(refund.POST, s, o.body.order_id, "refund")).status).toBe(200); // nothing left to refund, no error
    expect(await sku(s.store.id, "A12")).toMatchObject({ stock: 5 });
  });

  test("confirming a bank transfer pays the order once", async () => {
    const s = await sellerWithCatalog();
    const o = await createOrder(s, { items: [{ sku: "B07", qty: 1 }] });
    const res = await post(confirmTransfer.POST, s, o.body.order_id, "confirm-transfer");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: "paid", status: "paid", gateway: "transfer" });
    const again = await post(confirmTransfer.POST, s, o.body.order_id, "confirm-transfer");
    expect(again.body.outcome).toBe("duplicate");
    expect(await sku(s.store.id, "B07")).toMatchObject({ stock: 0, reserved: 0 });
    const queued = await queuedEvents("payment/succeeded", o.body.order_id);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({ data: { provider: "transfer" } });
  });
});

test("the OpenAPI document describes the orders, payments and payment webhook endpoints", async () => {
  const res = await call(openapi.GET as unknown as Parameters<typeof call>[0], { path: "/api/v1/openapi.json" });
  expect(Object.keys(res.body.paths)).toEqual(
    expect.arrayContaining(["/api/v1/orders", "/api/v1/orders/create", "/api/v1/orders/{id}", "/api/v1/orders/{id}/refund", "/api/v1/stores/{id}/payments/{provider}", "/api/webhooks/payments/{provider}"]),
  );
});
