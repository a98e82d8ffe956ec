import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { notifyOrderPaid } from "@/lib/orders/notify-order-paid";
import { listCheckoutMethods } from "@/lib/payments/checkout-methods";
import { breakerKey } from "@/lib/payments/gateways/breaker";
import { configureProvider, pendingOrder, testRuntime } from "@/tests/helpers/payments";
import { seedBuyer, seedStore } from "./helpers/seed";


let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

async function paidOrder({ inWindow }: { inWindow: boolean }) {
  const { store, products, pageId } = await seedStore();
  const buyer = await seedBuyer(store.id, pageId, "Carla Díaz");
  await prisma.buyer.update({ where: { id: buyer.id }, data: { psid: `psid_${buyer.id}`, locale: "pt_BR", lastInboundAt: inWindow ? new Date() : new Date(Date.now() - 48 * 3600_000) } });
  const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: buyer.id, quantity: 2 });
  await markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: `t_${order.id}`, amountMinor: order.totalMinor, currency: "CLP", actor: { type: "WEBHOOK" } });
  return { store, buyer, order };
}

describe("notifyOrderPaid (the payment/succeeded job step)", () => {
  test("inside the 24 h window the buyer gets the receipt DM in their language, once; the seller gets an alert", async () => {
    const { order, buyer, store } = await paidOrder({ inWindow: true });
    const first = await notifyOrderPaid({ orderId: order.id });
    expect(first.receipt).toMatchObject({ status: "SENT", duplicate: false });
    const sent = graph.calls.filter((c) => c.kind === "message");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ psid: `psid_${buyer.id}`, messagingType: "RESPONSE" });
    expect(JSON.stringify(sent[0]!.message)).toMatch(/pagamento|Pagamento/);
    expect(JSON.stringify(sent[0]!.message)).toContain(`/checkout/${order.id}`);

    const again = await notifyOrderPaid({ orderId: order.id });
    expect(again.receipt).toMatchObject({ duplicate: true });
    expect(graph.calls.filter((c) => c.kind === "message")).toHaveLength(1);
    expect(await prisma.outboundMessage.count({ where: { orderId: order.id, purpose: "seller_alert" } })).toBe(1);
    const alert = await prisma.outboundMessage.findFirstOrThrow({ where: { orderId: order.id, purpose: "seller_alert" } });
    expect(alert).toMatchObject({ recipient: `seller:${store.id}`, status: "SENT" });
  });

  test("outside the window the approved payment_received utility template goes instead", async () => {
    const { order } = await paidOrder({ inWindow: false });
    const res = await notifyOrderPaid({ orderId: order.id });
    expect(res.receipt?.status).toBe("SENT");
    const call = graph.calls.find((c) => c.kind === "message")!;
    expect(call.messagingType).toBe("UTILITY");
    expect(JSON.stringify(call.message)).toContain("lss_payment_received");
  });
});

describe("checkout methods", () => {
  test("a provider whose circuit is open is hidden and reported, the others stay", async () => {
    const { store, owner } = await seedStore();
    const runtime = testRuntime();
    await configureProvider({ storeId: store.id, ownerId: owner.id, provider: "flow", credentials: { apiKey: "k", secretKey: "s" } });
    await configureProvider({ storeId: store.id, ownerId: owner.id, provider: "transfer", credentials: { bankName: "B", accountHolder: "H", accountNumber: "1", accountType: "checking" } });
    await configureProvider({ storeId: store.id, ownerId: owner.id, provider: "paypal", credentials: { clientId: "a", clientSecret: "b", webhookId: "c" } });
    const before = await listCheckoutMethods({ storeId: store.id, currency: "CLP", runtime });
    // PayPal cannot charge CLP, so it is never offered to this store.
    expect(before.methods.map((m) => m.provider)).toEqual(["flow", "transfer", "sandbox"]);
    for (let i = 0; i < 3; i++) runtime.breaker.recordFailure(breakerKey(store.id, "flow"));
    const after = await listCheckoutMethods({ storeId: store.id, currency: "CLP", runtime });
    expect(after.methods.map((m) => m.provider)).toEqual(["transfer", "sandbox"]);
    expect(after.unavailable).toEqual(["flow"]);
  });
});
