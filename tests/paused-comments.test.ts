import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { understandComment } from "@/lib/pipeline/understand-comment";
import { reserveForComment } from "@/lib/pipeline/reserve-for-comment";
import { replyToComment } from "@/lib/pipeline/comment-replies";
import * as botRoute from "@/app/api/v1/lives/[id]/bot/route";
import * as commentsRoute from "@/app/api/v1/lives/[id]/comments/route";
import * as processRoute from "@/app/api/v1/lives/[id]/paused-comments/process/route";
import * as stateRoute from "@/app/dashboard/live/[liveId]/data/state/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call, type CallOptions } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";

// Issue 11 item 10: comments that arrive while the bot is off (kill switch) stay visible as "received
// while paused", and turning the bot back on can process them — through the normal pipeline, each
// exactly once — instead of silently dropping them. Real PostgreSQL, real job driver, fake Graph API.

let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const callsFor = (metaCommentId: string) => graph.calls.filter((c) => c.path.includes(metaCommentId) || JSON.stringify(c.body).includes(metaCommentId));
const privateReplies = (metaCommentId: string) => graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(metaCommentId));
const publicReplies = (metaCommentId: string) => graph.calls.filter((c) => c.kind === "comment_reply" && c.path.includes(metaCommentId));

async function setup(stock = 10) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock, keywords: ["polera", "roja"], color: "rojo", size: "M" }] });
  forgetPageCredentials(seeded.store.id);
  const cookie = await sessionCookieFor({ id: seeded.owner.id, email: seeded.owner.email });
  const headers = { cookie, origin: "http://localhost:3000", host: "localhost:3000" };
  const as = (extra: CallOptions = {}): CallOptions => ({ headers, params: { id: seeded.live.id, liveId: seeded.live.id }, ...extra });
  const setBot = (body: Record<string, unknown>) => call(botRoute.POST, as({ body }));
  const processPaused = () => call(processRoute.POST, as({ method: "POST" }));
  return { ...seeded, as, setBot, processPaused };
}

/** Three BUY comments from three buyers, delivered through the signed webhook and run by the job worker. */
async function commentWhilePaused(s: Awaited<ReturnType<typeof setup>>, n = 3) {
  const posted = [];
  for (let i = 0; i < n; i++) {
    const c = commentPayload({ pageId: s.pageId, postId: s.live.fbPostId!, authorName: `Buyer ${i}`, message: `quiero ${i + 1} de la A12` });
    expect((await postWebhook(c.payload)).status).toBe(200);
    posted.push(c);
  }
  await run();
  return posted;
}

