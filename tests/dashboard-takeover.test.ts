import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { reserveItems } from "@/lib/orders/reserve";
import { listFeedComments } from "@/lib/live-control/feed";
import { listLiveCarts } from "@/lib/live-control/carts";
import * as buyerRoute from "@/app/api/v1/buyers/[id]/route";
import * as messagesRoute from "@/app/api/v1/buyers/[id]/messages/route";
import * as correctRoute from "@/app/api/v1/lives/[id]/takeover/comments/[commentId]/route";
import * as cartRoute from "@/app/api/v1/lives/[id]/takeover/carts/[orderId]/route";
import { call } from "./helpers/api";
import { seedBuyer, seedStore } from "./helpers/seed";
import { sessionCookieFor } from "./helpers/session";


let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

const CATALOG = [
  { sku: "A12", name: "Polera roja M", priceMinor: 15_990, stock: 10, keywords: ["polera"] },
  { sku: "B7", name: "Bolso negro", priceMinor: 39_990, stock: 2, keywords: ["bolso"] },
];

async function setup() {
  const seeded = await seedStore({ products: CATALOG });
  forgetPageCredentials(seeded.store.id);
  const buyer = await seedBuyer(seeded.store.id, seeded.pageId, "Carla Pérez");
  const headers = { cookie: await sessionCookieFor(seeded.owner), origin: "http://localhost:3000", host: "localhost:3000" };
  const comment = (text: string, extra: Partial<{ intent: "BUY" | "QUESTION" | "OTHER"; status: "PROCESSED" | "NEEDS_REVIEW" | "SKIPPED" }> = {}) =>
    prisma.comment.create({
      data: {
        storeId: seeded.store.id, liveId: seeded.live.id, metaCommentId: `${seeded.live.fbVideoId}_${randomBytes(6).toString("hex")}`, postId: seeded.live.fbPostId!,
        authorId: buyer.authorId, authorName: buyer.name, buyerId: buyer.id, text, intent: extra.intent ?? "QUESTION", confidence: 0.55, status: extra.status ?? "NEEDS_REVIEW", createdTime: new Date(),
      },
    });
  const product = (sku: string) => prisma.product.findFirstOrThrow({ where: { storeId: seeded.store.id, sku } });
  return { ...seeded, buyer, headers, comment, product };
}

const privateReplies = () => graph.calls.filter((c) => c.kind === "private_reply");

