import { prepareComment } from "./normalize-text";
import { createFuzzyIndex, addFuzzyWord, type FuzzyIndex } from "./fuzzy";
import { getLexicon, type ProductKind } from "./lexicon/compile-lexicon";
import { literalKey, matchLexicon, resolveForms, type LexiconHit } from "./lexicon/match-lexicon";
import { SIZE_VALUES } from "./lexicon/product-words";
import type { CatalogProduct } from "./types";

export interface IndexedProduct {
  product: CatalogProduct;
  /** Concept id → weight: 3 for the product's own words, 2 for what they imply (jeans → pants). */
  types: Map<string, number>;
  colors: Map<string, number>;
  materials: Set<string>;
  patterns: Set<string>;
  size: string | null;
  literals: Set<string>;
  nameWords: Set<string>;
  keywordWords: Set<string>;
  paired: boolean;
}

export interface CatalogIndex {
  /** Changes whenever anything the classifier reads changes; part of every LLM cache key. */
  version: string;
  products: IndexedProduct[];
  bySku: Map<string, IndexedProduct>;
  /** Compact SKU ("P201", "ACC1") → catalog SKU. */
  skuKeys: Map<string, string>;
  /** Feature key ("type:tshirt", "lit:skinny") → positions in `products`. */
  postings: Map<string, number[]>;
  /** Literal word → "lit:<word>", with weights by rarity across the catalog. */
  literals: Map<string, string>;
  literalWeights: Map<string, number>;
  /** Sizes written as numbers in the catalog (shoe sizes), so "38" reads as a size, not a quantity. */
  numericSizes: Set<string>;
  fuzzy: FuzzyIndex[];
}

const TYPE_WEIGHT = 3;
const IMPLIED_TYPE_WEIGHT = 2;
const COLOR_WEIGHT = 2;
const IMPLIED_COLOR_WEIGHT = 1;

