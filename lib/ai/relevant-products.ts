import type { CatalogIndex } from "./catalog-index";
import { scoreProducts } from "./match-products";
import { readComment } from "./read-comment";
import type { CatalogProduct } from "./types";

/** Variants of one product shown to the model at most; a group larger than that is cut. */
const MAX_GROUP_CONTEXT = 10;

/**
 * The products an LLM should see for this comment: SKUs and code prefixes it names, then the best
 * description matches, then the rest of the catalog in order, so the model always gets `limit`
 * products to choose from (or the whole catalog when it is smaller). Every variant of a chosen
 * product comes along (its whole group), so the model can tell "which size?" apart from "this one".
 */
export function pickRelevantProducts({ text, index, limit = 5 }: { text: string; index: CatalogIndex; limit?: number }): CatalogProduct[] {
  const reading = readComment({ text, index, storeLanguage: null });
  const chosen: CatalogProduct[] = [];
  const seen = new Set<string>();
  const cap = limit + MAX_GROUP_CONTEXT;
  const takeOne = (p: CatalogProduct | undefined, max: number) => {
    if (!p || seen.has(p.sku) || chosen.length >= max) return;
    seen.add(p.sku);
    chosen.push(p);
  };
  const take = (p: CatalogProduct | undefined) => {
    if (!p || seen.has(p.sku) || chosen.length >= limit) return;
    takeOne(p, limit);
    if (p.group) for (const sku of index.groups.get(p.group) ?? []) takeOne(index.bySku.get(sku)?.product, cap);
  };
  for (const s of reading.skus) take(index.bySku.get(s.sku)?.product);
  for (const g of reading.codeGroups) for (const sku of g.skus) take(index.bySku.get(sku)?.product);
  for (const s of scoreProducts({ index, features: reading.features, sizes: reading.sizes, lenientColor: true })) {
    if (s.score > 0) take(s.product.product);
  }
  for (const p of index.products) take(p.product);
  return chosen;
}
