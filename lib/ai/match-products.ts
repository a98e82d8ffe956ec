import type { CatalogIndex, IndexedProduct } from "./catalog-index";
import type { Feature, SizeMention } from "./read-comment";
import type { CodeGroupMention, SkuMention } from "./find-skus";

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
  /** Nothing matched: the products nearest to what was written (for "which product?"), best first. */
  closest?: string[];
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
/** A size was asked for and this product has none recorded: slightly less likely than one in that size. */
const SIZE_UNKNOWN = 0.25;
/** Candidates offered at most: quick replies stay readable (a whole group of one product may take more). */
const MAX_CANDIDATES = 5;
const MAX_GROUP_CANDIDATES = 10;
const MAX_CLOSEST = 3;
const NAME_LITERAL_FLOOR = 1.5;
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

export function scoreProducts({ index, features, sizes, lenientColor = false, among }: { index: CatalogIndex; features: Feature[]; sizes: SizeMention[]; lenientColor?: boolean; among?: readonly number[] }): ScoredProduct[] {
  const unique = new Map<string, Feature>();
  for (const f of features) if (!unique.has(f.key)) unique.set(f.key, f);
  const feats = [...unique.values()];
  const textTypes = new Set(feats.filter((f) => f.kind === "type").map((f) => f.key.slice(5)));
  const textColors = new Set(feats.filter((f) => f.kind === "color").map((f) => f.key.slice(6)));
  const size = (sizes.find((z) => !z.negated) ?? sizes[0])?.value ?? null;
  const candidates = new Set<number>(among ?? []);
  if (!among) for (const f of feats) for (const i of index.postings.get(f.key) ?? []) candidates.add(i);

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
      // A word of the product's own name ("batom", "tank") names it, however many products share it.
      if (gained > 0 && f.kind === "literal" && (p.nameWords.has(f.surface) || p.nameWords.has(id))) gained = Math.max(gained, NAME_LITERAL_FLOOR);
      if (gained > 0 && (f.kind === "type" || f.kind === "literal")) {
        // The seller's own word for the product breaks ties between synonyms ("cartera" vs "bolso").
        if (p.nameWords.has(f.surface) || p.nameWords.has(id)) gained += NAME_WORD_BONUS;
        else if (p.keywordWords.has(f.surface)) gained += KEYWORD_BONUS;
      }
      if (gained > 0 && f.fuzzyFrom) fuzzy = true;
      score += gained;
    }
    const c = contradicts(p, textTypes, textColors);
    if (c.type) score -= TYPE_MISMATCH;
    if (c.color) score -= lenientColor ? QUESTION_COLOR_MISMATCH : COLOR_MISMATCH;
    // A question about another size is still about the product ("tienen la blanca en 40?").
    if (size) score += p.size === size ? (lenientColor ? SIZE_MATCH + SIZE_MISMATCH : SIZE_MATCH) : lenientColor ? 0 : p.size ? -SIZE_MISMATCH : -SIZE_UNKNOWN;
    scored.push({ product: p, score, fuzzy });
  }
  return scored.sort((a, b) => b.score - a.score);
}

const none = (evidence: string[] = [], closest?: string[]): ProductMatch => ({ kind: "none", sku: null, candidates: [], confidence: 0, evidence, product: null, conflict: false, ...(closest?.length ? { closest } : {}) });

/** Tied products, capped; a tie inside one group (all sizes of one shirt) may offer more of them. */
function capCandidates(index: CatalogIndex, skus: string[]): string[] {
  const groups = new Set(skus.map((s) => index.bySku.get(s)?.group ?? `\u0000${s}`));
  return skus.slice(0, groups.size === 1 ? MAX_GROUP_CANDIDATES : MAX_CANDIDATES);
}

/** Among a known set of products (a typed code prefix, a size alone), the one the words and size single out. */
function pickAmong({ index, among, features, sizes, evidence, lenientColor }: { index: CatalogIndex; among: number[]; features: Feature[]; sizes: SizeMention[]; evidence: string[]; lenientColor: boolean }): ProductMatch {
  const scored = scoreProducts({ index, features, sizes, lenientColor, among });
  const top = scored[0];
  if (!top) return none(evidence);
  const tied = scored.filter((s) => s.score >= top.score - TIE_MARGIN);
  if (tied.length > 1) {
    return { kind: "ambiguous", sku: null, candidates: capCandidates(index, tied.map((s) => s.product.product.sku)), confidence: 0.5, evidence, product: null, conflict: false };
  }
  const exactSize = sizes.some((z) => !z.negated && z.value === top.product.size);
  return { kind: "description", sku: top.product.product.sku, candidates: [], confidence: exactSize ? 0.93 : 0.8, evidence, product: top.product, conflict: false };
}

