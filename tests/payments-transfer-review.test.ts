import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as receipt from "@/app/checkout/[orderId]/receipt/route";
import * as confirmRoute from "@/app/api/v1/orders/[id]/confirm-transfer/route";
import * as rejectRoute from "@/app/api/v1/orders/[id]/reject-transfer/route";
import * as orderById from "@/app/api/v1/orders/[id]/route";
import * as receiptFile from "@/app/api/v1/orders/[id]/receipt/route";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { expireOrder, expireOverdueOrders } from "@/lib/orders/expire-order";
import { orderTimers } from "@/lib/orders/order-timers";
import { reserveItems } from "@/lib/orders/reserve";
import { listLiveCarts } from "@/lib/live-control/carts";
import { loadTransferReview } from "@/lib/payments/load-transfer-review";
import { captureJobEvents, configureProvider, makeOverdue, pendingOrder, productState, queuedEvents } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { signUp } from "./helpers/factories";
import { seedBuyer, seedStore } from "./helpers/seed";

// Issue 11 item 2: a buyer who pays by bank transfer uploads her receipt; until now the order could not be
// confirmed and expired 30 minutes later with its stock released. These prove the whole review path.

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2e1a3f50000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const HOUR = 3600_000;

let graph: FakeGraphServer;
beforeAll(async () => {
  captureJobEvents();
  process.env.LSS_DATA_DIR = await mkdtemp(join(tmpdir(), "lss-transfer-review-"));
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

/** A store with transfer configured, a signed-up OWNER and STAFF, and a buyer (talking to the Page) with a pending order. */
async function transferOrder({ stock = 5, quantity = 2, hold = null as number | null, liveId = false } = {}) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock, keywords: [] }] });
  const { store, pageId, live } = seeded;
  if (hold !== null) await prisma.store.update({ where: { id: store.id }, data: { transferReviewHoldSeconds: hold } });
  const owner = await signUp({ fullName: "Dueña" });
  await prisma.membership.create({ data: { userId: owner.userId, storeId: store.id, role: "OWNER" } });
  const staff = await signUp({ fullName: "Staff" });
  await prisma.membership.create({ data: { userId: staff.userId, storeId: store.id, role: "STAFF" } });
  await configureProvider({ storeId: store.id, ownerId: owner.userId, provider: "transfer", credentials: { bankName: "Banco Estado", accountHolder: "Ana", accountNumber: "123", accountType: "vista" } });
  const buyer = await seedBuyer(store.id, pageId, "Carla Díaz");
  await prisma.buyer.update({ where: { id: buyer.id }, data: { psid: `psid_${buyer.id}`, lastInboundAt: new Date() } });
  const product = seeded.products[0]!;
  const order = liveId
    ? await reserve({ storeId: store.id, productId: product.id, buyerId: buyer.id, quantity, liveId: live.id })
    : await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyer.id, quantity });
  return { store, owner, staff, buyer, product, order: await prisma.order.findUniqueOrThrow({ where: { id: order.id } }), live };
}

async function reserve(args: { storeId: string; productId: string; buyerId: string; quantity: number; liveId: string; merge?: boolean }) {
  const r = await reserveItems({ storeId: args.storeId, buyerId: args.buyerId, liveId: args.liveId, items: [{ productId: args.productId, quantity: args.quantity }], idempotencyKey: `t:${Math.random()}`, mergeIntoOpenCart: args.merge ?? true, actor: { type: "SYSTEM" } });
  if (r.status !== "reserved") throw new Error(r.status);
  return r.order;
}

/** The buyer's upload form, exactly as the browser posts it. */
async function upload(order: { id: string; checkoutToken: string }, file = PNG, type = "image/png") {
  const body = new FormData();
  body.set("t", order.checkoutToken);
  body.set("lang", "es");
  body.set("receipt", new Blob([new Uint8Array(file)], { type }), "comprobante");
  const req = new Request("http://localhost:3000/x", { method: "POST", body });
  return call(receipt.POST as unknown as Parameters<typeof call>[0], {
    path: `/checkout/${order.id}/receipt`,
    params: { orderId: order.id },
    rawBody: Buffer.from(await req.arrayBuffer()),
    headers: { "content-type": req.headers.get("content-type")! },
  });
}

