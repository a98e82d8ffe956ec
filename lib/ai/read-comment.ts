import type { Language, LanguageEvidence } from "./types";
import { prepareComment, type EmojiSignals, type Token } from "./normalize-text";
import type { CatalogIndex } from "./catalog-index";
import { getLexicon, type EntryKind, type ProductKind } from "./lexicon/compile-lexicon";
import { literalKey, matchLexicon, resolveForms, type LexiconHit, type TokenForm } from "./lexicon/match-lexicon";
import { detectLanguage, isLaugh } from "./detect-language";
import { findSkus, type CodeGroupMention, type SkuMention } from "./find-skus";
import { GUARDED_SIZE_LETTERS } from "./lexicon/product-words";

export interface Feature {
  /** "type:tshirt", "color:red", "material:leather", "pattern:floral" or "lit:skinny". */
  key: string;
  kind: ProductKind | "literal";
  start: number;
  end: number;
  clause: number;
  negated: boolean;
  fuzzyFrom?: string;
  /** The buyer's own word, compared with the product's name for tie-breaking. */
  surface: string;
}

export interface SizeMention {
  value: string;
  start: number;
  negated: boolean;
}

export interface CommentReading {
  tokens: Token[];
  forms: TokenForm[];
  /** Lexicon hits valid in the detected language. */
  hits: LexiconHit[];
  clauseOf: number[];
  negated: boolean[];
  language: Language;
  /** Whether the words themselves name the language, or it was a guess (see LanguageEvidence). */
  languageEvidence: LanguageEvidence;
  skus: SkuMention[];
  /** Leading segments of several catalog codes ("CAM-AZU"): one product, variant not said. */
  codeGroups: CodeGroupMention[];
  /** Codes shaped like SKUs that the catalog does not have ("A99"). */
  unknownCodes: string[];
  features: Feature[];
  sizes: SizeMention[];
  /** Token positions that are sizes, prices or times, so never quantities. */
  notQuantity: Set<number>;
  /** Words the lexicon and the catalog do not know: free text the rules cannot read. */
  unknownWords: number;
  wordCount: number;
  emoji: EmojiSignals;
  hasQuestionMark: boolean;
  laugh: boolean;
  /** Notes for the reason line, built from lexicon forms only. */
  notes: string[];
}

const CLAUSE_BREAK = /^[.,;:!?¡¿…\n\u060C\u061B\u061F]$/u;
const MODIFIER_GAP = new Set(["de", "di", "en", "em", "of", "in", "a", "da", "du", "do", "con", "del", "della", "d", "com"]);

