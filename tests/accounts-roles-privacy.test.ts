import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as productsRoute from "@/app/api/v1/inventory/products/route";
import * as productRoute from "@/app/api/v1/inventory/products/[id]/route";
import * as importRoute from "@/app/api/v1/inventory/import/route";
import * as auditRoute from "@/app/api/v1/stores/[id]/audit/route";
import * as providerRoute from "@/app/api/v1/stores/[id]/payments/[provider]/route";
import * as createOrder from "@/app/api/v1/orders/create/route";
import * as webhook from "@/app/api/webhooks/payments/[provider]/route";
import * as buyerRoute from "@/app/api/v1/buyers/[id]/route";
import * as exportRoute from "@/app/api/v1/buyers/[id]/export/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";
import { sandboxDelivery } from "./helpers/payments";

async function storeWithStaff({ sandbox = true } = {}) {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken, {}, { sandbox });
  const staff = await signUp({ fullName: "Staff" });
  await prisma.membership.create({ data: { userId: staff.userId, storeId: store.id, role: "STAFF" } });
  const product = await call(productsRoute.POST, { token: owner.accessToken, body: { store_id: store.id, sku: "A12", name: "Polera roja M", price: 15990, stock: 5 } });
  expect(product.status).toBe(201);
  return { owner, staff, store, product: product.body as { id: string } };
}

describe("roles: STAFF changes stock, OWNER changes prices", () => {
  it("a STAFF PATCH with a price change is 403 owner_required and changes nothing; stock-only is 200", async () => {
    const { staff, product } = await storeWithStaff();
    const before = await prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    const priced = await call(productRoute.PATCH, { method: "PATCH", params: { id: product.id }, token: staff.accessToken, body: { price: 9990, stock: 9 } });
    expect(priced.status).toBe(403);
    expect(priced.body.error.code).toBe("owner_required");
    expect(await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ priceMinor: before.priceMinor, stock: before.stock });
    // The unchanged price in a full form is not a price change.
    const same = await call(productRoute.PATCH, { method: "PATCH", params: { id: product.id }, token: staff.accessToken, body: { price: 15990, stock: 7 } });
    expect(same.status).toBe(200);
    const stock = await call(productRoute.PATCH, { method: "PATCH", params: { id: product.id }, token: staff.accessToken, body: { stock: 8 } });
    expect(stock.status).toBe(200);
    expect(stock.body.stock).toBe(8);
  });

  it("STAFF cannot create or delete products or import a CSV; nothing changes", async () => {
    const { staff, store, product } = await storeWithStaff();
    const created = await call(productsRoute.POST, { token: staff.accessToken, body: { store_id: store.id, sku: "B1", name: "Bolso", price: 1000, stock: 1 } });
    expect(created.status).toBe(403);
    const deleted = await call(productRoute.DELETE, { method: "DELETE", params: { id: product.id }, token: staff.accessToken });
    expect(deleted.status).toBe(403);
    const csv = "sku,name,description,price,stock,keywords\nC1,Camisa,,1000,2,camisa\n";
    const imported = await call(importRoute.POST, { path: `/api/v1/inventory/import?store_id=${store.id}`, token: staff.accessToken, rawBody: csv, headers: { "content-type": "text/csv" } });
    expect(imported.status).toBe(403);
    expect(await prisma.product.count({ where: { storeId: store.id } })).toBe(1);
  });
});

describe("GET /api/v1/stores/{id}/audit", () => {
  it("OWNER reads price, stock and payment-setting changes with before/after (secrets masked); STAFF 403, stranger 404", async () => {
    const { owner, staff, store, product } = await storeWithStaff();
    await call(productRoute.PATCH, { method: "PATCH", params: { id: product.id }, token: owner.accessToken, body: { price: 12990 } });
    await call(productRoute.PATCH, { method: "PATCH", params: { id: product.id }, token: staff.accessToken, body: { stock: 9 } });
    const mp = await call(providerRoute.PUT, { method: "PUT", params: { id: store.id, provider: "mercadopago" }, token: owner.accessToken, body: { credentials: { accessToken: "APP_USR-1234567890-very-secret-abcd", webhookSecret: "whsec-very-secret-9876" } } });
    expect(mp.status).toBe(200);

    const all = await call(auditRoute.GET, { path: `/api/v1/stores/${store.id}/audit`, params: { id: store.id }, token: owner.accessToken });
    expect(all.status).toBe(200);
    const price = all.body.find((e: { action: string }) => e.action === "product.price_changed");
    expect(price).toMatchObject({ actor: owner.email, before: { price_minor: 15990 }, after: { price_minor: 12990 } });
    expect(typeof price.at).toBe("string");
    const stock = all.body.find((e: { action: string }) => e.action === "product.stock_changed");
    expect(stock).toMatchObject({ actor: staff.email, before: { stock: 5 }, after: { stock: 9 } });
    const payment = all.body.find((e: { action: string; data: { provider?: string } }) => e.action === "payment_config.updated" && e.data.provider === "mercadopago");
    expect(payment.after.credentials.accessToken).toMatch(/abcd$/);
    expect(JSON.stringify(all.body)).not.toContain("very-secret");

    const filtered = await call(auditRoute.GET, { path: `/api/v1/stores/${store.id}/audit?action=product.price_changed&limit=5`, params: { id: store.id }, token: owner.accessToken });
    expect(filtered.body.map((e: { action: string }) => e.action)).toEqual(["product.price_changed"]);
    const bad = await call(auditRoute.GET, { path: `/api/v1/stores/${store.id}/audit?limit=0`, params: { id: store.id }, token: owner.accessToken });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("limit");

    expect((await call(auditRoute.GET, { path: `/api/v1/stores/${store.id}/audit`, params: { id: store.id }, token: staff.accessToken })).status).toBe(403);
    const stranger = await signUp();
    expect((await call(auditRoute.GET, { path: `/api/v1/stores/${store.id}/audit`, params: { id: store.id }, token: stranger.accessToken })).status).toBe(404);
  });
});

