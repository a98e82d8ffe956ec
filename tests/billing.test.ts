import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import * as billingRoute from "@/app/api/v1/stores/[id]/billing/route";
import * as invoicesRoute from "@/app/api/v1/stores/[id]/invoices/route";
import * as livesRoute from "@/app/api/v1/lives/route";
import * as productsRoute from "@/app/api/v1/inventory/products/route";
import * as tenantRoute from "@/app/api/admin/tenants/[id]/route";
import * as membersRoute from "@/app/api/v1/stores/[id]/members/route";
import * as acceptRoute from "@/app/api/v1/stores/[id]/members/accept/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";
import { seedStore } from "./helpers/seed";
import { sessionCookieFor } from "./helpers/session";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";

// CONTRACT §12: the seller's billing view, plan limits with the superadmin's overrides, commission and
// invoices — and a running live is never cut by a limit. Real PostgreSQL, real job driver, fake Graph API.

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => graph.close());

async function superadmin() {
  const admin = await signUp();
  await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
  return admin;
}

let seq = 0;
async function order(storeId: string, { totalMinor, currency = "CLP", status = "PAID", paidAt = new Date() }: { totalMinor: number; currency?: string; status?: "PAID" | "PENDING" | "REFUNDED"; paidAt?: Date | null }) {
  const key = `bill-${randomBytes(6).toString("hex")}-${seq++}`;
  return prisma.order.create({ data: { storeId, currency, subtotalMinor: totalMinor, totalMinor, status, paidAt: status === "PENDING" ? null : paidAt, expiresAt: new Date(Date.now() + 3600_000), idempotencyKey: key, checkoutToken: key } });
}

