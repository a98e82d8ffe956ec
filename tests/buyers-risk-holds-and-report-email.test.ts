import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { expireOrder } from "@/lib/orders/expire-order";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { presentTimeline } from "@/lib/orders/present-timeline";
import { timelineMessages } from "@/lib/i18n/order-timeline";
import { emailLiveReport } from "@/lib/lives/email-live-report";
import { liveTimeline } from "@/lib/lives/live-timeline";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import * as buyerRoute from "@/app/api/v1/buyers/[id]/route";
import * as orderRoute from "@/app/api/v1/orders/[id]/route";
import * as endRoute from "@/app/api/v1/lives/[id]/end/route";
import * as exportRoute from "@/app/api/v1/buyers/export/route";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";
import { pendingOrder } from "./helpers/payments";
import { reloadEnv } from "./helpers/env";
import { decodedText, startFakeSmtp } from "./fakes/smtp-server";

const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
beforeEach(() => {
  graph = fakeGraph();
});

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const origin = { origin: "http://localhost:3000", host: "localhost:3000" };
type Seeded = Awaited<ReturnType<typeof seedStore>>;

async function comment(seeded: Seeded, { message, authorId, name = "Carla Soto" }: { message: string; authorId: string; name?: string }) {
  const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message, authorId, authorName: name });
  graph.registerCommentAuthor({ commentId: c.commentId, psid: `psid_${authorId}` });
  await postWebhook(c.payload);
  await run();
  return prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
}

const patchStore = async (seeded: Seeded, body: unknown) =>
  call(storeRoute.PATCH, { method: "PATCH", path: `/api/v1/stores/${seeded.store.id}`, params: { id: seeded.store.id }, headers: { cookie: await sessionCookieFor(seeded.owner), ...origin }, body });

describe("adaptive holds for high-risk buyers (issue 19)", () => {
  test("a buyer who let three holds expire gets the store's shorter hold, said in the order's timeline; a buyer who pays keeps the usual hold", async () => {
    const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 20, keywords: ["polera"], color: "rojo", size: "M" }] });
    const settings = await patchStore(seeded, { high_risk_threshold: 60, high_risk_hold_seconds: 300 });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ high_risk_threshold: 60, high_risk_hold_seconds: 300 });

    // The hoarder's buyer row exists from a first comment; three holds of theirs expire unpaid.
    const hello = await comment(seeded, { message: "hola!", authorId: "a_hoarder", name: "Hoarder" });
    const hoarderId = hello.buyerId!;
    for (let i = 0; i < 3; i++) await expireOrder({ orderId: (await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: hoarderId })).id, now: new Date(Date.now() + 3_600_000) });
    expect(await prisma.buyer.findUniqueOrThrow({ where: { id: hoarderId } })).toMatchObject({ riskScore: 90 });

    const before = Date.now();
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_hoarder", name: "Hoarder" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: buy.orderId! } });
    const holdSeconds = (order.expiresAt.getTime() - before) / 1000;
    expect(holdSeconds).toBeGreaterThan(250);
    expect(holdSeconds).toBeLessThanOrEqual(320);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id, action: "order.created" } });
    expect(audit.data).toMatchObject({ riskHold: { risk: 90, threshold: 60, seconds: 300 } });

    // The seller reads why in the order's timeline.
    const detail = await call(orderRoute.GET, { path: `/api/v1/orders/${order.id}`, params: { id: order.id }, headers: { cookie: await sessionCookieFor(seeded.owner) } });
    const lines = presentTimeline(detail.body.timeline, { locale: "en", timeZone: "UTC", storeLocale: "es-CL", currency: "CLP", totalMinor: 15990, t: timelineMessages("en"), intents: {}, providers: {}, items: [] });
    expect(lines.map((l) => `${l.title} ${l.detail ?? ""}`).join("\n")).toMatch(/Shorter hold \(\u2068?5\u2069? min\): this buyer's risk is \u2068?90\u2069?, your limit \u2068?60/);

    // A buyer who pays keeps the usual hold (RESERVATION_TTL_SECONDS, 30 min).
    const loyalFirst = await comment(seeded, { message: "quiero 1 A12", authorId: "a_loyal", name: "Loyal" });
    const paid = await prisma.order.findUniqueOrThrow({ where: { id: loyalFirst.orderId! } });
    await markOrderPaid({ orderId: paid.id, provider: "sandbox", providerTxnId: `txn_${paid.id}`, amountMinor: paid.totalMinor, currency: paid.currency, actor: { type: "WEBHOOK" } });
    const loyalBefore = Date.now();
    const loyal = await comment(seeded, { message: "quiero 1 A12", authorId: "a_loyal", name: "Loyal" });
    const loyalOrder = await prisma.order.findUniqueOrThrow({ where: { id: loyal.orderId! } });
    expect((loyalOrder.expiresAt.getTime() - loyalBefore) / 1000).toBeGreaterThan(1700);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { entityId: loyalOrder.id, action: "order.created" } })).data).not.toHaveProperty("riskHold");
  });

  test("with no threshold set (the default) a high-risk buyer keeps the usual hold", async () => {
    const seeded = await seedStore();
    const hello = await comment(seeded, { message: "hola!", authorId: "a_h2" });
    for (let i = 0; i < 3; i++) await expireOrder({ orderId: (await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: hello.buyerId! })).id, now: new Date(Date.now() + 3_600_000) });
    const before = Date.now();
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_h2" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: buy.orderId! } });
    expect((order.expiresAt.getTime() - before) / 1000).toBeGreaterThan(1700);
  });

  test("bad settings name the field and change nothing", async () => {
    const seeded = await seedStore();
    for (const [body, field] of [[{ high_risk_threshold: 0 }, "high_risk_threshold"], [{ high_risk_hold_seconds: 10 }, "high_risk_hold_seconds"], [{ blocked_buyer_reply: "loud" }, "blocked_buyer_reply"]] as const) {
      const res = await patchStore(seeded, body);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    expect(await prisma.store.findUniqueOrThrow({ where: { id: seeded.store.id } })).toMatchObject({ highRiskThreshold: null, highRiskHoldSeconds: 300, blockedBuyerReply: "none" });
    const other = await seedStore();
    const stranger = await call(storeRoute.PATCH, { method: "PATCH", path: `/api/v1/stores/${seeded.store.id}`, params: { id: seeded.store.id }, headers: { cookie: await sessionCookieFor(other.owner), ...origin }, body: { blocked_buyer_reply: "polite" } });
    expect(stranger.status).toBe(404);
  });
});

