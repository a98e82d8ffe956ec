import { describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { sha256 } from "@/lib/security/tokens";
import * as tenants from "@/app/api/admin/tenants/route";
import * as tenant from "@/app/api/admin/tenants/[id]/route";
import * as users from "@/app/api/admin/users/route";
import * as user from "@/app/api/admin/users/[id]/route";
import * as passwordReset from "@/app/api/admin/users/[id]/password-reset/route";
import * as plans from "@/app/api/admin/plans/route";
import * as plan from "@/app/api/admin/plans/[id]/route";
import * as analytics from "@/app/api/admin/analytics/route";
import * as rankings from "@/app/api/admin/rankings/route";
import * as adminTickets from "@/app/api/admin/tickets/route";
import * as adminTicket from "@/app/api/admin/tickets/[id]/route";
import * as adminTicketMessages from "@/app/api/admin/tickets/[id]/messages/route";
import * as articles from "@/app/api/admin/articles/route";
import * as article from "@/app/api/admin/articles/[id]/route";
import * as reports from "@/app/api/admin/reports/route";
import * as report from "@/app/api/admin/reports/[id]/route";
import * as reportDownload from "@/app/api/admin/reports/[id]/download/route";
import * as audit from "@/app/api/admin/audit/route";
import * as aiDecisions from "@/app/api/admin/ai-decisions/route";
import * as sellerTickets from "@/app/api/v1/support/tickets/route";
import * as sellerTicket from "@/app/api/v1/support/tickets/[id]/route";
import * as sellerTicketMessages from "@/app/api/v1/support/tickets/[id]/messages/route";
import * as helpArticles from "@/app/api/v1/help/articles/route";
import * as billingRoute from "@/app/api/v1/stores/[id]/billing/route";
import * as acceptRoute from "@/app/api/v1/stores/[id]/members/accept/route";
import * as storesRoute from "@/app/api/v1/stores/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as refreshRoute from "@/app/api/v1/auth/refresh/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";

// CONTRACT §9: the operator console's API. Real PostgreSQL; every handler called as Next.js would.

async function superadmin() {
  const admin = await signUp();
  await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
  return admin;
}
const tag = () => randomBytes(5).toString("hex");
let seq = 0;
async function paidOrder(storeId: string, { totalMinor, currency = "CLP", liveId = null as string | null, sku = "A1", quantity = 1 }: { totalMinor: number; currency?: string; liveId?: string | null; sku?: string; quantity?: number }) {
  const key = `adm-${tag()}-${seq++}`;
  return prisma.order.create({ data: { storeId, liveId, currency, subtotalMinor: totalMinor, totalMinor, status: "PAID", paidAt: new Date(), expiresAt: new Date(Date.now() + 3600_000), idempotencyKey: key, checkoutToken: key, items: { create: { sku, name: `Product ${sku}`, unitPriceMinor: Math.round(totalMinor / quantity), quantity } } } });
}

describe("admin API: only platform superadmins; anyone else gets 404", () => {
  test("a seller (token or not) gets 404 from every admin endpoint, and nothing changes", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const id = { id: store.id };
    const cases: [Parameters<typeof call>[0], Parameters<typeof call>[1]][] = [
      [tenants.GET, {}], [tenants.POST, { body: { name: "X", owner_email: "x@example.com", plan: "starter", country: "CL", currency: "CLP", locale: "es" } }],
      [tenant.GET, { params: id }], [tenant.PATCH, { method: "PATCH", params: id, body: { suspended: true } }],
      [users.GET, {}], [user.PATCH, { method: "PATCH", params: { id: seller.userId }, body: { disabled: true } }], [passwordReset.POST, { method: "POST", params: { id: seller.userId } }],
      [plans.GET, {}], [plans.POST, { body: { code: "x", name: "X", price_minor: 1, currency: "USD" } }], [plan.PATCH, { method: "PATCH", params: { id: "x" }, body: { name: "Y" } }],
      [analytics.GET, {}], [rankings.GET, { path: "/?by=sellers" }], [adminTickets.GET, {}], [adminTicket.GET, { params: { id: "x" } }],
      [adminTicket.PATCH, { method: "PATCH", params: { id: "x" }, body: { status: "solved" } }], [adminTicketMessages.POST, { params: { id: "x" }, body: { body: "hi" } }],
      [articles.GET, {}], [articles.POST, { body: { slug: "x", lang: "es", title: "X", body: "" } }], [article.GET, { params: { id: "x" } }],
      [reports.GET, {}], [reports.POST, { body: { kind: "tenants" } }], [report.GET, { params: { id: "x" } }], [reportDownload.GET, { params: { id: "x" } }],
      [audit.GET, {}], [aiDecisions.GET, {}],
    ];
    for (const [handler, opts] of cases) {
      const res = await call(handler, { ...opts, token: seller.accessToken });
      expect(res.status, JSON.stringify(opts)).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await call(tenants.GET, {})).status).toBe(401);
    const row = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(row.suspendedAt).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: seller.userId } })).disabledAt).toBeNull();
  });
});

