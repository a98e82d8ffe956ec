import { beforeAll, describe, expect, test } from "vitest";
import * as webhook from "@/app/api/webhooks/payments/[provider]/route";
import { prisma } from "@/lib/db";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { expireOrder } from "@/lib/orders/expire-order";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { reserveItems } from "@/lib/orders/reserve";
import { captureJobEvents, makeOverdue, pendingOrder, productState, queuedEvents, sandboxDelivery } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { seedBuyer, seedStore } from "./helpers/seed";

beforeAll(() => captureJobEvents());

const one = (stock: number) => ({ products: [{ sku: "HOT", name: "Bolso", priceMinor: 10_000, stock, keywords: [], color: null, size: null }] });

function pay(order: { id: string; totalMinor: number; currency: string }, txn: string) {
  return markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: txn, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } });
}

describe("late payments", () => {
  test("paid after expiry while the units are still free: re-reserved, sold and paid", async () => {
    const { store, products, pageId } = await seedStore(one(3));
    const buyer = await seedBuyer(store.id, pageId);
    const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: buyer.id, quantity: 2 });
    await makeOverdue(order.id);
    expect(await expireOrder({ orderId: order.id })).not.toBeNull();
    expect(await productState(products[0]!.id)).toEqual({ stock: 3, reserved: 0, available: 3 });

    const res = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "late_ok" }));
    expect(res.body.outcome).toBe("paid_after_expiry");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(await productState(products[0]!.id)).toEqual({ stock: 1, reserved: 0, available: 1 });
    expect(await prisma.reservation.count({ where: { orderId: order.id, status: "COMMITTED" } })).toBe(1);
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(1);
  });

  test("paid after expiry when someone else took the units: REFUND_NEEDED, both sides told, stock untouched", async () => {
    const { store, products, pageId } = await seedStore(one(1));
    const [late, quick] = [await seedBuyer(store.id, pageId, "Late"), await seedBuyer(store.id, pageId, "Quick")];
    const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: late.id });
    await makeOverdue(order.id);
    await expireOrder({ orderId: order.id });
    await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: quick.id }); // the unit is held by another buyer now

    const res = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "late_gone" }));
    expect(res.body.outcome).toBe("refund_needed");
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(after.status).toBe("REFUND_NEEDED");
    expect(after.payments[0]).toMatchObject({ status: "SUCCEEDED", providerTxnId: "late_gone" }); // the money was taken: it must be returned
    expect(after.flagReason).toContain("HOT");
    const state = await productState(products[0]!.id);
    expect(state).toEqual({ stock: 1, reserved: 1, available: 0 });
    expect(await prisma.outboundMessage.count({ where: { orderId: order.id, purpose: "seller_alert" } })).toBe(1);
    // The buyer's notice was attempted (the test store's Meta token is fake, so it is recorded, not delivered).
    expect(await prisma.outboundMessage.count({ where: { orderId: order.id, purpose: "refund_notice" } })).toBe(1);
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(0);
    // The same notification again changes nothing.
    const again = await call(webhook.POST, sandboxDelivery({ storeId: store.id, orderId: order.id, amountMinor: order.totalMinor, currency: "CLP", transactionId: "late_gone" }));
    expect(again.status).toBe(200);
    expect(await productState(products[0]!.id)).toEqual(state);
  });

  test("a payment for a cancelled order becomes REFUND_NEEDED and never takes stock", async () => {
    const { store, products, pageId, owner } = await seedStore(one(5));
    const buyer = await seedBuyer(store.id, pageId);
    const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: buyer.id });
    await cancelOrder({ orderId: order.id, storeId: store.id, actor: { type: "USER", id: owner.id } });
    const result = await pay(order, "after_cancel");
    expect(result).toMatchObject({ outcome: "refund_needed", orderStatus: "REFUND_NEEDED" });
    expect(await productState(products[0]!.id)).toEqual({ stock: 5, reserved: 0, available: 5 });
  });

  test("a second, different payment for a paid order is flagged as a double charge", async () => {
    const { store, products, pageId } = await seedStore(one(5));
    const buyer = await seedBuyer(store.id, pageId);
    const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: buyer.id });
    expect((await pay(order, "first")).outcome).toBe("paid");
    const second = await pay(order, "second");
    expect(second).toMatchObject({ outcome: "flagged", paymentStatus: "FLAGGED", orderStatus: "PAID" });
    expect(await productState(products[0]!.id)).toEqual({ stock: 4, reserved: 0, available: 4 });
  });
});

describe("never oversell under concurrency", () => {
  test("20 concurrent payments and expiries (plus 20 new buyers) on one product keep available within [0, initial]", async () => {
    const INITIAL = 20;
    const { store, products, pageId } = await seedStore(one(INITIAL));
    const product = products[0]!;
    const buyers = await Promise.all(Array.from({ length: 40 }, (_, i) => seedBuyer(store.id, pageId, `b${i}`)));
    const orders = [];
    for (let i = 0; i < 20; i++) orders.push(await pendingOrder({ storeId: store.id, productId: product.id, buyerId: buyers[i]!.id }));
    for (const o of orders) await makeOverdue(o.id);
    expect(await productState(product.id)).toMatchObject({ stock: INITIAL, reserved: INITIAL });

    // Watch the product row while the storm runs.
    const seen: number[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const s = await productState(product.id);
        seen.push(s.available, s.stock, s.reserved);
        if (s.available < 0 || s.available > INITIAL || s.stock < 0 || s.reserved < 0) seen.push(-999);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();

    const storm = [
      ...orders.map((o, i) => pay(o, `storm_${i}`)),
      ...orders.map((o) => expireOrder({ orderId: o.id })),
      ...orders.map((o, i) => pay(o, `storm_${i}`)), // duplicate deliveries
      ...buyers.slice(20).map((b, i) =>
        reserveItems({ storeId: store.id, buyerId: b.id, liveId: null, items: [{ productId: product.id, quantity: 1 }], idempotencyKey: `storm-new:${i}`, mergeIntoOpenCart: false, actor: { type: "SYSTEM" } }),
      ),
    ];
    const results = await Promise.allSettled(storm);
    watching = false;
    await watcher;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(seen).not.toContain(-999);

    const final = await productState(product.id);
    const [sold, held] = await Promise.all([
      prisma.reservation.aggregate({ where: { productId: product.id, status: "COMMITTED" }, _sum: { quantity: true } }),
      prisma.reservation.aggregate({ where: { productId: product.id, status: "ACTIVE" }, _sum: { quantity: true } }),
    ]);
    const soldUnits = sold._sum.quantity ?? 0;
    const heldUnits = held._sum.quantity ?? 0;
    expect(final.available).toBeGreaterThanOrEqual(0);
    expect(final.available).toBeLessThanOrEqual(INITIAL);
    expect(final.stock).toBe(INITIAL - soldUnits); // every sold unit left the stock exactly once
    expect(final.reserved).toBe(heldUnits);
    expect(soldUnits + heldUnits).toBeLessThanOrEqual(INITIAL);

    const statuses = await prisma.order.findMany({ where: { id: { in: orders.map((o) => o.id) } }, select: { id: true, status: true } });
    const paid = statuses.filter((s) => s.status === "PAID").length;
    const refund = statuses.filter((s) => s.status === "REFUND_NEEDED").length;
    expect(paid + refund).toBe(20); // every payment settled its order one way or the other
    expect(paid).toBe(soldUnits); // one unit per paid order, none for a refund
    expect(await prisma.payment.count({ where: { orderId: { in: orders.map((o) => o.id) } } })).toBe(20);
  });
});
