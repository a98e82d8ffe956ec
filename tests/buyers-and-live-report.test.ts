import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { expireOrder } from "@/lib/orders/expire-order";
import { recordCheckoutOpened } from "@/lib/orders/record-checkout-opened";
import * as buyersRoute from "@/app/api/v1/buyers/route";
import * as buyerRoute from "@/app/api/v1/buyers/[id]/route";
import * as reportRoute from "@/app/api/v1/lives/[id]/report/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";
import { pendingOrder } from "./helpers/payments";

const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
beforeEach(() => {
  graph = fakeGraph();
});

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const origin = { origin: "http://localhost:3000", host: "localhost:3000" };

async function comment(seeded: Awaited<ReturnType<typeof seedStore>>, { message, authorId, name = "Carla Soto" }: { message: string; authorId: string; name?: string }) {
  const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message, authorId, authorName: name });
  graph.registerCommentAuthor({ commentId: c.commentId, psid: `psid_${authorId}` });
  await postWebhook(c.payload);
  await run();
  return prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
}

async function pay(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return markOrderPaid({ orderId, provider: "sandbox", providerTxnId: `txn_${orderId}`, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } });
}

describe("buyers (CONTRACT §14)", () => {
  test("a buyer who lets three holds expire becomes a non-payer with a high risk; one who pays twice is a repeat buyer", async () => {
    const seeded = await seedStore();
    const cookie = await sessionCookieFor(seeded.owner);
    const product = seeded.products[0]!;
    const hoarder = await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: "a_hoarder", name: "Hoarder" } });
    const loyal = await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: "a_loyal", name: "Loyal" } });
    for (let i = 0; i < 3; i++) await expireOrder({ orderId: (await pendingOrder({ storeId: seeded.store.id, productId: product.id, buyerId: hoarder.id })).id, now: new Date(Date.now() + 3_600_000) });
    for (let i = 0; i < 2; i++) await pay((await pendingOrder({ storeId: seeded.store.id, productId: product.id, buyerId: loyal.id })).id);

    const res = await call(buyersRoute.GET, { path: `/api/v1/buyers?store_id=${seeded.store.id}`, headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const byName = Object.fromEntries(res.body.items.map((b: { name: string }) => [b.name, b]));
    expect(byName.Hoarder).toMatchObject({ orders_paid: 0, orders_unpaid: 3, spend_minor: 0, segment: "non_payer", blocked: false });
    expect(byName.Hoarder.risk).toBeGreaterThanOrEqual(80);
    expect(byName.Loyal).toMatchObject({ orders_paid: 2, orders_unpaid: 0, spend_minor: 2 * 15990, segment: "repeat", risk: 0 });

    const nonPayers = await call(buyersRoute.GET, { path: `/api/v1/buyers?store_id=${seeded.store.id}&segment=non_payer`, headers: { cookie } });
    expect(nonPayers.body).toMatchObject({ total: 1, items: [{ name: "Hoarder" }] });
    const searched = await call(buyersRoute.GET, { path: `/api/v1/buyers?store_id=${seeded.store.id}&q=loy`, headers: { cookie } });
    expect(searched.body.items.map((b: { name: string }) => b.name)).toEqual(["Loyal"]);
    const bad = await call(buyersRoute.GET, { path: `/api/v1/buyers?store_id=${seeded.store.id}&segment=whales`, headers: { cookie } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("segment");
  });

  test("a blocked buyer's comment is stored and shown but reserves nothing; unblocked, the next one reserves", async () => {
    const seeded = await seedStore();
    const cookie = await sessionCookieFor(seeded.owner);
    const first = await comment(seeded, { message: "hola!", authorId: "a_blocked" });
    const buyerId = first.buyerId!;

    const blocked = await call(buyerRoute.PATCH, { method: "PATCH", path: `/api/v1/buyers/${buyerId}`, params: { id: buyerId }, headers: { cookie, ...origin }, body: { blocked: true, notes: "no paga", tags: ["revisar", "revisar"] } });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ blocked: true, notes: "no paga", tags: ["revisar"] });

    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_blocked" });
    expect(buy).toMatchObject({ intent: "BUY", status: "SKIPPED", orderId: null });
    expect(buy.reason).toContain("blocked");
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(0);
    expect(graph.calls.filter((c) => c.kind === "private_reply")).toHaveLength(0);
    const listed = await call(buyersRoute.GET, { path: `/api/v1/buyers?store_id=${seeded.store.id}&segment=blocked`, headers: { cookie } });
    expect(listed.body.items).toMatchObject([{ id: buyerId, blocked: true, segment: "blocked" }]);
    const audit = await prisma.auditLog.findFirst({ where: { storeId: seeded.store.id, action: "buyer.blocked" } });
    expect(audit?.data).toMatchObject({ before: { blocked: false }, after: { blocked: true } });

    await call(buyerRoute.PATCH, { method: "PATCH", path: `/api/v1/buyers/${buyerId}`, params: { id: buyerId }, headers: { cookie, ...origin }, body: { blocked: false } });
    const again = await comment(seeded, { message: "quiero 1 A12", authorId: "a_blocked" });
    expect(again.orderId).not.toBeNull();
  });

  test("bad input names the field and changes nothing; another store's buyer answers 404", async () => {
    const a = await seedStore();
    const b = await seedStore();
    const buyer = await prisma.buyer.create({ data: { storeId: a.store.id, pageId: a.pageId, authorId: "a_x", name: "X" } });
    const cookieA = await sessionCookieFor(a.owner);
    const cookieB = await sessionCookieFor(b.owner);
    const patch = (cookie: string, body: unknown) => call(buyerRoute.PATCH, { method: "PATCH", path: `/api/v1/buyers/${buyer.id}`, params: { id: buyer.id }, headers: { cookie, ...origin }, body });
    const empty = await patch(cookieA, {});
    expect(empty.status).toBe(422);
    const badTags = await patch(cookieA, { blocked: true, tags: ["x".repeat(41)] });
    expect(badTags.status).toBe(422);
    expect(JSON.stringify(badTags.body)).toContain("tags");
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).blockedAt).toBeNull();
    expect((await patch(cookieB, { blocked: true })).status).toBe(404);
    expect((await call(buyersRoute.GET, { path: `/api/v1/buyers?store_id=${a.store.id}`, headers: { cookie: cookieB } })).status).toBe(404);
  });
});

