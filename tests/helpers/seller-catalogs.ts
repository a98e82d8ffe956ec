import { readFileSync } from "node:fs";
import { z } from "zod";
import { buildCatalogIndex, type CatalogIndex } from "../../lib/ai/catalog-index";
import { corpusItemSchema, type CorpusItem } from "../../lib/ai/evaluate-corpus";
import { inferVariants } from "../../lib/ai/infer-variants";
import type { CatalogProduct } from "../../lib/ai/types";

/**
 * The seller-catalog evaluation sets (tests/fixtures/comments/sellers/): catalogs as sellers really
 * write them — sizes and colours inside names, SKUs and descriptions, no variant columns — and
 * comments labelled on them. `holdout.json` is the set never looked at while tuning.
 */
const sellerProductSchema = z.object({
  sku: z.string(),
  name: z.string(),
  description: z.string().default(""),
  price: z.string(),
  stock: z.number().int(),
  keywords: z.array(z.string()).default([]),
});
export type SellerProduct = z.infer<typeof sellerProductSchema>;
const catalogsSchema = z.record(z.string(), z.object({ kind: z.string(), locale: z.string(), currency: z.string(), products: z.array(sellerProductSchema) }));
export type SellerCatalogs = z.infer<typeof catalogsSchema>;

const dir = new URL("../fixtures/comments/sellers/", import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(new URL(name, dir), "utf8")) as unknown;

export function loadSellerCatalogs(): SellerCatalogs {
  return catalogsSchema.parse(load("catalogs.json"));
}

export function loadSellerComments(set: "comments" | "holdout"): CorpusItem[] {
  return z.array(corpusItemSchema).parse(load(`${set}.json`));
}

/** What the classifier gets from a catalog as the app stores it after an import (variants inferred there). */
export function catalogProductsOf(products: readonly SellerProduct[]): CatalogProduct[] {
  const variants = inferVariants(products);
  return products.map((p, i) => ({ sku: p.sku, name: p.name, description: p.description, keywords: p.keywords, available: p.stock, color: variants[i]!.color, size: variants[i]!.size, group: variants[i]!.group }));
}

export function sellerCatalogIndexes(catalogs: SellerCatalogs = loadSellerCatalogs()): Record<string, CatalogIndex> {
  return Object.fromEntries(Object.entries(catalogs).map(([id, c]) => [id, buildCatalogIndex(catalogProductsOf(c.products))]));
}
