import { isSafeImageUrl } from "./image-url";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { currencyDigits, parseMajorToMinor, minorToMajor } from "@/lib/money";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { assertWithinPlan } from "@/lib/billing/limits";
import { CSV_COLUMNS, CSV_OPTIONAL_COLUMNS, csvIssue, detectDelimiter, parseCsv, type CsvIssue, type CsvIssueCode, type CsvIssueParams } from "./csv";
import { MAX_KEYWORDS, MAX_KEYWORD_LENGTH, normaliseKeywords, splitKeywords } from "./keywords";
import { skuSchema } from "./schemas";
import { refreshVariants } from "./refresh-variants";
import { announceRestock } from "./announce-restock";
import { describeGroups, inferVariants } from "@/lib/ai/infer-variants";
import { foldText } from "@/lib/ai/normalize-text";

export type ImportError = CsvIssue;
/** `undefined` = the file has no such column: the import leaves that field of an existing product alone. */
type Row = { line: number; sku: string; name: string; description: string | undefined; priceMinor: number; stock: number; keywords: string[] | undefined; color: string | null; size: string | null; group: string | null; imageUrl: string | null };

const REQUIRED = ["sku", "name", "price", "stock"] as const;
const KNOWN: readonly string[] = [...CSV_COLUMNS, ...CSV_OPTIONAL_COLUMNS];
const MAX_IMPORT_ROWS = 5000;
const MAX_STOCK = 1_000_000;

const SKU_ISSUES: Record<string, CsvIssueCode> = { too_small: "required", too_big: "too_long" };

/**
 * The column names sellers' own spreadsheets use, in the languages the app speaks, for the contract's
 * English ones ("Código;Nombre;Precio;Stock" from an Excel in Spanish).
 */
const COLUMN_ALIASES: Record<string, (typeof KNOWN)[number]> = {
  codigo: "sku", cod: "sku", ref: "sku", referencia: "sku", reference: "sku", code: "sku", "sku code": "sku",
  nombre: "name", nome: "name", producto: "name", produto: "name", product: "name", "product name": "name", "nombre del producto": "name", "nome do produto": "name", titulo: "name", title: "name", nom: "name", "nom du produit": "name",
  descripcion: "description", descricao: "description", detalle: "description", detalles: "description", descrizione: "description",
  precio: "price", preco: "price", valor: "price", prix: "price", prezzo: "price", "precio unitario": "price",
  cantidad: "stock", existencias: "stock", inventario: "stock", estoque: "stock", quantidade: "stock", qty: "stock", quantity: "stock", unidades: "stock", disponible: "stock", quantite: "stock", quantita: "stock",
  "palabras clave": "keywords", palabras_clave: "keywords", etiquetas: "keywords", tags: "keywords", "palavras chave": "keywords", "palavras-chave": "keywords", "mots cles": "keywords", "mots-cles": "keywords", "parole chiave": "keywords",
  colour: "color", cor: "color", couleur: "color", colore: "color",
  talla: "size", talle: "size", tamano: "size", tamanho: "size", taille: "size", taglia: "size",
  grupo: "group", groupe: "group", gruppo: "group",
  imagen: "image_url", imagem: "image_url", image: "image_url", foto: "image_url", photo: "image_url", "url imagen": "image_url", "image url": "image_url",
};

function canonicalColumn(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (KNOWN.includes(name)) return name;
  const folded = foldText(name).replace(/\s+/g, " ");
  return COLUMN_ALIASES[folded] ?? name;
}

