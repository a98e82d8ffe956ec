import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { forgetPageLives } from "@/lib/pipeline/page-lives-cache";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import * as metaRoute from "@/app/api/v1/stores/[id]/meta/route";
import * as livesRoute from "@/app/api/v1/lives/route";
import * as liveRoute from "@/app/api/v1/lives/[id]/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";

const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
beforeEach(() => {
  graph = fakeGraph();
});

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const origin = { origin: "http://localhost:3000", host: "localhost:3000" };
const liveVideoWebhook = (pageId: string, videoId: string, status: string) => ({ object: "page", entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "live_videos", value: { id: videoId, status } }] }] });

describe("lives that start themselves (CONTRACT §11)", () => {
  test("live_videos status live starts a live with the bot on (once, even redelivered); its comments are served; LIVE_STOPPED ends it", async () => {
    const seeded = await seedStore();
    forgetPageCredentials(seeded.store.id);
    const cookie = await sessionCookieFor(seeded.owner);
    expect((await call(storeRoute.GET, { path: `/api/v1/stores/${seeded.store.id}`, params: { id: seeded.store.id }, headers: { cookie } })).body).toMatchObject({ auto_start_lives: true, meta_status: "connected" });

    await postWebhook(liveVideoWebhook(seeded.pageId, "777001", "live"));
    await postWebhook(liveVideoWebhook(seeded.pageId, "777001", "live"));
    const listed = await call(livesRoute.GET, { path: `/api/v1/lives?store_id=${seeded.store.id}`, headers: { cookie } });
    const started = (listed.body as { fb_video_id: string; status: string; bot_enabled: boolean; id: string }[]).filter((l) => l.fb_video_id === "777001");
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ status: "active", bot_enabled: true });

    const c = commentPayload({ pageId: seeded.pageId, postId: `${seeded.pageId}_777001`, message: "quiero 1 A12" });
    graph.registerCommentAuthor({ commentId: c.commentId, psid: "psid_auto" });
    await postWebhook(c.payload);
    await run();
    const row = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
    expect(row.liveId).toBe(started[0]!.id);
    expect(row.orderId).not.toBeNull();

    await postWebhook(liveVideoWebhook(seeded.pageId, "777001", "LIVE_STOPPED"));
    expect((await prisma.live.findUniqueOrThrow({ where: { id: started[0]!.id } })).status).toBe("ENDED");
  });

  test("with auto_start_lives off nothing starts", async () => {
    const seeded = await seedStore();
    const cookie = await sessionCookieFor(seeded.owner);
    const patched = await call(storeRoute.PATCH, { method: "PATCH", path: `/api/v1/stores/${seeded.store.id}`, params: { id: seeded.store.id }, headers: { cookie, ...origin }, body: { auto_start_lives: false } });
    expect(patched.status).toBe(200);
    expect(patched.body.auto_start_lives).toBe(false);
    forgetPageLives();
    await postWebhook(liveVideoWebhook(seeded.pageId, "888001", "live"));
    expect(await prisma.live.count({ where: { storeId: seeded.store.id, fbVideoId: "888001" } })).toBe(0);
  });
});

describe("a revoked Page token (Graph error 190, CONTRACT §11)", () => {
  test("marks the store disconnected, stops every Send API call, alerts the seller; reconnecting sends the waiting replies once", async () => {
    const seeded = await seedStore();
    forgetPageCredentials(seeded.store.id);
    const cookie = await sessionCookieFor(seeded.owner);
    graph.failNext({ code: 190, status: 400, message: "Error validating access token: Session has expired", path: /\/messages$/, times: 1 });
    const first = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message: "quiero 1 A12" });
    graph.registerCommentAuthor({ commentId: first.commentId, psid: "psid_190a" });
    await postWebhook(first.payload);
    await run();

    const store = await call(storeRoute.GET, { path: `/api/v1/stores/${seeded.store.id}`, params: { id: seeded.store.id }, headers: { cookie } });
    expect(store.body.meta_status).toBe("disconnected");
    expect(await prisma.auditLog.count({ where: { storeId: seeded.store.id, action: "meta.disconnected" } })).toBe(1);
    // The owner is told by email, once, with the way back in.
    const told = await prisma.email.findMany({ where: { template: "page_disconnected", to: seeded.owner.email } });
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("/dashboard/onboarding?step=page");

    // The next comment reserves but nothing goes to Meta while disconnected: its replies wait.
    const callsBefore = graph.calls.length;
    const second = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message: "quiero 1 A12" });
    graph.registerCommentAuthor({ commentId: second.commentId, psid: "psid_190b" });
    await postWebhook(second.payload);
    await run();
    expect(graph.calls.slice(callsBefore).filter((c) => c.kind === "private_reply" || c.kind === "comment_reply" || c.kind === "message")).toHaveLength(0);
    const waiting = await prisma.outboundMessage.findMany({ where: { storeId: seeded.store.id, status: "PENDING" } });
    expect(waiting.length).toBeGreaterThanOrEqual(3); // the first comment's private reply and both replies of the second
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(2); // both carts reserved meanwhile
    expect(await prisma.email.count({ where: { template: "page_disconnected", to: seeded.owner.email } })).toBe(1);

    const reconnect = await call(metaRoute.PUT, { method: "PUT", path: `/api/v1/stores/${seeded.store.id}/meta`, params: { id: seeded.store.id }, headers: { cookie, ...origin }, body: { page_access_token: "fake-page-token-for-reconnect-test" } });
    expect(reconnect.status).toBe(200);
    await run();
    expect((await call(storeRoute.GET, { path: `/api/v1/stores/${seeded.store.id}`, params: { id: seeded.store.id }, headers: { cookie } })).body.meta_status).toBe("connected");
    expect(await prisma.outboundMessage.count({ where: { storeId: seeded.store.id, status: "PENDING" } })).toBe(0);
    for (const c of [first, second]) expect(graph.calls.filter((x) => x.kind === "private_reply" && x.status === 200 && JSON.stringify(x.body).includes(c.commentId))).toHaveLength(1);
    await run();
    for (const c of [first, second]) expect(graph.calls.filter((x) => x.kind === "private_reply" && x.status === 200 && JSON.stringify(x.body).includes(c.commentId))).toHaveLength(1);
  });
});

