import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as paymentWebhook from "@/app/api/webhooks/payments/[provider]/route";
import { disconnectPrisma, prisma } from "@/lib/db";
import { INNGEST_OUTBOX } from "@/lib/jobs/inngest-outbox";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { expireOverdueOrders } from "@/lib/orders/expire-order";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { call } from "./helpers/api";
import { reloadEnv } from "./helpers/env";
import { freePort } from "@/scripts/free-port";
import { findInngestBin, inngestAppProcess, inngestDev, type InngestDevServer } from "./helpers/inngest-engine";
import { makeOverdue, pendingOrder, sandboxDelivery } from "./helpers/payments";
import { seedBuyer, seedStore } from "./helpers/seed";

/**
 * The app's job functions on the REAL Inngest engine (`inngest dev`, see tests/helpers/inngest-engine.ts):
 * events leave through the outbox and its relay, Inngest calls the production /api/inngest handlers,
 * the functions talk to the fake Graph API. The app's Inngest side (the handlers and the relay) is a
 * child process (tests/helpers/jobs/inngest-app.ts) on a fixed port, so a test can SIGKILL it and start
 * it again. Skipped — visibly, with the reason — only when no Inngest binary exists on this machine.
 */
const bin = findInngestBin();
if (!bin) {
  console.warn("\n*** REAL-ENGINE TESTS DID NOT RUN: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, or inngest on the PATH) ***\n");
}

let graph: FakeGraphServer;
let inngest: InngestDevServer;
let app: ReturnType<typeof inngestAppProcess>;

/** Polls until `check` holds (the engine works asynchronously), failing with the last state seen. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function comment(seeded: Awaited<ReturnType<typeof seedStore>>, text: string, commentId = `c_${Math.random().toString(36).slice(2)}`, authorId = String(Math.floor(Math.random() * 1e15))) {
  await ingestMetaEvents([{ type: "comment", pageId: seeded.pageId, commentId, postId: seeded.live.fbPostId!, from: { id: authorId, name: "Ana" }, message: text, createdTime: new Date() }]);
  return commentId;
}

async function store(options: Parameters<typeof seedStore>[0] = {}) {
  const seeded = await seedStore(options);
  forgetPageCredentials(seeded.store.id);
  // Meta knows the Page of a reply from its token at once; the fake learns it from the first private reply.
  graph.registerPageToken({ pageId: seeded.pageId, token: seeded.pageToken });
  return seeded;
}

/** What the pipeline left for these Meta comment ids: statuses, orders, and the fake Graph's replies. */
async function outcome(metaCommentIds: string[]) {
  const comments = await prisma.comment.findMany({ where: { metaCommentId: { in: metaCommentIds } }, select: { id: true, status: true } });
  const ids = comments.map((c) => c.id);
  const messages = await prisma.outboundMessage.findMany({ where: { commentId: { in: ids } }, select: { kind: true, status: true } });
  return {
    processed: comments.filter((c) => !["RECEIVED", "PROCESSING"].includes(c.status)).length,
    statuses: comments.map((c) => c.status).sort(),
    privateReplies: metaCommentIds.filter((id) => graph.privateRepliesByComment.has(id)).length,
    publicReplies: metaCommentIds.reduce((n, id) => n + (graph.commentReplies.get(id)?.length ?? 0), 0),
    sentMessages: messages.filter((m) => m.status === "SENT").length,
  };
}

