import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { seedBuyer, seedStore } from "@/tests/helpers/seed";
import { reserveItems } from "./reserve-items";
import { expireOrder } from "./expire-order";

const base = { liveId: null, mergeIntoOpenCart: true, actor: { type: "SYSTEM" as const } };

describe("reserveItems", () => {
  test("50 buyers racing for 3 units yield exactly 3 reservations and available never below 0", async () => {
    const { store, products, pageId } = await seedStore({ products: [{ sku: "HOT", name: "Bolso", priceMinor: 1000, stock: 3, keywords: [], color: null, size: null }] });
    const buyers = await Promise.all(Array.from({ length: 50 }, (_, i) => seedBuyer(store.id, pageId, `b${i}`)));
    const results = await Promise.all(
      buyers.map((b, i) => reserveItems({ ...base, storeId: store.id, buyerId: b.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: `race:${i}` })),
    );
    expect(results.filter((r) => r.status === "reserved")).toHaveLength(3);
    expect(results.filter((r) => r.status === "out_of_stock")).toHaveLength(47);
    const p = await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } });
    expect(p.reserved).toBe(3);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(3);
  });

  test("replaying the same comment returns the first order and reserves nothing more", async () => {
    const { store, products, pageId, live } = await seedStore();
    const buyer = await seedBuyer(store.id, pageId);
    const req = { ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 2 }], idempotencyKey: "comment:c1", commentId: "c1" };
    const [a, b, c] = await Promise.all([reserveItems(req), reserveItems(req), reserveItems(req)]);
    expect(a.status).toBe("reserved");
    const ids = [a, b, c].map((r) => (r.status === "reserved" ? r.order.id : null));
    expect(new Set(ids).size).toBe(1);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).reserved).toBe(2);
  });

  test("a second BUY from the same buyer in the same live joins the open cart", async () => {
    const { store, products, pageId, live } = await seedStore({
      products: [
        { sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 10, keywords: [], color: null, size: null },
        { sku: "B07", name: "Bolso", priceMinor: 39990, stock: 5, keywords: [], color: null, size: null },
      ],
    });
    const buyer = await seedBuyer(store.id, pageId);
    const first = await reserveItems({ ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: "comment:1", commentId: "1" });
    const second = await reserveItems({ ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[1]!.id, quantity: 1 }], idempotencyKey: "comment:2", commentId: "2" });
    const third = await reserveItems({ ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 2 }], idempotencyKey: "comment:3", commentId: "3" });
    expect(second.status === "reserved" && second.addedToExistingCart).toBe(true);
    if (first.status !== "reserved" || third.status !== "reserved") throw new Error("expected reservations");
    expect(third.order.id).toBe(first.order.id);
    expect(third.order.totalMinor).toBe(15990 * 3 + 39990);
    // Chile: 19 % IVA is included in the price, shown, never added.
    expect(third.order.taxMinor).toBe(Math.round(((15990 * 3 + 39990) * 1900) / 11900));
    const items = await prisma.orderItem.findMany({ where: { orderId: first.order.id }, orderBy: { sku: "asc" } });
    expect(items.map((i) => [i.sku, i.quantity])).toEqual([["A12", 3], ["B07", 1]]);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
  });

  test("a reservation whose time is up frees its stock for the next buyer even before the expiry job runs", async () => {
    const { store, products, pageId } = await seedStore({ products: [{ sku: "ONE", name: "Único", priceMinor: 500, stock: 1, keywords: [], color: null, size: null }] });
    const [b1, b2] = [await seedBuyer(store.id, pageId), await seedBuyer(store.id, pageId)];
    const first = await reserveItems({ ...base, storeId: store.id, buyerId: b1.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: "k1" });
    if (first.status !== "reserved") throw new Error("expected reservation");
    expect((await reserveItems({ ...base, storeId: store.id, buyerId: b2.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: "k2" })).status).toBe("out_of_stock");
    await prisma.$executeRaw`UPDATE orders SET "expiresAt" = now() - interval '1 second' WHERE id = ${first.order.id}`;
    await prisma.$executeRaw`UPDATE reservations SET "expiresAt" = now() - interval '1 second' WHERE "orderId" = ${first.order.id}`;
    const second = await reserveItems({ ...base, storeId: store.id, buyerId: b2.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: "k3" });
    expect(second.status).toBe("reserved");
    const expired = await prisma.order.findUniqueOrThrow({ where: { id: first.order.id }, include: { items: true } });
    expect(expired.status).toBe("EXPIRED");
    expect(expired.items).toHaveLength(1); // the cart stays as interest
    expect((await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).reserved).toBe(1);
    expect(await expireOrder({ orderId: first.order.id })).toBeNull(); // idempotent
  });
});
