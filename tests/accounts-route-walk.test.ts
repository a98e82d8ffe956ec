import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as productsRoute from "@/app/api/v1/inventory/products/route";
import * as createOrder from "@/app/api/v1/orders/create/route";
import * as livesRoute from "@/app/api/v1/lives/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Walks EVERY route under app/api/v1 (the list is read from the folder, so a new route is covered the
// day it is added) as the store's OWNER, a STAFF member and a stranger with a store of their own:
// never a 500; the stranger never reaches the store (404 for its ids); STAFF gets 403 exactly on the
// owner-only actions (README "Roles and permissions").

const ROOT = join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** Routes without a tenant: authentication, the API description, the public image store, the help articles, the buyer's checkout (its link's token decides; tested in tests/fulfilment-api.test.ts). */
const UNSCOPED = /^\/api\/v1\/(auth\/|openapi\.json|uploads\/\[\.\.\.key\]|stores$|help\/|checkout\/)/;
/** Accept an invitation: the token decides, not the membership. */
const BY_TOKEN = new Set(["POST /api/v1/stores/[id]/members/accept", "GET /api/v1/stores/[id]/members/accept"]);
/** Multipart uploads: an empty JSON body is refused before the store is read (400, never 2xx). */
const MULTIPART = new Set(["POST /api/v1/uploads"]);

/** A valid body where the store id travels in it, so the store check (not the schema) answers. */
const BODIES: Record<string, (ids: Ids) => unknown> = {
  "POST /api/v1/inventory/products": (ids) => ({ store_id: ids.store, sku: "W1", name: "Walk", price: 1000, stock: 1 }),
  "POST /api/v1/lives": (ids) => ({ store_id: ids.store, fb_video_id: `v${Math.random()}`, title: "Walk" }),
  "POST /api/v1/orders/create": (ids) => ({ store_id: ids.store, customer_fb_id: "fb_walk2", items: [{ sku: "A12", qty: 1 }] }),
  "POST /api/v1/ai/classify": (ids) => ({ store_id: ids.store, text: "quiero la A12" }),
  "POST /api/v1/support/tickets": (ids) => ({ store_id: ids.store, subject: "Walk", body: "Walking every route", severity: "S3" }),
  "POST /api/v1/support/tickets/[id]/messages": () => ({ body: "Walking every route" }),
};

/** What STAFF may not do: 403 `owner_required` even with a valid body. */
const OWNER_ONLY = new Set([
  "PATCH /api/v1/stores/[id]",
  "PUT /api/v1/stores/[id]/meta",
  "PUT /api/v1/stores/[id]/plan",
  "GET /api/v1/stores/[id]/payments",
  "GET /api/v1/stores/[id]/payments/[provider]",
  "PUT /api/v1/stores/[id]/payments/[provider]",
  "POST /api/v1/stores/[id]/members",
  "PATCH /api/v1/stores/[id]/members/[memberId]",
  "DELETE /api/v1/stores/[id]/members/[memberId]",
  "DELETE /api/v1/stores/[id]/members/invitations/[invitationId]",
  "GET /api/v1/stores/[id]/audit",
  "PUT /api/v1/stores/[id]/payments/sandbox",
  "POST /api/v1/inventory/products",
  "DELETE /api/v1/inventory/products/[id]",
  "POST /api/v1/inventory/import",
  "POST /api/v1/orders/[id]/cancel",
  "POST /api/v1/orders/[id]/confirm-transfer",
  "POST /api/v1/orders/[id]/reject-transfer",
  "POST /api/v1/orders/[id]/refund",
  "GET /api/v1/buyers/[id]/export",
  "GET /api/v1/stores/[id]/billing",
  "PUT /api/v1/stores/[id]/billing/payment-method",
  "POST /api/v1/stores/[id]/billing/payment-method/setup",
  "POST /api/v1/stores/[id]/billing/payment-method/complete",
  "GET /api/v1/stores/[id]/plan/preview",
  "PUT /api/v1/stores/[id]/delivery",
  "GET /api/v1/stores/[id]/invoices",
  "GET /api/v1/stores/[id]/invoices/[invoiceId]/pdf",
  "DELETE /api/v1/buyers/[id]",
  "POST /api/v1/stores/[id]/close",
]);

