import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { OrderStatus, CommentStatus, Intent } from "@/generated/prisma/client";
import { getStoreOverview } from "@/lib/analytics/store-overview";
import { listLiveSummaries } from "@/lib/analytics/past-lives";
import { getLiveStats } from "@/lib/analytics/live-stats";
import { seedStore } from "./helpers/seed";

// Noon in Santiago (UTC-3 in November): "today" began at 03:00 UTC.
const NOW = new Date("2026-11-20T15:00:00Z");
const at = (iso: string) => new Date(iso);
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

let storeId: string;
let liveA: string;
let liveB: string;

async function order({ status, total, createdAt, paidAt, expiredAt, cancelledAt, liveId = liveA, items = [] as { sku: string; qty: number; unit: number }[], store = storeId }: {
  status: OrderStatus; total: number; createdAt: Date; paidAt?: Date; expiredAt?: Date; cancelledAt?: Date; liveId?: string | null; items?: { sku: string; qty: number; unit: number }[]; store?: string;
}) {
  return prisma.order.create({
    data: {
      storeId: store, liveId, status, currency: "CLP", subtotalMinor: total, totalMinor: total, createdAt, paidAt, expiredAt, cancelledAt,
      expiresAt: new Date(createdAt.getTime() + 30 * 60_000), idempotencyKey: randomBytes(8).toString("hex"), checkoutToken: randomBytes(8).toString("hex"),
      items: { create: items.map((i) => ({ sku: i.sku, name: `Producto ${i.sku}`, unitPriceMinor: i.unit, quantity: i.qty })) },
    },
  });
}

async function comment({ liveId = liveA, receivedAt, orderId = null, intent = "BUY", status = "PROCESSED", dmSentAt = null, store = storeId }: {
  liveId?: string | null; receivedAt: Date; orderId?: string | null; intent?: Intent; status?: CommentStatus; dmSentAt?: Date | null; store?: string;
}) {
  return prisma.comment.create({
    data: { storeId: store, liveId, metaCommentId: randomBytes(8).toString("hex"), postId: "p", authorId: "a", text: "quiero", intent, status, orderId, createdTime: receivedAt, receivedAt, dmSentAt },
  });
}

beforeAll(async () => {
  const seeded = await seedStore();
  storeId = seeded.store.id;
  liveA = seeded.live.id;
  await prisma.live.update({ where: { id: liveA }, data: { startedAt: at("2026-11-20T13:00:00Z") } });
  liveB = (await prisma.live.create({ data: { storeId, fbVideoId: "older", title: "Live anterior", status: "ENDED", startedAt: at("2026-11-19T22:00:00Z"), endedAt: at("2026-11-20T01:00:00Z") } })).id;

  const o1 = await order({ status: "PAID", total: 10_000, createdAt: minutesAgo(70), paidAt: minutesAgo(60), items: [{ sku: "A12", qty: 2, unit: 5_000 }] });
  // 23:30 in Santiago yesterday: in the last 7 days, not today.
  const o2 = await order({ status: "PAID", total: 7_000, createdAt: at("2026-11-20T02:00:00Z"), paidAt: at("2026-11-20T02:30:00Z"), liveId: liveB, items: [{ sku: "B1", qty: 1, unit: 7_000 }] });
  await order({ status: "PAID", total: 3_000, createdAt: at("2026-11-10T15:00:00Z"), paidAt: at("2026-11-10T15:05:00Z"), liveId: null, items: [{ sku: "A12", qty: 1, unit: 3_000 }] });
  const o4 = await order({ status: "PENDING", total: 5_000, createdAt: minutesAgo(10) });
  await order({ status: "EXPIRED", total: 4_000, createdAt: minutesAgo(180), expiredAt: minutesAgo(120) });
  await order({ status: "CANCELLED", total: 2_000, createdAt: at("2026-11-18T15:00:00Z"), cancelledAt: at("2026-11-18T15:10:00Z"), liveId: liveB });
  await order({ status: "REFUNDED", total: 9_000, createdAt: minutesAgo(50), paidAt: minutesAgo(45) });
  // Another tenant's sale today must not leak into this store's numbers.
  const other = await seedStore();
  await order({ status: "PAID", total: 99_000, createdAt: minutesAgo(30), paidAt: minutesAgo(20), store: other.store.id, liveId: other.live.id });

  await comment({ receivedAt: minutesAgo(71), orderId: o1.id });
  await comment({ receivedAt: minutesAgo(11), orderId: o4.id });
  await comment({ receivedAt: minutesAgo(5), intent: "QUESTION" });
  await comment({ receivedAt: minutesAgo(4) });
  await comment({ liveId: null, receivedAt: minutesAgo(3) }); // a comment on an ordinary post: not a live comment
  await comment({ liveId: liveB, receivedAt: at("2026-11-20T02:01:00Z"), orderId: o2.id });
});