describe("tenants", () => {
  test("the list is paginated with an exact total beyond 100, searchable and filterable", async () => {
    const admin = await superadmin();
    const prefix = `Bulk ${tag()}`;
    await prisma.store.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ name: `${prefix} ${String(i).padStart(3, "0")}`, country: "CL", currency: "CLP" })) });
    const page = await call(tenants.GET, { path: `/api/admin/tenants?q=${encodeURIComponent(prefix)}&limit=50&offset=100`, token: admin.accessToken });
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(120);
    expect(page.body.items).toHaveLength(20);
    expect(page.body.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.stringContaining(prefix), owner_email: null, plan: null, status: "active", created_at: expect.any(String), usage: expect.any(Object) }));
    const ids = new Set<string>();
    for (let offset = 0; offset < 120; offset += 50) {
      const p = await call(tenants.GET, { path: `/api/admin/tenants?q=${encodeURIComponent(prefix)}&limit=50&offset=${offset}`, token: admin.accessToken });
      for (const t of p.body.items) ids.add(t.id);
    }
    expect(ids.size).toBe(120);

    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken, { name: `Filtered ${tag()}` });
    const byEmail = await call(tenants.GET, { path: `/api/admin/tenants?q=${encodeURIComponent(seller.email)}`, token: admin.accessToken });
    expect(byEmail.body.items.map((t: { id: string }) => t.id)).toEqual([store.id]);
    const trialing = await call(tenants.GET, { path: `/api/admin/tenants?q=${store.id}&status=trialing&plan=starter`, token: admin.accessToken });
    expect(trialing.body.total).toBe(1);
    expect((await call(tenants.GET, { path: `/api/admin/tenants?q=${store.id}&plan=pro`, token: admin.accessToken })).body.total).toBe(0);
    await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { suspended: true, reason: "fraud review" } });
    const suspended = await call(tenants.GET, { path: `/api/admin/tenants?q=${store.id}&status=suspended`, token: admin.accessToken });
    expect(suspended.body.items[0]).toMatchObject({ status: "suspended", suspended_reason: "fraud review" });

    const bad = await call(tenants.GET, { path: "/api/admin/tenants?status=asleep&limit=0", token: admin.accessToken });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["limit", "status"]);
  });

  test("tenant detail, and PATCH plan / trial / limits, each audited; bad input 422 naming the field changes nothing", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const detail = await call(tenant.GET, { params: { id: store.id }, token: admin.accessToken });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: store.id, owner_email: seller.email, plan: "starter", members: [{ email: seller.email, role: "OWNER" }], licence: { key: expect.any(String) } });
    expect(JSON.stringify(detail.body)).not.toMatch(/ciphertext|secret/i);

    const res = await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { plan: "pro", limits: { comments: 3, staff: null } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plan: "pro", usage: { comments: { used: 0, limit: 3 }, staff: { limit: null }, products: { limit: 2000 } } });
    const billing = await call(billingRoute.GET, { params: { id: store.id }, token: seller.accessToken });
    expect(billing.body.usage.comments).toEqual({ used: 0, limit: 3 });
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: { in: ["plan.changed", "limits.changed"] }, actorId: admin.userId } })).toBe(2);

    for (const [body, field] of [[{ limits: { comments: -1 } }, "limits.comments"], [{ limits: { minutes: 3 } }, "limits"], [{ plan: "platinum" }, "plan"], [{ trial_ends_at: "next week" }, "trial_ends_at"], [{ suspended: "yes" }, "suspended"]] as const) {
      const r = await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.error.details[0].field).toBe(field);
    }
    const after = await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id }, include: { plan: true } });
    expect(after.plan.code).toBe("pro");
    expect(after.limitOverrides).toEqual({ comments: 3, staff: null });
    expect((await call(tenant.GET, { params: { id: "nope" }, token: admin.accessToken })).status).toBe(404);
  });

  test("POST creates a tenant on a plan and invites its owner; the invitee becomes OWNER", async () => {
    const admin = await superadmin();
    const ownerEmail = uniqueEmail("newowner");
    const res = await call(tenants.POST, { token: admin.accessToken, body: { name: "Moda Lu", owner_email: ownerEmail, plan: "pro", country: "PE", currency: "PEN", locale: "es-PE" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Moda Lu", plan: "pro", status: "trialing", owner_email: ownerEmail, currency: "PEN", invitation: { email: ownerEmail, role: "OWNER", invite_url: expect.stringContaining("/invite/") } });
    const owner = await signUp({ email: ownerEmail });
    const token = decodeURIComponent(new URL(res.body.invitation.invite_url).pathname.split("/").pop()!);
    const joined = await call(acceptRoute.POST, { params: { id: res.body.id }, token: owner.accessToken, body: { token } });
    expect(joined.body).toMatchObject({ store_id: res.body.id, role: "OWNER" });
    expect((await call(billingRoute.GET, { params: { id: res.body.id }, token: owner.accessToken })).body.plan).toBe("pro");

    const bad = await call(tenants.POST, { token: admin.accessToken, body: { name: "X", plan: "starter", country: "CL", currency: "CLP", locale: "es" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: "owner_email", code: "required" });
    const unknown = await call(tenants.POST, { token: admin.accessToken, body: { name: "X", owner_email: uniqueEmail(), plan: "gold", country: "CL", currency: "CLP", locale: "es" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].field).toBe("plan");
    expect(await prisma.store.count({ where: { name: "X" } })).toBe(0);
  });
});

describe("users", () => {
  test("search and status filter; disabling refuses the user's tokens, refresh and sign-in at once; enabling lets them sign in again", async () => {
    const admin = await superadmin();
    const victim = await signUp({ fullName: `Zoe ${tag()}` });
    const other = await createStoreFor((await signUp()).accessToken);
    expect(other.id).toBeTruthy();
    const found = await call(users.GET, { path: `/api/admin/users?q=${encodeURIComponent(victim.email)}`, token: admin.accessToken });
    expect(found.body).toMatchObject({ total: 1, items: [{ id: victim.userId, email: victim.email, status: "active", disabled: false }] });

    expect((await call(storesRoute.GET, { token: victim.accessToken })).status).toBe(200);
    const off = await call(user.PATCH, { method: "PATCH", params: { id: victim.userId }, token: admin.accessToken, body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: "disabled", disabled: true });
    expect((await call(storesRoute.GET, { token: victim.accessToken })).status).toBe(401);
    expect((await call(refreshRoute.POST, { body: { refresh_token: victim.refreshToken } })).status).toBe(401);
    expect((await call(tokenRoute.POST, { body: { email: victim.email, password: victim.password } })).status).toBe(401);
    const disabled = await call(users.GET, { path: `/api/admin/users?q=${encodeURIComponent(victim.email)}&status=disabled`, token: admin.accessToken });
    expect(disabled.body.total).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "user.disabled", entityId: victim.userId, actorId: admin.userId } })).toBe(1);

    await call(user.PATCH, { method: "PATCH", params: { id: victim.userId }, token: admin.accessToken, body: { disabled: false } });
    // Old logins stay revoked; a new sign-in works.
    expect((await call(storesRoute.GET, { token: victim.accessToken })).status).toBe(401);
    expect((await call(tokenRoute.POST, { body: { email: victim.email, password: victim.password } })).status).toBe(200);

    const bad = await call(user.PATCH, { method: "PATCH", params: { id: victim.userId }, token: admin.accessToken, body: { disabled: "no" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("disabled");
    expect((await call(user.PATCH, { method: "PATCH", params: { id: "nobody" }, token: admin.accessToken, body: { disabled: true } })).status).toBe(404);
  });

  test("password reset: 202, one single-use token valid for an hour (hash stored, never returned)", async () => {
    const admin = await superadmin();
    const target = await signUp();
    const res = await call(passwordReset.POST, { method: "POST", params: { id: target.userId }, token: admin.accessToken });
    expect(res.status).toBe(202);
    expect(JSON.stringify(res.body)).not.toMatch(/token/);
    const again = await call(passwordReset.POST, { method: "POST", params: { id: target.userId }, token: admin.accessToken });
    expect(again.status).toBe(202);
    const rows = await prisma.passwordResetToken.findMany({ where: { userId: target.userId }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.usedAt).not.toBeNull(); // the newer request voids the older link
    expect(rows[1]!.usedAt).toBeNull();
    const ttl = rows[1]!.expiresAt.getTime() - rows[1]!.createdAt.getTime();
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThanOrEqual(3601_000);
    expect(rows[1]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]!.tokenHash).not.toBe(sha256(""));
    expect((await call(passwordReset.POST, { method: "POST", params: { id: "nobody" }, token: admin.accessToken })).status).toBe(404);
  });
});

describe("plans", () => {
  test("list, create, edit; limits keyed by the billing metrics; editing a plan changes its tenants' limits", async () => {
    const admin = await superadmin();
    const list = await call(plans.GET, { token: admin.accessToken });
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(["starter", "pro", "business"]));
    expect(Object.keys(list.body.items.find((p: { code: string }) => p.code === "starter").limits).sort()).toEqual(["comments", "lives", "llm_calls", "messages", "orders", "products", "staff"]);

    const code = `p${tag()}`;
    const created = await call(plans.POST, { token: admin.accessToken, body: { code, name: "Feria", price_minor: 1500, currency: "usd", limits: { comments: 500, lives: 1 }, modules: ["waitlist"], transaction_fee_bps: 150 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, currency: "USD", limits: { comments: 500, lives: 1 }, modules: ["waitlist"], transaction_fee_bps: 150, active: true });
    expect((await call(plans.POST, { token: admin.accessToken, body: { code, name: "Again", price_minor: 1, currency: "USD" } })).status).toBe(409);

    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { plan: code } });
    const edited = await call(plan.PATCH, { method: "PATCH", params: { id: created.body.id }, token: admin.accessToken, body: { limits: { comments: 900 }, price_minor: 1900 } });
    expect(edited.status).toBe(200);
    expect(edited.body.limits).toEqual({ comments: 900, lives: 1 });
    const billing = await call(billingRoute.GET, { params: { id: store.id }, token: seller.accessToken });
    expect(billing.body).toMatchObject({ plan: code, usage: { comments: { limit: 900 }, lives: { limit: 1 }, products: { limit: null } }, period: { subscription_minor: 1900 } });

    for (const [body, field] of [[{ transaction_fee_bps: 10_001 }, "transaction_fee_bps"], [{ modules: ["teleport"] }, "modules.0"], [{ limits: { lives: 1.5 } }, "limits.lives"], [{ currency: "XXXX" }, "currency"]] as const) {
      const r = await call(plan.PATCH, { method: "PATCH", params: { id: created.body.id }, token: admin.accessToken, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.error.details[0].field).toBe(field);
    }
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: created.body.id } })).transactionFeeBps).toBe(150);
    expect((await call(plan.PATCH, { method: "PATCH", params: { id: "nope" }, token: admin.accessToken, body: { name: "x" } })).status).toBe(404);
  });
});