type Ids = Record<string, string>;

async function invoke(handler: (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>, method: Method, url: string, params: Record<string, unknown>, token: string, body: unknown) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  let payload: string | undefined;
  if (method !== "GET" && method !== "DELETE") {
    payload = JSON.stringify(body);
    headers.set("content-type", url.includes("/inventory/import") ? "text/csv" : "application/json");
    if (url.includes("/inventory/import")) payload = "sku,name,description,price,stock,keywords\nZ9,Zapato,,1000,1,zapato\n";
  }
  const controller = new AbortController();
  const req = new NextRequest(new URL(url, "http://localhost:3000"), { method, headers, body: payload, signal: controller.signal });
  const res = await handler(req, { params: Promise.resolve(params) });
  // Event streams never end: the status is what matters.
  if (res.headers.get("content-type")?.includes("text/event-stream")) {
    controller.abort();
    await res.body?.cancel().catch(() => {});
    return { status: res.status, code: null as string | null };
  }
  const text = await res.text();
  let code: string | null = null;
  try {
    code = JSON.parse(text)?.error?.code ?? null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, code };
}

async function world() {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken);
  const staff = await signUp({ fullName: "Staff" });
  const staffMembership = await prisma.membership.create({ data: { userId: staff.userId, storeId: store.id, role: "STAFF" } });
  // The member the calls act on is someone else: STAFF may leave a store themselves, not remove others.
  const colleague = await signUp({ fullName: "Colleague" });
  const colleagueMembership = await prisma.membership.create({ data: { userId: colleague.userId, storeId: store.id, role: "STAFF" } });
  const stranger = await signUp({ fullName: "Stranger" });
  await createStoreFor(stranger.accessToken);
  const product = await call(productsRoute.POST, { token: owner.accessToken, body: { store_id: store.id, sku: "A12", name: "Polera roja M", price: 15990, stock: 50 } });
  const live = await call(livesRoute.POST, { token: owner.accessToken, body: { store_id: store.id, fb_video_id: "vwalk", title: "Live" } });
  const order = await call(createOrder.POST, { token: owner.accessToken, body: { store_id: store.id, customer_fb_id: "fb_walk", items: [{ sku: "A12", qty: 1 }] } });
  const orderRow = await prisma.order.findUniqueOrThrow({ where: { id: order.body.order_id } });
  const comment = await prisma.comment.create({ data: { storeId: store.id, liveId: live.body.id, metaCommentId: "c_walk", postId: "p", authorId: "fb_walk", text: "quiero", buyerId: orderRow.buyerId, createdTime: new Date() } });
  const ticket = await prisma.supportTicket.create({ data: { storeId: store.id, userId: owner.userId, subject: "Walk", body: "A ticket of the store" } });
  const invitation = await prisma.invitation.create({ data: { storeId: store.id, email: "walk@example.com", tokenHash: "walk-hash", invitedBy: owner.userId, expiresAt: new Date(Date.now() + 3600_000) } });
  const invoice = await prisma.invoice.create({ data: { storeId: store.id, period: "2020-01", periodStart: new Date(Date.UTC(2020, 0, 1)), periodEnd: new Date(Date.UTC(2020, 1, 1)), planCode: "starter", currency: "USD", subscriptionMinor: 2900, totals: { USD: 2900 } } });
  return { owner, staff, stranger, store, staffMembership, ids: { store: store.id, product: product.body.id, live: live.body.id, order: orderRow.id, buyer: orderRow.buyerId!, comment: comment.id, member: colleagueMembership.id, invitation: invitation.id, ticket: ticket.id, invoice: invoice.id } };
}

