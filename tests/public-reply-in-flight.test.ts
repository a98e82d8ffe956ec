import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { PUBLIC_REPLY_IN_FLIGHT_SECONDS, sendOutbound, type OutboundRequest } from "@/lib/messaging/send-message";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { seedStore } from "./helpers/seed";

// Meta posts a second public reply if asked twice, and a retry recognises the first only once it is on
// the Page. A retry that claims a public reply while an earlier try may still be posting it (a worker
// that stalled past its lease, a step re-run while its first request was alive) must wait for that reply
// instead of posting its own.
const graph = fakeGraphPerFile();

async function commentToAnswer() {
  const { store, pageId, live, pageToken } = await seedStore();
  forgetPageCredentials(store.id);
  // The fake learns whose token it is (and so whose reply it lists as the Page's) from the start.
  graph().registerPageToken({ pageId, token: pageToken });
  const { commentId: metaCommentId, payload } = commentPayload({ pageId, postId: live.fbPostId!, message: "¿tienen talla L?" });
  expect((await postWebhook(payload)).status).toBe(200);
  const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId } });
  const req: OutboundRequest = { storeId: store.id, commentId: comment.id, liveId: live.id, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: `comment:${comment.id}:public`, metaCommentId, text: "¡Sí! Te escribimos por privado." };
  return { store, comment, metaCommentId, req };
}

const replyPosts = (metaCommentId: string) => graph().calls.filter((c) => c.kind === "comment_reply" && c.path.includes(metaCommentId));
const message = (key: string) => prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });

async function until<T>(read: () => Promise<T | null>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a public reply claimed again while an earlier try may still be posting it", () => {
  test("the second try waits for the first try's reply on the Page and posts nothing itself: one public reply", async () => {
    const { metaCommentId, req } = await commentToAnswer();
    // Meta takes 1.5 s to answer the first try's post: it is still on its way when the second try claims.
    graph().setLatency(1_500);
    const first = sendOutbound(req);
    await until(() => prisma.outboundMessage.findFirst({ where: { idempotencyKey: req.idempotencyKey, attempts: 1 } }), "the first claim");
    await new Promise((r) => setTimeout(r, 150));
    graph().setLatency(0);

    const second = await sendOutbound(req);
    const firstResult = await first;

    expect(replyPosts(metaCommentId)).toHaveLength(1);
    expect(graph().commentReplies.get(metaCommentId)).toHaveLength(1);
    const posted = graph().commentReplies.get(metaCommentId)![0]!.id;
    expect([firstResult.status, second.status]).toEqual(["SENT", "SENT"]);
    const row = await message(req.idempotencyKey);
    expect([row.status, row.externalId, row.attempts, row.error]).toEqual(["SENT", posted, 2, null]);
  });

  test("an earlier try that recorded nothing and whose window is over has ended: the retry posts the missing reply, once", async () => {
    const { store, comment, metaCommentId, req } = await commentToAnswer();
    // What a try that crashed between its claim and the Graph call leaves behind, claimed before the window.
    await prisma.outboundMessage.create({
      data: { storeId: store.id, commentId: comment.id, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: req.idempotencyKey, recipient: `comment:${metaCommentId}`, body: { message: "x" }, attempts: 1, claimedAt: new Date(Date.now() - (PUBLIC_REPLY_IN_FLIGHT_SECONDS + 1) * 1000) },
    });
    const started = Date.now();
    const result = await sendOutbound(req);
    expect(Date.now() - started).toBeLessThan(PUBLIC_REPLY_IN_FLIGHT_SECONDS * 1000);
    expect(result.status).toBe("SENT");
    expect(replyPosts(metaCommentId)).toHaveLength(1);
    const row = await message(req.idempotencyKey);
    expect([row.status, row.externalId, row.attempts]).toEqual(["SENT", graph().commentReplies.get(metaCommentId)![0]!.id, 2]);
  });

  test("two retries that waited out the same window: only the one that takes the claim over posts, the other finds its reply", async () => {
    const { store, comment, metaCommentId, req } = await commentToAnswer();
    // An earlier try claimed it 29 s ago and recorded nothing: its window ends in about a second.
    await prisma.outboundMessage.create({
      data: { storeId: store.id, commentId: comment.id, kind: "PUBLIC_REPLY", purpose: "ack", idempotencyKey: req.idempotencyKey, recipient: `comment:${metaCommentId}`, body: { message: "x" }, attempts: 1, claimedAt: new Date(Date.now() - (PUBLIC_REPLY_IN_FLIGHT_SECONDS - 1) * 1000) },
    });
    // Meta takes 300 ms to answer each call: the two tries' lookups and posts overlap.
    graph().setLatency(300);
    const results = await Promise.all([sendOutbound(req), sendOutbound(req)]);
    expect(results.map((r) => r.status)).toEqual(["SENT", "SENT"]);
    expect(replyPosts(metaCommentId)).toHaveLength(1);
    const row = await message(req.idempotencyKey);
    expect([row.status, row.externalId, row.attempts]).toEqual(["SENT", graph().commentReplies.get(metaCommentId)![0]!.id, 3]);
  });
});
