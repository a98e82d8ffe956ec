import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle, jobs } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { exchangeCodeForPages } from "@/lib/onboarding/meta-oauth";
import { connectFacebookPage } from "@/lib/onboarding/meta-connect";
import { getPageAccessToken } from "@/lib/stores/stores";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import * as livesRoute from "@/app/api/v1/lives/route";
import * as liveVideosRoute from "@/app/api/v1/lives/facebook-videos/route";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { reloadEnv } from "./helpers/env";
import { seedStore } from "./helpers/seed";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";
import { createStoreFor, signUp } from "./helpers/factories";

const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
const APP_ID = "424242";
const appSecret = () => process.env.META_APP_SECRET!;
beforeAll(() => {
  process.env.META_APP_ID = APP_ID;
  reloadEnv();
});
afterAll(() => {
  delete process.env.META_APP_ID;
  reloadEnv();
});
beforeEach(() => {
  graph = fakeGraph();
  graph.configureApp({ appId: APP_ID, appSecret: appSecret() });
});

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const origin = { origin: "http://localhost:3000", host: "localhost:3000" };
const DAY = 24 * 3600;
const inDays = (d: number) => Math.floor(Date.now() / 1000) + d * DAY;
const tokenOf = async (storeId: string) => (await getPageAccessToken(storeId))!.token;
const readStore = async (storeId: string, cookie: string) => (await call(storeRoute.GET, { path: `/api/v1/stores/${storeId}`, params: { id: storeId }, headers: { cookie } })).body;

describe("debug_token at connection (issue 18)", () => {
  test("connecting a Page through Facebook asks Meta about its token with the app token: the end of access is stored and shown", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { fb_page_id: "700100200" });
    const login = graph.addFacebookLogin({ code: "code-1", pages: [{ id: "700100200", name: "Tienda Bea" }] });
    const pageToken = login.pageTokens["700100200"]!;
    const ends = inDays(80);
    graph.setTokenInfo(pageToken, { expires_at: 0, data_access_expires_at: ends });
    const [page] = await exchangeCodeForPages({ graphApiUrl: graph.url, appId: APP_ID, appSecret: appSecret(), redirectUri: "https://shop.example/cb", code: "code-1" });
    await connectFacebookPage({ storeId: store.id, userId: owner.userId, page: page!, graphApiUrl: graph.url });

    const debug = graph.calls.filter((c) => c.kind === "debug_token");
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatchObject({ status: 200, token: `${APP_ID}|${appSecret()}` });
    const conn = await prisma.metaConnection.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(conn.tokenExpiresAt).toBeNull(); // a Page token from a long-lived user token never expires
    expect(conn.dataAccessExpiresAt!.getTime()).toBe(ends * 1000);
    expect(conn.tokenCheckedAt).not.toBeNull();
    const body = (await call(storeRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body;
    expect(body).toMatchObject({ meta_status: "connected", meta_missing_permissions: [], meta_access_expires_at: new Date(ends * 1000).toISOString() });
  });

  test("a token whose scopes lack a permission the bot needs connects as missing_permissions, without an email (the seller sees it on screen)", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { fb_page_id: "700100300" });
    const login = graph.addFacebookLogin({ code: "code-2", pages: [{ id: "700100300", name: "Tienda Cami" }], declined: ["pages_messaging"] });
    const [page] = await exchangeCodeForPages({ graphApiUrl: graph.url, appId: APP_ID, appSecret: appSecret(), redirectUri: "https://shop.example/cb", code: "code-2" });
    expect(page!.access_token).toBe(login.pageTokens["700100300"]);
    await connectFacebookPage({ storeId: store.id, userId: owner.userId, page: page!, graphApiUrl: graph.url });
    expect((await call(storeRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body).toMatchObject({ meta_status: "missing_permissions", meta_missing_permissions: ["pages_messaging"] });
    expect(await prisma.email.count({ where: { template: "page_permissions_missing", to: owner.email } })).toBe(0);
  });
});

