import { describe, expect, test } from "vitest";
import * as ordersList from "@/app/api/v1/orders/route";
import * as create from "@/app/api/v1/orders/create/route";
import * as products from "@/app/api/v1/inventory/products/route";
import { prisma } from "@/lib/db";
import { captureJobEvents } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Order numbers count within each store: a new store's first order is #1 whatever other stores sold,
// so no seller can read the platform's volume off her numbers, and a number finds only her order.

captureJobEvents();

async function storeSelling(stock: number) {
  const seller = await signUp();
  const store = await createStoreFor(seller.accessToken);
  const res = await call(products.POST, { path: "/api/v1/inventory/products", token: seller.accessToken, body: { store_id: store.id, sku: "P1", name: "Polera", price: 9990, stock, keywords: [] } });
  expect(res.status).toBe(201);
  return { token: seller.accessToken, storeId: store.id };
}

async function orderNumber(s: { token: string; storeId: string }, buyer: string) {
  const res = await call(create.POST, { path: "/api/v1/orders/create", token: s.token, body: { store_id: s.storeId, customer_fb_id: buyer, customer_name: "Carla", items: [{ sku: "P1", qty: 1 }] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (await prisma.order.findUniqueOrThrow({ where: { id: res.body.order_id as string } })).number;
}

describe("order numbers", () => {
  test("each store counts its own orders from #1, interleaved with another store's", async () => {
    const a = await storeSelling(10);
    const b = await storeSelling(10);
    expect(await orderNumber(a, "fb-a1")).toBe(1);
    expect(await orderNumber(a, "fb-a2")).toBe(2);
    expect(await orderNumber(b, "fb-b1")).toBe(1);
    expect(await orderNumber(a, "fb-a3")).toBe(3);
    expect(await orderNumber(b, "fb-b2")).toBe(2);
  });

  test("orders placed at the same moment in one store get distinct consecutive numbers", async () => {
    const s = await storeSelling(30);
    const numbers = await Promise.all(Array.from({ length: 12 }, (_, i) => orderNumber(s, `fb-c${i}`)));
    expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test("searching '#1' finds the seller's own order #1, never another store's", async () => {
    const a = await storeSelling(5);
    const b = await storeSelling(5);
    await orderNumber(a, "fb-s1");
    await orderNumber(b, "fb-s2");
    const res = await call(ordersList.GET, { path: `/api/v1/orders?store_id=${a.storeId}&q=%231`, token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.map((o: { number: number }) => o.number)).toEqual([1]);
    const rows = await prisma.order.findMany({ where: { number: 1, storeId: { in: [a.storeId, b.storeId] } } });
    expect(rows).toHaveLength(2);
  });

  test("a rolled-back order gives its number back, and a deleted store takes its counter with it", async () => {
    const s = await storeSelling(5);
    expect(await orderNumber(s, "fb-d1")).toBe(1);
    await prisma
      .$transaction(async (tx) => {
        const o = await tx.order.create({ data: { storeId: s.storeId, currency: "CLP", subtotalMinor: 1, totalMinor: 1, expiresAt: new Date(), idempotencyKey: "rolled-back", checkoutToken: "rolled-back" } });
        expect(o.number).toBe(2);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await orderNumber(s, "fb-d2")).toBe(2);
    await prisma.store.delete({ where: { id: s.storeId } });
    expect(await prisma.orderNumberCounter.findUnique({ where: { storeId: s.storeId } })).toBeNull();
  });
});
