import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { parseMajorToMinor, minorToMajor } from "@/lib/money";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { assertWithinPlan } from "@/lib/billing/limits";
import { parseCsv } from "./csv";
import { skuSchema } from "./schemas";
import { normaliseKeywords } from "./products";

export type ImportError = { line: number; field?: string; message: string };
type Row = { line: number; sku: string; name: string; description: string; priceMinor: number; stock: number; keywords: string[]; color: string | null; size: string | null; imageUrl: string | null };

const REQUIRED = ["sku", "name", "price", "stock"] as const;
const OPTIONAL = ["description", "keywords", "color", "size", "image_url"] as const;
export const MAX_IMPORT_ROWS = 5000;

/** Validates every row; returns the rows only when there is no error at all. */
export function validateCatalogCsv(text: string, currency: string): { rows: Row[]; errors: ImportError[] } {
  const { records, error } = parseCsv(text);
  if (error) return { rows: [], errors: [{ line: error.line, message: `Malformed CSV: ${error.message}` }] };
  if (records.length === 0) return { rows: [], errors: [{ line: 1, message: "The file is empty: expected a header line sku,name,description,price,stock,keywords" }] };
  const header = records[0]!.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length) return { rows: [], errors: [{ line: 1, field: missing[0], message: `Missing column(s): ${missing.join(", ")}. Header must include sku,name,price,stock` }] };
  const unknown = header.filter((h) => h && !(REQUIRED as readonly string[]).includes(h) && !(OPTIONAL as readonly string[]).includes(h));
  if (unknown.length) return { rows: [], errors: [{ line: 1, field: unknown[0], message: `Unknown column(s): ${unknown.join(", ")}` }] };
  const col = (fields: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? "" : (fields[i] ?? "").trim();
  };
  const body = records.slice(1);
  if (body.length > MAX_IMPORT_ROWS) return { rows: [], errors: [{ line: 1, message: `Too many rows: ${body.length} (max ${MAX_IMPORT_ROWS} per file)` }] };
  if (body.length === 0) return { rows: [], errors: [{ line: 2, message: "The file has a header but no products" }] };

  const rows: Row[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    const fail = (field: string, message: string) => errors.push({ line, field, message: `${field}: ${message}` });
    if (fields.length !== header.length) {
      errors.push({ line, message: `Expected ${header.length} columns, found ${fields.length}` });
      continue;
    }
    const before = errors.length;
    const skuRaw = col(fields, "sku");
    const sku = skuSchema.safeParse(skuRaw);
    if (!sku.success) fail("sku", sku.error.issues[0]!.message);
    else {
      const key = sku.data.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) fail("sku", `duplicate SKU "${sku.data}" (already on line ${first})`);
      else seen.set(key, line);
    }
    const name = col(fields, "name");
    if (!name) fail("name", "is required");
    else if (name.length > 200) fail("name", "must be at most 200 characters");
    const priceText = col(fields, "price");
    const priceMinor = priceText.startsWith("-") ? null : parseMajorToMinor(priceText, currency);
    if (priceText === "") fail("price", "is required");
    else if (priceText.startsWith("-")) fail("price", "cannot be negative");
    else if (priceMinor === null) fail("price", `"${priceText}" is not a valid ${currency} amount`);
    const stockText = col(fields, "stock");
    const stock = /^-?\d+$/.test(stockText) ? Number(stockText) : NaN;
    if (stockText === "") fail("stock", "is required");
    else if (Number.isNaN(stock)) fail("stock", `"${stockText}" is not a whole number`);
    else if (stock < 0) fail("stock", "cannot be negative");
    else if (stock > 1_000_000) fail("stock", "is unrealistically large (max 1,000,000)");
    const description = col(fields, "description");
    if (description.length > 5000) fail("description", "must be at most 5000 characters");
    if (errors.length > before) continue;
    rows.push({
      line,
      sku: sku.success ? sku.data : skuRaw,
      name,
      description,
      priceMinor: priceMinor!,
      stock,
      keywords: normaliseKeywords(col(fields, "keywords").split(";")),
      color: col(fields, "color") || null,
      size: col(fields, "size") || null,
      imageUrl: col(fields, "image_url") || null,
    });
  }
  return { rows: errors.length ? [] : rows, errors };
}

/** All-or-nothing catalog import: with any invalid row nothing is written. `dryRun` returns the preview only. */
export async function importProducts({ storeId, csv, actorId, dryRun = false }: { storeId: string; csv: string; actorId: string; dryRun?: boolean }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { currency: true } });
  if (!store) throw notFound("Store");
  const { rows, errors } = validateCatalogCsv(csv, store.currency);
  if (errors.length) return { created: 0, updated: 0, errors };

  const existing = await prisma.product.findMany({ where: { storeId, sku: { in: rows.map((r) => r.sku) } }, select: { sku: true, reserved: true } });
  const bySku = new Map(existing.map((p) => [p.sku, p]));
  const stockErrors = rows
    .filter((r) => (bySku.get(r.sku)?.reserved ?? 0) > r.stock)
    .map((r) => ({ line: r.line, field: "stock", message: `stock: ${r.sku} has ${bySku.get(r.sku)!.reserved} units reserved in open carts; stock cannot be lower` }));
  if (stockErrors.length) return { created: 0, updated: 0, errors: stockErrors };

  const toCreate = rows.filter((r) => !bySku.has(r.sku));
  const toUpdate = rows.filter((r) => bySku.has(r.sku));
  const preview = rows.map((r) => ({ line: r.line, sku: r.sku, name: r.name, price: minorToMajor(r.priceMinor, store.currency), stock: r.stock, action: bySku.has(r.sku) ? ("update" as const) : ("create" as const) }));
  if (dryRun) return { created: toCreate.length, updated: toUpdate.length, errors: [] as ImportError[], preview };

  await assertWithinPlan({ storeId, resource: "products", adding: toCreate.length });
  await prisma.$transaction(
    async (tx) => {
      if (toCreate.length) {
        await tx.product.createMany({
          data: toCreate.map((r) => ({ storeId, sku: r.sku, name: r.name, description: r.description, priceMinor: r.priceMinor, stock: r.stock, keywords: r.keywords, color: r.color, size: r.size, imageUrl: r.imageUrl })),
        });
      }
      for (const r of toUpdate) {
        // Re-checked under the row lock: a reservation may have landed since validation.
        const n = await tx.$executeRaw`
          UPDATE products SET name = ${r.name}, description = ${r.description}, "priceMinor" = ${r.priceMinor}, stock = ${r.stock},
            keywords = ${r.keywords}, color = COALESCE(${r.color}, color), size = COALESCE(${r.size}, size),
            "imageUrl" = COALESCE(${r.imageUrl}, "imageUrl"), "updatedAt" = now()
          WHERE "storeId" = ${storeId} AND sku = ${r.sku} AND reserved <= ${r.stock}`;
        if (n !== 1) throw new Error(`stock of ${r.sku} fell below its reservations during import`);
      }
      await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "catalog.imported", entityType: "store", entityId: storeId, data: { created: toCreate.length, updated: toUpdate.length } });
    },
    { timeout: 60_000 },
  );
  await notifyStore(storeId, { type: "product.updated", productId: "*" });
  return { created: toCreate.length, updated: toUpdate.length, errors: [] as ImportError[], preview };
}