/**
 * Picks the product a comment refers to: an explicit SKU first, then a typed code prefix narrowed by
 * the size, otherwise the best description match, reporting a tie instead of guessing between equally
 * likely products, and the closest products when nothing matches.
 */
export function matchProducts({ index, skus, codeGroups = [], features, sizes, lenientColor = false }: { index: CatalogIndex; skus: SkuMention[]; codeGroups?: CodeGroupMention[]; features: Feature[]; sizes: SizeMention[]; lenientColor?: boolean }): ProductMatch {
  const distinctSkus = [...new Set(skus.map((s) => s.sku))];
  if (distinctSkus.length > 0) {
    const product = index.bySku.get(distinctSkus[0]!) ?? null;
    const textTypes = new Set(features.filter((f) => f.kind === "type").map((f) => f.key.slice(5)));
    const textColors = new Set(features.filter((f) => f.kind === "color").map((f) => f.key.slice(6)));
    const c = product ? contradicts(product, textTypes, textColors) : { type: false, color: false };
    const conflict = c.type || c.color;
    if (distinctSkus.length > 1) {
      return { kind: "ambiguous", sku: null, candidates: distinctSkus.slice(0, MAX_CANDIDATES), confidence: 0.5, evidence: distinctSkus.map((s) => `SKU ${s}`), product: null, conflict: false };
    }
    return { kind: "sku", sku: distinctSkus[0]!, candidates: [], confidence: conflict ? 0.8 : 1, evidence: [`SKU ${distinctSkus[0]}`], product, conflict };
  }
  const group = codeGroups[0];
  if (group) {
    const among = group.skus.map((s) => index.products.indexOf(index.bySku.get(s)!)).filter((i) => i >= 0);
    return pickAmong({ index, among, features, sizes, evidence: [`code ${group.skus.join("/")}`], lenientColor });
  }
  if (features.length === 0) {
    // Only a size ("la 38"): the products in that size, if the catalog records sizes.
    const size = sizes.find((z) => !z.negated)?.value;
    if (!size) return none();
    const among = index.products.flatMap((p, i) => (p.size === size ? [i] : []));
    if (among.length === 0) return none([`size ${size}`]);
    if (among.length === 1) {
      const p = index.products[among[0]!]!;
      return { kind: "description", sku: p.product.sku, candidates: [], confidence: 0.7, evidence: [`size ${size}`], product: p, conflict: false };
    }
    return { kind: "ambiguous", sku: null, candidates: capCandidates(index, among.map((i) => index.products[i]!.product.sku)), confidence: 0.5, evidence: [`size ${size}`], product: null, conflict: false };
  }

  const evidence = [...new Set(features.map((f) => (f.fuzzyFrom ? `${f.surface}~` : f.surface)))];
  // Two sizes named ("el de 2 años y el de 4 años", "la 38 o la 39"): the product in each size, asked about, never one of them picked.
  const namedSizes = [...new Set(sizes.filter((z) => !z.negated).map((z) => z.value))];
  if (namedSizes.length > 1) {
    const perSize = namedSizes.flatMap((value) => {
      const best = scoreProducts({ index, features, sizes: [{ value, start: 0, negated: false }], lenientColor })[0];
      return best && best.score >= MIN_SCORE && best.product.size === value ? [best.product.product.sku] : [];
    });
    const distinct = [...new Set(perSize)];
    if (distinct.length > 1) return { kind: "ambiguous", sku: null, candidates: capCandidates(index, distinct), confidence: 0.5, evidence: [...evidence, ...namedSizes.map((v) => `size ${v}`)], product: null, conflict: false };
  }
  const scored = scoreProducts({ index, features, sizes, lenientColor });
  const top = scored[0];
  if (!top || top.score < MIN_SCORE) {
    const closest = scored.filter((s) => s.score > 0).slice(0, MAX_CLOSEST).map((s) => s.product.product.sku);
    return none(evidence, closest);
  }
  const tied = scored.filter((s) => s.score >= top.score - TIE_MARGIN);
  if (tied.length > 1) {
    return { kind: "ambiguous", sku: null, candidates: capCandidates(index, tied.map((s) => s.product.product.sku)), confidence: 0.5, evidence, product: null, conflict: false };
  }
  const margin = scored[1] ? top.score - scored[1].score : top.score;
  const confidence = (margin >= 2 ? 0.97 : 0.9) - (top.fuzzy ? 0.07 : 0);
  return { kind: "description", sku: top.product.product.sku, candidates: [], confidence, evidence, product: top.product, conflict: false };
}