describe("store overview", () => {
  it("today counts only what happened since local midnight in the store's time zone", async () => {
    const o = await getStoreOverview({ storeId, range: "today", now: NOW });
    expect(o.from).toBe("2026-11-20T03:00:00.000Z");
    expect(o.revenueMinor).toBe(10_000);
    expect(o.orders).toEqual({ pending: 1, paid: 1, expired: 1, cancelled: 0 });
    expect(o.comments).toBe(4);
    expect(o.buyComments).toBe(3);
    expect(o.paidComments).toBe(1);
    expect(o.conversion).toBeCloseTo(0.25);
    expect(o.bucket).toBe("hour");
    expect(o.series).toHaveLength(13); // 00:00 … 12:00 local
    expect(o.series.find((s) => s.bucket === "2026-11-20T11")).toMatchObject({ revenueMinor: 10_000, paidOrders: 1, comments: 3 });
    expect(o.series.find((s) => s.bucket === "2026-11-20T10")).toMatchObject({ revenueMinor: 0, comments: 1 });
    expect(o.series.reduce((n, s) => n + s.comments, 0)).toBe(4);
    expect(o.topProducts).toEqual([{ sku: "A12", name: "Producto A12", units: 2, revenueMinor: 10_000 }]);
  });

  it("7 days includes yesterday's late sale and the cancellation, by day", async () => {
    const o = await getStoreOverview({ storeId, range: "7d", now: NOW });
    expect(o.revenueMinor).toBe(17_000);
    expect(o.orders).toEqual({ pending: 1, paid: 2, expired: 1, cancelled: 1 });
    expect(o.comments).toBe(5);
    expect(o.paidComments).toBe(2);
    expect(o.conversion).toBeCloseTo(0.4);
    expect(o.series.map((s) => s.bucket)).toEqual(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]);
    expect(o.series.find((s) => s.bucket === "2026-11-19")!.revenueMinor).toBe(7_000);
    expect(o.topProducts.map((p) => p.sku)).toEqual(["A12", "B1"]);
  });

  it("30 days adds the older sale; refunded orders never count as revenue", async () => {
    const o = await getStoreOverview({ storeId, range: "30d", now: NOW });
    expect(o.revenueMinor).toBe(20_000);
    expect(o.orders.paid).toBe(3);
    expect(o.series).toHaveLength(30);
    expect(o.topProducts[0]).toEqual({ sku: "A12", name: "Producto A12", units: 3, revenueMinor: 13_000 });
  });
});

describe("past lives", () => {
  it("lists lives newest first with comments handled, orders, revenue and conversion per live", async () => {
    const lives = await listLiveSummaries({ storeId });
    expect(lives.map((l) => l.id)).toEqual([liveA, liveB]);
    expect(lives[0]).toMatchObject({ comments: 4, processed: 4, orders: 4, paidOrders: 1, revenueMinor: 10_000, conversion: 0.25 });
    expect(lives[1]).toMatchObject({ status: "ENDED", comments: 1, orders: 2, paidOrders: 1, revenueMinor: 7_000, conversion: 1 });
  });
});

describe("live stats", () => {
  it("counts received / processed / pending and the comment → DM latency of the last minute", async () => {
    const { live } = await seedStore();
    const sid = live.storeId;
    const sent = (ago: number, latencyMs: number) => comment({ liveId: live.id, store: sid, receivedAt: new Date(NOW.getTime() - ago - latencyMs), dmSentAt: new Date(NOW.getTime() - ago) });
    await sent(5_000, 1_000);
    await sent(10_000, 2_000);
    await sent(20_000, 3_000);
    await sent(120_000, 9_000); // DM'd two minutes ago: outside the window
    await comment({ liveId: live.id, store: sid, receivedAt: minutesAgo(0.1), status: "RECEIVED" });
    await comment({ liveId: live.id, store: sid, receivedAt: minutesAgo(0.2), status: "PROCESSING" });
    await comment({ liveId: live.id, store: sid, receivedAt: minutesAgo(0.3), status: "NEEDS_REVIEW" });
    await order({ status: "PAID", total: 1_500, createdAt: minutesAgo(3), paidAt: minutesAgo(1), liveId: live.id, store: sid });
    await order({ status: "PENDING", total: 500, createdAt: minutesAgo(3), liveId: live.id, store: sid });

    const s = await getLiveStats({ liveId: live.id, storeId: sid, now: NOW });
    expect(s).toMatchObject({ received: 7, processed: 5, pending: 2, needsReview: 1, perMinute: 6 });
    expect(s.latency).toEqual({ samples: 3, avgMs: 2_000, p50Ms: 2_000, p95Ms: 2_900, maxMs: 3_000 });
    expect(s.carts).toEqual({ pending: 1, paid: 1, expired: 0, cancelled: 0, revenueMinor: 1_500 });
  });
});
