import { describe, expect, test, vi } from "vitest";
import { hotPathDb, prisma } from "@/lib/db";
import { endLive } from "@/lib/lives/lives";
import { reloadEnv } from "@/tests/helpers/env";
import { parseMetaWebhook } from "@/lib/meta/webhook";
import { sumUsage, usagePeriod } from "@/lib/billing/plans";
import { seedStore } from "@/tests/helpers/seed";
import { commentPayload } from "@/tests/helpers/meta-webhook";
import { ingestMetaEvents } from "./ingest-meta-events";


/** One delivery holding several comment changes (Meta batches them). */
function delivery(pageId: string, postId: string, comments: { id: string; message: string; author?: string }[]) {
  const entries = comments.map((c) => commentPayload({ pageId, postId, commentId: c.id, authorId: c.author ?? `a-${c.id}`, message: c.message }).payload.entry[0]!);
  return parseMetaWebhook({ object: "page", entry: entries });
}

async function jobsFor(storeId: string) {
  return prisma.job.findMany({ where: { functionId: "process-comment", payload: { path: ["data", "storeId"], equals: storeId } } });
}

async function usage(storeId: string) {
  return sumUsage(await prisma.usageCounter.findMany({ where: { storeId, period: usagePeriod() } })).comments;
}

describe("webhook inbox", () => {
  test("a delivery stores every comment with its usage and exactly one process-comment job each", async () => {
    const { store, live, pageId } = await seedStore();
    const result = await ingestMetaEvents(delivery(pageId, live.fbPostId!, [{ id: "k1", message: "quiero A12" }, { id: "k2", message: "hola" }, { id: "k3", message: "SOLD A12" }]));
    expect(result).toMatchObject({ comments: 3, messages: 0 });
    const comments = await prisma.comment.findMany({ where: { storeId: store.id } });
    expect(comments.map((c) => [c.metaCommentId, c.status, c.liveId])).toEqual(
      expect.arrayContaining([["k1", "RECEIVED", live.id], ["k2", "RECEIVED", live.id], ["k3", "RECEIVED", live.id]]),
    );
    const jobs = await jobsFor(store.id);
    expect(jobs).toHaveLength(3);
    expect(new Set(jobs.map((j) => j.eventId))).toEqual(new Set(comments.map((c) => `comment:${c.id}`)));
    expect(jobs.every((j) => j.concurrencyKey === `process-comment:${store.id}` && j.status === "QUEUED")).toBe(true);
    expect(await usage(store.id)).toBe(3);
  });

  test("a redelivery adds jobs and usage only for the comments it had not stored before", async () => {
    const { store, live, pageId } = await seedStore();
    await ingestMetaEvents(delivery(pageId, live.fbPostId!, [{ id: "r1", message: "quiero A12" }]));
    const again = await ingestMetaEvents(delivery(pageId, live.fbPostId!, [{ id: "r1", message: "quiero A12" }, { id: "r2", message: "quiero A12" }, { id: "r2", message: "quiero A12" }]));
    expect(again.comments).toBe(1);
    expect(await prisma.comment.count({ where: { storeId: store.id } })).toBe(2);
    expect(await jobsFor(store.id)).toHaveLength(2);
    expect(await usage(store.id)).toBe(2);
  });

  test("20 concurrent deliveries count 20 comments over the usage slots", async () => {
    const { store, live, pageId } = await seedStore();
    await Promise.all(Array.from({ length: 20 }, (_, i) => ingestMetaEvents(delivery(pageId, live.fbPostId!, [{ id: `u${i}`, message: "quiero A12" }]))));
    expect(await usage(store.id)).toBe(20);
    expect(await jobsFor(store.id)).toHaveLength(20);
  });

  test("a comment outside an active live is kept for the seller, skipped, and starts no job", async () => {
    const { store, pageId } = await seedStore();
    await ingestMetaEvents(delivery(pageId, `${pageId}_ordinarypost`, [{ id: "p1", message: "quiero A12" }]));
    const c = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: "p1" } });
    expect(c).toMatchObject({ status: "SKIPPED", liveId: null, reason: "not on an active live" });
    expect(await jobsFor(store.id)).toHaveLength(0);
  });

  test("a page's store and lives are read at most once a second, yet a live started or ended meanwhile is seen at once", async () => {
    const { store, live, pageId } = await seedStore();
    const reads = vi.spyOn(hotPathDb, "$queryRaw");
    // How many times a delivery read the page's store and lives.
    const lookups = async (postId: string, id: string) => {
      reads.mockClear();
      await ingestMetaEvents(delivery(pageId, postId, [{ id, message: "quiero A12" }]));
      return reads.mock.calls.filter(([sql]) => (sql as TemplateStringsArray).join("?").includes("FROM stores s")).length;
    };
    try {
      expect(await lookups(live.fbPostId!, "c1")).toBe(1);
      expect(await lookups(live.fbPostId!, "c2")).toBe(0);
      // A second live the cache has not seen: its comment is not decided from the cache.
      const second = await prisma.live.create({ data: { storeId: store.id, fbVideoId: "v-second", fbPostId: `${pageId}_v-second`, title: "second" } });
      expect(await lookups(second.fbPostId!, "c3")).toBe(1);
      await endLive({ live: second });
      expect(await lookups(second.fbPostId!, "c4")).toBe(1);
    } finally {
      reads.mockRestore();
    }
    const byId = new Map((await prisma.comment.findMany({ where: { storeId: store.id } })).map((c) => [c.metaCommentId, c]));
    expect(byId.get("c2")).toMatchObject({ status: "RECEIVED", liveId: live.id });
    expect(byId.get("c3")).toMatchObject({ status: "RECEIVED", liveId: (await prisma.live.findFirstOrThrow({ where: { fbVideoId: "v-second" } })).id });
    expect(byId.get("c4")).toMatchObject({ status: "SKIPPED", liveId: null });
  });

  test("a page that is no store's is ignored and stores nothing", async () => {
    const result = await ingestMetaEvents(delivery("999000111", "999000111_x", [{ id: "z1", message: "quiero A12" }]));
    expect(result).toEqual({ comments: 0, messages: 0, ignored: 1 });
    expect(await prisma.comment.count({ where: { metaCommentId: "z1" } })).toBe(0);
  });

  test("with Inngest configured and unreachable, the comment and its event commit together (outbox): the delivery succeeds and a redelivery adds nothing", async () => {
    const { store, live, pageId } = await seedStore();
    process.env.INNGEST_EVENT_KEY = "test-event-key";
    process.env.INNGEST_BASE_URL = "http://127.0.0.1:9"; // nothing listens: before the outbox, the comment was stored and its event lost
    reloadEnv();
    try {
      await ingestMetaEvents(delivery(pageId, live.fbPostId!, [{ id: "i1", message: "quiero A12" }]));
      await ingestMetaEvents(delivery(pageId, live.fbPostId!, [{ id: "i1", message: "quiero A12" }]));
      const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: "i1" } });
      expect(await jobsFor(store.id)).toHaveLength(0);
      const outbox = await prisma.job.findMany({ where: { functionId: "inngest-outbox", eventId: `comment:${comment.id}` } });
      expect(outbox).toEqual([expect.objectContaining({ status: "QUEUED", eventName: "comment/received" })]);
    } finally {
      delete process.env.INNGEST_EVENT_KEY;
      delete process.env.INNGEST_BASE_URL;
      reloadEnv();
    }
  });
});