describe("the reply to blocked buyers is a store setting (issue 19)", () => {
  async function blockedBuyerBuys(reply: "none" | "polite") {
    const seeded = await seedStore();
    expect((await patchStore(seeded, { blocked_buyer_reply: reply })).body).toMatchObject({ blocked_buyer_reply: reply });
    const first = await comment(seeded, { message: "hola!", authorId: "a_blocked", name: "Bloqueada Pérez" });
    const cookie = await sessionCookieFor(seeded.owner);
    await call(buyerRoute.PATCH, { method: "PATCH", path: `/api/v1/buyers/${first.buyerId}`, params: { id: first.buyerId! }, headers: { cookie, ...origin }, body: { blocked: true } });
    const callsBefore = graph.calls.length;
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_blocked", name: "Bloqueada Pérez" });
    return { seeded, buy, calls: graph.calls.slice(callsBefore) };
  }

  test("silent (the default): nothing is reserved and nothing is sent", async () => {
    const { seeded, buy, calls } = await blockedBuyerBuys("none");
    expect(buy).toMatchObject({ status: "SKIPPED", orderId: null });
    expect(calls.filter((c) => c.kind === "comment_reply" || c.kind === "private_reply")).toHaveLength(0);
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(0);
  });

  test("polite: one public line under the comment, no private reply, nothing reserved — and only once", async () => {
    const { seeded, buy, calls } = await blockedBuyerBuys("polite");
    expect(buy).toMatchObject({ status: "SKIPPED", orderId: null });
    const replies = calls.filter((c) => c.kind === "comment_reply");
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.body)).toContain(seeded.store.name);
    expect(calls.filter((c) => c.kind === "private_reply")).toHaveLength(0);
    expect(await prisma.order.count({ where: { storeId: seeded.store.id } })).toBe(0);
    const sent = await prisma.outboundMessage.findMany({ where: { commentId: buy.id } });
    expect(sent).toMatchObject([{ kind: "PUBLIC_REPLY", purpose: "blocked_reply", status: "SENT" }]);
    // A greeting from the blocked buyer gets nothing: the line answers buy comments only.
    const callsBefore = graph.calls.length;
    await comment(seeded, { message: "hola de nuevo", authorId: "a_blocked", name: "Bloqueada Pérez" });
    expect(graph.calls.slice(callsBefore).filter((c) => c.kind === "comment_reply")).toHaveLength(0);
  });
});

describe("the live report is emailed to the owner when the live ends (issue 19)", () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    reloadEnv();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    reloadEnv();
    await smtp.close();
  });

  test("one email per live with the report's numbers, in the owner's language; ending again or re-running the job sends nothing more", async () => {
    const seeded = await seedStore();
    await prisma.user.update({ where: { id: seeded.owner.id }, data: { locale: "en" } });
    await comment(seeded, { message: "quiero 1 A12", authorId: "b1" });
    await comment(seeded, { message: "quiero 1 A12", authorId: "b2" });
    await comment(seeded, { message: "hola", authorId: "g1" });
    const cookie = await sessionCookieFor(seeded.owner);
    const end = () => call(endRoute.POST, { method: "POST", path: `/api/v1/lives/${seeded.live.id}/end`, params: { id: seeded.live.id }, headers: { cookie, ...origin }, body: {} });
    expect((await end()).status).toBe(200);
    await run();

    const mine = () => smtp.received.filter((m) => m.to.includes(seeded.owner.email));
    expect(mine()).toHaveLength(1);
    const text = decodedText(mine()[0]!.raw);
    expect(text).toMatch(/Your live .{0,20}Live de prueba.{0,20} ended/);
    expect(text).toContain("3 comments, 2 wanted to buy, 2 reserved");
    expect(text).toContain(`/dashboard/live/${seeded.live.id}/report`);
    const ended = await prisma.live.findUniqueOrThrow({ where: { id: seeded.live.id } });
    expect(ended.reportEmailedAt).not.toBeNull();
    // The report page's timeline of the same live: every comment and order in one of its minutes.
    const timeline = await liveTimeline({ live: ended });
    expect(timeline.bucketMinutes).toBe(1);
    expect(timeline.points.reduce((n, p) => n + p.comments, 0)).toBe(3);
    expect(timeline.points.reduce((n, p) => n + p.reserved, 0)).toBe(2);

    expect((await end()).status).toBe(200);
    await emailLiveReport({ liveId: seeded.live.id });
    await run();
    expect(mine()).toHaveLength(1);
    expect(await prisma.email.count({ where: { to: seeded.owner.email, template: "live_report" } })).toBe(1);
  });
});

