import { collapseDoubles, type Token } from "../normalize-text";
import { fuzzyCandidates, type FuzzyIndex } from "../fuzzy";
import { getLexicon, type EntryKind, type LexiconEntry, type Phrase } from "./compile-lexicon";

export interface TokenForm {
  /** The form looked up in the lexicon: the token itself, a singular, a stem, or a typo's correction. */
  form: string;
  known: boolean;
  /** Set when the form is a typo correction ("polrea" → "polera"). */
  fuzzyFrom?: string;
}

export interface LexiconHit {
  entry: LexiconEntry;
  phrase: Phrase;
  start: number;
  /** Exclusive token index. */
  end: number;
}

export interface ResolveContext {
  /** Catalog words (literal name and keyword tokens) that count as known. */
  extraKnown?: ReadonlyMap<string, string>;
  /** Vocabularies for typo correction; none means exact matching only (used for catalog text). */
  fuzzy?: readonly FuzzyIndex[];
  /** Tokens the typo corrector must leave as typed: segments of catalog codes ("azu" of CAM-AZU-S). */
  protect?: ReadonlySet<string>;
  /** Words of the catalog's product names: read as written, never as a look-alike ("mini" is not "mine"). */
  vocabulary?: ReadonlySet<string>;
  /** Plural/singular guesses may only land on product words (catalog text: "Mini" must not become "mine"). */
  variantsOnlyToProducts?: boolean;
}

const SKU_MARK = "\u0000sku";
const AR_PREFIXES = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف"];
/** Attached pronouns, and the feminine/loan-word plural "ات" ("فولارات" → "فولار"). */
const AR_SUFFIXES = ["ها", "ه", "ي", "ك", "ات"];
const PRODUCT_KINDS = new Set<EntryKind>(["type", "color", "material", "pattern", "size", "number", "pair"]);

function arabicVariants(word: string): string[] {
  const stems = [word];
  for (const p of AR_PREFIXES) if (word.startsWith(p) && word.length - p.length >= 2) stems.push(word.slice(p.length));
  const out = [...stems];
  for (const s of stems) for (const suf of AR_SUFFIXES) if (s.endsWith(suf) && s.length - suf.length >= 2) out.push(s.slice(0, -suf.length));
  return out.slice(1);
}

/** Plural → singular guesses for es/pt/fr/it/en; only used when the plural itself is unknown. */
function singularVariants(w: string): string[] {
  if (w.length <= 3) return [];
  const out: string[] = [];
  const cut = (n: number, add = "") => out.push(w.slice(0, w.length - n) + add);
  if (w.endsWith("ces")) cut(3, "z");
  if (w.endsWith("oes")) cut(3, "ao");
  if (w.endsWith("es")) cut(2);
  if (w.endsWith("s")) cut(1);
  if (w.endsWith("is")) cut(2, "l");
  if (w.endsWith("ns")) cut(2, "m");
  if (w.endsWith("che")) cut(3, "ca");
  if (w.endsWith("ghe")) cut(3, "ga");
  if (w.endsWith("chi")) cut(3, "co");
  if (w.endsWith("e")) cut(1, "a");
  if (w.endsWith("i")) out.push(w.slice(0, -1) + "o", w.slice(0, -1) + "e");
  if (w.endsWith("x")) cut(1);
  return out;
}

/** Catalog literal keys drop a plural "s" so "urbanas" and "urbana" are one word. */
export function literalKey(word: string): string {
  return word.length > 4 && word.endsWith("s") ? word.slice(0, -1) : word;
}

const ARABIC = /[\u0600-\u06FF]/;

export function resolveForms(tokens: readonly Token[], skuTokens: ReadonlySet<number>, ctx: ResolveContext = {}): TokenForm[] {
  const lex = getLexicon();
  const isKnown = (w: string) => lex.known.has(w) || (ctx.extraKnown?.has(literalKey(w)) ?? false);
  return tokens.map((t, i) => {
    if (skuTokens.has(i)) return { form: SKU_MARK, known: true };
    if (t.kind !== "word") return { form: t.text, known: true };
    if (isKnown(t.text)) return { form: t.text, known: true };
    if (t.folded !== t.text && isKnown(t.folded)) return { form: t.folded, known: true };
    // A word of the catalog's own names stays itself: "olla" is a pot, not "ola" (hello) with a doubled letter.
    if (ctx.vocabulary?.has(t.text) && !/\d/.test(t.text)) return { form: t.text, known: false };
    const doubled = collapseDoubles(t.text);
    if (doubled !== t.text && (ctx.variantsOnlyToProducts ? lex.productWords.has(doubled) : isKnown(doubled))) return { form: doubled, known: true };
    const variants = ARABIC.test(t.text) ? arabicVariants(t.text) : singularVariants(t.text);
    for (const v of variants) if (ctx.variantsOnlyToProducts ? lex.productWords.has(v) : isKnown(v)) return { form: v, known: true };
    if (ctx.fuzzy && !/\d/.test(t.text) && !ctx.protect?.has(t.text)) {
      const found = fuzzyCandidates(ctx.fuzzy, t.text);
      if (found) {
        const meanings = new Set(found.words.map((w) => lex.productWords.get(w) ?? ctx.extraKnown?.get(literalKey(w)) ?? w));
        if (meanings.size === 1) return { form: found.words[0], known: true, fuzzyFrom: t.text };
      }
    }
    return { form: t.text, known: false };
  });
}

/** Every lexicon phrase found in the token forms, with idioms hiding the words inside them. */
export function matchLexicon(forms: readonly TokenForm[]): LexiconHit[] {
  const lex = getLexicon();
  const hits: LexiconHit[] = [];
  for (let i = 0; i < forms.length; i++) {
    const candidates = lex.phrases.get(forms[i].form);
    if (!candidates) continue;
    for (const phrase of candidates) {
      const n = phrase.tokens.length;
      if (i + n > forms.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = forms[i + k].form === phrase.tokens[k];
      if (!ok) continue;
      for (const entry of phrase.entries) hits.push({ entry, phrase, start: i, end: i + n });
    }
  }
  const blockers = hits.filter((h) => h.entry.blocks);
  const unblocked = hits.filter(
    (h) => !blockers.some((b) => b.phrase !== h.phrase && h.start >= b.start && h.end <= b.end),
  );
  // Within product words the longest reading wins: "sac à dos" is a backpack, not a bag.
  return unblocked.filter((h) => {
    if (!PRODUCT_KINDS.has(h.entry.kind)) return true;
    return !unblocked.some(
      (g) => g !== h && PRODUCT_KINDS.has(g.entry.kind) && g.start <= h.start && g.end >= h.end && g.end - g.start > h.end - h.start,
    );
  });
}

export { SKU_MARK };
