import { foldText, prepareComment } from "./normalize-text";
import { createFuzzyIndex, addFuzzyWord, type FuzzyIndex } from "./fuzzy";
import { getLexicon, type ProductKind } from "./lexicon/compile-lexicon";
import { literalKey, matchLexicon, resolveForms, type LexiconHit } from "./lexicon/match-lexicon";
import { SIZE_VALUES } from "./lexicon/product-words";
import { AGE_WORDS } from "./infer-variants";
import type { CatalogProduct } from "./types";

export interface IndexedProduct {
  product: CatalogProduct;
  /** Concept id → weight: 3 for the product's own words, 2 for what they imply (jeans → pants). */
  types: Map<string, number>;
  colors: Map<string, number>;
  materials: Set<string>;
  patterns: Set<string>;
  size: string | null;
  group: string | null;
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
  /** Compact SKU ("P201", "ACC1", "CAMAZUS") → catalog SKU, for every code the catalog has. */
  skuKeys: Map<string, string>;
  /** Every leading part of every compact code ("C", "CA", "CAM"…): spans that start no code are skipped at once. */
  skuPrefixSet: Set<string>;
  /** A code's leading segments ("CAMAZU" of CAM-AZU-S) → the SKUs that start with them. */
  skuPrefixes: Map<string, string[]>;
  /** Lower-case segments of every catalog code ("cam", "azu"): the typo corrector leaves them alone. */
  codeSegments: Set<string>;
  /** Every word of every product name ("top" in "Ribbed Tank Top" names a product, it is not praise). */
  nameVocabulary: Set<string>;
  /** "12 cores", "x3": numbers that belong to a product's name, so never quantities. */
  numberPhrases: Set<string>;
  /** Group name → SKUs of the products that differ only by size and colour. */
  groups: Map<string, string[]>;
  /** Feature key ("type:tshirt", "lit:skinny") → positions in `products`. */
  postings: Map<string, number[]>;
  /** Literal word → "lit:<word>", with weights by rarity across the catalog. */
  literals: Map<string, string>;
  literalWeights: Map<string, number>;
  /**
   * Numbers that name a model in the catalog's product names, alone ("13") and with the word before them
   * ("iphone 13"), so "funda iphone 13" or "la del 13" does not read as 13 units. Sizes are not in it.
   */
  modelNumbers: Set<string>;
  /** Sizes of the catalog written with digits and letters ("2t" for toddler 2T), which a comment names as one word. */
  codedSizes: Set<string>;
  /** Sizes written as numbers in the catalog (shoe sizes, half sizes "8.5"), so "38" reads as a size, not a quantity. */
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

/** The word after a child's age in a name or a size ("4 años", "2 anos", "6 years", "8 ans", "4 anni"), folded. */
const AGE_WORD = new RegExp(`^(?:${AGE_WORDS})$`);
const AGE_SIZE_VALUE = new RegExp(`^(\\d{1,2})\\s*(?:${AGE_WORDS})$`);

function canonicalSize(value: string | null | undefined): string | null {
  if (!value) return null;
  const folded = foldText(value.toLowerCase().replace(/^(talla|talle|size|tamanho|taille|taglia)\s*/i, "").trim()).replace(AGE_SIZE_VALUE, "$1");
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
  const forms = resolveForms(prepared.tokens, new Set(), { variantsOnlyToProducts: true });
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
  const size = canonicalSize(product.size);
  /** `shade`: a colour the lexicon does not know ("Tom 110 Clara"): every word of it counts, even common ones. */
  const collectLiterals = (read: ReturnType<typeof readText>, shade = false) => {
    read.forms.forEach((f, i) => {
      const t = read.prepared.tokens[i]!;
      // Numbers that are not the size tell shades and models apart ("Tom 110", "12 cores").
      if (t.kind === "num") {
        if (t.text.length >= 2 && t.text !== size) literalWords.push(t.text);
        // "500 ml" in the name is what a buyer types as "500ml".
        const unit = read.prepared.tokens[i + 1];
        if (unit?.kind === "word" && /^[a-z]{1,3}$/.test(unit.text) && unit.start === t.end + 1) literalWords.push(literalKey(`${t.text}${unit.text}`));
        return;
      }
      if (t.kind !== "word") return;
      const next = read.forms[i + 1];
      if (f.form.length < 3) {
        // "V Neck": a short word names the product together with the next one.
        const tokenNext = read.prepared.tokens[i + 1];
        if (next && tokenNext?.kind === "word" && !read.hits.some((h) => h.start <= i && h.end > i) && !lex.singles.has(f.form)) literalWords.push(`${f.form} ${next.form}`);
        return;
      }
      const covered = read.hits.some((h) => h.start <= i && h.end > i && (!shade || (h.entry.kind !== "stopword" && h.entry.kind !== "size")));
      // A word known only as part of a longer phrase ("running" of "running shoes") still tells products apart.
      if (!covered && (shade || !lex.singles.has(f.form))) literalWords.push(literalKey(f.form));
    });
  };
  collectLiterals(name);
  keywordReads.forEach((k) => collectLiterals(k));
  if (product.color && colorField.length === 0) collectLiterals(readText(product.color), true);

  const words = (read: ReturnType<typeof readText>) => read.forms.filter((f, i) => read.prepared.tokens[i].kind === "word").map((f) => f.form);
  const types = widen(typeIds, "type", TYPE_WEIGHT, IMPLIED_TYPE_WEIGHT);
  return {
    indexed: {
      product,
      types,
      colors: widen(colorIds, "color", COLOR_WEIGHT, IMPLIED_COLOR_WEIGHT),
      materials,
      patterns,
      size,
      group: product.group?.trim() || null,
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
  const skuPrefixes = new Map<string, string[]>();
  const codeSegments = new Set<string>();
  const nameVocabulary = new Set<string>();
  const numberPhrases = new Set<string>();
  const groups = new Map<string, string[]>();
  const bySku = new Map<string, IndexedProduct>();
  const numericSizes = new Set<string>();
  const modelNumbers = new Set<string>();
  const codedSizes = new Set<string>();
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
    // Every code counts, letters-only ones too ("CAR-NEG"); the reader decides when a typed span is one.
    if (compact.length >= 2) {
      skuKeys.set(compact, product.sku);
      if (/\d/.test(compact)) skuKeys.set(unpaddedSku(compact), product.sku);
    }
    const segments = product.sku.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
    for (const seg of segments) if (/[A-Z]/.test(seg) && seg.length >= 2) codeSegments.add(seg.toLowerCase());
    for (let k = 2; k < segments.length; k++) {
      const prefix = segments.slice(0, k).join("");
      const list = skuPrefixes.get(prefix) ?? [];
      list.push(product.sku);
      skuPrefixes.set(prefix, list);
    }
    const nameTokens = prepareComment(product.name).tokens.filter((t) => t.kind !== "punct");
    nameTokens.forEach((t, k) => {
      if (t.kind === "word") nameVocabulary.add(t.text);
      const next = nameTokens[k + 1];
      if (t.kind === "num" && next?.kind === "word") numberPhrases.add(`${t.text} ${next.text}`);
      if (t.kind === "word" && /^x\d+$/.test(t.text)) numberPhrases.add(t.text);
      const prev = nameTokens[k - 1];
      if (t.kind === "num" && prev?.kind === "word" && t.text !== p.size && !(next?.kind === "word" && AGE_WORD.test(next.text))) {
        modelNumbers.add(t.text);
        modelNumbers.add(`${prev.text} ${t.text}`);
      }
    });
    if (p.group) groups.set(p.group, [...(groups.get(p.group) ?? []), product.sku]);
    for (const id of p.types.keys()) post(`type:${id}`, i);
    for (const id of p.colors.keys()) post(`color:${id}`, i);
    for (const id of p.materials) post(`material:${id}`, i);
    for (const id of p.patterns) post(`pattern:${id}`, i);
    for (const w of new Set(literalWords)) {
      post(`lit:${w}`, i);
      literalCounts.set(w, (literalCounts.get(w) ?? 0) + 1);
      addFuzzyWord(catalogWords, w);
    }
    if (p.size && /^\d+(?:\.5)?$/.test(p.size)) numericSizes.add(p.size);
    else if (p.size && /\d/.test(p.size)) codedSizes.add(p.size);
  });

  const literals = new Map<string, string>();
  const literalWeights = new Map<string, number>();
  for (const [w, count] of literalCounts) {
    literals.set(w, `lit:${w}`);
    literalWeights.set(w, count === 1 ? 2.5 : count === 2 ? 1.5 : 1);
  }
  const fingerprint = products
    .map((p) => [p.sku, p.name, p.keywords.join(";"), p.color ?? "", p.size ?? "", p.group ?? ""].join("|"))
    .join("\n");
  return {
    version: options.version ?? fnv1a(fingerprint),
    products: indexed,
    bySku,
    skuKeys,
    skuPrefixes,
    skuPrefixSet: new Set([...skuKeys.keys()].flatMap((k) => Array.from({ length: k.length }, (_, n) => k.slice(0, n + 1)))),
    codeSegments,
    nameVocabulary,
    numberPhrases,
    groups,
    postings,
    literals,
    literalWeights,
    numericSizes,
    modelNumbers,
    codedSizes,
    fuzzy: [lexiconFuzzyIndex(), catalogWords],
  };
}