describe("the buyer profile and the overview's winners (issue 19)", () => {
  test("GET /api/v1/buyers/{id}: summary, orders, what they wait for and the conversation; another store's buyer answers 404", async () => {
    const { storeWinners } = await import("@/lib/analytics/winners");
    const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 1, keywords: ["polera"], color: "rojo", size: "M" }] });
    const first = await comment(seeded, { message: "quiero 1 A12", authorId: "p1", name: "Paga Pronto" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: first.orderId! } });
    await markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: `txn_${order.id}`, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } });
    const late = await comment(seeded, { message: "quiero 1 A12", authorId: "p2", name: "Llega Tarde" });
    await prisma.waitlistEntry.create({ data: { storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: late.buyerId!, liveId: seeded.live.id, commentId: late.id, quantity: 1 } });

    const cookie = await sessionCookieFor(seeded.owner);
    const res = await call(buyerRoute.GET, { path: `/api/v1/buyers/${first.buyerId}`, params: { id: first.buyerId! }, headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Paga Pronto", blocked: false, summary: { orders_paid: 1, orders_unpaid: 0, spend_minor: 15990, segment: "new", risk: 0 }, orders: [{ id: order.id, status: "paid", total_minor: 15990, items: [{ sku: "A12", quantity: 1 }] }], waiting: [] });
    expect(res.body.entries.some((e: { kind: string; text: string }) => e.kind === "comment" && e.text === "quiero 1 A12")).toBe(true);
    const waiting = await call(buyerRoute.GET, { path: `/api/v1/buyers/${late.buyerId}`, params: { id: late.buyerId! }, headers: { cookie } });
    expect(waiting.body).toMatchObject({ orders: [], waiting: [{ sku: "A12", quantity: 1 }] });

    const other = await seedStore();
    expect((await call(buyerRoute.GET, { path: `/api/v1/buyers/${first.buyerId}`, params: { id: first.buyerId! }, headers: { cookie: await sessionCookieFor(other.owner) } })).status).toBe(404);

    const winners = await storeWinners({ storeId: seeded.store.id, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) });
    expect(winners).toEqual({
      topBuyers: [{ id: first.buyerId, name: "Paga Pronto", paidOrders: 1, spendMinor: 15990 }],
      topLives: [{ id: seeded.live.id, title: "Live de prueba", paidOrders: 1, revenueMinor: 15990 }],
    });
    expect(await storeWinners({ storeId: other.store.id, from: new Date(Date.now() - 3_600_000), to: new Date() })).toEqual({ topBuyers: [], topLives: [] });
  });
});

describe("the buyers CSV export (issue 19)", () => {
  test("the filtered buyers in the seller's language, cells safe from formula injection; another store answers 404", async () => {
    const seeded = await seedStore();
    await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: "x1", name: "=HYPERLINK(\"http://evil\")", tags: ["mayorista"], notes: "paga por transferencia" } });
    await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: "x2", name: "Bloqueada", blockedAt: new Date() } });
    const cookie = await sessionCookieFor(seeded.owner);
    const res = await call<string>(exportRoute.GET, { path: `/api/v1/buyers/export?store_id=${seeded.store.id}&lang=es`, headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = res.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe('"Comprador","Segmento","Riesgo","Pedidos pagados","Pedidos sin pagar","Gasto","Moneda","Último pedido","Etiquetas","Notas","Bloqueado"');
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toContain('"\'=HYPERLINK(""http://evil"")","Nuevo","0","0","0","0","CLP","","mayorista","paga por transferencia","no"');
    expect(lines.join("\n")).toContain('"Bloqueada","Bloqueado"');

    const blocked = await call<string>(exportRoute.GET, { path: `/api/v1/buyers/export?store_id=${seeded.store.id}&segment=blocked&lang=en`, headers: { cookie } });
    const blockedLines = blocked.body.trim().split("\r\n");
    expect(blockedLines).toHaveLength(2);
    expect(blockedLines[1]).toContain('"Bloqueada","Blocked"');

    const other = await seedStore();
    const stranger = await call(exportRoute.GET, { path: `/api/v1/buyers/export?store_id=${seeded.store.id}`, headers: { cookie: await sessionCookieFor(other.owner) } });
    expect(stranger.status).toBe(404);
  });
});