function paramsFor(route: string, ids: Ids): Record<string, string> {
  const params: Record<string, string> = {};
  const segs = route.split("/");
  segs.forEach((seg, i) => {
    const m = /^\[(\w+)\]$/.exec(seg);
    if (!m) return;
    const parent = segs[i - 1];
    const name = m[1]!;
    params[name] =
      name === "provider" ? "sandbox"
      : name === "memberId" ? ids.member!
      : name === "invitationId" ? ids.invitation!
      : name === "invoiceId" ? ids.invoice!
      : name === "commentId" ? ids.comment!
      : name === "orderId" ? ids.order!
      : parent === "stores" ? ids.store!
      : parent === "products" ? ids.product!
      : parent === "lives" ? ids.live!
      : parent === "orders" ? ids.order!
      : parent === "buyers" ? ids.buyer!
      : parent === "tickets" ? ids.ticket!
      : "unknown";
  });
  return params;
}

const routes = routeFiles(ROOT).map((file) => "/api/v1/" + relative(ROOT, file).replace(/\/?route\.ts$/, "")).map((r) => r.replace(/\/$/, "")).sort();

describe("every /api/v1 route as OWNER, STAFF and a stranger", () => {
  afterAll(() => undefined);
  it("lists the routes from the folder", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContain("/api/v1/stores/[id]/audit");
  });

  it("never answers 500; a stranger gets 404 for the store's ids; STAFF gets 403 on owner-only actions", async () => {
    const w = await world();
    const problems: string[] = [];
    for (const route of routes) {
      if (UNSCOPED.test(route)) continue;
      const mod = (await import(/* @vite-ignore */ join(ROOT, route.replace("/api/v1/", ""), "route.ts"))) as Record<string, unknown>;
      const params = paramsFor(route, w.ids);
      const path = route.replace(/\[(\w+)\]/g, (_m, k: string) => params[k]!);
      const url = `${path}?store_id=${w.store.id}`;
      for (const method of METHODS) {
        const handler = mod[method] as Parameters<typeof invoke>[0] | undefined;
        if (!handler) continue;
        const key = `${method} ${route}`;
        const body = BODIES[key]?.(w.ids) ?? { store_id: w.store.id };
        const concrete = `${method} ${route.replace("[provider]", "sandbox")}`;
        const strangerRes = await invoke(handler, method, url, params, w.stranger.accessToken, body);
        if (strangerRes.status >= 500) problems.push(`${key} stranger → ${strangerRes.status}`);
        if (!BY_TOKEN.has(key) && !(MULTIPART.has(key) && strangerRes.status === 400) && strangerRes.status !== 404) problems.push(`${key} stranger → ${strangerRes.status} (want 404)`);
        const staffRes = await invoke(handler, method, url, params, w.staff.accessToken, body);
        if (staffRes.status >= 500) problems.push(`${key} staff → ${staffRes.status}`);
        const ownerOnly = OWNER_ONLY.has(key) || OWNER_ONLY.has(concrete);
        if (ownerOnly && (staffRes.status !== 403 || staffRes.code !== "owner_required")) problems.push(`${key} staff → ${staffRes.status} ${staffRes.code} (want 403 owner_required)`);
        if (!ownerOnly && staffRes.status === 403 && staffRes.code === "owner_required") problems.push(`${key} staff → 403 but STAFF may do this`);
      }
    }
    // The owner last (some calls change the store): never a 500, never refused.
    for (const route of routes) {
      if (UNSCOPED.test(route)) continue;
      const mod = (await import(/* @vite-ignore */ join(ROOT, route.replace("/api/v1/", ""), "route.ts"))) as Record<string, unknown>;
      const params = paramsFor(route, w.ids);
      const path = route.replace(/\[(\w+)\]/g, (_m, k: string) => params[k]!);
      for (const method of METHODS) {
        const handler = mod[method] as Parameters<typeof invoke>[0] | undefined;
        if (!handler) continue;
        const res = await invoke(handler, method, `${path}?store_id=${w.store.id}`, params, w.owner.accessToken, BODIES[`${method} ${route}`]?.(w.ids) ?? { store_id: w.store.id });
        if (res.status >= 500 || res.status === 403 || (res.status === 404 && res.code === "not_found" && !/members|invitations|uploads|receipt/.test(route))) problems.push(`${method} ${route} owner → ${res.status} ${res.code}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