/** Reads a comment against a catalog: every later decision works from this, never from raw text. */
export function readComment({ text, index, storeLanguage }: { text: string; index: CatalogIndex; storeLanguage: Language | null }): CommentReading {
  const prepared = prepareComment(text);
  const { tokens, clean } = prepared;
  const sku = findSkus(tokens, clean, index);
  const forms = resolveForms(tokens, sku.used, { extraKnown: index.literals, fuzzy: index.fuzzy, protect: index.codeSegments, vocabulary: index.nameVocabulary });
  // "top" in "tank top" names the catalog's product; it is not praise there.
  const allHits = matchLexicon(forms).filter((h) => !(h.entry.kind === "praise" && h.end - h.start === 1 && partOfProductName(forms, h.start, index)));
  const { language, evidence: languageEvidence } = detectLanguage(forms, tokens, clean, allHits, prepared.accentVotes, sku.used, storeLanguage);
  const hits = allHits.filter((h) => !h.entry.strict || h.entry.langs.includes(language));
  const kindAt = (i: number, kind: EntryKind) => hits.some((h) => h.start === i && h.entry.kind === kind);

  // Clauses: punctuation and "but" start a new one; negation reaches to the end of its clause.
  const clauseOf: number[] = [];
  let clause = 0;
  tokens.forEach((t, i) => {
    if (t.kind === "punct" && CLAUSE_BREAK.test(t.text)) clause++;
    else if (kindAt(i, "conj")) clause++;
    clauseOf.push(clause);
  });
  const negated = tokens.map(() => false);
  for (const h of hits) {
    if (h.entry.kind !== "negation") continue;
    for (let i = h.start; i < tokens.length && clauseOf[i] === clauseOf[h.start]; i++) negated[i] = true;
  }

  const skus: SkuMention[] = sku.mentions.map((m) => ({ ...m, clause: clauseOf[m.start], negated: negated[m.start] }));
  const codeGroups: CodeGroupMention[] = sku.groups.map((g) => ({ ...g, negated: negated[g.start] }));

  const features: Feature[] = [];
  for (const h of hits) {
    const kind = h.entry.kind;
    if (kind !== "type" && kind !== "color" && kind !== "material" && kind !== "pattern") continue;
    const fuzzyFrom = forms.slice(h.start, h.end).find((f) => f.fuzzyFrom)?.fuzzyFrom;
    features.push({
      key: `${kind}:${h.entry.id}`,
      kind,
      start: h.start,
      end: h.end,
      clause: clauseOf[h.start],
      negated: negated[h.start],
      fuzzyFrom,
      surface: forms.slice(h.start, h.end).map((f) => f.form).join(" "),
    });
  }
  forms.forEach((f, i) => {
    const t = tokens[i]!;
    // "v neck": a short word of a product name counts together with the next one.
    const bigram = forms[i + 1] ? index.literals.get(`${f.form} ${forms[i + 1]!.form}`) : undefined;
    if (bigram && t.kind === "word" && f.form.length < 3) {
      features.push({ key: bigram, kind: "literal", start: i, end: i + 2, clause: clauseOf[i], negated: negated[i], surface: `${f.form} ${forms[i + 1]!.form}` });
      return;
    }
    const key = index.literals.get(t.kind === "num" ? t.text : literalKey(f.form));
    if (!key || sku.used.has(i) || hits.some((h) => h.start <= i && h.end > i && h.entry.kind !== "stopword" && h.entry.kind !== "size")) return;
    features.push({ key, kind: "literal", start: i, end: i + 1, clause: clauseOf[i], negated: negated[i], fuzzyFrom: f.fuzzyFrom, surface: f.form });
  });
  demoteModifiers(features, forms);

  const { sizes, notQuantity } = findSizes(tokens, forms, hits, negated, index, language, features, clauseOf);

  let unknownWords = 0;
  let wordCount = 0;
  const laugh = prepared.emoji.laugh || tokens.some(isLaugh);
  tokens.forEach((t, i) => {
    if (t.kind === "punct" || sku.used.has(i)) return;
    wordCount++;
    if (t.kind === "word" && !forms[i].known && !isLaugh(t)) unknownWords++;
  });
  const notes = forms.filter((f) => f.fuzzyFrom).map((f) => `typo ${f.fuzzyFrom}→${f.form}`);

  return {
    tokens,
    forms,
    hits,
    clauseOf,
    negated,
    language,
    languageEvidence,
    skus,
    codeGroups,
    unknownCodes: sku.unknownCodes,
    features,
    sizes,
    notQuantity,
    unknownWords,
    wordCount,
    emoji: prepared.emoji,
    hasQuestionMark: prepared.hasQuestionMark,
    laugh,
    notes,
  };
}

function partOfProductName(forms: TokenForm[], i: number, index: CatalogIndex): boolean {
  const w = forms[i]!.form;
  if (!index.nameVocabulary.has(w)) return false;
  const prev = forms[i - 1]?.form;
  const next = forms[i + 1]?.form;
  return (prev !== undefined && index.nameVocabulary.has(prev)) || (next !== undefined && index.nameVocabulary.has(next));
}

/** "campera de jean", "jean jacket": the garment is the jacket; "jean" says what it is made of. */
function demoteModifiers(features: Feature[], forms: TokenForm[]): void {
  const lex = getLexicon();
  const types = features.filter((f) => f.kind === "type").sort((a, b) => a.start - b.start);
  for (let k = 1; k < types.length; k++) {
    const a = types[k - 1];
    const b = types[k];
    const gap = forms.slice(a.end, b.start).map((f) => f.form);
    if (gap.length > 1 || gap.some((g) => !MODIFIER_GAP.has(g))) continue;
    const aMat = lex.concepts.type[a.key.slice(5)]?.asMaterial;
    const bMat = lex.concepts.type[b.key.slice(5)]?.asMaterial;
    const modifier = bMat && !aMat ? b : aMat && !bMat ? a : null;
    if (!modifier) continue;
    const material = (modifier === b ? bMat : aMat) as string;
    modifier.kind = "material";
    modifier.key = `material:${material}`;
  }
}

