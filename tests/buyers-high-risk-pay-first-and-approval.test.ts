import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { expireOrder } from "@/lib/orders/expire-order";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import { sendOrderCheckoutDm } from "@/lib/pipeline/order-messages";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import * as approveRoute from "@/app/api/v1/orders/[id]/approve/route";
import * as declineRoute from "@/app/api/v1/orders/[id]/decline/route";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";
import { pendingOrder, productState, testRuntime } from "./helpers/payments";

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

/** A store with a high-risk rule and a hoarder (three expired holds: risk 90) who has written once. */
async function storeWithHoarder(treatment: "pay_first" | "approval", stock = 5) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock, keywords: ["polera"], color: "rojo", size: "M" }] });
  const settings = await patchStore(seeded, { high_risk_threshold: 60, high_risk_treatment: treatment });
  expect(settings.status).toBe(200);
  expect(settings.body).toMatchObject({ high_risk_threshold: 60, high_risk_treatment: treatment });
  const hello = await comment(seeded, { message: "hola!", authorId: "a_hoarder", name: "Hoarder Pérez" });
  const hoarderId = hello.buyerId!;
  for (let i = 0; i < 3; i++) await expireOrder({ orderId: (await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: hoarderId })).id, now: new Date(Date.now() + 3_600_000) });
  expect(await prisma.buyer.findUniqueOrThrow({ where: { id: hoarderId } })).toMatchObject({ riskScore: 90 });
  return { seeded, hoarderId, product: seeded.products[0]! };
}

const privateReplyText = (commentId: string) => JSON.stringify(graph.calls.filter((c) => c.kind === "private_reply" && JSON.stringify(c.body).includes(commentId)).map((c) => c.body));

describe("pay-first for high-risk buyers (issue 19)", () => {
  test("the order is created with the link but holds no stock; paying takes the units (first paid, first served), said in the timeline", async () => {
    const { seeded, product } = await storeWithHoarder("pay_first");
    const before = await productState(product.id);
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_hoarder", name: "Hoarder Pérez" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: buy.orderId! }, include: { reservations: true } });
    expect(order).toMatchObject({ status: "PENDING", riskMode: "pay_first" });
    expect(order.reservations).toHaveLength(0);
    expect(await productState(product.id)).toEqual(before);
    // The buyer is told in her language that nothing is held, with the checkout link.
    const dm = privateReplyText(buy.metaCommentId);
    expect(dm).toContain("son de quien pague primero");
    expect(dm).toContain(`/checkout/${order.id}`);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id, action: "order.created" } });
    expect(audit.data).toMatchObject({ riskMode: { mode: "pay_first", risk: 90, threshold: 60 } });

    // A normal buyer still gets a held reservation (the high-risk rule changes nothing for her).
    const loyal = await comment(seeded, { message: "quiero 1 A12", authorId: "a_loyal", name: "Loyal" });
    const loyalOrder = await prisma.order.findUniqueOrThrow({ where: { id: loyal.orderId! }, include: { reservations: true } });
    expect(loyalOrder.riskMode).toBeNull();
    expect(loyalOrder.reservations).toHaveLength(1);

    const paid = await markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: `txn_${order.id}`, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } });
    expect(paid.outcome).toBe("paid");
    const after = await productState(product.id);
    expect(after.stock).toBe(before.stock - 1);
    expect(after.reserved).toBe(before.reserved + 1); // the loyal buyer's hold only
  });

  test("when the units went to others before she paid, the money is flagged for refund: never an oversell", async () => {
    const { seeded, product } = await storeWithHoarder("pay_first", 1);
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_hoarder", name: "Hoarder Pérez" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: buy.orderId! } });
    // Another buyer reserves and pays the only unit first.
    const other = await comment(seeded, { message: "quiero 1 A12", authorId: "a_fast", name: "Fast" });
    const otherOrder = await prisma.order.findUniqueOrThrow({ where: { id: other.orderId! } });
    expect((await markOrderPaid({ orderId: otherOrder.id, provider: "sandbox", providerTxnId: `txn_${otherOrder.id}`, amountMinor: otherOrder.totalMinor, currency: otherOrder.currency, actor: { type: "WEBHOOK" } })).outcome).toBe("paid");
    const late = await markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: `txn_${order.id}`, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } });
    expect(late).toMatchObject({ outcome: "refund_needed", orderStatus: "REFUND_NEEDED" });
    expect(await productState(product.id)).toMatchObject({ stock: 0, reserved: 0 });
  });
});