export function compactSku(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** "ACC01" and "ACC1" are the same code to a buyer. */
export function unpaddedSku(compact: string): string {
  return compact.replace(/(^|[A-Z])0+(\d)/g, "$1$2");
}

export function canonicalSize(value: string | null | undefined): string | null {
  if (!value) return null;
  const folded = value.toLowerCase().replace(/^(talla|talle|size|tamanho|taille|taglia)\s*/i, "").trim();
  for (const [canonical, words] of Object.entries(SIZE_VALUES)) if (words.includes(folded)) return canonical;
  return folded || null;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function readText(text: string) {
  const prepared = prepareComment(text);
  const forms = resolveForms(prepared.tokens, new Set());
  const hits = matchLexicon(forms);
  return { prepared, forms, hits };
}

function conceptsOf(hits: LexiconHit[], kind: ProductKind): string[] {
  return hits.filter((h) => h.entry.kind === kind && h.entry.id).map((h) => h.entry.id as string);
}

function widen(ids: Iterable<string>, kind: "type" | "color", direct: number, implied: number): Map<string, number> {
  const lex = getLexicon();
  const table = kind === "type" ? lex.concepts.type : lex.concepts.color;
  const out = new Map<string, number>();
  for (const id of ids) {
    out.set(id, direct);
    for (const extra of table[id]?.implies ?? []) {
      if (!extra.includes(":") && !out.has(extra)) out.set(extra, implied);
    }
  }
  return out;
}

function indexProduct(product: CatalogProduct): { indexed: IndexedProduct; literalWords: string[] } {
  const lex = getLexicon();
  const name = readText(product.name);
  const keywordReads = product.keywords.map(readText);
  const keywordHits = keywordReads.flatMap((k) => k.hits);

  const nameTypes = conceptsOf(name.hits, "type");
  const keywordTypes: string[] = [];
  const materials = new Set([...conceptsOf(name.hits, "material"), ...conceptsOf(keywordHits, "material")]);
  for (const id of conceptsOf(keywordHits, "type")) {
    const asMaterial = lex.concepts.type[id]?.asMaterial;
    // A seller's keyword "jean" on a jacket describes the fabric, not a second garment.
    if (nameTypes.length > 0 && asMaterial && !nameTypes.includes(id)) materials.add(asMaterial);
    else keywordTypes.push(id);
  }
  const typeIds = [...new Set([...nameTypes, ...keywordTypes])];
  for (const id of typeIds) {
    for (const extra of lex.concepts.type[id]?.implies ?? []) if (extra.startsWith("mat:")) materials.add(extra.slice(4));
  }
  const colorField = product.color ? conceptsOf(readText(product.color).hits, "color") : [];
  const colorIds = colorField.length ? colorField : conceptsOf(name.hits, "color");
  const patterns = new Set([...conceptsOf(name.hits, "pattern"), ...conceptsOf(keywordHits, "pattern")]);

  const literalWords: string[] = [];
  const collectLiterals = (read: ReturnType<typeof readText>) => {
    read.forms.forEach((f, i) => {
      const t = read.prepared.tokens[i];
      if (t.kind !== "word" || f.form.length < 3) return;
      const covered = read.hits.some((h) => h.start <= i && h.end > i);
      if (!covered && !lex.known.has(f.form)) literalWords.push(literalKey(f.form));
    });
  };
  collectLiterals(name);
  keywordReads.forEach(collectLiterals);
  if (product.color && colorField.length === 0) collectLiterals(readText(product.color));

  const words = (read: ReturnType<typeof readText>) => read.forms.filter((f, i) => read.prepared.tokens[i].kind === "word").map((f) => f.form);
  const types = widen(typeIds, "type", TYPE_WEIGHT, IMPLIED_TYPE_WEIGHT);
  return {
    indexed: {
      product,
      types,
      colors: widen(colorIds, "color", COLOR_WEIGHT, IMPLIED_COLOR_WEIGHT),
      materials,
      patterns,
      size: canonicalSize(product.size),
      literals: new Set(literalWords),
      nameWords: new Set(words(name)),
      keywordWords: new Set(keywordReads.flatMap(words)),
      paired: [...types.keys()].some((id) => lex.concepts.type[id]?.paired),
    },
    literalWords,
  };
}

let productVocabulary: FuzzyIndex | undefined;
function lexiconFuzzyIndex(): FuzzyIndex {
  productVocabulary ??= createFuzzyIndex(getLexicon().productWords.keys());
  return productVocabulary;
}

/**
 * Precomputes everything the classifier needs about a catalog. Build it once per catalog version
 * (it takes well under a millisecond per product) and pass it to every classification.
 */
export function buildCatalogIndex(products: readonly CatalogProduct[], options: { version?: string } = {}): CatalogIndex {
  const indexed: IndexedProduct[] = [];
  const postings = new Map<string, number[]>();
  const literalCounts = new Map<string, number>();
  const skuKeys = new Map<string, string>();
  const bySku = new Map<string, IndexedProduct>();
  const numericSizes = new Set<string>();
  const catalogWords = createFuzzyIndex([]);
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list) {
      if (list[list.length - 1] !== i) list.push(i);
    } else postings.set(key, [i]);
  };

  products.forEach((product, i) => {
    const { indexed: p, literalWords } = indexProduct(product);
    indexed.push(p);
    bySku.set(product.sku, p);
    const compact = compactSku(product.sku);
    if (/\d/.test(compact)) {
      skuKeys.set(compact, product.sku);
      skuKeys.set(unpaddedSku(compact), product.sku);
    }
    for (const id of p.types.keys()) post(`type:${id}`, i);
    for (const id of p.colors.keys()) post(`color:${id}`, i);
    for (const id of p.materials) post(`material:${id}`, i);
    for (const id of p.patterns) post(`pattern:${id}`, i);
    for (const w of new Set(literalWords)) {
      post(`lit:${w}`, i);
      literalCounts.set(w, (literalCounts.get(w) ?? 0) + 1);
      addFuzzyWord(catalogWords, w);
    }
    if (p.size && /^\d+$/.test(p.size)) numericSizes.add(p.size);
  });

  const literals = new Map<string, string>();
  const literalWeights = new Map<string, number>();
  for (const [w, count] of literalCounts) {
    literals.set(w, `lit:${w}`);
    literalWeights.set(w, count === 1 ? 2.5 : count === 2 ? 1.5 : 1);
  }
  const fingerprint = products
    .map((p) => [p.sku, p.name, p.keywords.join(";"), p.color ?? "", p.size ?? ""].join("|"))
    .join("\n");
  return {
    version: options.version ?? fnv1a(fingerprint),
    products: indexed,
    bySku,
    skuKeys,
    postings,
    literals,
    literalWeights,
    numericSizes,
    fuzzy: [lexiconFuzzyIndex(), catalogWords],
  };
}
