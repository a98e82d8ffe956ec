import type { CatalogIndex, IndexedProduct } from "./catalog-index";
import type { Feature, SizeMention, SkuMention } from "./read-comment";

export interface ProductMatch {
  kind: "sku" | "description" | "ambiguous" | "none";
  sku: string | null;
  /** Tied SKUs, best first, when the words fit several products equally. */
  candidates: string[];
  /** 0..1: how sure the product choice is (not the intent). */
  confidence: number;
  /** The words that decided, for the reason line. */
  evidence: string[];
  /** The chosen product, for quantity rules (items sold by the pair). */
  product: IndexedProduct | null;
  /** The SKU contradicts the words ("A12 azul" when A12 is red). */
  conflict: boolean;
}

const MATERIAL_WEIGHT = 1.5;
const PATTERN_WEIGHT = 2;
const NAME_WORD_BONUS = 0.75;
const KEYWORD_BONUS = 0.5;
const TYPE_MISMATCH = 4;
const COLOR_MISMATCH = 3;
// Sizes weigh less than what a product looks like: buyers often ask for a size it does not come in.
const SIZE_MATCH = 0.5;
const SIZE_MISMATCH = 0.25;
/** A question about another colour is still about that product ("avete la cintura in marrone?"). */
const QUESTION_COLOR_MISMATCH = 1;
/** A match needs at least a garment type, a colour or a distinctive word. */
const MIN_SCORE = 2;
/** Scores closer than this are a tie: ask rather than guess. */
const TIE_MARGIN = 0.5;

export interface ScoredProduct {
  product: IndexedProduct;
  score: number;
  fuzzy: boolean;
}

function contradicts(p: IndexedProduct, textTypes: Set<string>, textColors: Set<string>): { type: boolean; color: boolean } {
  const type = textTypes.size > 0 && ![...textTypes].some((t) => p.types.has(t));
  const color = textColors.size > 0 && p.colors.size > 0 && ![...textColors].some((c) => p.colors.has(c));
  return { type, color };
}

export function scoreProducts({ index, features, sizes, lenientColor = false }: { index: CatalogIndex; features: Feature[]; sizes: SizeMention[]; lenientColor?: boolean }): ScoredProduct[] {
  const unique = new Map<string, Feature>();
  for (const f of features) if (!unique.has(f.key)) unique.set(f.key, f);
  const feats = [...unique.values()];
  const textTypes = new Set(feats.filter((f) => f.kind === "type").map((f) => f.key.slice(5)));
  const textColors = new Set(feats.filter((f) => f.kind === "color").map((f) => f.key.slice(6)));
  const size = sizes[0]?.value ?? null;
  const candidates = new Set<number>();
  for (const f of feats) for (const i of index.postings.get(f.key) ?? []) candidates.add(i);

  const scored: ScoredProduct[] = [];
  for (const i of candidates) {
    const p = index.products[i];
    let score = 0;
    let fuzzy = false;
    for (const f of feats) {
      const id = f.key.slice(f.key.indexOf(":") + 1);
      let gained = 0;
      if (f.kind === "type") gained = p.types.get(id) ?? 0;
      else if (f.kind === "color") gained = p.colors.get(id) ?? 0;
      else if (f.kind === "material") gained = p.materials.has(id) ? MATERIAL_WEIGHT : 0;
      else if (f.kind === "pattern") gained = p.patterns.has(id) ? PATTERN_WEIGHT : 0;
      else if (f.kind === "literal") gained = p.literals.has(id) ? (index.literalWeights.get(id) ?? 1) : 0;
      if (gained > 0 && (f.kind === "type" || f.kind === "literal")) {
        // The seller's own word for the product breaks ties between synonyms ("cartera" vs "bolso").
        if (p.nameWords.has(f.surface)) gained += NAME_WORD_BONUS;
        else if (p.keywordWords.has(f.surface)) gained += KEYWORD_BONUS;
      }
      if (gained > 0 && f.fuzzyFrom) fuzzy = true;
      score += gained;
    }
    const c = contradicts(p, textTypes, textColors);
    if (c.type) score -= TYPE_MISMATCH;
    if (c.color) score -= lenientColor ? QUESTION_COLOR_MISMATCH : COLOR_MISMATCH;
    if (size && p.size) score += size === p.size ? SIZE_MATCH : -SIZE_MISMATCH;
    scored.push({ product: p, score, fuzzy });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * Picks the product a comment refers to: an explicit SKU first, otherwise the best description
 * match, reporting a tie instead of guessing between equally likely products.
 */
export function matchProducts({ index, skus, features, sizes, lenientColor = false }: { index: CatalogIndex; skus: SkuMention[]; features: Feature[]; sizes: SizeMention[]; lenientColor?: boolean }): ProductMatch {
  const distinctSkus = [...new Set(skus.map((s) => s.sku))];
  if (distinctSkus.length > 0) {
    const product = index.bySku.get(distinctSkus[0]) ?? null;
    const textTypes = new Set(features.filter((f) => f.kind === "type").map((f) => f.key.slice(5)));
    const textColors = new Set(features.filter((f) => f.kind === "color").map((f) => f.key.slice(6)));
    const c = product ? contradicts(product, textTypes, textColors) : { type: false, color: false };
    const conflict = c.type || c.color;
    if (distinctSkus.length > 1) {
      return { kind: "ambiguous", sku: null, candidates: distinctSkus.slice(0, 5), confidence: 0.5, evidence: distinctSkus.map((s) => `SKU ${s}`), product: null, conflict: false };
    }
    return { kind: "sku", sku: distinctSkus[0], candidates: [], confidence: conflict ? 0.8 : 1, evidence: [`SKU ${distinctSkus[0]}`], product, conflict };
  }
  if (features.length === 0) return { kind: "none", sku: null, candidates: [], confidence: 0, evidence: [], product: null, conflict: false };

  const scored = scoreProducts({ index, features, sizes, lenientColor });
  const evidence = [...new Set(features.map((f) => (f.fuzzyFrom ? `${f.surface}~` : f.surface)))];
  const top = scored[0];
  if (!top || top.score < MIN_SCORE) return { kind: "none", sku: null, candidates: [], confidence: 0, evidence, product: null, conflict: false };
  const tied = scored.filter((s) => s.score >= top.score - TIE_MARGIN);
  if (tied.length > 1) {
    return { kind: "ambiguous", sku: null, candidates: tied.slice(0, 5).map((s) => s.product.product.sku), confidence: 0.5, evidence, product: null, conflict: false };
  }
  const margin = scored[1] ? top.score - scored[1].score : top.score;
  const confidence = (margin >= 2 ? 0.97 : 0.9) - (top.fuzzy ? 0.07 : 0);
  return { kind: "description", sku: top.product.product.sku, candidates: [], confidence, evidence, product: top.product, conflict: false };
}
