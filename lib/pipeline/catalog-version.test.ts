import { describe, expect, test } from "vitest";
import { hotPathDb, prisma } from "@/lib/db";
import { seedStore } from "@/tests/helpers/seed";
import type { Prisma } from "@/generated/prisma/client";

/** The store's catalog version, kept by the triggers of migration 20261228090000_store_catalog_version. */
const versionOf = async (storeId: string) => (await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { catalogVersion: true } })).catalogVersion;

describe("the catalog version the classifier caches its index by", () => {
  test("stays put through what a sale does to products: reserving, committing and releasing stock", async () => {
    const { store, products } = await seedStore();
    const before = await versionOf(store.id);
    const id = products[0]!.id;
    await hotPathDb.$executeRaw`UPDATE products SET reserved = reserved + 2, "updatedAt" = now() WHERE id = ${id}`;
    await hotPathDb.$executeRaw`UPDATE products SET stock = stock - 1, reserved = reserved - 1 WHERE id = ${id}`;
    await prisma.product.update({ where: { id }, data: { reserved: 0, priceMinor: 19990, description: "otra" } });
    expect(await versionOf(store.id)).toBe(before);
  });

  test.each<[string, Prisma.ProductUpdateInput]>([
    ["sku", { sku: "Z99" }],
    ["name", { name: "Polera roja talla M" }],
    ["keywords", { keywords: ["remera"] }],
    ["color", { color: "granate" }],
    ["size", { size: "L" }],
    ["group", { groupKey: "Polera" }],
    ["active flag", { active: false }],
  ])("moves when a product's %s changes", async (_what, data) => {
    const { store, products } = await seedStore();
    const before = await versionOf(store.id);
    await prisma.product.update({ where: { id: products[0]!.id }, data });
    expect(await versionOf(store.id)).toBeGreaterThan(before);
  });

  test("moves once for a whole import, again when products are deleted, and only in the store concerned", async () => {
    const a = await seedStore();
    const b = await seedStore();
    const [va, vb] = [await versionOf(a.store.id), await versionOf(b.store.id)];
    await prisma.product.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ storeId: a.store.id, sku: `IMP-${i}`, name: `Producto ${i}`, priceMinor: 1000, stock: 5 })) });
    expect(await versionOf(a.store.id)).toBe(va + 1);
    await prisma.product.deleteMany({ where: { storeId: a.store.id, sku: { startsWith: "IMP-" } } });
    expect(await versionOf(a.store.id)).toBe(va + 2);
    expect(await versionOf(b.store.id)).toBe(vb);
  });

  test("a product moved to another store moves both stores' versions", async () => {
    const a = await seedStore();
    const b = await seedStore();
    const [va, vb] = [await versionOf(a.store.id), await versionOf(b.store.id)];
    await hotPathDb.$executeRaw`UPDATE products SET "storeId" = ${b.store.id}, sku = 'MOVED-1' WHERE id = ${a.products[0]!.id}`;
    expect(await versionOf(a.store.id)).toBe(va + 1);
    expect(await versionOf(b.store.id)).toBe(vb + 1);
  });
});
