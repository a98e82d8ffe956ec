import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle, startJobWorker } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { encryptJson } from "@/lib/security/encryption";
import { paymentBreaker } from "@/lib/payments/payment-breaker";
import { breakerKey } from "@/lib/payments/gateways/breaker";
import * as botRoute from "@/app/api/v1/lives/[id]/bot/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, messagePayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";

let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  process.env.RESERVATION_TTL_SECONDS = "1800";
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const privateReplies = (commentId: string) => graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(commentId));
const publicReplies = (commentId: string) => graph.calls.filter((c) => c.kind === "comment_reply" && c.path.includes(commentId));

async function setup(stock = 3) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock, keywords: ["polera", "roja"], color: "rojo", size: "M" }] });
  forgetPageCredentials(seeded.store.id);
  return seeded;
}

describe("comment → order pipeline", () => {
  test("a signed BUY comment produces one order, one reservation, one public and one private reply with the checkout link", async () => {
    const { store, live, pageId } = await setup();
    const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero 2 de la A12 porfa" });
    const res = await postWebhook(payload);
    expect(res.status).toBe(200);
    // Stored before the 200, processed after.
    const stored = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } });
    expect(stored.status).toBe("RECEIVED");
    await run();

    const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } });
    expect(comment).toMatchObject({ status: "PROCESSED", intent: "BUY", sku: "A12", quantity: 2, language: "es" });
    const orders = await prisma.order.findMany({ where: { storeId: store.id }, include: { items: true, reservations: true } });
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order.status).toBe("PENDING");
    expect(order.totalMinor).toBe(31980);
    expect(order.reservations).toHaveLength(1);
    expect(Math.abs(order.expiresAt.getTime() - (comment.receivedAt.getTime() + 1800_000))).toBeLessThan(15_000);
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: store.id } })).reserved).toBe(2);

    expect(publicReplies(commentId)).toHaveLength(1);
    const publicText = JSON.stringify(publicReplies(commentId)[0]!.body);
    expect(publicText).not.toContain("http");
    expect(publicText).not.toMatch(/31[.,]?980/);
    const dms = privateReplies(commentId);
    expect(dms).toHaveLength(1);
    const dm = JSON.stringify(dms[0]!.body);
    expect(dm).toContain(`http://localhost:3999/checkout/${order.id}?t=${order.checkoutToken}`);
    expect(dm).toMatch(/31\.980/);
    expect(await prisma.aiDecision.count({ where: { commentId: comment.id } })).toBe(1);
    expect(await prisma.outboundMessage.count({ where: { commentId: comment.id, status: "SENT" } })).toBe(2);
  });

  test("the same webhook delivered 5 times concurrently yields one comment, one order, one public and one private reply", async () => {
    const { store, live, pageId } = await setup();
    const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "SOLD A12" });
    const results = await Promise.all(Array.from({ length: 5 }, () => postWebhook(payload)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all([run(), run()]);
    expect(await prisma.comment.count({ where: { metaCommentId: commentId } })).toBe(1);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(1);
    expect(publicReplies(commentId)).toHaveLength(1);
    expect(privateReplies(commentId)).toHaveLength(1);
  });

  test("a bad or missing signature gets 403 and stores nothing", async () => {
    const { live, pageId } = await setup();
    const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero A12" });
    const jobsBefore = await prisma.job.count();
    expect((await postWebhook(payload, { secret: "not-the-app-secret" })).status).toBe(403);
    expect((await postWebhook(payload, { signature: null })).status).toBe(403);
    expect((await postWebhook(payload, { signature: "sha256=" + "0".repeat(64) })).status).toBe(403);
    expect(await prisma.comment.count({ where: { metaCommentId: commentId } })).toBe(0);
    expect(await prisma.job.count()).toBe(jobsBefore);
  });

  test("malformed payloads get 400 and store nothing", async () => {
    await setup();
    const before = await prisma.comment.count();
    expect((await postWebhook("{not json")).status).toBe(400);
    expect((await postWebhook({ object: "user", entry: [] })).status).toBe(400);
    expect((await postWebhook({ object: "page", entry: "nope" })).status).toBe(400);
    expect((await postWebhook([1, 2, 3])).status).toBe(400);
    expect(await prisma.comment.count()).toBe(before);
  });

  test("50 buyers racing for 3 units get exactly 3 orders; the others are offered the waitlist", async () => {
    const { store, live, pageId } = await setup(3);
    const comments = Array.from({ length: 50 }, (_, i) => commentPayload({ pageId, postId: live.fbPostId!, authorName: `Buyer ${i}`, message: "quiero la A12!!" }));
    await Promise.all(comments.map((c) => postWebhook(c.payload)));
    await Promise.all([run(), run()]);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(3);
    const p = await prisma.product.findFirstOrThrow({ where: { storeId: store.id } });
    expect(p.reserved).toBe(3);
    expect(p.stock - p.reserved).toBe(0);
    const waitlistOffers = await prisma.outboundMessage.count({ where: { storeId: store.id, purpose: "waitlist_offer", status: "SENT" } });
    expect(waitlistOffers).toBe(47);
    for (const c of comments) expect(privateReplies(c.commentId)).toHaveLength(1);
  });

  test("with the kill switch off, comments are stored and tagged (received while paused) but nothing is reserved or sent", async () => {
    const { store, live, pageId, owner } = await setup();
    const cookie = await sessionCookieFor({ id: owner.id, email: owner.email });
    const off = await call(botRoute.POST, { params: { id: live.id }, body: { enabled: false }, headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" } });
    expect(off.status).toBe(200);
    expect(off.body.bot_enabled).toBe(false);
    const sent = graph.calls.length;
    const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero 2 A12" });
    await postWebhook(payload);
    await run();
    const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } });
    expect(comment).toMatchObject({ status: "PAUSED", intent: "BUY", sku: "A12" });
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(0);
    expect(graph.calls.length).toBe(sent);
  });

  test("STOP: the buyer opts out and no further message reaches them", async () => {
    const { store, live, pageId } = await setup();
    const authorId = "777000111";
    await postWebhook(commentPayload({ pageId, postId: live.fbPostId!, authorId, message: "STOP" }).payload);
    await run();
    const buyer = await prisma.buyer.findUniqueOrThrow({ where: { storeId_authorId: { storeId: store.id, authorId } } });
    expect(buyer.optedOutAt).not.toBeNull();
    const before = graph.calls.length;
    const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, authorId, message: "quiero A12" });
    await postWebhook(payload);
    await run();
    expect(graph.calls.length).toBe(before);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(0);
    expect((await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } })).status).toBe("SKIPPED");
  });

  test("'delete my data' erases the buyer's personal data and keeps orders' amounts", async () => {
    const { store, live, pageId } = await setup();
    const authorId = "555000222";
    await postWebhook(commentPayload({ pageId, postId: live.fbPostId!, authorId, authorName: "Rosa Díaz", message: "quiero A12" }).payload);
    await run();
    await postWebhook(commentPayload({ pageId, postId: live.fbPostId!, authorId, authorName: "Rosa Díaz", message: "ELIMINAR MIS DATOS" }).payload);
    await run();
    const buyer = await prisma.buyer.findUniqueOrThrow({ where: { storeId_authorId: { storeId: store.id, authorId } }, include: { orders: true, comments: true } });
    expect(buyer.erasedAt).not.toBeNull();
    expect(buyer.name).toBe("");
    expect(buyer.comments.every((c) => !c.text.includes("A12") && c.authorName === "")).toBe(true);
    expect(buyer.orders[0]!.totalMinor).toBe(15990);
  });

  test("a quick-reply tap on a sold-out offer joins the waitlist; released units go to it with a reservation and a DM", async () => {
    const seeded = await seedStore({ ttl: 2, products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 1, keywords: ["polera"] }] });
    const { store, live, pageId } = seeded;
    forgetPageCredentials(store.id);
    const first = commentPayload({ pageId, postId: live.fbPostId!, authorName: "Primera", message: "quiero A12" });
    const second = commentPayload({ pageId, postId: live.fbPostId!, authorName: "Segunda", message: "quiero A12" });
    graph.registerCommentAuthor({ commentId: second.commentId, psid: "psid_segunda" });
    await postWebhook(first.payload);
    await run();
    await postWebhook(second.payload);
    await run();
    const secondComment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: second.commentId } });
    await postWebhook(messagePayload({ pageId, psid: "psid_segunda", quickReply: `WAITLIST:${secondComment.id}` }));
    await run();
    expect(await prisma.waitlistEntry.count({ where: { storeId: store.id, status: "WAITING" } })).toBe(1);
    // The first buyer's 2-second reservation runs out; its lifecycle job wakes at expires_at.
    await new Promise((r) => setTimeout(r, 2300));
    await run();
    const orders = await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { createdAt: "asc" } });
    expect(orders.map((o) => o.status)).toEqual(["EXPIRED", "PENDING"]);
    expect(await prisma.waitlistEntry.count({ where: { storeId: store.id, status: "OFFERED" } })).toBe(1);
    const dmToSecond = graph.calls.filter((c) => c.kind === "message" && JSON.stringify(c.body).includes("psid_segunda") && JSON.stringify(c.body).includes(`/checkout/${orders[1]!.id}`));
    expect(dmToSecond).toHaveLength(1);
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: store.id } })).reserved).toBe(1);
  });

  test("a process killed between reserve and send still sends exactly one DM after restart", async () => {
    const { store, live, pageId } = await setup();
    graph.setLatency(60_000); // the doomed worker's Graph calls hang
    const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero A12" });
    await postWebhook(payload);
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./helpers/pipeline-worker.ts", import.meta.url))], {
      env: { ...process.env, TEST_LEASE_MS: "800" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise((r) => child.once("exit", r));
    try {
      const deadline = Date.now() + 20_000;
      while ((await prisma.reservation.count({ where: { storeId: store.id } })) === 0) {
        if (Date.now() > deadline) throw new Error("the child worker never reserved");
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 150));
    } finally {
      child.kill("SIGKILL");
    }
    await exited;
    graph.setLatency(0);
    await new Promise((r) => setTimeout(r, 900)); // the dead worker's lease runs out
    await run();
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    const dmRows = await prisma.outboundMessage.findMany({ where: { storeId: store.id, kind: "PRIVATE_REPLY" } });
    expect(dmRows).toHaveLength(1);
    expect(dmRows[0]!.status).toBe("SENT");
    expect(graph.privateRepliesByComment.has(commentId)).toBe(true);
    expect((await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } })).status).toBe("PROCESSED");
    // The killed try's public reply was on its way to Meta: the restart waited out its in-flight window
    // (PUBLIC_REPLY_IN_FLIGHT_SECONDS) for it to appear on the Page before posting it itself, once.
    expect(graph.calls.filter((c) => c.kind === "comment_reply" && c.path.includes(commentId) && c.status === 200)).toHaveLength(1);
  }, 90_000);

  test("Meta blocking the page's messages (2022) switches to public-reply fallback and alerts the seller", async () => {
    const { store, live, pageId } = await setup();
    graph.blockMessaging(pageId);
    const first = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero A12" });
    await postWebhook(first.payload);
    await run();
    const s1 = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(s1.messagingMode).toBe("PUBLIC_ONLY");
    expect(s1.messagingBlockedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "meta.messaging_blocked" } })).toBe(1);
    const second = commentPayload({ pageId, postId: live.fbPostId!, authorName: "Otro", message: "quiero A12" });
    await postWebhook(second.payload);
    await run();
    // No private reply is even attempted now; the public line tells the buyer how to finish.
    expect(graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(second.commentId))).toHaveLength(0);
    expect(publicReplies(second.commentId)).toHaveLength(1);
    const dm = await prisma.outboundMessage.findFirstOrThrow({ where: { idempotencyKey: `comment:${(await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: second.commentId } })).id}:private` } });
    expect(dm.status).toBe("SKIPPED");
    graph.unblockMessaging(pageId);
  });

  test("with the worker running, an unpaid reservation is released within RESERVATION_TTL_SECONDS + 10 s", async () => {
    process.env.RESERVATION_TTL_SECONDS = "5";
    reloadEnv();
    const { store, live, pageId } = await setup(1);
    const worker = startJobWorker({ functions: jobFunctions, pollIntervalMs: 100 });
    try {
      const { commentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "quiero A12" });
      const t0 = Date.now();
      await postWebhook(payload);
      let order = null;
      while (!order && Date.now() - t0 < 10_000) {
        order = await prisma.order.findFirst({ where: { storeId: store.id } });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(order?.status).toBe("PENDING");
      expect((await prisma.product.findFirstOrThrow({ where: { storeId: store.id } })).reserved).toBe(1);
      let expired = false;
      while (!expired && Date.now() - t0 < 15_000) {
        expired = (await prisma.order.findUniqueOrThrow({ where: { id: order!.id } })).status === "EXPIRED";
        if (!expired) await new Promise((r) => setTimeout(r, 200));
      }
      expect(expired).toBe(true);
      expect(Date.now() - t0).toBeLessThan(15_000);
      const p = await prisma.product.findFirstOrThrow({ where: { storeId: store.id } });
      expect(p.stock - p.reserved).toBe(1);
      expect(await prisma.orderItem.count({ where: { orderId: order!.id } })).toBe(1); // kept as interest
      expect(commentId).toBeTruthy();
    } finally {
      await worker?.stop();
      process.env.RESERVATION_TTL_SECONDS = "1800";
      reloadEnv();
    }
  });

  test("when a card provider keeps failing (circuit open), the DM points the buyer to bank transfer", async () => {
    const { store, live, pageId } = await setup();
    await prisma.paymentConfig.createMany({
      data: [
        { storeId: store.id, provider: "mercadopago", enabled: true, settingsCiphertext: encryptJson({ accessToken: "TEST-token-0000000000", webhookSecret: "whsec-0000000000000000" }) },
        { storeId: store.id, provider: "transfer", enabled: true, settingsCiphertext: encryptJson({ bankName: "Banco Estado", accountHolder: "Tienda SpA", accountNumber: "123456789", accountType: "Cuenta corriente" }) },
      ],
    });
    const healthy = commentPayload({ pageId, postId: live.fbPostId!, authorName: "Uno", message: "quiero A12" });
    await postWebhook(healthy.payload);
    await run();
    expect(JSON.stringify(privateReplies(healthy.commentId)[0]!.body)).not.toContain("transferencia");
    for (let i = 0; i < 5; i++) paymentBreaker().recordFailure(breakerKey(store.id, "mercadopago"));
    const failing = commentPayload({ pageId, postId: live.fbPostId!, authorName: "Dos", message: "quiero A12" });
    await postWebhook(failing.payload);
    await run();
    expect(JSON.stringify(privateReplies(failing.commentId)[0]!.body)).toContain("pagar por transferencia");
    paymentBreaker().recordSuccess(breakerKey(store.id, "mercadopago"));
  });
});