describe.skipIf(!bin)("the app on the real Inngest engine (inngest dev)", () => {
  beforeAll(async () => {
    graph = await startFakeGraphServer();
    process.env.META_GRAPH_API_URL = graph.url;
    process.env.APP_URL = "http://localhost:3999";
    process.env.INNGEST_DEV = "1";
    process.env.REMINDER_BEFORE_EXPIRY_SECONDS = "2";
    app = inngestAppProcess(await freePort());
    inngest = await inngestDev({ bin: bin!, appUrl: app.url });
    process.env.INNGEST_BASE_URL = inngest.url;
    reloadEnv();
    await app.start();
    await inngest.start();
  }, 120_000);

  afterAll(async () => {
    await app?.kill();
    await inngest?.stop();
    await graph?.close();
    await disconnectPrisma();
  });

  test("a buyer's comment becomes an order with one public reply and one DM", async () => {
    const seeded = await store();
    const id = await comment(seeded, "quiero la A12");
    const done = await until(() => outcome([id]), (o) => o.privateReplies === 1 && o.publicReplies === 1 && o.processed === 1);
    expect(done).toMatchObject({ statuses: ["PROCESSED"], privateReplies: 1, publicReplies: 1 });
    expect(await prisma.order.count({ where: { storeId: seeded.store.id, status: "PENDING" } })).toBe(1);
    expect(await prisma.job.count({ where: { functionId: INNGEST_OUTBOX, status: { not: "COMPLETED" } } })).toBe(0);
  });

  test("the same comment delivered 5 times at once is processed once: one order, one public reply, one DM", async () => {
    const seeded = await store();
    const metaId = `c_dup_${Date.now()}`;
    const author = "4242424242";
    await Promise.all(Array.from({ length: 5 }, () => comment(seeded, "quiero la A12", metaId, author)));
    await until(() => outcome([metaId]), (o) => o.privateReplies === 1 && o.publicReplies >= 1 && o.processed === 1);
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive now
    expect(await outcome([metaId])).toMatchObject({ privateReplies: 1, publicReplies: 1 });
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(1);
    expect(await prisma.job.count({ where: { functionId: INNGEST_OUTBOX, eventName: "comment/received", payload: { path: ["data", "storeId"], equals: seeded.store.id } } })).toBe(1);
  });

  test("20 buyers for 3 units: exactly 3 orders, everyone answered", async () => {
    const seeded = await store({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 3, keywords: ["polera", "roja", "m"], color: "rojo", size: "M" }] });
    const ids = await Promise.all(Array.from({ length: 20 }, () => comment(seeded, "quiero la A12")));
    const done = await until(() => outcome(ids), (o) => o.processed === 20 && o.privateReplies + o.publicReplies >= 20, 60_000);
    expect(done.processed).toBe(20);
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(3);
    const product = await prisma.product.findFirstOrThrow({ where: { storeId: seeded.store.id } });
    expect(product.reserved).toBe(3);
    expect(done.privateReplies).toBe(20); // 3 checkout DMs, 17 "sold out" answers: one each
  }, 90_000);

  test("an unpaid order gets its reminder, then expires and releases its stock", async () => {
    const seeded = await store({ ttl: 5 });
    await comment(seeded, "quiero la A12");
    const order = await until(() => prisma.order.findFirst({ where: { storeId: seeded.store.id } }), (o) => o !== null);
    const expired = await until(() => prisma.order.findUniqueOrThrow({ where: { id: order!.id } }), (o) => o.status === "EXPIRED", 30_000);
    expect(expired.status).toBe("EXPIRED");
    expect(expired.reminderSentAt).not.toBeNull();
    expect(expired.reminderSentAt!.getTime()).toBeLessThan(expired.expiresAt.getTime());
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: seeded.store.id } })).reserved).toBe(0);
  }, 60_000);

  test("a sandbox payment runs payment-succeeded once (its receipt step runs)", async () => {
    const seeded = await store();
    const buyer = await seedBuyer(seeded.store.id, seeded.pageId);
    const order = await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: buyer.id });
    const paid = await call(paymentWebhook.POST, sandboxDelivery({ storeId: seeded.store.id, orderId: order.id, amountMinor: order.totalMinor, currency: order.currency, transactionId: `txn_${order.id}` }));
    expect(paid.status).toBe(200);
    const receipt = await until(
      async () => ({ receipt: await prisma.outboundMessage.findUnique({ where: { idempotencyKey: `order:${order.id}:receipt` } }), outbox: await prisma.job.findMany({ where: { functionId: INNGEST_OUTBOX, eventName: "payment/succeeded" }, select: { status: true, eventId: true, lastError: true } }) }),
      (m) => m.receipt !== null,
    );
    // The seeded buyer never wrote to the Page (no messaging window): the receipt is recorded as skipped, once.
    expect(receipt.receipt).toMatchObject({ purpose: "receipt" });
    expect(receipt.outbox).toEqual([expect.objectContaining({ status: "COMPLETED" })]);
    expect(await prisma.outboundMessage.count({ where: { orderId: order.id, purpose: "receipt" } })).toBe(1);
  }, 60_000);

  test("Inngest down during comments, a payment and an expiry: every state change commits, nothing is lost or doubled once it is back", async () => {
    const seeded = await store();
    const buyer = await seedBuyer(seeded.store.id, seeded.pageId);
    const toPay = await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: buyer.id, key: "outage:pay" });
    const toExpire = await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: buyer.id, key: "outage:expire" });
    await until(() => prisma.job.count({ where: { functionId: INNGEST_OUTBOX, status: { not: "COMPLETED" } } }), (n) => n === 0);

    await inngest.stop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await comment(seeded, "quiero la A12"));
    const paid = await call(paymentWebhook.POST, sandboxDelivery({ storeId: seeded.store.id, orderId: toPay.id, amountMinor: toPay.totalMinor, currency: toPay.currency, transactionId: `txn_outage_${toPay.id}` }));
    expect(paid.status).toBe(200);
    await makeOverdue(toExpire.id);
    expect((await expireOverdueOrders()).map((r) => r.orderId)).toContain(toExpire.id);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: toExpire.id } })).status).toBe("EXPIRED");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: toPay.id } })).status).toBe("PAID");
    await new Promise((r) => setTimeout(r, 1_500)); // the relay tries and backs off meanwhile
    const waiting = await prisma.job.findMany({ where: { functionId: INNGEST_OUTBOX, status: { not: "COMPLETED" } }, select: { eventName: true } });
    expect(new Set(waiting.map((w) => w.eventName))).toEqual(new Set(["comment/received", "payment/succeeded", "stock/released"]));
    expect(await outcome(ids)).toMatchObject({ processed: 0, privateReplies: 0 });

    await inngest.start();
    const done = await until(() => outcome(ids), (o) => o.processed === 5 && o.privateReplies === 5 && o.publicReplies === 5, 60_000);
    expect(done).toMatchObject({ processed: 5, privateReplies: 5, publicReplies: 5 });
    await until(() => prisma.outboundMessage.findUnique({ where: { idempotencyKey: `order:${toPay.id}:receipt` } }), (m) => m !== null);
    await until(() => prisma.job.count({ where: { functionId: INNGEST_OUTBOX, status: { not: "COMPLETED" } } }), (n) => n === 0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await outcome(ids)).toMatchObject({ privateReplies: 5, publicReplies: 5 });
    expect(await prisma.outboundMessage.count({ where: { orderId: toPay.id, purpose: "receipt" } })).toBe(1);
  }, 120_000);

  test("the app killed mid-run (SIGKILL while Meta answers): every comment processed exactly once, one public and one private reply each, every order's lifecycle announced", async () => {
    const seeded = await store({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 50, keywords: ["polera"], color: "rojo", size: "M" }] });
    const ids = Array.from({ length: 20 }, (_, i) => `c_kill_${i}_${Date.now()}`);
    // Killed the moment Meta accepts the 5th private reply: with 20 runs in flight, many replies are then
    // sent but not recorded (an unknown outcome), and steps die half-way.
    let accepted = 0;
    const killed = new Promise<void>((resolve) => {
      const off = graph.onCall((call) => {
        if (call.kind !== "private_reply" || call.status !== 200 || ++accepted !== 5) return;
        off();
        void app.kill().then(resolve);
      });
    });
    await ingestMetaEvents(ids.map((commentId, i) => ({ type: "comment" as const, pageId: seeded.pageId, commentId, postId: seeded.live.fbPostId!, from: { id: String(7e14 + i), name: "Ana" }, message: "quiero la A12", createdTime: new Date() })));
    await killed;
    const atKill = await outcome(ids);
    expect(atKill.processed).toBeLessThan(20); // the kill really interrupted runs
    await app.start();

    // Inngest retries a run whose request died after its backoff (15 s plus up to 30 s of jitter):
    // the retried steps reconcile what the dead process sent — the Page's reply found, Meta's 10900.
    const done = await until(() => outcome(ids), (o) => o.processed === 20, 150_000);
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive now
    const after = await outcome(ids);
    expect(after.statuses).toEqual(ids.map(() => "PROCESSED"));
    for (const id of ids) {
      expect(graph.commentReplies.get(id) ?? [], `public replies of ${id}`).toHaveLength(1);
      expect(graph.calls.filter((c) => c.kind === "private_reply" && c.status === 200 && JSON.stringify(c.body).includes(id)), `private replies of ${id}`).toHaveLength(1);
    }
    expect(after.sentMessages).toBe(40);
    expect(done.processed).toBe(20);
    const orders = await prisma.order.findMany({ where: { storeId: seeded.store.id }, select: { id: true, status: true } });
    expect(orders.map((o) => o.status)).toEqual(ids.map(() => "PENDING"));
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: seeded.store.id } })).reserved).toBe(20);
    // Every order's lifecycle event reached Inngest (its reminder and expiry run from it).
    const announced = await prisma.job.findMany({ where: { functionId: INNGEST_OUTBOX, eventName: "order/created", payload: { path: ["data", "storeId"], equals: seeded.store.id } }, select: { status: true, payload: true } });
    expect(new Set(announced.map((a) => (a.payload as { data: { orderId: string } }).data.orderId))).toEqual(new Set(orders.map((o) => o.id)));
    expect(announced.every((a) => a.status === "COMPLETED")).toBe(true);
  }, 240_000);
});

test.skipIf(Boolean(bin))("REAL-ENGINE TESTS DID NOT RUN: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, inngest on the PATH)", () => expect(bin).toBeNull());
