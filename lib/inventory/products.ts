import type { z } from "zod";
import { prisma } from "@/lib/db";
import { badRequest, conflict, notFound, unprocessable } from "@/lib/http/errors";
import { parseMajorToMinor } from "@/lib/money";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/stores/permissions";
import type { StoreRole } from "@/lib/stores/access";
import { notifyStore } from "@/lib/realtime/notify";
import { assertWithinPlan } from "@/lib/billing/limits";
import type { productCreateInput, productListQuery, productUpdateInput } from "./schemas";
import { toProductDto } from "./product-dto";
import { normaliseKeywords } from "./keywords";
import { markVariantFields, refreshVariants } from "./refresh-variants";
import { announceRestock } from "./announce-restock";

async function storeCurrency(storeId: string) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { currency: true } });
  if (!store) throw notFound("Store");
  return store.currency;
}

function priceToMinor(price: string | number, currency: string) {
  const minor = parseMajorToMinor(price, currency);
  if (minor === null) throw unprocessable(`price: must be a non-negative amount in ${currency}`, [{ field: "price", code: "invalid_amount", params: { currency }, message: `must be a non-negative amount with the decimals ${currency} allows` }]);
  return minor;
}

export async function listProducts(query: z.output<typeof productListQuery>) {
  const currency = await storeCurrency(query.store_id);
  const where = {
    storeId: query.store_id,
    ...(query.q && {
      OR: [
        { sku: { contains: query.q, mode: "insensitive" as const } },
        { name: { contains: query.q, mode: "insensitive" as const } },
        { keywords: { has: query.q.toLowerCase() } },
      ],
    }),
  };
  const rows = await prisma.product.findMany({ where, orderBy: [{ sku: "asc" }], take: query.limit, skip: query.offset });
  const dtos = rows.map((p) => toProductDto(p, currency));
  return query.low_stock ? dtos.filter((p) => p.available <= p.low_stock_at) : dtos;
}

export async function createProduct({ input, actorId }: { input: z.output<typeof productCreateInput>; actorId: string }) {
  const currency = await storeCurrency(input.store_id);
  await assertWithinPlan({ storeId: input.store_id, resource: "products", adding: 1 });
  const product = await prisma.$transaction(async (tx) => {
    const p = await tx.product.create({
      data: {
        storeId: input.store_id,
        sku: input.sku,
        name: input.name,
        description: input.description,
        priceMinor: priceToMinor(input.price, currency),
        stock: input.stock,
        keywords: normaliseKeywords(input.keywords),
        color: input.color ?? null,
        size: input.size ?? null,
        groupKey: input.group_key ?? null,
        imageUrl: input.image_url ?? null,
        lowStockAt: input.low_stock_at ?? 3,
        active: input.active ?? true,
      },
    });
    await recordAudit(tx, { storeId: p.storeId, actorType: "USER", actorId, action: "product.created", entityType: "product", entityId: p.id, data: { sku: p.sku } });
    // Size, colour and group the seller did not set are read from the name, SKU and description.
    await refreshVariants(tx, p.storeId);
    return tx.product.findUniqueOrThrow({ where: { id: p.id } });
  });
  await notifyStore(product.storeId, { type: "product.updated", productId: product.id });
  return toProductDto(product, currency);
}

