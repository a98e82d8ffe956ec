import { describe, expect, test } from "vitest";
import * as products from "@/app/api/v1/inventory/products/route";
import * as productById from "@/app/api/v1/inventory/products/[id]/route";
import * as importRoute from "@/app/api/v1/inventory/import/route";
import * as storeById from "@/app/api/v1/stores/[id]/route";
import { prisma } from "@/lib/db";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Regression for issue 11.1: `productUpdateInput` was `productCreateInput.partial()`, and zod 4 keeps a
// field's `.default()` under `.partial()`, so PATCH {stock} saved description "" and keywords [].

const FULL = {
  sku: "A12",
  name: "Polera roja M",
  description: "Algodón peinado, corte recto",
  price: 15990,
  stock: 10,
  keywords: ["polera", "roja", "remera"],
  color: "Roja",
  size: "M",
  group_key: "g-polera",
  image_url: "https://cdn.example.com/polera.jpg",
  low_stock_at: 4,
  active: true,
};

async function sellerWithProduct() {
  const seller = await signUp();
  const store = await createStoreFor(seller.accessToken);
  const created = await call(products.POST, { path: "/api/v1/inventory/products", token: seller.accessToken, body: { store_id: store.id, ...FULL } });
  expect(created.status).toBe(201);
  return { seller, store, product: created.body as { id: string } };
}

async function patch(token: string, id: string, body: unknown) {
  return call(productById.PATCH, { method: "PATCH", path: `/api/v1/inventory/products/${id}`, params: { id }, token, body });
}

/** Every field the product had, minus the ones the PATCH named. */
async function expectUnchangedExcept(id: string, changed: Partial<Record<keyof typeof FULL, unknown>>) {
  const row = await prisma.product.findUniqueOrThrow({ where: { id } });
  expect({
    sku: row.sku,
    name: row.name,
    description: row.description,
    price: row.priceMinor,
    stock: row.stock,
    keywords: row.keywords,
    color: row.color,
    size: row.size,
    group_key: row.groupKey,
    image_url: row.imageUrl,
    low_stock_at: row.lowStockAt,
    active: row.active,
  }).toEqual({ ...FULL, ...changed });
}

describe("PATCH /api/v1/inventory/products/{id} changes only the fields it names", () => {
  test("only stock: keywords, description and every other field stay as they were", async () => {
    const { seller, product } = await sellerWithProduct();
    const res = await patch(seller.accessToken, product.id, { stock: 7 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stock: 7, keywords: FULL.keywords, description: FULL.description });
    await expectUnchangedExcept(product.id, { stock: 7 });
  });

  test("only stock_delta (the −/+ buttons): keywords, description and every other field stay as they were", async () => {
    const { seller, product } = await sellerWithProduct();
    expect((await patch(seller.accessToken, product.id, { stock_delta: -1 })).status).toBe(200);
    expect((await patch(seller.accessToken, product.id, { stock_delta: 3 })).status).toBe(200);
    await expectUnchangedExcept(product.id, { stock: 12 });
  });

  test("only price: keywords, description and every other field stay as they were", async () => {
    const { seller, product } = await sellerWithProduct();
    const res = await patch(seller.accessToken, product.id, { price: "14990" });
    expect(res.status).toBe(200);
    await expectUnchangedExcept(product.id, { price: 14990 });
  });

  test("an explicit empty description or keyword list is still saved: naming a field changes it", async () => {
    const { seller, product } = await sellerWithProduct();
    expect((await patch(seller.accessToken, product.id, { description: "", keywords: [] })).status).toBe(200);
    await expectUnchangedExcept(product.id, { description: "", keywords: [] });
  });

  test("the audit row lists only the fields the PATCH named", async () => {
    const { seller, product } = await sellerWithProduct();
    await patch(seller.accessToken, product.id, { stock_delta: 1 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: product.id, action: "product.updated" } });
    expect((audit.data as { changes: string[] }).changes).toEqual(["stock_delta"]);
  });
});

describe("re-importing a CSV changes only the columns the file has", () => {
  test("a file with sku,name,price,stock keeps the description and keywords the products already have", async () => {
    const { seller, store, product } = await sellerWithProduct();
    const res = await call(importRoute.POST, {
      path: `/api/v1/inventory/import?store_id=${store.id}`,
      token: seller.accessToken,
      rawBody: "sku,name,price,stock\nA12,Polera roja M,14990,20\n",
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1 });
    await expectUnchangedExcept(product.id, { price: 14990, stock: 20 });
  });

  test("a file that has the keywords column but leaves a cell empty clears that product's keywords", async () => {
    const { seller, store, product } = await sellerWithProduct();
    const res = await call(importRoute.POST, {
      path: `/api/v1/inventory/import?store_id=${store.id}`,
      token: seller.accessToken,
      rawBody: "sku,name,price,stock,keywords\nA12,Polera roja M,15990,10,\n",
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(200);
    await expectUnchangedExcept(product.id, { keywords: [] });
  });
});

describe("PATCH /api/v1/stores/{id} changes only the fields it names", () => {
  test("only the name: locale, timezone, country and currency stay as they were", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken, { locale: "pt-BR", country: "BR", currency: "BRL", timezone: "America/Sao_Paulo" });
    const before = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    const res = await call(storeById.PATCH, { method: "PATCH", path: `/api/v1/stores/${store.id}`, params: { id: store.id }, token: seller.accessToken, body: { name: "Loja da Ana" } });
    expect(res.status).toBe(200);
    const after = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(after).toEqual({ ...before, name: "Loja da Ana", updatedAt: after.updatedAt });
    expect(after.locale).toBe("pt-BR");
  });
});