describe("analytics and rankings", () => {
  test("KPIs move by exactly what happened; GMV per currency", async () => {
    const admin = await superadmin();
    const before = await call(analytics.GET, { path: "/api/admin/analytics?range=today", token: admin.accessToken });
    expect(before.status).toBe(200);
    expect(Object.keys(before.body)).toEqual(expect.arrayContaining(["gmv_minor", "paid_orders", "active_lives", "comments", "tenants_by_plan", "signups", "mrr_minor"]));
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    await paidOrder(store.id, { totalMinor: 10_000, currency: "CLP" });
    await paidOrder(store.id, { totalMinor: 700, currency: "USD" });
    await prisma.live.create({ data: { storeId: store.id, fbVideoId: `v${tag()}`, title: "On air" } });
    await prisma.subscription.update({ where: { storeId: store.id }, data: { status: "ACTIVE" } });
    const after = await call(analytics.GET, { path: "/api/admin/analytics?range=today", token: admin.accessToken });
    expect((after.body.gmv_minor.CLP ?? 0) - (before.body.gmv_minor.CLP ?? 0)).toBe(10_000);
    expect((after.body.gmv_minor.USD ?? 0) - (before.body.gmv_minor.USD ?? 0)).toBe(700);
    expect(after.body.paid_orders - before.body.paid_orders).toBe(2);
    expect(after.body.active_lives - before.body.active_lives).toBe(1);
    expect(after.body.signups - before.body.signups).toBe(1);
    expect(after.body.tenants_by_plan.starter - (before.body.tenants_by_plan.starter ?? 0)).toBe(1);
    expect(after.body.mrr_minor - before.body.mrr_minor).toBe(2900);
    expect((await call(analytics.GET, { path: "/api/admin/analytics?range=year", token: admin.accessToken })).body.error.details[0].field).toBe("range");
  });

  test("rankings: sellers by GMV, products by units, lives by revenue per minute", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken, { name: "Winner" });
    const live = await prisma.live.create({ data: { storeId: store.id, fbVideoId: `v${tag()}`, title: "Gran live", startedAt: new Date(Date.now() - 10 * 60_000) } });
    await paidOrder(store.id, { totalMinor: 900_000_000, liveId: live.id, sku: "TOP", quantity: 100_000 });
    const sellers = await call(rankings.GET, { path: "/api/admin/rankings?by=sellers&range=7d", token: admin.accessToken });
    expect(sellers.status).toBe(200);
    expect(sellers.body.items[0]).toMatchObject({ rank: 1, store_id: store.id, name: "Winner", gmv_minor: 900_000_000, currency: "CLP", paid_orders: 1 });
    const products = await call(rankings.GET, { path: "/api/admin/rankings?by=products&range=7d", token: admin.accessToken });
    expect(products.body.items[0]).toMatchObject({ rank: 1, sku: "TOP", units: 100_000, store_id: store.id });
    const lives = await call(rankings.GET, { path: "/api/admin/rankings?by=lives&range=7d", token: admin.accessToken });
    expect(lives.body.items[0]).toMatchObject({ rank: 1, live_id: live.id, revenue_minor: 900_000_000 });
    expect(lives.body.items[0].revenue_per_minute_minor).toBeGreaterThan(80_000_000);
    const bad = await call(rankings.GET, { path: "/api/admin/rankings?by=buyers", token: admin.accessToken });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("by");
  });
});