describe("zero missed comments (CONTRACT §11)", () => {
  const dueNow = (liveId: string) => prisma.$executeRaw`UPDATE jobs SET "runAt" = now() WHERE "functionId" = 'reconcile-live' AND status = 'QUEUED' AND payload->'data'->>'liveId' = ${liveId}`;

  test("a comment only visible through the comments listing is answered at the next read; one delivered both ways gets one DM; the live reports how they arrived", async () => {
    const seeded = await seedStore();
    forgetPageCredentials(seeded.store.id);
    const cookie = await sessionCookieFor(seeded.owner);
    // A live started through the API: its reconciliation chain starts with it.
    const created = await call(livesRoute.POST, { method: "POST", path: "/api/v1/lives", headers: { cookie, ...origin }, body: { store_id: seeded.store.id, fb_video_id: "999001", title: "Live" } });
    expect(created.status).toBe(201);
    const liveId = created.body.id as string;
    forgetPageLives();

    // Delivered by the webhook AND listed; and one that Meta's webhook dropped.
    const both = commentPayload({ pageId: seeded.pageId, postId: `${seeded.pageId}_999001`, message: "quiero 1 A12", authorId: "a_both" });
    graph.registerCommentAuthor({ commentId: both.commentId, psid: "psid_both" });
    await postWebhook(both.payload);
    await run();
    graph.addComment("999001", { id: both.commentId, message: "quiero 1 A12", from: { id: "a_both", name: "Carla" }, created_time: new Date().toISOString() });
    graph.addComment("999001", { id: "999001_dropped1", message: "quiero 2 A12", from: { id: "a_dropped", name: "Joana" }, created_time: new Date().toISOString() });
    graph.registerCommentAuthor({ commentId: "999001_dropped1", psid: "psid_dropped" });

    await dueNow(liveId);
    await run();
    const dropped = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: "999001_dropped1" } });
    expect(dropped).toMatchObject({ liveId, recovered: true, intent: "BUY", quantity: 2 });
    expect(dropped.orderId).not.toBeNull();
    const privateReplies = (id: string) => graph.calls.filter((c) => c.kind === "private_reply" && c.status === 200 && JSON.stringify(c.body).includes(id));
    expect(privateReplies("999001_dropped1")).toHaveLength(1);
    expect(privateReplies(both.commentId)).toHaveLength(1);
    // The chain continues while the live is active: the next read is queued, a re-read adds nothing.
    await dueNow(liveId);
    await run();
    expect(await prisma.comment.count({ where: { liveId } })).toBe(2);
    expect(privateReplies("999001_dropped1")).toHaveLength(1);

    const live = await call(liveRoute.GET, { path: `/api/v1/lives/${liveId}`, params: { id: liveId }, headers: { cookie } });
    expect(live.body).toMatchObject({ comments_webhook: 1, comments_recovered: 1 });
    expect(typeof live.body.webhook_lag_p95_ms).toBe("number");
    expect(await prisma.job.count({ where: { functionId: "reconcile-live", status: "QUEUED", payload: { path: ["data", "liveId"], equals: liveId } } })).toBe(1);
  });
});

describe("the Live Control Center sees Meta's side (issue 18)", () => {
  test("a disconnected Page, comments recovered by reading the live, and a webhook silent for the last minute", async () => {
    const { getLiveState } = await import("@/lib/live-control/live-state");
    const seeded = await seedStore();
    const live = await prisma.live.update({ where: { id: seeded.live.id }, data: { status: "ACTIVE" } });
    const comment = (recovered: boolean) => prisma.comment.create({ data: { storeId: seeded.store.id, liveId: live.id, metaCommentId: `lcc_${Math.random()}`, postId: live.fbPostId!, authorId: "9", text: "quiero 1", createdTime: new Date(), recovered } });
    expect((await getLiveState({ live })).meta).toEqual({ disconnected: false, recovered: 0, recent_recovered: 0, webhook_silent: false });

    await comment(true);
    await comment(true);
    expect((await getLiveState({ live })).meta).toEqual({ disconnected: false, recovered: 2, recent_recovered: 2, webhook_silent: true });
    await comment(false); // the webhook delivers again
    expect((await getLiveState({ live })).meta).toMatchObject({ recovered: 2, webhook_silent: false });

    await prisma.metaConnection.update({ where: { storeId: seeded.store.id }, data: { disconnectedAt: new Date() } });
    expect((await getLiveState({ live })).meta.disconnected).toBe(true);
  });
});