describe("the daily Page token check (issue 18)", () => {
  test("a revoked token disconnects the Page and emails the owners once; an access ending within a week is emailed once and shown; lost scopes flip to missing_permissions and are emailed once; the next day's check is queued", async () => {
    const revoked = await seedStore();
    const expiring = await seedStore();
    const scopes = await seedStore();
    const healthy = await seedStore();
    for (const s of [revoked, expiring, scopes, healthy]) forgetPageCredentials(s.store.id);
    graph.revokeToken(await tokenOf(revoked.store.id));
    const ends = inDays(3);
    graph.setTokenInfo(await tokenOf(expiring.store.id), { data_access_expires_at: ends });
    graph.setTokenInfo(await tokenOf(scopes.store.id), { scopes: ["pages_show_list", "pages_read_engagement", "pages_manage_metadata", "pages_messaging"] });

    const day = new Date().toISOString().slice(0, 10);
    await jobs.send({ name: "meta/token-check", id: `meta-token-check:${day}`, data: { day }, ts: Date.now() });
    await run();

    const cookieOf = (s: Awaited<ReturnType<typeof seedStore>>) => sessionCookieFor(s.owner);
    expect(await readStore(revoked.store.id, await cookieOf(revoked))).toMatchObject({ meta_status: "disconnected" });
    expect((await getPageAccessToken(revoked.store.id))!.disconnected).toBe(true);
    const exp = await readStore(expiring.store.id, await cookieOf(expiring));
    expect(exp.meta_status).toBe("connected");
    expect(Date.parse(exp.meta_access_expires_at)).toBe(ends * 1000);
    expect(await readStore(scopes.store.id, await cookieOf(scopes))).toMatchObject({ meta_status: "missing_permissions", meta_missing_permissions: ["pages_read_user_content", "pages_manage_engagement"] });
    expect(await readStore(healthy.store.id, await cookieOf(healthy))).toMatchObject({ meta_status: "connected", meta_missing_permissions: [] });

    const emails = async () => ({
      disconnected: await prisma.email.count({ where: { template: "page_disconnected", to: revoked.owner.email } }),
      expiring: await prisma.email.findMany({ where: { template: "page_token_expiring", to: expiring.owner.email } }),
      permissions: await prisma.email.findMany({ where: { template: "page_permissions_missing", to: scopes.owner.email } }),
      healthy: await prisma.email.count({ where: { to: healthy.owner.email, template: { in: ["page_disconnected", "page_token_expiring", "page_permissions_missing"] } } }),
    });
    const first = await emails();
    expect(first.disconnected).toBe(1);
    expect(first.expiring).toHaveLength(1);
    expect(first.expiring[0]!.text).toContain("/dashboard/onboarding?step=page");
    expect(first.permissions).toHaveLength(1);
    expect(first.permissions[0]!.text).toContain("pages_read_user_content");
    expect(first.healthy).toBe(0);
    // Tomorrow's check is queued by this one.
    const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + DAY * 1000).toISOString().slice(0, 10);
    expect(await prisma.job.count({ where: { functionId: "check-page-tokens", status: "QUEUED", payload: { path: ["data", "day"], equals: tomorrow } } })).toBe(1);

    // The next day's run finds the same state: nobody is emailed twice.
    await prisma.$executeRaw`UPDATE jobs SET "runAt" = now() WHERE "functionId" = 'check-page-tokens' AND status = 'QUEUED'`;
    await run();
    const second = await emails();
    expect({ ...second, expiring: second.expiring.length, permissions: second.permissions.length }).toEqual({ disconnected: 1, expiring: 1, permissions: 1, healthy: 0 });
    expect(graph.calls.filter((c) => c.kind === "debug_token" && c.status !== 200)).toHaveLength(0);

    // Reconnecting with a fresh token clears the warnings: a later problem is emailed again.
    const cookie = await cookieOf(expiring);
    const put = await call((await import("@/app/api/v1/stores/[id]/meta/route")).PUT, { method: "PUT", path: `/api/v1/stores/${expiring.store.id}/meta`, params: { id: expiring.store.id }, headers: { cookie, ...origin }, body: { page_access_token: "EAAfresh-token-after-reconnect" } });
    expect(put.status).toBe(200);
    expect(await prisma.metaConnection.findUniqueOrThrow({ where: { storeId: expiring.store.id } })).toMatchObject({ expiryWarnedAt: null, dataAccessExpiresAt: expect.any(Date) });
    expect((await readStore(expiring.store.id, cookie)).meta_access_expires_at).not.toBe(exp.meta_access_expires_at);
  });
});

