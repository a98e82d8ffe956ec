import { LANGUAGES, type Language, type LanguageEvidence } from "./types";
import { prepareComment, type EmojiSignals, type Token } from "./normalize-text";
import { compactSku, unpaddedSku, type CatalogIndex } from "./catalog-index";
import { getLexicon, type EntryKind, type ProductKind } from "./lexicon/compile-lexicon";
import { literalKey, matchLexicon, resolveForms, type LexiconHit, type TokenForm } from "./lexicon/match-lexicon";
import { GUARDED_SIZE_LETTERS } from "./lexicon/product-words";

export interface SkuMention {
  sku: string;
  start: number;
  end: number;
  clause: number;
  negated: boolean;
  /** "a12x2", "2xA12": a quantity written into the code. */
  quantity: number | null;
}

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

const SEPARATOR = /^[\s\-_.#/]{0,2}$/;
const ASCII_ALNUM = /^[a-z0-9]+$/;
const CODE_JOINER = /^[-_.#/]$/;
const LAUGH = /^a?(?:ja|je|ji|ha|he|hi|ah|ks|rs|js|sj|xd)+[ajhesd]?$/;
const LAUGH_WORDS = new Set(["lol", "lool", "lmao", "lmfao", "rofl", "mdr", "ptdr", "xd", "xdd", "jsjs", "kkk", "jaj", "jajaj", "rsrs", "hahah", "ahah"]);
const CLAUSE_BREAK = /^[.,;:!?¡¿…\n\u060C\u061B\u061F]$/u;
const MODIFIER_GAP = new Set(["de", "di", "en", "em", "of", "in", "a", "da", "du", "do", "con", "del", "della", "d", "com"]);
const ARABIC = /[\u0600-\u06FF]/;

function isLaugh(t: Token): boolean {
  if (t.kind !== "word") return false;
  const w = t.folded;
  if (/^k{3,}$/.test(w) || /^\u0647{3,}$/.test(w) || /^\u062E{3,}$/.test(w)) return true;
  if (LAUGH_WORDS.has(t.text)) return true;
  return w.length >= 4 && LAUGH.test(w);
}

/** A code a buyer typed that stands for several products: the leading segments of their SKUs ("CAM-AZU"). */
export interface CodeGroupMention {
  skus: string[];
  start: number;
  end: number;
  negated: boolean;
}

/**
 * Whether a typed span may be read as a code made only of letters: such codes are real words often
 * enough ("SET", "LA-M") that a span qualifies only when it cannot be ordinary text — written in
 * capitals, joined by code separators ("sw-v", "car.neg"), several short segments, or one long token
 * that is no word the lexicon or the catalog knows ("carneg").
 */
function lettersOnlyCodeOk(span: Token[], clean: string, compact: string, index: CatalogIndex): boolean {
  if (compact.length < 3) return false;
  if (span.every((t) => t.upper)) return true;
  if (span.length === 1) {
    const w = span[0]!.text;
    return compact.length >= 5 && !getLexicon().known.has(w) && !index.literals.has(literalKey(w));
  }
  const joined = span.slice(1).some((t, k) => /[-_.#/]/.test(clean.slice(span[k]!.end, t.start)));
  return joined || compact.length >= 4;
}

function findSkus(tokens: Token[], clean: string, index: CatalogIndex): { mentions: Omit<SkuMention, "clause" | "negated">[]; groups: Omit<CodeGroupMention, "negated">[]; unknownCodes: string[]; used: Set<number> } {
  const mentions: Omit<SkuMention, "clause" | "negated">[] = [];
  const groups: Omit<CodeGroupMention, "negated">[] = [];
  const unknownCodes: string[] = [];
  const used = new Set<number>();
  const pushUnknownCode = (i: number) => {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // A code-shaped word the catalog lacks is still a claim on *something*: worth asking about.
    if (t.kind === "word" && /^[a-z]{1,3}\d{2,4}$/.test(t.folded) && !/^x\d+$/.test(t.folded)) unknownCodes.push(t.folded.toUpperCase());
    else if (t.kind === "word" && t.upper && /^[a-z]{1,3}$/.test(t.folded) && next?.kind === "num" && next.folded.length >= 2 && SEPARATOR.test(clean.slice(t.end, next.start)) && clean.slice(t.end, next.start).length > 0 && /-/.test(clean.slice(t.end, next.start))) {
      unknownCodes.push(`${t.folded}-${next.folded}`.toUpperCase());
    }
  };
  const lookup = (compact: string) => index.skuKeys.get(compact) ?? (/\d/.test(compact) ? index.skuKeys.get(unpaddedSku(compact)) : undefined);
  // A dot glued between two parts of a code ("BAT.01", "cam.azu.l") is a separator, not the end of a sentence.
  const glued = (k: number) => {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    return t.kind === "punct" && t.text === "." && !!prev && !!next && prev.kind !== "punct" && next.kind !== "punct" && prev.end === t.start && t.end === next.start;
  };
  /** Span of `len` code parts starting at token i (glued dots skipped): the parts and the token range. */
  const spanAt = (i: number, len: number): { parts: Token[]; end: number } | null => {
    const parts: Token[] = [];
    let k = i;
    while (parts.length < len && k < tokens.length) {
      if (parts.length > 0 && glued(k)) {
        k++;
        continue;
      }
      parts.push(tokens[k]!);
      k++;
    }
    if (parts.length < len || parts.some((t) => t.kind === "punct" || !ASCII_ALNUM.test(t.folded))) return null;
    if (parts.slice(1).some((t, n) => !SEPARATOR.test(clean.slice(parts[n]!.end, t.start)))) return null;
    return { parts, end: k };
  };
  // Cheap pre-check: a span can only be a code if what it spells starts one (quantities glued to it aside).
  const viable = (compact: string) =>
    index.skuPrefixSet.has(compact) || index.skuPrefixSet.has(compact.replace(/X\d{1,2}$/, "")) || (/^\d{1,2}X[A-Z]/.test(compact) && index.skuPrefixSet.has(compact.replace(/^\d{1,2}X/, "")));
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const first = tokens[i]!;
    if (first.kind === "punct" || !viable(compactSku(first.folded))) {
      pushUnknownCode(i);
      continue;
    }
    let found = false;
    // Longest first: "cam azu s 1" is CAM-AZU-S and then a quantity; "1036 x 2" is 1036 twice.
    for (let len = 4; len >= 1 && !found; len--) {
      const at = spanAt(i, len);
      if (!at) continue;
      const span = at.parts;
      const compact = compactSku(span.map((t) => t.folded).join(""));
      const hasDigit = /\d/.test(compact);
      if (hasDigit && !/[A-Z]/.test(compact) && compact.length < 3) continue;
      const attempts: Array<[string, number | null]> = [[compact, null]];
      const tail = /^(.*\d)X(\d{1,2})$/.exec(compact);
      if (tail) attempts.push([tail[1]!, Number(tail[2])]);
      const head = /^(\d{1,2})X([A-Z].*)$/.exec(compact);
      if (head) attempts.push([head[2]!, Number(head[1])]);
      for (const [key, quantity] of attempts) {
        const sku = lookup(key);
        if (!sku) continue;
        if (!/\d/.test(key) && !lettersOnlyCodeOk(span, clean, key, index)) continue;
        mentions.push({ sku, start: i, end: at.end, quantity });
        for (let k = i; k < at.end; k++) used.add(k);
        found = true;
        break;
      }
    }
    if (found) continue;
    // The leading segments of several codes ("CAM-AZU", "ves midi"): the buyer named a product, not its variant.
    for (let len = 3; len >= 1 && !found; len--) {
      const at = spanAt(i, len);
      if (!at) continue;
      const span = at.parts;
      const compact = compactSku(span.map((t) => t.folded).join(""));
      const skus = index.skuPrefixes.get(compact);
      if (!skus || (!/\d/.test(compact) && !lettersOnlyCodeOk(span, clean, compact, index))) continue;
      if (len === 1 && !span[0]!.upper && compact.length < 5) continue;
      groups.push({ skus: [...skus], start: i, end: at.end });
      for (let k = i; k < at.end; k++) used.add(k);
      found = true;
    }
    if (found) continue;
    pushUnknownCode(i);
  }
  return { mentions, groups, unknownCodes, used };
}

/**
 * Words buyers of every language use to claim an item on a live ("SOLD", "mine", "me", "ok", "plis"):
 * a Chilean who writes "SOLD A12" has not told us she reads English, so these never single out a
 * language. They still count towards the detected language when nothing else does (the evaluation
 * corpus labels "SOLD A12" as English), but the reply language then falls back to what we know of the
 * buyer or the store.
 */
const NEUTRAL_WORDS = new Set(["sold", "mine", "me", "ok", "okay", "oki", "okey", "pls", "plz", "plis", "xfa", "x"]);

/** "CAL-LAN", "POL_ROJ": capitals joined to a neighbour by a code separator read as a product code, not as words. */
function isCodeFragment(tokens: Token[], i: number, clean: string): boolean {
  const t = tokens[i]!;
  if (!t.upper || !ASCII_ALNUM.test(t.folded)) return false;
  const joined = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.kind !== "punct" && b.kind !== "punct" && CODE_JOINER.test(clean.slice(a.end, b.start));
  return joined(tokens[i - 1], t) || joined(t, tokens[i + 1]);
}

function detectLanguage(forms: TokenForm[], tokens: Token[], clean: string, hits: LexiconHit[], accentVotes: Partial<Record<Language, number>>, skuTokens: Set<number>, fallback: Language | null): { language: Language; evidence: LanguageEvidence } {
  const lex = getLexicon();
  // `votes` keeps the historical reading (every word votes); `telling` leaves out the neutral words.
  const votes = new Map<Language, number>(LANGUAGES.map((l) => [l, accentVotes[l] ?? 0]));
  const telling = new Map<Language, number>(votes);
  let words = 0;
  const langsAt: Array<Set<Language>> = tokens.map(() => new Set());
  for (const h of hits) for (let i = h.start; i < h.end; i++) for (const l of h.entry.langs) langsAt[i].add(l);
  tokens.forEach((t, i) => {
    if (t.kind !== "word") return;
    if (ARABIC.test(t.text)) {
      votes.set("ar", (votes.get("ar") ?? 0) + 2);
      if (!skuTokens.has(i) && !isLaugh(t)) {
        words++;
        telling.set("ar", (telling.get("ar") ?? 0) + 2);
      }
      return;
    }
    const langs = langsAt[i].size ? langsAt[i] : lex.tokenLangs.get(forms[i].form);
    // A size ("M", "XL") belongs to every language: it tells nothing either. The costlier checks run last.
    const neutral =
      skuTokens.has(i) || (langs !== undefined && langs.size >= LANGUAGES.length) || NEUTRAL_WORDS.has(forms[i].form) || NEUTRAL_WORDS.has(t.text) ||
      isLaugh(t) || isCodeFragment(tokens, i, clean);
    if (!neutral) words++;
    if (!langs || langs.size === 0) return;
    for (const l of langs) {
      votes.set(l, (votes.get(l) ?? 0) + 1 / langs.size);
      if (!neutral) telling.set(l, (telling.get(l) ?? 0) + 1 / langs.size);
    }
  });
  let top: Language = LANGUAGES[0];
  let topScore = -1;
  let secondScore = -1;
  for (const l of LANGUAGES) {
    const v = telling.get(l) ?? 0;
    if (v > topScore) {
      secondScore = topScore;
      top = l;
      topScore = v;
    } else if (v > secondScore) secondScore = v;
  }
  if (topScore > 1e-9 && topScore > secondScore + 1e-9) return { language: top, evidence: "clear" };

  let best: Language = fallback ?? "es";
  let bestScore = votes.get(best) ?? 0;
  for (const l of LANGUAGES) {
    const v = votes.get(l) ?? 0;
    if (v > bestScore + 1e-9) {
      best = l;
      bestScore = v;
    }
  }
  return { language: best, evidence: words > 0 ? "ambiguous" : "neutral" };
}

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
  tokens.forEach((t, i) => {
    const p = prevWord(i);
    const prevKinds = p >= 0 ? kindsAt(p) : new Set<EntryKind>();
    const afterSizeWord = prevKinds.has("sizeWord");
    const afterPrep = prevKinds.has("sizePrep") || afterSizeWord;
    if (t.kind === "num") {
      const next = tokens[i + 1];
      const nextKinds = next ? kindsAt(i + 1) : new Set<EntryKind>();
      if (t.afterCurrency || nextKinds.has("price") || nextKinds.has("time") || (next?.kind === "word" && index.numberPhrases.has(`${t.text} ${next.text}`))) notQuantity.add(i);
      else if (afterSizeWord || (afterPrep && index.numericSizes.has(t.text)) || (Number(t.text) >= 20 && index.numericSizes.has(t.text))) {
        sizes.push({ value: t.text, start: i, negated: negated[i] });
        notQuantity.add(i);
      } else if (Number(t.text) > 20 && !(next && nextKinds.has("unit"))) notQuantity.add(i);
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