describe("support desk", () => {
  test("a seller opens a ticket; only her store's members and the admins see it; replies thread both ways", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const stranger = await signUp();
    const strangerStore = await createStoreFor(stranger.accessToken);

    const bad = await call(sellerTickets.POST, { token: seller.accessToken, body: { store_id: store.id, subject: "", body: "x", severity: "S9" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["severity", "subject"]);
    expect((await call(sellerTickets.POST, { token: stranger.accessToken, body: { store_id: store.id, subject: "Hi", body: "x", severity: "S3" } })).status).toBe(404);
    expect(await prisma.supportTicket.count({ where: { storeId: store.id } })).toBe(0);

    const opened = await call(sellerTickets.POST, { token: seller.accessToken, body: { store_id: store.id, subject: "El bot no responde", body: "Desde las 10:00 no envía DMs", severity: "S1" } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ subject: "El bot no responde", severity: "S1", status: "open", store_id: store.id });
    const id = opened.body.id;
    expect(new Date(opened.body.sla_due_at).getTime() - new Date(opened.body.created_at).getTime()).toBe(15 * 60_000);

    expect((await call(sellerTicket.GET, { params: { id }, token: stranger.accessToken })).status).toBe(404);
    expect((await call(sellerTicketMessages.POST, { params: { id }, token: stranger.accessToken, body: { body: "me too" } })).status).toBe(404);
    expect((await call(sellerTickets.GET, { path: `/api/v1/support/tickets?store_id=${store.id}`, token: stranger.accessToken })).status).toBe(404);
    expect((await call(sellerTickets.GET, { path: `/api/v1/support/tickets?store_id=${strangerStore.id}`, token: stranger.accessToken })).body.items).toEqual([]);
    expect((await call(sellerTickets.GET, { path: `/api/v1/support/tickets?store_id=${store.id}`, token: seller.accessToken })).body.items.map((t: { id: string }) => t.id)).toEqual([id]);

    const inbox = await call(adminTickets.GET, { path: "/api/admin/tickets?status=open", token: admin.accessToken });
    expect(inbox.body.items.find((t: { id: string }) => t.id === id)).toMatchObject({ severity: "S1", status: "open", store_name: "Tienda Ana", overdue: false });
    const reply = await call(adminTicketMessages.POST, { params: { id }, token: admin.accessToken, body: { body: "Revisando tu conexión con Meta" } });
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe("pending");
    const thread = await call(sellerTicket.GET, { params: { id }, token: seller.accessToken });
    expect(thread.body.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([["seller", "Desde las 10:00 no envía DMs"], ["support", "Revisando tu conexión con Meta"]]);
    expect(thread.body.first_response_at).not.toBeNull();

    const solved = await call(adminTicket.PATCH, { method: "PATCH", params: { id }, token: admin.accessToken, body: { status: "solved" } });
    expect(solved.body.status).toBe("solved");
    expect((await call(adminTickets.GET, { path: "/api/admin/tickets?status=solved", token: admin.accessToken })).body.items.some((t: { id: string }) => t.id === id)).toBe(true);
    const reopened = await call(sellerTicketMessages.POST, { params: { id }, token: seller.accessToken, body: { body: "Volvió a pasar" } });
    expect(reopened.body.status).toBe("open");
    const badStatus = await call(adminTicket.PATCH, { method: "PATCH", params: { id }, token: admin.accessToken, body: { status: "closed" } });
    expect(badStatus.status).toBe(422);
    expect(badStatus.body.error.details[0].field).toBe("status");
  });

  test("an unanswered ticket past its SLA is overdue in the inbox", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const t = await call(sellerTickets.POST, { token: seller.accessToken, body: { store_id: store.id, subject: "Old", body: "x", severity: "S2" } });
    await prisma.supportTicket.update({ where: { id: t.body.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    const inbox = await call(adminTickets.GET, { path: `/api/admin/tickets?store_id=${store.id}`, token: admin.accessToken });
    expect(inbox.body.items[0]).toMatchObject({ id: t.body.id, overdue: true });
  });

  test("help articles: admins write drafts; sellers search only published ones in their language", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const word = `zq${tag()}`;
    const draft = await call(articles.POST, { token: admin.accessToken, body: { slug: `conectar-${word}`, lang: "es", title: `Conectar Facebook ${word}`, body: "Paso 1…" } });
    expect(draft.status).toBe(201);
    expect(draft.body.published).toBe(false);
    const search = () => call(helpArticles.GET, { path: `/api/v1/help/articles?q=${word}&lang=es`, token: seller.accessToken });
    expect((await search()).body.items).toEqual([]);
    await call(article.PATCH, { method: "PATCH", params: { id: draft.body.id }, token: admin.accessToken, body: { published: true } });
    expect((await search()).body.items.map((a: { id: string }) => a.id)).toEqual([draft.body.id]);
    expect((await call(helpArticles.GET, { path: `/api/v1/help/articles?q=${word}&lang=en`, token: seller.accessToken })).body.items).toEqual([]);
    expect((await call(articles.POST, { token: admin.accessToken, body: { slug: `conectar-${word}`, lang: "es", title: "Dup", body: "" } })).status).toBe(409);
    const bad = await call(articles.POST, { token: admin.accessToken, body: { slug: "Con Espacios", lang: "de", title: "x", body: "" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["lang", "slug"]);
    expect((await call(article.DELETE, { method: "DELETE", params: { id: draft.body.id }, token: admin.accessToken })).status).toBe(200);
    expect((await search()).body.items).toEqual([]);
  });
});

describe("reports and logs", () => {
  test("a tenants report is generated, its status readable and its CSV downloadable, formula-safe", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken, { name: "=HYPERLINK(\"http://evil\")" });
    const created = await call(reports.POST, { token: admin.accessToken, body: { kind: "tenants", range: "30d" } });
    expect(created.status).toBe(202);
    const status = await call(report.GET, { params: { id: created.body.id }, token: admin.accessToken });
    expect(status.body).toMatchObject({ id: created.body.id, kind: "tenants", status: "done" });
    expect(status.body.rows).toBeGreaterThan(0);
    const file = await call(reportDownload.GET, { params: { id: created.body.id }, token: admin.accessToken });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = file.body as string;
    expect(text.split("\r\n")[0]).toBe('"id","name","owner_email","plan","status","country","currency","created_at"');
    const line = text.split("\r\n").find((l) => l.startsWith(`"${store.id}"`))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain(`"${seller.email}","starter","trialing"`);

    await paidOrder(store.id, { totalMinor: 4321 });
    const gmv = await call(reports.POST, { token: admin.accessToken, body: { kind: "gmv", range: "7d" } });
    const gmvCsv = (await call(reportDownload.GET, { params: { id: gmv.body.id }, token: admin.accessToken })).body as string;
    expect(gmvCsv).toContain(`"${store.id}"`);
    expect(gmvCsv.split("\r\n").find((l) => l.startsWith(`"${store.id}"`))).toMatch(/"CLP","1","4321"$/);
    const usage = await call(reports.POST, { token: admin.accessToken, body: { kind: "usage" } });
    expect(((await call(reportDownload.GET, { params: { id: usage.body.id }, token: admin.accessToken })).body as string).split("\r\n")[0]).toContain('"comments","comments_limit"');

    const bad = await call(reports.POST, { token: admin.accessToken, body: { kind: "buyers" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("kind");
    expect((await call(reportDownload.GET, { params: { id: "nope" }, token: admin.accessToken })).status).toBe(404);
  });

  test("audit across tenants filtered by store and action; AI decisions filtered by confidence", async () => {
    const admin = await superadmin();
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { suspended: true, reason: "test" } });
    const log = await call(audit.GET, { path: `/api/admin/audit?store_id=${store.id}&action=tenant.suspended`, token: admin.accessToken });
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ action: "tenant.suspended", actor_id: admin.userId, store_id: store.id });
    const all = await call(audit.GET, { path: `/api/admin/audit?store_id=${store.id}&limit=1`, token: admin.accessToken });
    expect(all.body.items).toHaveLength(1);

    for (const confidence of [0.3, 0.6, 0.95]) {
      await prisma.aiDecision.create({ data: { storeId: store.id, text: `quiero ${confidence}`, engine: "rules", intent: "BUY", confidence, reason: "test", latencyMs: 1 } });
    }
    const low = await call(aiDecisions.GET, { path: `/api/admin/ai-decisions?store_id=${store.id}&max_confidence=0.6`, token: admin.accessToken });
    expect(low.body.items.map((d: { confidence: number }) => d.confidence).sort()).toEqual([0.3, 0.6]);
    expect((await call(aiDecisions.GET, { path: "/api/admin/ai-decisions?max_confidence=2", token: admin.accessToken })).body.error.details[0].field).toBe("max_confidence");
  });
});