describe("manual takeover of one buyer", () => {
  test("pausing the bot for a buyer is stored, audited and visible in the feed; another tenant's buyer answers 404", async () => {
    const { buyer, headers, live, comment } = await setup();
    const c = await comment("tienen en azul?");
    const res = await call(buyerRoute.PATCH, { method: "PATCH", params: { id: buyer.id }, body: { bot_paused: true }, headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: buyer.id, bot_paused: true, opted_out: false });
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).botPausedAt).toBeInstanceOf(Date);
    expect(await prisma.auditLog.count({ where: { entityId: buyer.id, action: "buyer.bot_paused" } })).toBe(1);
    const [row] = await listFeedComments({ liveId: live.id, ids: [c.id] });
    expect(row).toMatchObject({ buyer_id: buyer.id, buyer_paused: true });

    const resumed = await call(buyerRoute.PATCH, { method: "PATCH", params: { id: buyer.id }, body: { bot_paused: false }, headers });
    expect(resumed.body.bot_paused).toBe(false);

    const other = await setup();
    const foreign = await call(buyerRoute.PATCH, { method: "PATCH", params: { id: buyer.id }, body: { bot_paused: true }, headers: other.headers });
    expect(foreign.status).toBe(404);
    const bad = await call(buyerRoute.PATCH, { method: "PATCH", params: { id: buyer.id }, body: { bot_paused: "yes" }, headers });
    expect(bad.status).toBe(422);
  });

  test("outside the 24 h window the seller's message is the private reply to the buyer's unanswered comment — once; then 409", async () => {
    const { buyer, headers, live, comment } = await setup();
    const c = await comment("cuánto cuesta el envío?");
    // Neither the kill switch nor the buyer's pause holds back the seller's own message.
    await prisma.live.update({ where: { id: live.id }, data: { botEnabled: false } });
    await prisma.buyer.update({ where: { id: buyer.id }, data: { botPausedAt: new Date() } });

    const sent = await call(messagesRoute.POST, { params: { id: buyer.id }, body: { text: "Hola Carla, el envío cuesta $3.000", live_id: live.id }, headers });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "SENT", via: "private_reply" });
    expect(privateReplies()).toHaveLength(1);
    expect(JSON.stringify(privateReplies()[0]!.body)).toContain(c.metaCommentId);
    expect(JSON.stringify(privateReplies()[0]!.body)).toContain("el envío cuesta");
    const row = await prisma.outboundMessage.findFirstOrThrow({ where: { commentId: c.id } });
    expect(row).toMatchObject({ kind: "PRIVATE_REPLY", purpose: "manual", idempotencyKey: `comment:${c.id}:private`, status: "SENT" });

    const again = await call(messagesRoute.POST, { params: { id: buyer.id }, body: { text: "¿Sigues ahí?" }, headers });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("messaging_window_closed");
    expect(privateReplies()).toHaveLength(1);
  });

  test("inside the 24 h window it is a DM with messaging_type RESPONSE, and a retried request sends once", async () => {
    const { buyer, headers } = await setup();
    await prisma.buyer.update({ where: { id: buyer.id }, data: { psid: "psid_carla", lastInboundAt: new Date() } });
    const body = { text: "¡Gracias por escribir!", client_id: "retry-key-0001" };
    const first = await call(messagesRoute.POST, { params: { id: buyer.id }, body, headers });
    const second = await call(messagesRoute.POST, { params: { id: buyer.id }, body, headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "SENT", via: "dm" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicate: true, message_id: first.body.message_id });
    const dms = graph.calls.filter((c) => c.kind === "message");
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({ psid: "psid_carla", messagingType: "RESPONSE" });

    const convo = await call(buyerRoute.GET, { params: { id: buyer.id }, headers });
    expect(convo.body.in_messaging_window).toBe(true);
    expect(convo.body.entries.at(-1)).toMatchObject({ kind: "outbound", text: "¡Gracias por escribir!", status: "SENT", purpose: "manual" });
  });

  test("a buyer who opted out is never messaged, not even by the seller", async () => {
    const { buyer, headers, comment } = await setup();
    await comment("hola");
    await prisma.buyer.update({ where: { id: buyer.id }, data: { optedOutAt: new Date() } });
    const res = await call(messagesRoute.POST, { params: { id: buyer.id }, body: { text: "hola" }, headers });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("buyer_opted_out");
    expect(graph.calls).toHaveLength(0);
  });
});

