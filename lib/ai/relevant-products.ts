import type { CatalogIndex } from "./catalog-index";
import { scoreProducts } from "./match-products";
import { readComment } from "./read-comment";
import type { CatalogProduct } from "./types";

/**
 * The products an LLM should see for this comment: SKUs it names, then the best description
 * matches, then the rest of the catalog in order, so the model always gets `limit` products to
 * choose from (or the whole catalog when it is smaller).
 */
export function pickRelevantProducts({ text, index, limit = 5 }: { text: string; index: CatalogIndex; limit?: number }): CatalogProduct[] {
  const reading = readComment({ text, index, storeLanguage: null });
  const chosen: CatalogProduct[] = [];
  const seen = new Set<string>();
  const take = (p: CatalogProduct | undefined) => {
    if (!p || seen.has(p.sku) || chosen.length >= limit) return;
    seen.add(p.sku);
    chosen.push(p);
  };
  for (const s of reading.skus) take(index.bySku.get(s.sku)?.product);
  for (const s of scoreProducts({ index, features: reading.features, sizes: reading.sizes, lenientColor: true })) {
    if (s.score > 0) take(s.product.product);
  }
  for (const p of index.products) take(p.product);
  return chosen;
}
