import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { expireOrder } from "@/lib/orders/expire-order";
import { sendCartRecovery } from "@/lib/pipeline/order-messages";
import { reloadEnv } from "./helpers/env";
import { seedStore } from "./helpers/seed";
import { pendingOrder } from "./helpers/payments";

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

/** An expired cart of a buyer who wrote to the Page `hoursAgo` (Meta's 24 h window is open below 24). */
async function expiredCart({ hoursAgo, optedOut = false }: { hoursAgo: number; optedOut?: boolean }) {
  const seeded = await seedStore();
  forgetPageCredentials(seeded.store.id);
  const buyer = await prisma.buyer.create({
    data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: `a_${Math.random()}`, name: "Carla Soto", psid: `psid_${Math.random().toString(36).slice(2)}`, lastInboundAt: new Date(Date.now() - hoursAgo * 3600_000), optedOutAt: optedOut ? new Date() : null },
  });
  const order = await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: buyer.id });
  await expireOrder({ orderId: order.id, now: new Date(Date.now() + 3_600_000) });
  return { ...seeded, buyer, order };
}
const recoveryDms = (psid: string) => graph.calls.filter((c) => c.kind === "message" && c.status === 200 && JSON.stringify(c.body).includes(psid) && JSON.stringify(c.body).includes("RESERVE"));

describe("carts that come back (issue 18)", () => {
  test("inside Meta's 24 h window the buyer is told, with one tap to reserve again — each round once", async () => {
    const { buyer, order } = await expiredCart({ hoursAgo: 2 });
    expect(await sendCartRecovery({ orderId: order.id, round: 1 })).toMatchObject({ sent: true });
    expect(await sendCartRecovery({ orderId: order.id, round: 1 })).toMatchObject({ sent: false });
    expect(await sendCartRecovery({ orderId: order.id, round: 2 })).toMatchObject({ sent: true });
    expect(recoveryDms(buyer.psid!)).toHaveLength(2);
    expect(JSON.stringify(recoveryDms(buyer.psid!)[0]!.body)).toContain("carrito");
  });

  test("never outside the window, never to an opted-out buyer, not when the store turned them off, not after a newer cart", async () => {
    const outside = await expiredCart({ hoursAgo: 30 });
    expect((await sendCartRecovery({ orderId: outside.order.id, round: 1 })).sent).toBe(false);
    const optedOut = await expiredCart({ hoursAgo: 1, optedOut: true });
    expect((await sendCartRecovery({ orderId: optedOut.order.id, round: 1 })).sent).toBe(false);
    const off = await expiredCart({ hoursAgo: 1 });
    await prisma.store.update({ where: { id: off.store.id }, data: { cartRecoveryMessages: false } });
    expect((await sendCartRecovery({ orderId: off.order.id, round: 1 })).sent).toBe(false);
    const rebought = await expiredCart({ hoursAgo: 1 });
    await pendingOrder({ storeId: rebought.store.id, productId: rebought.products[0]!.id, buyerId: rebought.buyer.id });
    expect(await sendCartRecovery({ orderId: rebought.order.id, round: 1 })).toMatchObject({ sent: false, reason: "the buyer has a newer cart" });
    for (const b of [outside, optedOut, off, rebought]) expect(recoveryDms(b.buyer.psid!)).toHaveLength(0);
  });
});
