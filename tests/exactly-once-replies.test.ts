import { afterEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { seedStore } from "./helpers/seed";

// A process dying between the Graph call and the statement that records its result leaves the message
// claimed but not recorded. The retry must reconcile instead of sending again: Meta refuses a second
// private reply (10900) but happily posts a second public one.
const graph = fakeGraphPerFile();
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

async function processUntil(commentId: string, status: string) {
  for (let i = 0; i < 40; i++) {
    await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2, logger: quiet });
    if ((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).status === status) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function buyerComment() {
  const seeded = await seedStore();
  forgetPageCredentials(seeded.store.id);
  const { commentId, payload } = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message: "quiero A12" });
  expect((await postWebhook(payload)).status).toBe(200);
  const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } });
  return { ...seeded, comment };
}

const publicReplies = (metaCommentId: string) => graph().commentReplies.get(metaCommentId) ?? [];
const privateReplyPosts = (metaCommentId: string) => graph().calls.filter((c) => c.kind === "private_reply" && c.status === 200 && JSON.stringify(c.body).includes(metaCommentId));

afterEach(async () => {
  await prisma.$executeRawUnsafe("DROP TRIGGER IF EXISTS crash_after_graph ON outbound_messages");
});

describe("side effects that survive a crash exactly once", () => {
  test("a crash after Meta took both replies but before they were recorded: the retry records the Page's existing public reply and Meta's 10900 for the private one — one of each", async () => {
    const { comment, store } = await buyerComment();
    // The statement that records the replies' results fails once, after both Graph calls succeeded:
    // for the job it is exactly a process dying between the call and the record (the step is retried).
    await prisma.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS crash_after_graph_seq`);
    await prisma.$queryRawUnsafe(`SELECT setval('crash_after_graph_seq', 1, false)`);
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION crash_after_graph() RETURNS trigger AS $$
      BEGIN
        IF NEW.status = 'SENT' AND OLD.status = 'PENDING' AND nextval('crash_after_graph_seq') = 1 THEN
          RAISE EXCEPTION 'simulated crash between the Graph call and the record';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER crash_after_graph BEFORE UPDATE ON outbound_messages FOR EACH ROW EXECUTE FUNCTION crash_after_graph()`);

    await processUntil(comment.id, "PROCESSED");

    const after = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(after.status).toBe("PROCESSED");
    expect(publicReplies(comment.metaCommentId)).toHaveLength(1);
    expect(privateReplyPosts(comment.metaCommentId)).toHaveLength(1);
    // The retry read the comment's replies from the Page (once) and posted nothing new publicly.
    expect(graph().calls.filter((c) => c.kind === "comments_list" && c.path.includes(comment.metaCommentId))).toHaveLength(1);
    expect(graph().calls.filter((c) => c.kind === "comment_reply" && c.path.includes(comment.metaCommentId))).toHaveLength(1);

    const messages = await prisma.outboundMessage.findMany({ where: { commentId: comment.id }, orderBy: { kind: "asc" } });
    expect(messages.map((m) => [m.kind, m.status, m.attempts])).toEqual([
      ["PUBLIC_REPLY", "SENT", 2],
      ["PRIVATE_REPLY", "SENT", 2],
    ]);
    expect(messages.find((m) => m.kind === "PUBLIC_REPLY")!.externalId).toBe(publicReplies(comment.metaCommentId)[0]!.id);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
  });

  test("a public reply whose post lost its connection (it may have reached Meta) is waited for on the Page, then found missing and posted exactly once", async () => {
    const { comment } = await buyerComment();
    // Every in-process retry of the Graph client loses its connection: the step fails, the job retries it.
    graph().failNext({ drop: true, times: 4, path: `/${comment.metaCommentId}/comments` });
    await processUntil(comment.id, "PROCESSED");
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PROCESSED");
    expect(publicReplies(comment.metaCommentId)).toHaveLength(1);
    expect(privateReplyPosts(comment.metaCommentId)).toHaveLength(1);
    const reply = await prisma.outboundMessage.findFirstOrThrow({ where: { commentId: comment.id, kind: "PUBLIC_REPLY" } });
    expect([reply.status, reply.externalId]).toEqual(["SENT", publicReplies(comment.metaCommentId)[0]!.id]);
    // The dropped post's outcome was unknown, so nothing was recorded for it and the retry waited out its
    // in-flight window (PUBLIC_REPLY_IN_FLIGHT_SECONDS), looking for it on the Page, before posting.
    expect(reply.error).toBeNull();
    expect(graph().calls.filter((c) => c.kind === "comments_list" && c.path.includes(comment.metaCommentId) && c.status === 200).length).toBeGreaterThan(1);
  }, 90_000);
});