describe("GET /stores/{id}/billing", () => {
  test("the owner sees plan, trial, every metric with its limit and the period; staff 403; a stranger 404", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const res = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plan: "starter", status: "trialing", period: { subscription_minor: 2900, commission_minor: 0, currency: "CLP" } });
    expect(Object.keys(res.body.usage).sort()).toEqual(["comments", "lives", "llm_calls", "messages", "orders", "products", "staff"]);
    expect(res.body.usage.products).toEqual({ used: 0, limit: 200 });
    expect(res.body.usage.orders).toEqual({ used: 0, limit: null });
    expect(new Date(res.body.trial_ends_at).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000);
    const now = new Date();
    expect(res.body.period.start).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());

    const inv = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail("staff") } });
    const staff = await signUp();
    await call(acceptRoute.POST, { params: { id: store.id }, token: staff.accessToken, body: { token: decodeURIComponent(inv.body.invite_url.split("/invite/")[1]) } });
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: staff.accessToken })).status).toBe(403);
    expect((await call(invoicesRoute.GET, { params: { id: store.id }, token: staff.accessToken })).status).toBe(403);
    const stranger = await signUp();
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: stranger.accessToken })).status).toBe(404);
    expect((await call(invoicesRoute.GET, { params: { id: store.id }, token: stranger.accessToken })).status).toBe(404);
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body.usage.staff.used).toBe(1);
  });

  test("commission is the sum of round(total × bps / 10000) over this period's paid orders only, per currency", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    // Starter: 100 bps. 15990 → 159.9 → 160; 12345 → 123.45 → 123; 50 → 0.5 → 1 (half up, per order).
    await order(store.id, { totalMinor: 15990 });
    await order(store.id, { totalMinor: 12345 });
    await order(store.id, { totalMinor: 50 });
    await order(store.id, { totalMinor: 99_999, status: "PENDING" });
    await order(store.id, { totalMinor: 99_999, status: "REFUNDED" });
    await order(store.id, { totalMinor: 99_999, paidAt: new Date(Date.UTC(2020, 0, 15)) });
    await order(store.id, { totalMinor: 2550, currency: "USD" });
    const res = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(res.body.period.commission_minor).toBe(160 + 123 + 1);
    expect(res.body.period.commission_by_currency).toEqual({ CLP: 284, USD: 26 });
    expect(res.body.usage.orders.used).toBe(7); // orders created this period, whatever their status or payment date

    // A plan with another fee changes the commission of the whole period.
    const admin = await superadmin();
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { plan: "pro" } });
    const pro = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(pro.body).toMatchObject({ plan: "pro", period: { subscription_minor: 7900, commission_minor: 80 + 62 + 0 } });
  });

  test("invoices: each closed month issued once with its commission, plus this month's draft", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const now = new Date();
    const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 10));
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 20));
    await prisma.subscription.update({ where: { storeId: store.id }, data: { createdAt: twoMonthsAgo, trialEndsAt: twoMonthsAgo } });
    await order(store.id, { totalMinor: 10_000, paidAt: lastMonth });
    await order(store.id, { totalMinor: 20_000 });
    const first = await call(invoicesRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { status: string }) => i.status)).toEqual(["draft", "open", "open"]);
    const [draft, last, older] = first.body.items;
    expect(draft).toMatchObject({ id: null, number: null, commission_minor: 200, subscription_minor: 2900 });
    expect(last).toMatchObject({ period: lastMonth.toISOString().slice(0, 7), commission_minor: 100, subscription_minor: 2900 });
    expect(older.commission_minor).toBe(0);
    expect(last.number).toBeGreaterThan(older.number);
    // Issued once: reading again neither duplicates nor renumbers.
    const again = await call(invoicesRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(again.body.items.map((i: { number: number | null }) => i.number)).toEqual(first.body.items.map((i: { number: number | null }) => i.number));
    expect(await prisma.invoice.count({ where: { storeId: store.id } })).toBe(2);
  });

  test("a tenant override wins over the plan and a limit refuses adding a product with 402 naming the metric", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const admin = await superadmin();
    const patched = await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { limits: { comments: 3, products: 1 } } });
    expect(patched.status).toBe(200);
    const billing = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(billing.body.usage.comments).toEqual({ used: 0, limit: 3 });
    expect(billing.body.usage.products).toEqual({ used: 0, limit: 1 });
    expect(billing.body.usage.staff).toEqual({ used: 0, limit: 2 });
    const add = (sku: string) => call(productsRoute.POST, { token: owner.accessToken, body: { store_id: store.id, sku, name: "Polera", price: 1000, stock: 1 } });
    expect((await add("P1")).status).toBe(201);
    const over = await add("P2");
    expect(over.status).toBe(402);
    expect(over.body.error).toMatchObject({ code: "plan_limit_reached", details: { metric: "products", used: 1, limit: 1 } });
    // null lifts the limit
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { limits: { products: null } } });
    expect((await add("P2")).status).toBe(201);
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body.usage.products).toEqual({ used: 2, limit: null });
  });

  test("over the comments limit a running live keeps answering every buyer; only a new live is refused", async () => {
    const seeded = await seedStore();
    forgetPageCredentials(seeded.store.id);
    // A store made before plans existed (no subscription): overriding its limits puts it on the default plan.
    expect(await prisma.subscription.count({ where: { storeId: seeded.store.id } })).toBe(0);
    const admin = await superadmin();
    expect((await call(tenantRoute.PATCH, { method: "PATCH", params: { id: seeded.store.id }, token: admin.accessToken, body: { limits: { comments: 3 } } })).status).toBe(200);
    expect(await prisma.subscription.findUniqueOrThrow({ where: { storeId: seeded.store.id }, include: { plan: true } })).toMatchObject({ status: "ACTIVE", plan: { code: "starter" } });

    const posted = [];
    for (let i = 0; i < 5; i++) {
      const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, authorName: `Buyer ${i}`, message: `quiero 1 A12` });
      expect((await postWebhook(c.payload)).status).toBe(200);
      posted.push(c);
    }
    await runJobsUntilIdle({ functions: jobFunctions });
    const comments = await prisma.comment.findMany({ where: { liveId: seeded.live.id } });
    expect(comments).toHaveLength(5);
    for (const c of comments) expect(c.orderId, `comment ${c.metaCommentId} got no order`).not.toBeNull();
    for (const p of posted) expect(graph.calls.some((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(p.commentId)), `no DM for ${p.commentId}`).toBe(true);

    const cookie = await sessionCookieFor({ id: seeded.owner.id, email: seeded.owner.email });
    const headers = { cookie, origin: "http://localhost:3000", host: "localhost:3000" };
    const billing = await call(billingRoute.GET, { params: { id: seeded.store.id }, headers });
    expect(billing.body.usage.comments).toEqual({ used: 5, limit: 3 });
    expect(billing.body.usage.lives).toEqual({ used: 1, limit: 3 });
    const next = await call(livesRoute.POST, { headers, body: { store_id: seeded.store.id, fb_video_id: "v-next", title: "Otra" } });
    expect(next.status).toBe(402);
    expect(next.body.error).toMatchObject({ code: "plan_limit_reached", details: { metric: "comments", used: 5, limit: 3 } });
    expect(await prisma.live.count({ where: { storeId: seeded.store.id } })).toBe(1);
  });

  test("concurrent lives: the lives limit refuses a second active live, ending one frees the slot", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const admin = await superadmin();
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { limits: { lives: 1 } } });
    const start = (v: string) => call(livesRoute.POST, { token: owner.accessToken, body: { store_id: store.id, fb_video_id: v, title: "Live" } });
    const first = await start("v1");
    expect(first.status).toBe(201);
    const second = await start("v2");
    expect(second.status).toBe(402);
    expect(second.body.error.details).toMatchObject({ metric: "lives", used: 1, limit: 1 });
    await prisma.live.update({ where: { id: first.body.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect((await start("v2")).status).toBe(201);
  });

  test("a suspended store is read-only: billing says so and no new live starts", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const admin = await superadmin();
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { suspended: true, reason: "unpaid invoice" } });
    const billing = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(billing.body).toMatchObject({ status: "read_only", suspended_reason: "unpaid invoice" });
    const live = await call(livesRoute.POST, { token: owner.accessToken, body: { store_id: store.id, fb_video_id: "v1", title: "Live" } });
    expect(live.status).toBe(402);
    expect(live.body.error.code).toBe("subscription_inactive");
  });

  test("a trial that ended is past due, then read-only after the grace period", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const admin = await superadmin();
    const status = async () => (await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body.status;
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { trial_ends_at: new Date(Date.now() - 24 * 3600_000).toISOString() } });
    expect(await status()).toBe("past_due");
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { trial_ends_at: new Date(Date.now() - 8 * 24 * 3600_000).toISOString() } });
    expect(await status()).toBe("read_only");
    const extended = new Date(Date.now() + 10 * 24 * 3600_000).toISOString();
    await call(tenantRoute.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { trial_ends_at: extended } });
    expect(await status()).toBe("trialing");
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body.trial_ends_at).toBe(extended);
  });
});