export async function updateProduct({ productId, storeId, input, actorId, role = "OWNER", ip }: { productId: string; storeId: string; input: z.output<typeof productUpdateInput>; actorId: string; role?: StoreRole; ip?: string | null }) {
  const currency = await storeCurrency(storeId);
  if (input.stock !== undefined && input.stock_delta !== undefined) throw badRequest("invalid_input", "Send either stock or stock_delta, not both");
  const newPriceMinor = input.price !== undefined ? priceToMinor(input.price, currency) : undefined;
  const product = await prisma.$transaction(async (tx) => {
    // Lock the row: stock edits race with reservations, and stock must never drop below what is reserved.
    const [current] = await tx.$queryRaw<{ stock: number; reserved: number; priceMinor: number }[]>`SELECT stock, reserved, "priceMinor" FROM products WHERE id = ${productId} AND "storeId" = ${storeId} FOR UPDATE`;
    if (!current) throw notFound("Product");
    // Sending the unchanged price (a full form) is not a price change.
    if (newPriceMinor !== undefined && newPriceMinor !== current.priceMinor) assertCan(role, "price.change");
    const stock = input.stock ?? (input.stock_delta !== undefined ? current.stock + input.stock_delta : undefined);
    if (stock !== undefined && stock < current.reserved) {
      throw unprocessable(`stock: cannot be set below the ${current.reserved} units currently reserved`, [{ field: "stock", code: "below_reserved", params: { reserved: current.reserved }, message: `must be at least ${current.reserved} (reserved)` }]);
    }
    const p = await tx.product.update({
      where: { id: productId },
      data: {
        ...(input.sku !== undefined && { sku: input.sku }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(newPriceMinor !== undefined && { priceMinor: newPriceMinor }),
        ...(stock !== undefined && { stock }),
        ...(input.keywords !== undefined && { keywords: normaliseKeywords(input.keywords) }),
        ...(input.color !== undefined && { color: input.color }),
        ...(input.size !== undefined && { size: input.size }),
        ...(input.group_key !== undefined && { groupKey: input.group_key }),
        ...(input.image_url !== undefined && { imageUrl: input.image_url }),
        ...(input.low_stock_at !== undefined && { lowStockAt: input.low_stock_at }),
        ...(input.active !== undefined && { active: input.active }),
      },
    });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "product.updated", entityType: "product", entityId: p.id, data: { changes: Object.keys(input), stock: p.stock, sku: p.sku }, ip: ip ?? null });
    if (p.priceMinor !== current.priceMinor) {
      await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "product.price_changed", entityType: "product", entityId: p.id, data: { sku: p.sku, currency, before: { price_minor: current.priceMinor }, after: { price_minor: p.priceMinor } }, ip: ip ?? null });
    }
    if (p.stock !== current.stock) {
      await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "product.stock_changed", entityType: "product", entityId: p.id, data: { sku: p.sku, before: { stock: current.stock }, after: { stock: p.stock } }, ip: ip ?? null });
    }
    if (stock !== undefined && stock > current.stock && p.active) await announceRestock(tx, { storeId, productIds: [p.id], key: `${p.id}:${p.updatedAt.getTime()}` });
    const variantInputs = ["sku", "name", "description", "color", "size", "group_key", "active"] as const;
    if (variantInputs.some((k) => input[k] !== undefined)) {
      await markVariantFields(tx, productId, { color: input.color, size: input.size, group: input.group_key });
      await refreshVariants(tx, storeId);
      return { p: await tx.product.findUniqueOrThrow({ where: { id: productId } }), restocked: stock !== undefined && stock > current.stock };
    }
    return { p, restocked: stock !== undefined && stock > current.stock };
  });
  await notifyStore(storeId, { type: "product.updated", productId });
  return { product: toProductDto(product.p, currency), restocked: product.restocked };
}

export async function deleteProduct({ productId, storeId, actorId }: { productId: string; storeId: string; actorId: string }) {
  await prisma.$transaction(async (tx) => {
    const p = await tx.product.findFirst({ where: { id: productId, storeId } });
    if (!p) throw notFound("Product");
    if (p.reserved > 0) throw conflict("product_reserved", `${p.sku} has ${p.reserved} reserved units in open carts; wait for them to be paid or expire`);
    await tx.product.delete({ where: { id: productId } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "product.deleted", entityType: "product", entityId: productId, data: { sku: p.sku } });
    // A group of two that loses one member is no group any more.
    await refreshVariants(tx, storeId);
  });
  await notifyStore(storeId, { type: "product.updated", productId });
}