function findSizes(tokens: Token[], forms: TokenForm[], hits: LexiconHit[], negated: boolean[], index: CatalogIndex, language: Language, features: Feature[], clauseOf: number[]) {
  const sizes: SizeMention[] = [];
  const notQuantity = new Set<number>();
  const kindsAt = (i: number) => new Set(hits.filter((h) => h.start <= i && h.end > i).map((h) => h.entry.kind));
  const prevWord = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (tokens[k].kind !== "punct") return k;
    return -1;
  };
  const halfSizeTail = new Set<number>();
  tokens.forEach((t, i) => {
    if (halfSizeTail.has(i)) return;
    const p = prevWord(i);
    const prevKinds = p >= 0 ? kindsAt(p) : new Set<EntryKind>();
    const afterSizeWord = prevKinds.has("sizeWord");
    const afterPrep = prevKinds.has("sizePrep") || afterSizeWord;
    if (t.kind === "num") {
      const next = tokens[i + 1];
      const nextKinds = next ? kindsAt(i + 1) : new Set<EntryKind>();
      // "8.5", "38,5": a half size of the catalog, written with its decimal (never 5 units).
      const half = tokens[i + 2];
      if (next?.kind === "punct" && (next.text === "." || next.text === ",") && next.start === t.end && half?.kind === "num" && half.text === "5" && half.start === next.end && index.numericSizes.has(`${t.text}.5`)) {
        sizes.push({ value: `${t.text}.5`, start: i, negated: negated[i] });
        notQuantity.add(i);
        notQuantity.add(i + 2);
        halfSizeTail.add(i + 2);
        return;
      }
      const prevToken = p >= 0 ? tokens[p] : undefined;
      if (nextKinds.has("ageUnit")) {
        // "pijama de 4 años", "2 añitos": a child's age is the size when the catalog sells by age, and never a count.
        if (index.numericSizes.has(t.text)) sizes.push({ value: t.text, start: i, negated: negated[i] });
        notQuantity.add(i);
      } else if (
        // A model number of the catalog's names: "funda iphone 13", "la mica del 13" — not 13 units.
        (prevToken?.kind === "word" && index.modelNumbers.has(`${prevToken.text} ${t.text}`)) ||
        (prevKinds.has("sizePrep") && index.modelNumbers.has(t.text) && !index.numericSizes.has(t.text))
      )
        notQuantity.add(i);
      else if (t.afterCurrency || nextKinds.has("price") || nextKinds.has("time") || (next?.kind === "word" && index.numberPhrases.has(`${t.text} ${next.text}`))) notQuantity.add(i);
      else if (afterSizeWord || (afterPrep && index.numericSizes.has(t.text)) || (Number(t.text) >= 20 && index.numericSizes.has(t.text))) {
        sizes.push({ value: t.text, start: i, negated: negated[i] });
        notQuantity.add(i);
      } else if (index.numericSizes.has(t.text) && features.some((f) => f.end === i) && (!next || next.kind === "punct" || clauseOf[i + 1] !== clauseOf[i])) {
        // "pijama dino 6": a size of the catalog right after the product, closing the clause, is its size.
        sizes.push({ value: t.text, start: i, negated: negated[i] });
        notQuantity.add(i);
      } else if (Number(t.text) > 20 && !(next && nextKinds.has("unit"))) notQuantity.add(i);
      return;
    }
    // "pack x3" in a product's name names the product, not three of it.
    if (t.kind === "word" && /^x\d+$/.test(t.text) && index.numberPhrases.has(t.text)) notQuantity.add(i);
    // "2T": a size of the catalog written with digits and letters.
    if (t.kind === "word" && index.codedSizes.has(t.text)) {
      sizes.push({ value: t.text, start: i, negated: negated[i] });
      return;
    }
    const sizeHit = hits.find((h) => h.start === i && h.entry.kind === "size");
    if (!sizeHit || t.elided) return;
    const word = forms[i].form;
    const guarded = GUARDED_SIZE_LETTERS.has(word);
    const single = word.length === 1;
    const brazilian = (word === "g" || word === "gg" || word === "p") && t.upper && language === "pt";
    // "camisa azul s": a lower-case letter right after the product, closing the clause, is its size.
    const next = tokens[i + 1];
    const afterProduct = single && !guarded && features.some((f) => f.end === i) && (!next || next.kind === "punct" || clauseOf[i + 1] !== clauseOf[i]);
    const ok = afterSizeWord || (afterPrep && (single || !guarded)) || brazilian || (!guarded && (!single || t.upper)) || afterProduct;
    if (ok) sizes.push({ value: sizeHit.entry.id as string, start: i, negated: negated[i] });
  });
  return { sizes, notQuantity };
}