describe("the seller's approval for high-risk buyers (issue 19)", () => {
  test("the order waits without reserving and without a link; approving reserves and sends the link, declining tells the buyer", async () => {
    const { seeded, hoarderId, product } = await storeWithHoarder("approval");
    const before = await productState(product.id);
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_hoarder", name: "Hoarder Pérez" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: buy.orderId! }, include: { reservations: true } });
    expect(order).toMatchObject({ status: "PENDING", riskMode: "approval", approvedAt: null });
    expect(order.reservations).toHaveLength(0);
    expect(await productState(product.id)).toEqual(before);
    const dm = privateReplyText(buy.metaCommentId);
    expect(dm).toContain("confirmará tu pedido");
    expect(dm).not.toContain("/checkout/");
    // The link cannot be paid before the approval.
    await expect(createPaymentLink({ orderId: order.id, provider: "sandbox", runtime: testRuntime() })).rejects.toMatchObject({ status: 409, code: "awaiting_approval" });

    // The buyer has written to the page: the 24 h window is open for the link.
    await prisma.buyer.update({ where: { id: hoarderId }, data: { lastInboundAt: new Date() } });
    // A quick-reply confirmation of hers answers the same way: the store will confirm, no link yet.
    const confirmCalls = graph.calls.length;
    await sendOrderCheckoutDm({ orderId: order.id, key: `confirm:${buy.id}:dm` });
    const confirmDm = JSON.stringify(graph.calls.slice(confirmCalls).filter((c) => c.kind === "message").map((c) => c.body));
    expect(confirmDm).toContain("confirmará tu pedido");
    expect(confirmDm).not.toContain("/checkout/");
    const callsBefore = graph.calls.length;
    const cookie = await sessionCookieFor(seeded.owner);
    const approved = await call(approveRoute.POST, { method: "POST", path: `/api/v1/orders/${order.id}/approve`, params: { id: order.id }, headers: { cookie, ...origin } });
    expect(approved.status).toBe(200);
    const afterApproval = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { reservations: true } });
    expect(afterApproval.approvedAt).not.toBeNull();
    expect(afterApproval.reservations).toMatchObject([{ status: "ACTIVE", quantity: 1 }]);
    expect((await productState(product.id)).reserved).toBe(before.reserved + 1);
    const sent = graph.calls.slice(callsBefore).filter((c) => c.kind === "message");
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.body)).toContain(`/checkout/${order.id}`);
    expect(await prisma.auditLog.count({ where: { entityId: order.id, action: "order.approved" } })).toBe(1);
    // Approving twice: 409, nothing more reserved or sent.
    const again = await call(approveRoute.POST, { method: "POST", path: `/api/v1/orders/${order.id}/approve`, params: { id: order.id }, headers: { cookie, ...origin } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("not_awaiting_approval");
    expect((await productState(product.id)).reserved).toBe(before.reserved + 1);

    // A second comment of hers waits again; the seller declines it: cancelled, the buyer told politely.
    const second = await comment(seeded, { message: "quiero 1 A12", authorId: "a_hoarder", name: "Hoarder Pérez" });
    expect(second.orderId).not.toBe(order.id);
    const declineCalls = graph.calls.length;
    const declined = await call(declineRoute.POST, { method: "POST", path: `/api/v1/orders/${second.orderId}/decline`, params: { id: second.orderId! }, headers: { cookie, ...origin } });
    expect(declined.status).toBe(200);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: second.orderId! } })).toMatchObject({ status: "CANCELLED" });
    expect(JSON.stringify(graph.calls.slice(declineCalls).filter((c) => c.kind === "message").map((c) => c.body))).toContain("no pudo confirmar tu pedido");
  });

  test("another store's order answers 404 and a normal order cannot be approved", async () => {
    const { seeded } = await storeWithHoarder("approval");
    const buy = await comment(seeded, { message: "quiero 1 A12", authorId: "a_hoarder", name: "Hoarder Pérez" });
    const other = await seedStore();
    const stranger = await call(approveRoute.POST, { method: "POST", path: `/api/v1/orders/${buy.orderId}/approve`, params: { id: buy.orderId! }, headers: { cookie: await sessionCookieFor(other.owner), ...origin } });
    expect(stranger.status).toBe(404);
    const normal = await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: null });
    const res = await call(declineRoute.POST, { method: "POST", path: `/api/v1/orders/${normal.id}/decline`, params: { id: normal.id }, headers: { cookie: await sessionCookieFor(seeded.owner), ...origin } });
    expect(res.status).toBe(409);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: normal.id } })).toMatchObject({ status: "PENDING" });
  });

  test("a bad treatment names the field and changes nothing", async () => {
    const seeded = await seedStore();
    const res = await patchStore(seeded, { high_risk_treatment: "ban" });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.error.details)).toContain("high_risk_treatment");
    expect(await prisma.store.findUniqueOrThrow({ where: { id: seeded.store.id } })).toMatchObject({ highRiskTreatment: "short_hold" });
  });
});
