import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import pg from "pg";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { MetaRateLimitedError } from "@/lib/meta/errors";
import { forgetPageCredentials, pageCredentials } from "@/lib/messaging/graph";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { seedStore } from "@/tests/helpers/seed";
import { understandComment } from "./understand-comment";
import { reserveForComment } from "./reserve-for-comment";
import { replyToComment } from "./comment-replies";


let graph: FakeGraphServer;
let counting: string[] | null = null;
const original = pg.Client.prototype.query;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  process.env.RESERVATION_TTL_SECONDS = "1800";
  reloadEnv();
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : (config as { text?: string })?.text;
    if (counting && text && !text.includes("pg_notify")) counting.push(text);
    return (original as unknown as (...a: unknown[]) => unknown).call(this, config, ...rest);
  };
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await graph.close();
});
beforeEach(() => graph.reset());

/** A BUY comment understood and reserved: what the reply step starts from. */
async function reservedComment(message = "quiero A12") {
  const seeded = await seedStore();
  forgetPageCredentials(seeded.store.id);
  const metaCommentId = `c_${Math.random().toString(36).slice(2)}`;
  await ingestMetaEvents([{ type: "comment", pageId: seeded.pageId, commentId: metaCommentId, postId: seeded.live.fbPostId!, from: { id: `a_${metaCommentId}`, name: "Ana" }, message, createdTime: new Date() }]);
  const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId } });
  const understood = await understandComment({ commentId: comment.id });
  if (understood.action !== "act" || !understood.productId) throw new Error("expected a BUY");
  const reservation = await reserveForComment({ commentId: comment.id, productId: understood.productId, quantity: understood.quantity, buyerId: understood.buyerId });
  if (reservation.status !== "reserved") throw new Error("expected a reservation");
  return { ...seeded, comment, orderId: reservation.orderId, plan: { kind: "checkout" as const, orderId: reservation.orderId, addedToExistingCart: false } };
}

const callsFor = (metaCommentId: string) => ({
  public: graph.calls.filter((c) => c.kind === "comment_reply" && c.path.includes(metaCommentId) && c.status === 200).length,
  private: graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(metaCommentId) && c.status === 200).length,
});

describe("replyToComment", () => {
  test("three statements: the context, one claim of both keys with the guards, one record of both results with the comment", async () => {
    const { comment, store, plan } = await reservedComment();
    const commentId = comment.id;
    await pageCredentials(store.id); // the page token is cached per process
    counting = [];
    const result = await replyToComment({ commentId, plan });
    const statements = counting;
    counting = null;
    expect(result).toEqual({ private: "SENT" });
    // Besides the pipeline's three, the first send of each kind on a Page takes the Page's lease (one small
    // UPDATE of an unlogged row per bucket); the next sends on an idle Page cost none, and under load one
    // UPDATE covers many sends (lib/meta/page-pacer.ts and its tests).
    const pacing = statements.filter((s) => s.includes("page_send_pacing"));
    expect(statements.filter((s) => !s.includes("page_send_pacing"))).toHaveLength(3);
    expect(pacing.length).toBeLessThanOrEqual(2);
    expect(callsFor(comment.metaCommentId)).toEqual({ public: 1, private: 1 });
    const rows = await prisma.outboundMessage.findMany({ where: { commentId }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.status, r.attempts, r.sentAt !== null])).toEqual([["PUBLIC_REPLY", "SENT", 1, true], ["PRIVATE_REPLY", "SENT", 1, true]]);
    const after = await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, include: { buyer: true } });
    expect(after.status).toBe("PROCESSED");
    expect(after.dmSentAt).not.toBeNull();
    expect(after.buyer!.psid).toBeTruthy(); // learnt from the private reply
    const usage = await prisma.usageCounter.aggregate({ where: { storeId: store.id }, _sum: { messages: true } });
    expect(usage._sum.messages).toBe(2);
  });

  test("the private reply rate-limited past its retries: the public one is recorded once, and the retry sends only the missing reply", async () => {
    const { comment, store, plan } = await reservedComment();
    graph.failNext({ code: 4, message: "(#4) Application request limit reached", headers: { "retry-after": "60" }, times: 1, path: "/messages" });
    await expect(replyToComment({ commentId: comment.id, plan })).rejects.toBeInstanceOf(MetaRateLimitedError);
    expect(callsFor(comment.metaCommentId)).toEqual({ public: 1, private: 0 });
    const pending = await prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `comment:${comment.id}:private` } });
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(pending.error).toMatch(/request limit/);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PROCESSING");

    // The job's retry of the step, once Meta's retry-after (which paused the Page's sends for every worker) has passed.
    await prisma.$executeRaw`UPDATE page_send_pacing SET tat = now()`;
    expect(await replyToComment({ commentId: comment.id, plan })).toEqual({ private: "SENT" });
    expect(callsFor(comment.metaCommentId)).toEqual({ public: 1, private: 1 });
    const rows = await prisma.outboundMessage.findMany({ where: { commentId: comment.id }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.status, r.attempts, r.error])).toEqual([["PUBLIC_REPLY", "SENT", 2, null], ["PRIVATE_REPLY", "SENT", 2, null]]);
    const after = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(after.status).toBe("PROCESSED");
    expect(after.dmSentAt).not.toBeNull();
    const usage = await prisma.usageCounter.aggregate({ where: { storeId: store.id }, _sum: { messages: true } });
    expect(usage._sum.messages).toBe(2);

    // A third run (replay) sends nothing and leaves dmSentAt alone.
    expect(await replyToComment({ commentId: comment.id, plan })).toEqual({ private: "SENT" });
    expect(callsFor(comment.metaCommentId)).toEqual({ public: 1, private: 1 });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).dmSentAt).toEqual(after.dmSentAt);
  });

  test("a takeover, an opt-out or the kill switch arriving after the comment was understood stops both replies at send time", async () => {
    for (const change of ["pause", "optout", "killswitch"] as const) {
      const { comment, live, plan } = await reservedComment();
      const buyerId = (await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).buyerId!;
      if (change === "pause") await prisma.buyer.update({ where: { id: buyerId }, data: { botPausedAt: new Date() } });
      if (change === "optout") await prisma.buyer.update({ where: { id: buyerId }, data: { optedOutAt: new Date() } });
      if (change === "killswitch") await prisma.live.update({ where: { id: live.id }, data: { botEnabled: false } });
      expect(await replyToComment({ commentId: comment.id, plan })).toEqual({ private: "SKIPPED" });
      expect(callsFor(comment.metaCommentId)).toEqual({ public: 0, private: 0 });
      const rows = await prisma.outboundMessage.findMany({ where: { commentId: comment.id } });
      expect(rows.map((r) => r.status)).toEqual(["SKIPPED", "SKIPPED"]);
      const after = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(after.dmSentAt).toBeNull();
      // Caught by the kill switch, the comment waits with those received while paused.
      if (change === "killswitch") expect(after.status).toBe("PAUSED");
    }
  });
});