/** Validates every row; returns the rows only when there is no error at all. */
export function validateCatalogCsv(text: string, currency: string): { rows: Row[]; errors: ImportError[] } {
  const { records, error } = parseCsv(text, detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (error) return { rows: [], errors: [error] };
  if (records.length === 0) return { rows: [], errors: [csvIssue(1, "empty_file")] };
  const header = records[0]!.fields.map(canonicalColumn);
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length) return { rows: [], errors: [csvIssue(1, "missing_columns", { columns: missing.join(", ") }, missing[0])] };
  const unknown = header.filter((h) => h && !KNOWN.includes(h));
  if (unknown.length) return { rows: [], errors: [csvIssue(1, "unknown_columns", { columns: unknown.join(", ") }, unknown[0])] };
  const twice = [...new Set(header.filter((h, i) => h && header.indexOf(h) !== i))];
  if (twice.length) return { rows: [], errors: [csvIssue(1, "duplicate_columns", { columns: twice.join(", ") }, twice[0])] };
  const has = (name: string) => header.includes(name);
  const col = (fields: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? "" : (fields[i] ?? "").trim();
  };
  const body = records.slice(1);
  if (body.length > MAX_IMPORT_ROWS) return { rows: [], errors: [csvIssue(1, "too_many_rows", { count: body.length, max: MAX_IMPORT_ROWS })] };
  if (body.length === 0) return { rows: [], errors: [csvIssue(2, "no_rows")] };

  const rows: Row[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    const fail = (field: string, code: CsvIssueCode, params: CsvIssueParams = {}) => errors.push(csvIssue(line, code, { field, ...params }, field));
    if (fields.length !== header.length) {
      errors.push(csvIssue(line, fields.length < header.length ? "too_few_columns" : "too_many_columns", { expected: header.length, found: fields.length }));
      continue;
    }
    const before = errors.length;
    const skuRaw = col(fields, "sku");
    const sku = skuSchema.safeParse(skuRaw);
    if (!sku.success) {
      const code = SKU_ISSUES[sku.error.issues[0]!.code] ?? "sku_format";
      fail("sku", code, code === "too_long" ? { max: 64 } : code === "sku_format" ? { value: skuRaw } : {});
    } else {
      const key = sku.data.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) fail("sku", "duplicate_sku", { value: sku.data, first });
      else seen.set(key, line);
    }
    const name = col(fields, "name");
    if (!name) fail("name", "required");
    else if (name.length > 200) fail("name", "too_long", { max: 200 });
    const priceText = col(fields, "price");
    const priceMinor = priceText.startsWith("-") ? null : parseMajorToMinor(priceText, currency);
    if (priceText === "") fail("price", "required");
    else if (priceText.startsWith("-")) fail("price", "price_negative");
    else if (priceMinor === null) fail("price", "price_invalid", { value: priceText, currency, example: currencyDigits(currency) === 0 ? "15990" : "19.99" });
    const stockText = col(fields, "stock");
    const stock = /^-?\d+$/.test(stockText) ? Number(stockText) : NaN;
    if (stockText === "") fail("stock", "required");
    else if (Number.isNaN(stock)) fail("stock", "stock_invalid", { value: stockText });
    else if (stock < 0) fail("stock", "stock_negative");
    else if (stock > MAX_STOCK) fail("stock", "stock_too_large", { max: MAX_STOCK });
    const description = col(fields, "description");
    if (description.length > 5000) fail("description", "too_long", { max: 5000 });
    const keywords = normaliseKeywords(splitKeywords(col(fields, "keywords")));
    const longKeyword = keywords.find((k) => k.length > MAX_KEYWORD_LENGTH);
    if (keywords.length > MAX_KEYWORDS) fail("keywords", "too_many_keywords", { max: MAX_KEYWORDS });
    else if (longKeyword) fail("keywords", "keyword_too_long", { value: longKeyword, max: MAX_KEYWORD_LENGTH });
    const imageUrl = col(fields, "image_url");
    if (imageUrl && !isSafeImageUrl(imageUrl)) fail("image_url", "image_url_invalid");
    if (errors.length > before) continue;
    rows.push({
      line,
      sku: sku.success ? sku.data : skuRaw,
      name,
      description: has("description") ? description : undefined,
      priceMinor: priceMinor!,
      stock,
      keywords: has("keywords") ? keywords : undefined,
      color: col(fields, "color") || null,
      size: col(fields, "size") || null,
      group: col(fields, "group") || null,
      imageUrl: imageUrl || null,
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

  const existing = await prisma.product.findMany({ where: { storeId, sku: { in: rows.map((r) => r.sku) } }, select: { id: true, sku: true, reserved: true, stock: true, active: true } });
  const bySku = new Map(existing.map((p) => [p.sku, p]));
  const stockErrors = rows
    .filter((r) => (bySku.get(r.sku)?.reserved ?? 0) > r.stock)
    .map((r) => csvIssue(r.line, "below_reserved", { sku: r.sku, reserved: bySku.get(r.sku)!.reserved }, "stock"));
  if (stockErrors.length) return { created: 0, updated: 0, errors: stockErrors };

  const toCreate = rows.filter((r) => !bySku.has(r.sku));
  const toUpdate = rows.filter((r) => bySku.has(r.sku));
  const preview = rows.map((r) => ({ line: r.line, sku: r.sku, name: r.name, price: minorToMajor(r.priceMinor, store.currency), stock: r.stock, action: bySku.has(r.sku) ? ("update" as const) : ("create" as const) }));
  // The groups the bot will see ("Camisa Azul: S, L"), so the seller can correct them before importing.
  const variants = inferVariants(rows);
  const groups = describeGroups(rows.map((r, i) => ({ name: r.name, variant: variants[i]! })));
  if (dryRun) return { created: toCreate.length, updated: toUpdate.length, errors: [] as ImportError[], preview, groups };

  await assertWithinPlan({ storeId, resource: "products", adding: toCreate.length });
  await prisma.$transaction(
    async (tx) => {
      if (toCreate.length) {
        await tx.product.createMany({
          data: toCreate.map((r) => ({ storeId, sku: r.sku, name: r.name, description: r.description ?? "", priceMinor: r.priceMinor, stock: r.stock, keywords: r.keywords ?? [], color: r.color, size: r.size, groupKey: r.group, imageUrl: r.imageUrl })),
        });
      }
      for (const r of toUpdate) {
        // Re-checked under the row lock: a reservation may have landed since validation. A column the
        // file does not have (NULL here) leaves the product's value alone.
        const n = await tx.$executeRaw`
          UPDATE products SET name = ${r.name}, description = COALESCE(${r.description ?? null}, description), "priceMinor" = ${r.priceMinor}, stock = ${r.stock},
            keywords = COALESCE(${r.keywords ?? null}::text[], keywords), color = COALESCE(${r.color}, color), size = COALESCE(${r.size}, size), "groupKey" = COALESCE(${r.group}, "groupKey"),
            "variantInferred" = ARRAY(SELECT f FROM unnest(coalesce("variantInferred", '{}')) f
              WHERE NOT (f = 'color' AND ${r.color}::text IS NOT NULL) AND NOT (f = 'size' AND ${r.size}::text IS NOT NULL) AND NOT (f = 'group' AND ${r.group}::text IS NOT NULL)),
            "imageUrl" = COALESCE(${r.imageUrl}, "imageUrl"), "updatedAt" = now()
          WHERE "storeId" = ${storeId} AND sku = ${r.sku} AND reserved <= ${r.stock}`;
        if (n !== 1) throw new Error(`stock of ${r.sku} fell below its reservations during import`);
      }
      await refreshVariants(tx, storeId);
      const restocked = toUpdate.flatMap((r) => {
        const before = bySku.get(r.sku)!;
        return before.active && r.stock > before.stock ? [before.id] : [];
      });
      await announceRestock(tx, { storeId, productIds: restocked, key: `import:${storeId}:${Date.now()}` });
      await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "catalog.imported", entityType: "store", entityId: storeId, data: { created: toCreate.length, updated: toUpdate.length } });
    },
    { timeout: 60_000 },
  );
  await notifyStore(storeId, { type: "product.updated", productId: "*" });
  return { created: toCreate.length, updated: toUpdate.length, errors: [] as ImportError[], preview, groups };
}