const act = (route: typeof confirmRoute.POST, token: string, id: string, action: string, body?: unknown) =>
  call(route, { method: "POST", path: `/api/v1/orders/${id}/${action}`, params: { id }, token, ...(body !== undefined ? { body } : {}) });
const orderRow = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });
const dmsTo = (psid: string) => graph.calls.filter((c) => c.kind === "message" && c.psid === psid).map((c) => JSON.stringify(c.message));

describe("a receipt upload", () => {
  test("marks the order as paying by transfer and holds its reservation past the normal TTL, up to the store's hold", async () => {
    const { order, product, buyer } = await transferOrder({ hold: 6 * 3600 });
    const before = Date.now();
    const res = await upload(order);
    expect(res.status).toBe(303);

    const held = await orderRow(order.id);
    expect(held.gateway).toBe("transfer");
    expect(held.transferReviewSince).not.toBeNull();
    expect(held.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 6 * HOUR - 1000);
    expect(held.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 6 * HOUR + 1000);

    // 31 minutes later (past the 30-minute TTL) nothing expires: the lifecycle's expiry, the sweeper and lazy expiry all go by expiresAt.
    expect(await expireOrder({ orderId: order.id, now: new Date(Date.now() + 31 * 60_000) })).toBeNull();
    expect(await expireOverdueOrders()).toEqual([]);
    expect((await orderRow(order.id)).status).toBe("PENDING");
    expect(await productState(product.id)).toEqual({ stock: 5, reserved: 2, available: 3 });
    // No "your cart expires soon" while the store reviews the transfer.
    expect((await orderTimers({ orderId: order.id })).reminderDue).toBe(false);

    // The seller is alerted; the buyer is told her items stay reserved.
    expect(await prisma.outboundMessage.count({ where: { orderId: order.id, purpose: "seller_alert" } })).toBe(1);
    const dms = dmsTo(`psid_${buyer.id}`);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatch(/Recibimos tu comprobante/);
    expect(dms[0]).toContain(`/checkout/${order.id}`);
    expect(await loadTransferReview(held)).toMatchObject({ state: "pending", receipt_kind: "image", held_until: held.expiresAt.toISOString() });
  });

  test("the default hold is 48 hours, and the order expires (stock released) once the hold runs out", async () => {
    const { order, product } = await transferOrder();
    await upload(order);
    const held = await orderRow(order.id);
    expect(Math.round((held.expiresAt.getTime() - held.transferReviewSince!.getTime()) / HOUR)).toBe(48);

    expect(await expireOrder({ orderId: order.id, now: new Date(held.expiresAt.getTime() - 60_000) })).toBeNull();
    const expired = await expireOrder({ orderId: order.id, now: new Date(held.expiresAt.getTime() + 1000) });
    expect(expired).toMatchObject({ productIds: [product.id] });
    expect((await orderRow(order.id)).status).toBe("EXPIRED");
    expect(await productState(product.id)).toEqual({ stock: 5, reserved: 0, available: 5 });
  });

  test("a cart under review is closed to new items: another BUY of the same buyer opens a new cart", async () => {
    const { order, product, buyer, store, live } = await transferOrder({ liveId: true });
    await upload(order);
    const next = await reserve({ storeId: store.id, productId: product.id, buyerId: buyer.id, quantity: 1, liveId: live.id });
    expect(next.id).not.toBe(order.id);
    expect((await orderRow(order.id)).totalMinor).toBe(order.totalMinor);
  });

  test("a receipt for an order that has just expired takes the items again when they are still in stock", async () => {
    const { order, product } = await transferOrder();
    await makeOverdue(order.id);
    await expireOrder({ orderId: order.id });
    expect(await productState(product.id)).toMatchObject({ reserved: 0 });
    await upload(order);
    const reopened = await orderRow(order.id);
    expect(reopened).toMatchObject({ status: "PENDING", gateway: "transfer", expiredAt: null });
    expect(reopened.expiresAt.getTime()).toBeGreaterThan(Date.now() + 47 * HOUR);
    expect(await productState(product.id)).toEqual({ stock: 5, reserved: 2, available: 3 });
    expect((await queuedEvents("order/created", order.id)).some((e) => e.eventId.startsWith("order-transfer-review:"))).toBe(true);
  });
});

