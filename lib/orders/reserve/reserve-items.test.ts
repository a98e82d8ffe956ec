import { describe, expect, test } from "vitest";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db";
import { seedBuyer, seedStore } from "@/tests/helpers/seed";
import { reserveItems } from ".";
import { expireOrder, expireOverdueForProduct, expireOverdueOrders } from "../expire-order";


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

  test("a cart extended by a later BUY keeps its older reservations until the cart's new time (lazy expiry and the sweeper go by the order)", async () => {
    const { store, products, pageId, live } = await seedStore({ products: [{ sku: "ONE", name: "Último", priceMinor: 700, stock: 2, keywords: [], color: null, size: null }] });
    const [buyer, other] = [await seedBuyer(store.id, pageId), await seedBuyer(store.id, pageId)];
    const productId = products[0]!.id;
    const first = await reserveItems({ ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId, quantity: 1 }], idempotencyKey: "comment:old", commentId: "old" });
    if (first.status !== "reserved") throw new Error("expected reservation");
    const oldReservation = await prisma.reservation.findUniqueOrThrow({ where: { commentId: "old" } });
    // The first reservation's own time passes; a later BUY extended the cart (its expiresAt is the deadline).
    await prisma.$executeRaw`UPDATE reservations SET "expiresAt" = now() - interval '1 minute' WHERE id = ${oldReservation.id}`;
    const second = await reserveItems({ ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId, quantity: 1 }], idempotencyKey: "comment:new", commentId: "new" });
    if (second.status !== "reserved") throw new Error("expected reservation");
    expect(second.addedToExistingCart).toBe(true);
    expect(second.order.expiresAt.getTime()).toBeGreaterThanOrEqual(first.order.expiresAt.getTime());
    // The reserve path no longer rewrites every reservation of the cart: the old row keeps its old time.
    expect((await prisma.reservation.findUniqueOrThrow({ where: { id: oldReservation.id } })).expiresAt.getTime()).toBeLessThan(Date.now());

    // Sold out for another buyer: lazy expiry runs, but the cart's time is not up, so nothing is released.
    expect(await expireOverdueForProduct({ productId })).toBe(0);
    const refused = await reserveItems({ ...base, storeId: store.id, buyerId: other.id, items: [{ productId, quantity: 1 }], idempotencyKey: "other" });
    expect(refused).toMatchObject({ status: "out_of_stock", available: 0 });
    expect(await expireOverdueOrders()).toEqual([]);
    expect(await expireOrder({ orderId: first.order.id })).toBeNull();

    const cart = await prisma.order.findUniqueOrThrow({ where: { id: first.order.id }, include: { reservations: true } });
    expect(cart.status).toBe("PENDING");
    expect(cart.reservations.map((r) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).reserved).toBe(2);

    // When the cart's own time is up, both reservations go back together.
    await prisma.$executeRaw`UPDATE orders SET "expiresAt" = now() - interval '1 second' WHERE id = ${first.order.id}`;
    const next = await reserveItems({ ...base, storeId: store.id, buyerId: other.id, items: [{ productId, quantity: 2 }], idempotencyKey: "other:2" });
    expect(next.status).toBe("reserved");
    const expired = await prisma.order.findUniqueOrThrow({ where: { id: first.order.id }, include: { reservations: true } });
    expect(expired.status).toBe("EXPIRED");
    expect(expired.reservations.map((r) => r.status)).toEqual(["RELEASED", "RELEASED"]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).reserved).toBe(2);
  });

  test("replaying an API request returns the first order and writes nothing more", async () => {
    const { store, products, pageId } = await seedStore();
    const buyer = await seedBuyer(store.id, pageId);
    const req = { ...base, mergeIntoOpenCart: false, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 2 }], idempotencyKey: "api:replay" };
    const first = await reserveItems(req);
    const counts = async () => [await prisma.order.count({ where: { storeId: store.id } }), await prisma.reservation.count({ where: { storeId: store.id } }), await prisma.auditLog.count({ where: { storeId: store.id } }), await prisma.job.count({ where: { eventName: "order/created" } })];
    const before = await counts();
    const again = await reserveItems(req);
    if (first.status !== "reserved" || again.status !== "reserved") throw new Error("expected reservations");
    expect(again).toMatchObject({ replayed: true, addedToExistingCart: false });
    expect(again.order).toEqual(first.order);
    expect(await counts()).toEqual(before);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).reserved).toBe(2);
  });

  test("all or nothing: when one product of the request is short, no order, line, reservation, audit row or job is written", async () => {
    const { store, products, pageId } = await seedStore({
      products: [
        { sku: "AAA", name: "Uno", priceMinor: 1000, stock: 5, keywords: [], color: null, size: null },
        { sku: "BBB", name: "Dos", priceMinor: 2000, stock: 1, keywords: [], color: null, size: null },
      ],
    });
    const buyer = await seedBuyer(store.id, pageId);
    const jobsBefore = await prisma.job.count();
    const r = await reserveItems({ ...base, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 2 }, { productId: products[1]!.id, quantity: 2 }], idempotencyKey: "multi" });
    expect(r).toMatchObject({ status: "out_of_stock", sku: "BBB", available: 1 });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: { startsWith: "order." } } })).toBe(0);
    expect(await prisma.job.count()).toBe(jobsBefore);
    expect((await prisma.product.findMany({ where: { storeId: store.id }, orderBy: { sku: "asc" } })).map((p) => p.reserved)).toEqual([0, 0]);
  });

  test("a new order writes its lines, reservations, audit row and order/created job in the same transaction", async () => {
    const { store, products, pageId } = await seedStore({
      products: [
        { sku: "AAA", name: "Uno", priceMinor: 1000, stock: 5, keywords: [], color: null, size: null },
        { sku: "BBB", name: "Dos", priceMinor: 2500, stock: 5, keywords: [], color: null, size: null },
      ],
    });
    const buyer = await seedBuyer(store.id, pageId);
    const r = await reserveItems({ ...base, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[1]!.id, quantity: 1 }, { productId: products[0]!.id, quantity: 2 }], idempotencyKey: "new", gateway: "sandbox", buyerLocale: "pt", actor: { type: "USER", id: "user-1" } });
    if (r.status !== "reserved") throw new Error("expected reservation");
    const order = await prisma.order.findUniqueOrThrow({ where: { id: r.order.id }, include: { items: { orderBy: { sku: "asc" } }, reservations: true } });
    expect(order).toMatchObject({ status: "PENDING", currency: "CLP", subtotalMinor: 4500, totalMinor: 4500, taxMinor: Math.round((4500 * 1900) / 11900), gateway: "sandbox", buyerLocale: "pt", idempotencyKey: "new", buyerId: buyer.id });
    expect(r.order).toMatchObject({ id: order.id, totalMinor: 4500, checkoutToken: order.checkoutToken, expiresAt: order.expiresAt });
    expect(order.items.map((i) => [i.sku, i.quantity, i.unitPriceMinor])).toEqual([["AAA", 2, 1000], ["BBB", 1, 2500]]);
    expect(order.reservations.every((rv) => rv.status === "ACTIVE" && rv.commentId === null && rv.expiresAt.getTime() === order.expiresAt.getTime())).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id } });
    expect(audit).toMatchObject({ action: "order.created", actorType: "USER", actorId: "user-1", data: { items: [{ sku: "AAA", quantity: 2 }, { sku: "BBB", quantity: 1 }], commentId: null } });
    expect(await prisma.job.count({ where: { eventId: `order-created:${order.id}`, functionId: "order-lifecycle" } })).toBe(1);
    expect((await prisma.product.findMany({ where: { storeId: store.id }, orderBy: { sku: "asc" } })).map((p) => p.reserved)).toEqual([2, 1]);
  });

  test("a new order's lifecycle job is scheduled for its first work, the reminder before expiry, not for now", async () => {
    const { store, products, pageId } = await seedStore({ products: [{ sku: "AAA", name: "Uno", priceMinor: 1000, stock: 5, keywords: [], color: null, size: null }] });
    const buyer = await seedBuyer(store.id, pageId);
    const r = await reserveItems({ ...base, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: "scheduled-lifecycle" });
    if (r.status !== "reserved") throw new Error("expected reservation");
    const job = await prisma.job.findFirstOrThrow({ where: { eventId: `order-created:${r.order.id}`, functionId: "order-lifecycle" } });
    const reminderAt = r.order.expiresAt.getTime() - env().REMINDER_BEFORE_EXPIRY_SECONDS * 1000;
    expect(env().REMINDER_BEFORE_EXPIRY_SECONDS).toBeGreaterThan(0);
    expect(reminderAt).toBeGreaterThan(Date.now() + 60_000);
    expect(Math.abs(job.runAt.getTime() - reminderAt)).toBeLessThan(1000);
    expect(job.status).toBe("QUEUED");
  });

  test("concurrent BUYs of one buyer all land in the one open cart with the right quantity and total", async () => {
    const { store, products, pageId, live } = await seedStore({ products: [{ sku: "A12", name: "Polera", priceMinor: 15990, stock: 100, keywords: [], color: null, size: null }] });
    const buyer = await seedBuyer(store.id, pageId);
    const req = (k: string) => ({ ...base, liveId: live.id, storeId: store.id, buyerId: buyer.id, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: `comment:many-${k}`, commentId: `many-${k}` });
    const first = await reserveItems(req("c0"));
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => reserveItems(req(`c${i + 1}`))));
    expect(results.every((r) => r.status === "reserved" && r.addedToExistingCart && first.status === "reserved" && r.order.id === first.order.id)).toBe(true);
    const order = await prisma.order.findFirstOrThrow({ where: { storeId: store.id }, include: { items: true, reservations: true } });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(order.items.map((i) => i.quantity)).toEqual([13]);
    expect(order.reservations).toHaveLength(13);
    expect(order.totalMinor).toBe(13 * 15990);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).reserved).toBe(13);
  });
});