describe("sandbox payments are opt-in per store", () => {
  it("a store without test payments: not offered, and a signed sandbox webhook is refused (403) and changes nothing", async () => {
    const { owner, store } = await storeWithStaff({ sandbox: false });
    const order = await call(createOrder.POST, { token: owner.accessToken, body: { store_id: store.id, customer_fb_id: "fb_1", items: [{ sku: "A12", qty: 1 }] } });
    expect(order.status).toBe(201);
    const row = await prisma.order.findUniqueOrThrow({ where: { id: order.body.order_id } });
    const res = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: row.id, amountMinor: row.totalMinor, currency: row.currency, transactionId: "txn_off" }));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("sandbox_disabled");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
    expect(await prisma.payment.count({ where: { orderId: row.id } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { storeId: store.id } })).toBe(0);

    const on = await call(providerRoute.PUT, { method: "PUT", path: `/api/v1/stores/${store.id}/payments/sandbox`, params: { id: store.id, provider: "sandbox" }, token: owner.accessToken, body: { enabled: true } });
    expect(on.status).toBe(200);
    expect(on.body.enabled).toBe(true);
    const paid = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: row.id, amountMinor: row.totalMinor, currency: row.currency, transactionId: "txn_on" }));
    expect(paid.status).toBe(200);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PAID");
  });
});

describe("buyer export and erasure", () => {
  it("export holds everything about the buyer; DELETE erases it everywhere, keeps amounts, is idempotent and OWNER-only", async () => {
    const { owner, staff, store } = await storeWithStaff();
    const created = await call(createOrder.POST, { token: owner.accessToken, body: { store_id: store.id, customer_fb_id: "fb_carla", items: [{ sku: "A12", qty: 2 }] } });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: created.body.order_id } });
    const buyerId = order.buyerId!;
    await prisma.buyer.update({ where: { id: buyerId }, data: { name: "Carla Pérez", psid: "psid-carla" } });
    const comment = await prisma.comment.create({ data: { storeId: store.id, metaCommentId: `c_${buyerId}`, postId: "p", authorId: "fb_carla", authorName: "Carla Pérez", text: "quiero 2, mi fono +56 9 1234 5678", buyerId, createdTime: new Date() } });
    await prisma.aiDecision.create({ data: { storeId: store.id, commentId: comment.id, text: comment.text, engine: "rules", intent: "BUY", confidence: 0.9, reason: "Carla wants 2", latencyMs: 1 } });
    await prisma.inboundMessage.create({ data: { storeId: store.id, buyerId, mid: `m_${buyerId}`, senderId: "psid-carla", text: "mi dirección es Av. Siempre Viva 742" } });
    await prisma.outboundMessage.create({ data: { storeId: store.id, buyerId, kind: "DM", purpose: "manual", idempotencyKey: `o_${buyerId}`, recipient: "psid-carla", body: { message: { text: "Hola Carla" } } } });
    await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: order.currency, transactionId: "txn_carla" }));
    await prisma.payment.updateMany({ where: { orderId: order.id }, data: { raw: { payer: { name: "Carla Pérez", email: "carla@example.com" } } } });

    const exported = await call(exportRoute.GET, { params: { id: buyerId }, token: owner.accessToken });
    expect(exported.status).toBe(200);
    expect(exported.body.buyer).toMatchObject({ id: buyerId, name: "Carla Pérez" });
    for (const key of ["comments", "ai_decisions", "inbound_messages", "outbound_messages", "orders", "payments"]) expect(exported.body[key].length, key).toBeGreaterThan(0);
    expect(JSON.stringify(exported.body)).toContain("carla@example.com");

    expect((await call(exportRoute.GET, { params: { id: buyerId }, token: staff.accessToken })).status).toBe(403);
    expect((await call(buyerRoute.DELETE, { method: "DELETE", params: { id: buyerId }, token: staff.accessToken })).status).toBe(403);
    const stranger = await signUp();
    expect((await call(exportRoute.GET, { params: { id: buyerId }, token: stranger.accessToken })).status).toBe(404);
    expect((await call(buyerRoute.DELETE, { method: "DELETE", params: { id: buyerId }, token: stranger.accessToken })).status).toBe(404);
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyerId } })).name).toBe("Carla Pérez");

    const erased = await call(buyerRoute.DELETE, { method: "DELETE", params: { id: buyerId }, token: owner.accessToken });
    expect(erased.status).toBe(200);
    expect((await call(buyerRoute.DELETE, { method: "DELETE", params: { id: buyerId }, token: owner.accessToken })).status).toBe(200);

    const after = JSON.stringify((await call(exportRoute.GET, { params: { id: buyerId }, token: owner.accessToken })).body);
    for (const secret of ["Carla", "psid-carla", "1234 5678", "Siempre Viva", "carla@example.com"]) expect(after, secret).not.toContain(secret);
    const kept = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(kept).toMatchObject({ totalMinor: order.totalMinor, status: "PAID" });
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyerId } })).erasedAt).not.toBeNull();
  });
});