describe("the live report (CONTRACT §14)", () => {
  test("its numbers equal what a scripted live did", async () => {
    const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 3, keywords: ["polera"], color: "rojo", size: "M" }] });
    forgetPageCredentials(seeded.store.id);
    const cookie = await sessionCookieFor(seeded.owner);
    // 6 comments: 4 buys of 1 unit for 3 units in stock (one waitlisted), a question, a greeting.
    const buys = [];
    for (const who of ["b1", "b2", "b3", "b4"]) buys.push(await comment(seeded, { message: "quiero 1 A12", authorId: who }));
    await comment(seeded, { message: "cuánto cuesta el envío?", authorId: "q1" });
    await comment(seeded, { message: "hola hola 👋", authorId: "g1" });
    const orderIds = buys.map((c) => c.orderId).filter((id): id is string => id !== null);
    expect(orderIds).toHaveLength(3);
    // Two opened their checkout, one paid, one let the hold expire, one is still pending.
    await recordCheckoutOpened(orderIds[0]!);
    await recordCheckoutOpened(orderIds[0]!);
    await recordCheckoutOpened(orderIds[1]!);
    await pay(orderIds[0]!);
    await expireOrder({ orderId: orderIds[1]!, now: new Date(Date.now() + 3_600_000) });

    const res = await call(reportRoute.GET, { path: `/api/v1/lives/${seeded.live.id}/report`, params: { id: seeded.live.id }, headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ comments: 6, buy_intents: 4, reserved: 3, dm_sent: 4, checkout_opened: 2, paid: 1, revenue_minor: 15990, waitlisted: 1, expired: 1, currency: "CLP" });
    expect(res.body.by_product).toEqual([{ sku: "A12", name: "Polera roja M", reserved_units: 3, paid_units: 1, revenue_minor: 15990, waitlisted_units: 1 }]);

    const other = await seedStore();
    const stranger = await call(reportRoute.GET, { path: `/api/v1/lives/${seeded.live.id}/report`, params: { id: seeded.live.id }, headers: { cookie: await sessionCookieFor(other.owner) } });
    expect(stranger.status).toBe(404);
  });
});