describe("confirming the transfer (OWNER)", () => {
  test("marks the order paid exactly once: stock committed, buyer and seller notified; a second confirm changes nothing", async () => {
    const { order, owner, product } = await transferOrder();
    await upload(order);
    const res = await act(confirmRoute.POST, owner.accessToken, order.id, "confirm-transfer");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: "paid", status: "paid", gateway: "transfer", transfer_review: { state: "confirmed" } });
    expect(await productState(product.id)).toEqual({ stock: 3, reserved: 0, available: 3 });
    const paid = await orderRow(order.id);
    expect(paid.transferReviewSince).toBeNull();
    const payments = await prisma.payment.findMany({ where: { orderId: order.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ provider: "transfer", status: "SUCCEEDED", receiptPath: expect.stringMatching(/\.png$/) });
    expect(payments[0]!.reviewedAt).not.toBeNull();
    // The same announcement a payment webhook makes: the payment/succeeded job notifies buyer and seller.
    const events = await queuedEvents("payment/succeeded", order.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ data: { provider: "transfer", amount: order.totalMinor } });

    const again = await act(confirmRoute.POST, owner.accessToken, order.id, "confirm-transfer");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: "duplicate", status: "paid" });
    expect(await productState(product.id)).toEqual({ stock: 3, reserved: 0, available: 3 });
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(1);
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
  });

  test("STAFF may see the receipt but not confirm or reject it (403), and nothing changes", async () => {
    const { order, staff, product } = await transferOrder();
    await upload(order);
    const file = await call(receiptFile.GET, { path: `/api/v1/orders/${order.id}/receipt`, params: { id: order.id }, token: staff.accessToken });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect((await act(confirmRoute.POST, staff.accessToken, order.id, "confirm-transfer")).status).toBe(403);
    expect((await act(rejectRoute.POST, staff.accessToken, order.id, "reject-transfer", { reason: "no llegó" })).status).toBe(403);
    expect((await orderRow(order.id)).status).toBe("PENDING");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "PENDING" });
    expect(await productState(product.id)).toMatchObject({ reserved: 2 });
  });

  test("another tenant's order answers 404 to confirm, reject, the receipt and the detail, and changes nothing", async () => {
    const { order } = await transferOrder();
    await upload(order);
    const other = await transferOrder();
    const token = other.owner.accessToken;
    expect((await act(confirmRoute.POST, token, order.id, "confirm-transfer")).status).toBe(404);
    expect((await act(rejectRoute.POST, token, order.id, "reject-transfer", { reason: "x" })).status).toBe(404);
    expect((await call(receiptFile.GET, { path: `/api/v1/orders/${order.id}/receipt`, params: { id: order.id }, token })).status).toBe(404);
    expect((await call(orderById.GET, { path: `/api/v1/orders/${order.id}`, params: { id: order.id }, token })).status).toBe(404);
    expect(await orderRow(order.id)).toMatchObject({ status: "PENDING" });
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "PENDING", rejectionReason: null });
  });
});