describe("correcting the AI's reading", () => {
  test("a question re-read as BUY 2 × A12 creates the cart, reserves stock, logs a manual decision and sends the link", async () => {
    const { buyer, headers, live, comment, product, store } = await setup();
    const c = await comment("me das dos de las rojas?");
    const res = await call(correctRoute.POST, { params: { id: live.id, commentId: c.id }, body: { intent: "BUY", sku: "A12", quantity: 2, send_link: true }, headers });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ intent: "BUY", sku: "A12", quantity: 2, confidence: 1, status: "PROCESSED", order_status: "PENDING", private_reply: "SENT" });
    expect(res.body.cart).toMatchObject({ status: "PENDING", total_minor: 31_980, buyer_id: buyer.id, items: [{ sku: "A12", quantity: 2 }], link: "SENT" });
    expect(res.body.message).toMatchObject({ status: "SENT", via: "private_reply" });
    expect((await product("A12")).reserved).toBe(2);
    const decision = await prisma.aiDecision.findFirstOrThrow({ where: { commentId: c.id } });
    expect(decision).toMatchObject({ engine: "manual", intent: "BUY", sku: "A12", quantity: 2, confidence: 1 });
    const order = await prisma.order.findFirstOrThrow({ where: { storeId: store.id } });
    expect(JSON.stringify(privateReplies()[0]!.body)).toContain(`http://localhost:3999/checkout/${order.id}?t=${order.checkoutToken}`);
  });

  test("re-reading a bot-made cart as another product moves the reservation; too few units changes nothing", async () => {
    const { buyer, headers, live, comment, product, store } = await setup();
    const c = await comment("quiero la roja", { intent: "BUY", status: "PROCESSED" });
    const a12 = await product("A12");
    const made = await reserveItems({ storeId: store.id, buyerId: buyer.id, liveId: live.id, items: [{ productId: a12.id, quantity: 1 }], idempotencyKey: `comment:${c.id}`, commentId: c.id, mergeIntoOpenCart: true, actor: { type: "SYSTEM" } });
    if (made.status !== "reserved") throw new Error("seed reservation failed");
    await prisma.comment.update({ where: { id: c.id }, data: { orderId: made.order.id, sku: "A12", quantity: 1 } });

    const moved = await call(correctRoute.POST, { params: { id: live.id, commentId: c.id }, body: { intent: "BUY", sku: "B7", quantity: 1 }, headers });
    expect(moved.status).toBe(200);
    expect(moved.body.cart).toMatchObject({ id: made.order.id, total_minor: 39_990, items: [{ sku: "B7", quantity: 1 }] });
    expect((await product("A12")).reserved).toBe(0);
    expect((await product("B7")).reserved).toBe(1);

    const tooMany = await call(correctRoute.POST, { params: { id: live.id, commentId: c.id }, body: { intent: "BUY", sku: "B7", quantity: 5 }, headers });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: "out_of_stock", details: { sku: "B7" } });
    expect((await product("B7")).reserved).toBe(1);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: c.id } })).quantity).toBe(1);

    const notBuying = await call(correctRoute.POST, { params: { id: live.id, commentId: c.id }, body: { intent: "OTHER" }, headers });
    expect(notBuying.status).toBe(200);
    expect(notBuying.body.comment).toMatchObject({ intent: "OTHER", order_id: null });
    expect((await product("B7")).reserved).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: made.order.id } })).status).toBe("CANCELLED");
  });

  test("BUY without a SKU or with an unknown SKU is refused with the field named and nothing changed", async () => {
    const { headers, live, comment } = await setup();
    const c = await comment("quiero");
    const missing = await call(correctRoute.POST, { params: { id: live.id, commentId: c.id }, body: { intent: "BUY" }, headers });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0].field).toBe("sku");
    const unknown = await call(correctRoute.POST, { params: { id: live.id, commentId: c.id }, body: { intent: "BUY", sku: "ZZ9" }, headers });
    expect(unknown.status).toBe(422);
    expect(await prisma.order.count({ where: { storeId: live.storeId } })).toBe(0);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: c.id } })).intent).toBe("QUESTION");
  });
});

describe("fixing a cart", () => {
  test("setting a line's quantity moves stock both ways; removing the last line cancels the cart; closed carts are refused", async () => {
    const { buyer, headers, live, product, store } = await setup();
    const a12 = await product("A12");
    const made = await reserveItems({ storeId: store.id, buyerId: buyer.id, liveId: live.id, items: [{ productId: a12.id, quantity: 2 }], idempotencyKey: "api:1", mergeIntoOpenCart: true, actor: { type: "SYSTEM" } });
    if (made.status !== "reserved") throw new Error("seed reservation failed");
    const put = (body: unknown) => call(cartRoute.PUT, { method: "PUT", params: { id: live.id, orderId: made.order.id }, body, headers });

    const up = await put({ sku: "A12", quantity: 5 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ items: [{ sku: "A12", quantity: 5 }], total_minor: 79_950 });
    expect((await product("A12")).reserved).toBe(5);

    const added = await put({ sku: "B7", quantity: 2 });
    expect(added.body.items.map((i: { sku: string; quantity: number }) => `${i.sku}x${i.quantity}`)).toEqual(["A12x5", "B7x2"]);
    expect((await put({ sku: "B7", quantity: 3 })).body.error.code).toBe("out_of_stock");

    const down = await put({ sku: "A12", quantity: 1 });
    expect(down.body.items[0]).toMatchObject({ sku: "A12", quantity: 1 });
    expect((await product("A12")).reserved).toBe(1);
    await put({ sku: "B7", quantity: 0 });
    const emptied = await put({ sku: "A12", quantity: 0 });
    expect(emptied.body).toMatchObject({ status: "CANCELLED", items: [], total_minor: 0 });
    expect((await product("A12")).reserved).toBe(0);
    expect((await product("B7")).reserved).toBe(0);

    const closed = await put({ sku: "A12", quantity: 1 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("order_not_editable");
    const [cart] = await listLiveCarts({ liveId: live.id, storeId: store.id });
    expect(cart!.status).toBe("CANCELLED");
  });
});
