import { describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { listFeedComments } from "@/lib/live-control/feed";
import { listLiveCarts } from "@/lib/live-control/carts";
import * as feedRoute from "@/app/dashboard/live/[liveId]/data/feed/route";
import * as stateRoute from "@/app/dashboard/live/[liveId]/data/state/route";
import * as cartsRoute from "@/app/dashboard/live/[liveId]/data/carts/route";
import { call } from "./helpers/api";
import { seedBuyer, seedStore } from "./helpers/seed";
import { sessionCookieFor } from "./helpers/session";

async function setup() {
  const s = await seedStore();
  const buyer = await seedBuyer(s.store.id, s.pageId, "Carla");
  const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
  const mk = (text: string, secondsAgo: number, extra: Record<string, unknown> = {}) =>
    prisma.comment.create({ data: { storeId: s.store.id, liveId: s.live.id, metaCommentId: randomBytes(6).toString("hex"), postId: "p", authorId: buyer.authorId, authorName: "Carla", buyerId: buyer.id, text, createdTime: at(secondsAgo), receivedAt: at(secondsAgo), ...extra } });
  return { ...s, buyer, mk };
}

describe("Live Control Center data", () => {
  test("the feed is newest first and an event batch fetches exactly the comments it named, with replies, order and takeover state", async () => {
    const { live, store, buyer, mk } = await setup();
    const order = await prisma.order.create({ data: { storeId: store.id, liveId: live.id, buyerId: buyer.id, currency: "CLP", subtotalMinor: 100, totalMinor: 100, expiresAt: new Date(Date.now() + 60_000), idempotencyKey: randomBytes(6).toString("hex"), checkoutToken: randomBytes(6).toString("hex") } });
    const old = await mk("hola", 30, { intent: "GREETING", confidence: 0.9, status: "PROCESSED" });
    const buy = await mk("quiero A12", 20, { intent: "BUY", sku: "A12", quantity: 2, confidence: 0.97, status: "PROCESSED", orderId: order.id });
    const fresh = await mk("precio?", 1);
    await prisma.outboundMessage.createMany({
      data: [
        { storeId: store.id, commentId: buy.id, buyerId: buyer.id, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: `comment:${buy.id}:public`, recipient: "c", body: {}, status: "FAILED" },
        { storeId: store.id, commentId: buy.id, buyerId: buyer.id, orderId: order.id, kind: "PRIVATE_REPLY", purpose: "checkout", idempotencyKey: `comment:${buy.id}:private`, recipient: "c", body: {}, status: "SENT" },
      ],
    });
    await prisma.buyer.update({ where: { id: buyer.id }, data: { botPausedAt: new Date() } });

    const all = await listFeedComments({ liveId: live.id });
    expect(all.map((c) => c.id)).toEqual([fresh.id, buy.id, old.id]);
    const [row] = await listFeedComments({ liveId: live.id, ids: [buy.id] });
    expect(row).toMatchObject({ id: buy.id, intent: "BUY", sku: "A12", quantity: 2, confidence: 0.97, order_status: "PENDING", public_reply: "FAILED", private_reply: "SENT", buyer_paused: true, status: "PROCESSED" });
    expect(await listFeedComments({ liveId: live.id, ids: [fresh.id, "not-a-comment"] })).toHaveLength(1);

    const [cart] = await listLiveCarts({ liveId: live.id, storeId: store.id });
    expect(cart).toMatchObject({ id: order.id, status: "PENDING", buyer_name: "Carla", link: "SENT", payment: null, buyer_paused: true });
  });

  test("the dashboard data routes answer the store's members and 404 to anyone else", async () => {
    const { live, owner, mk } = await setup();
    const c = await mk("hola", 5);
    const headers = { cookie: await sessionCookieFor(owner) };
    const feed = await call(feedRoute.GET, { path: `/dashboard/live/${live.id}/data/feed?ids=${c.id}`, params: { liveId: live.id }, headers });
    expect(feed.status).toBe(200);
    expect(feed.body.map((r: { id: string }) => r.id)).toEqual([c.id]);
    const state = await call(stateRoute.GET, { params: { liveId: live.id }, headers });
    expect(state.body).toMatchObject({ live: { id: live.id, bot_enabled: true }, messaging: { mode: "normal" }, stats: { received: 1, pending: 1 } });
    expect((await call(cartsRoute.GET, { params: { liveId: live.id }, headers })).body).toEqual([]);

    const stranger = await seedStore();
    const other = { cookie: await sessionCookieFor(stranger.owner) };
    expect((await call(feedRoute.GET, { path: `/dashboard/live/${live.id}/data/feed`, params: { liveId: live.id }, headers: other })).status).toBe(404);
    expect((await call(stateRoute.GET, { params: { liveId: live.id }, headers: other })).status).toBe(404);
  });

  test("Meta blocking messaging shows up in the live's state for the banner", async () => {
    const { live, owner, store } = await setup();
    await prisma.store.update({ where: { id: store.id }, data: { messagingMode: "PUBLIC_ONLY", messagingBlockedAt: new Date(), messagingBlockReason: "2022: blocked" } });
    const state = await call(stateRoute.GET, { params: { liveId: live.id }, headers: { cookie: await sessionCookieFor(owner) } });
    expect(state.body.messaging).toMatchObject({ mode: "public_only", reason: "2022: blocked" });
    expect(state.body.messaging.blocked_at).toEqual(expect.any(String));
    expect(state.body.live.messaging_mode).toBe("public_only");
  });
});