describe("comments received while the bot is paused", () => {
  test("are stored and shown as PAUSED, with zero Graph calls and zero reservations", async () => {
    const s = await setup();
    expect((await s.setBot({ enabled: false })).status).toBe(200);
    const posted = await commentWhilePaused(s);

    expect(graph.calls).toEqual([]);
    expect(await prisma.reservation.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(0);
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: s.store.id } })).reserved).toBe(0);
    expect(await prisma.outboundMessage.count({ where: { storeId: s.store.id, status: "SENT" } })).toBe(0);

    // The API lists them with their own status, read by the bot but untouched.
    const list = await call(commentsRoute.GET, s.as({ path: `/api/v1/lives/${s.live.id}/comments` }));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    for (const c of list.body) expect(c).toMatchObject({ status: "PAUSED", intent: "BUY", sku: "A12", order_id: null, dm_sent_at: null });
    expect(new Set(list.body.map((c: { comment_id: string }) => c.comment_id))).toEqual(new Set(posted.map((p) => p.commentId)));
    const onlyPaused = await call(commentsRoute.GET, s.as({ path: `/api/v1/lives/${s.live.id}/comments?status=PAUSED` }));
    expect(onlyPaused.body).toHaveLength(3);
    const badFilter = await call(commentsRoute.GET, s.as({ path: `/api/v1/lives/${s.live.id}/comments?status=ASLEEP` }));
    expect(badFilter.status).toBe(422);

    // The Control Center's counters know how many wait, for the "process them?" dialog.
    const state = await call(stateRoute.GET, s.as({ path: `/dashboard/live/${s.live.id}/data/state` }));
    expect(state.body.stats).toMatchObject({ received: 3, paused: 3, pending: 0, processed: 0 });
  });

  test("turning the bot back on without processing leaves them PAUSED and sends nothing for them", async () => {
    const s = await setup();
    await s.setBot({ enabled: false });
    const posted = await commentWhilePaused(s);
    const on = await s.setBot({ enabled: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ bot_enabled: true, queued: 0, paused_comments: 3 });
    await run();

    expect(await prisma.comment.count({ where: { liveId: s.live.id, status: "PAUSED" } })).toBe(3);
    for (const p of posted) expect(callsFor(p.commentId)).toEqual([]);
    expect(await prisma.reservation.count({ where: { storeId: s.store.id } })).toBe(0);

    // A comment arriving now is processed as usual; the paused ones still wait.
    const fresh = commentPayload({ pageId: s.pageId, postId: s.live.fbPostId!, authorName: "Nueva", message: "quiero la A12" });
    await postWebhook(fresh.payload);
    await run();
    expect(privateReplies(fresh.commentId)).toHaveLength(1);
    expect(await prisma.comment.count({ where: { liveId: s.live.id, status: "PAUSED" } })).toBe(3);
  });

  test("processing them, even with two concurrent calls, reserves and answers each exactly once", async () => {
    const s = await setup();
    await s.setBot({ enabled: false });
    const posted = await commentWhilePaused(s);
    // A pause of ten minutes: the Control Center's comment → DM latency must not count it.
    await prisma.comment.updateMany({ where: { liveId: s.live.id }, data: { receivedAt: new Date(Date.now() - 10 * 60_000) } });
    await s.setBot({ enabled: true });

    const [a, b] = await Promise.all([s.processPaused(), s.processPaused()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.queued + b.body.queued).toBe(3);
    expect(Math.min(a.body.queued, b.body.queued)).toBe(0);
    // Two workers drain the queue at once, as two app instances would.
    await Promise.all([run(), run()]);
    // A late third click finds nothing left to do.
    const again = await s.processPaused();
    expect(again.body).toMatchObject({ queued: 0, paused_comments: 0 });
    await run();

    for (const p of posted) {
      expect(privateReplies(p.commentId)).toHaveLength(1);
      expect(publicReplies(p.commentId)).toHaveLength(1);
    }
    const comments = await prisma.comment.findMany({ where: { liveId: s.live.id } });
    expect(comments.map((c) => c.status)).toEqual(["PROCESSED", "PROCESSED", "PROCESSED"]);
    expect(comments.every((c) => c.orderId && c.dmSentAt)).toBe(true);
    const reservations = await prisma.reservation.findMany({ where: { storeId: s.store.id } });
    expect(reservations).toHaveLength(3);
    expect(reservations.map((r) => r.quantity).sort()).toEqual([1, 2, 3]);
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: s.store.id } })).reserved).toBe(6);
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(3);
    // One bot decision per comment, even though each was understood twice.
    expect(await prisma.aiDecision.count({ where: { storeId: s.store.id } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { storeId: s.store.id, action: "live.paused_comments_processed" } })).toBe(1);
    const state = await call(stateRoute.GET, s.as({ path: `/dashboard/live/${s.live.id}/data/state` }));
    expect(state.body.stats).toMatchObject({ paused: 0, processed: 3 });
    expect(state.body.stats.latency.samples).toBe(3);
    expect(state.body.stats.latency.maxMs).toBeLessThan(60_000);
  });

  test("turning the bot on with process_paused processes them in the same call, once, even when sent twice at once", async () => {
    const s = await setup();
    await s.setBot({ enabled: false });
    const posted = await commentWhilePaused(s, 2);
    const [a, b] = await Promise.all([s.setBot({ enabled: true, process_paused: true }), s.setBot({ enabled: true, process_paused: true })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.bot_enabled && b.body.bot_enabled).toBe(true);
    expect(a.body.queued + b.body.queued).toBe(2);
    await Promise.all([run(), run()]);
    for (const p of posted) expect(privateReplies(p.commentId)).toHaveLength(1);
    expect(await prisma.reservation.count({ where: { storeId: s.store.id } })).toBe(2);
    expect(await prisma.comment.count({ where: { liveId: s.live.id, status: "PROCESSED" } })).toBe(2);
  });

  test("while the bot is off (or the live ended) processing is refused and changes nothing", async () => {
    const s = await setup();
    await s.setBot({ enabled: false });
    await commentWhilePaused(s, 1);

    const refused = await s.processPaused();
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("bot_disabled");
    const badCombo = await s.setBot({ enabled: false, process_paused: true });
    expect(badCombo.status).toBe(422);
    expect(JSON.stringify(badCombo.body)).toContain("process_paused");
    const badType = await s.setBot({ enabled: true, process_paused: "yes" });
    expect(badType.status).toBe(422);
    // Nothing moved: the 422s left the switch off and the comment paused.
    expect((await prisma.live.findUniqueOrThrow({ where: { id: s.live.id } })).botEnabled).toBe(false);
    await run();
    expect(await prisma.comment.count({ where: { liveId: s.live.id, status: "PAUSED" } })).toBe(1);
    expect(graph.calls).toEqual([]);
    expect(await prisma.reservation.count({ where: { storeId: s.store.id } })).toBe(0);

    // Another store's seller cannot reach this live at all.
    const other = await setup();
    const foreign = await call(processRoute.POST, { ...other.as(), params: { id: s.live.id } });
    expect(foreign.status).toBe(404);

    // Once the live has ended the bot no longer sells in it: refused, and the switch is not flipped.
    await prisma.live.update({ where: { id: s.live.id }, data: { status: "ENDED", endedAt: new Date() } });
    const ended = await s.setBot({ enabled: true, process_paused: true });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe("live_ended");
    expect((await prisma.live.findUniqueOrThrow({ where: { id: s.live.id } })).botEnabled).toBe(false);
    expect(await prisma.comment.count({ where: { liveId: s.live.id, status: "PAUSED" } })).toBe(1);
  });

  test("a comment the switch caught between reserving and replying waits as PAUSED, then gets its replies once", async () => {
    const s = await setup();
    const c = commentPayload({ pageId: s.pageId, postId: s.live.fbPostId!, authorName: "Justo", message: "quiero 2 de la A12" });
    await postWebhook(c.payload);
    const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
    // The pipeline's own steps, with the switch going off after the reservation (as a seller might mid-comment).
    const understood = await understandComment({ commentId: comment.id });
    if (understood.action !== "act") throw new Error("expected the bot to act");
    const reserved = await reserveForComment({ commentId: comment.id, productId: understood.productId!, quantity: understood.quantity, buyerId: understood.buyerId });
    if (reserved.status !== "reserved") throw new Error("expected a reservation");
    await s.setBot({ enabled: false });
    await replyToComment({ commentId: comment.id, plan: { kind: "checkout", orderId: reserved.orderId, addedToExistingCart: false } });

    expect(callsFor(c.commentId)).toEqual([]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PAUSED");
    // (Its own job, delivered with the webhook, finds the comment already handled and does nothing.)
    await run();
    expect(callsFor(c.commentId)).toEqual([]);

    await s.setBot({ enabled: true });
    expect((await s.processPaused()).body.queued).toBe(1);
    await run();
    expect(privateReplies(c.commentId)).toHaveLength(1);
    expect(publicReplies(c.commentId)).toHaveLength(1);
    expect(JSON.stringify(privateReplies(c.commentId)[0]!.body)).toContain(`/checkout/${reserved.orderId}`);
    expect(await prisma.reservation.count({ where: { storeId: s.store.id } })).toBe(1);
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: s.store.id } })).reserved).toBe(2);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PROCESSED");
  });
});