describe("the live-video picker (issue 18)", () => {
  test("lists the Page's live and scheduled videos (live first) with the live already following one; picking one starts a live with the bot on", async () => {
    const seeded = await seedStore();
    forgetPageCredentials(seeded.store.id);
    const cookie = await sessionCookieFor(seeded.owner);
    graph.addLiveVideo(seeded.pageId, { id: "880001", status: "VOD", title: "Ayer" });
    graph.addLiveVideo(seeded.pageId, { id: "880002", status: "SCHEDULED_UNPUBLISHED", title: "Viernes de ofertas" });
    graph.addLiveVideo(seeded.pageId, { id: "880003", status: "LIVE", title: "Liquidación", broadcast_start_time: new Date().toISOString(), permalink_url: "https://www.facebook.com/videos/880003" });
    const list = async () => call(liveVideosRoute.GET, { path: `/api/v1/lives/facebook-videos?store_id=${seeded.store.id}`, headers: { cookie } });

    const first = await list();
    expect(first.status).toBe(200);
    expect(first.body).toEqual([
      expect.objectContaining({ fb_video_id: "880003", fb_post_id: `${seeded.pageId}_880003`, status: "live", title: "Liquidación", live_id: null }),
      expect.objectContaining({ fb_video_id: "880002", status: "scheduled", title: "Viernes de ofertas", live_id: null }),
    ]);
    const call0 = graph.calls.find((c) => c.kind === "live_videos")!;
    expect(call0.pageId).toBe(seeded.pageId);

    const picked = first.body[0];
    const started = await call(livesRoute.POST, { method: "POST", path: "/api/v1/lives", headers: { cookie, ...origin }, body: { store_id: seeded.store.id, fb_video_id: picked.fb_video_id, fb_post_id: picked.fb_post_id, title: picked.title } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: "active", bot_enabled: true, fb_video_id: "880003" });
    expect((await list()).body[0]).toMatchObject({ fb_video_id: "880003", live_id: started.body.id, live_status: "active" });
  });

  test("another store's id answers 404, a missing store_id 4xx naming it; a token Meta revoked answers 409 meta_disconnected and disconnects the Page", async () => {
    const mine = await seedStore();
    const other = await seedStore();
    forgetPageCredentials(mine.store.id);
    const cookie = await sessionCookieFor(mine.owner);
    const foreign = await call(liveVideosRoute.GET, { path: `/api/v1/lives/facebook-videos?store_id=${other.store.id}`, headers: { cookie } });
    expect(foreign.status).toBe(404);
    const missing = await call(liveVideosRoute.GET, { path: `/api/v1/lives/facebook-videos`, headers: { cookie } });
    expect([400, 422]).toContain(missing.status);
    expect(JSON.stringify(missing.body)).toContain("store_id");

    graph.revokeToken(await tokenOf(mine.store.id));
    const refused = await call(liveVideosRoute.GET, { path: `/api/v1/lives/facebook-videos?store_id=${mine.store.id}`, headers: { cookie } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("meta_disconnected");
    expect(await readStore(mine.store.id, cookie)).toMatchObject({ meta_status: "disconnected" });
  });
});