describe("rejecting the receipt (OWNER)", () => {
  test("needs a reason (422 naming it, nothing changes)", async () => {
    const { order, owner } = await transferOrder();
    await upload(order);
    for (const body of [{}, { reason: "   " }]) {
      const res = await act(rejectRoute.POST, owner.accessToken, order.id, "reject-transfer", body);
      expect(res.status).toBe(422);
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: "reason" }));
    }
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "PENDING" });
    expect((await orderRow(order.id)).transferReviewSince).not.toBeNull();
  });

  test("tells the buyer why (DM and checkout), restarts the normal expiry from now, and lets her upload again", async () => {
    const { order, owner, buyer, product } = await transferOrder();
    await upload(order, PDF, "application/pdf");
    graph.reset();
    const before = Date.now();
    const res = await act(rejectRoute.POST, owner.accessToken, order.id, "reject-transfer", { reason: "El monto no coincide" });
    expect(res.status).toBe(200);
    expect(res.body.transfer_review).toMatchObject({ state: "rejected", rejection_reason: "El monto no coincide", receipt_kind: "pdf" });

    const rejected = await orderRow(order.id);
    expect(rejected.status).toBe("PENDING");
    expect(rejected.transferReviewSince).toBeNull();
    // The normal reservation time again, counted from the rejection (RESERVATION_TTL_SECONDS = 1800 here).
    expect(rejected.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 1800_000 - 1000);
    expect(rejected.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 1800_000 + 1000);
    expect(await productState(product.id)).toMatchObject({ reserved: 2 });
    expect((await queuedEvents("order/created", order.id)).some((e) => e.eventId.startsWith("order-transfer-rejected:"))).toBe(true);
    expect((await orderTimers({ orderId: order.id })).reminderDue).toBe(true);

    const dms = dmsTo(`psid_${buyer.id}`);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain("El monto no coincide");
    expect(await loadTransferReview(rejected)).toMatchObject({ state: "rejected", rejection_reason: "El monto no coincide" });

    // A second reject has nothing left to review.
    expect((await act(rejectRoute.POST, owner.accessToken, order.id, "reject-transfer", { reason: "otra vez" })).status).toBe(409);

    // She uploads a new receipt: held again, the same transfer payment waits for review with the new file.
    const again = await upload(order);
    expect(again.status).toBe(303);
    const reheld = await orderRow(order.id);
    expect(reheld.transferReviewSince).not.toBeNull();
    expect(reheld.expiresAt.getTime()).toBeGreaterThan(Date.now() + 47 * HOUR);
    const payments = await prisma.payment.findMany({ where: { orderId: order.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: "PENDING", rejectionReason: null, receiptPath: expect.stringMatching(/\.png$/) });
    expect(await loadTransferReview(reheld)).toMatchObject({ state: "pending", receipt_kind: "image" });

    // …and the owner can now confirm it.
    expect((await act(confirmRoute.POST, owner.accessToken, order.id, "confirm-transfer")).body).toMatchObject({ outcome: "paid" });
  });

  test("after a rejection the order expires again on the normal schedule", async () => {
    const { order, owner, product } = await transferOrder();
    await upload(order);
    await act(rejectRoute.POST, owner.accessToken, order.id, "reject-transfer", { reason: "No llegó la transferencia" });
    const { expiresAt } = await orderRow(order.id);
    expect(await expireOrder({ orderId: order.id, now: new Date(expiresAt.getTime() + 1000) })).toMatchObject({ productIds: [product.id] });
    expect(await productState(product.id)).toMatchObject({ reserved: 0 });
  });
});

test("the Live Control Center's carts carry the same pending receipt", async () => {
  const { order, store, live } = await transferOrder({ liveId: true });
  await upload(order);
  const [cart] = await listLiveCarts({ liveId: live.id, storeId: store.id, ids: [order.id] });
  expect(cart).toMatchObject({ gateway: "transfer", transfer_review: { state: "pending", receipt_kind: "image" } });
  expect(cart!.transfer_review!.receipt_url).toMatch(new RegExp(`^/api/v1/orders/${order.id}/receipt\\?v=`));
});
