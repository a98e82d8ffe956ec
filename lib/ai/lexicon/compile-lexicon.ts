import { LANGUAGES, type Language } from "../types";
import { collapseRepeats, foldText } from "../normalize-text";
import { INTENT_WORDS, type PerLang, type SignalKind } from "./intent-words";
import { NUMBER_WORDS, PAIR_WORDS } from "./number-words";
import { COLORS, MATERIALS, PATTERNS, PRODUCT_TYPES, SIZE_VALUES, type ConceptSpec } from "./product-words";
import { STOPWORDS } from "./stopwords";

export type ProductKind = "type" | "color" | "material" | "pattern";
export type EntryKind = SignalKind | ProductKind | "size" | "number" | "pair" | "stopword";

export interface LexiconEntry {
  kind: EntryKind;
  /** Concept id for product kinds, canonical size for "size". */
  id?: string;
  /** Number for "number" entries and for Arabic duals on type entries. */
  value?: number;
  langs: Language[];
  strict: boolean;
  alone: boolean;
  blocks: boolean;
}

export interface Phrase {
  tokens: string[];
  entries: LexiconEntry[];
}

export interface Lexicon {
  /** Phrases by their first token, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Every token that appears in some entry or stopword list. */
  known: Set<string>;
  /** Tokens that are a whole entry on their own ("running" is only part of "running shoes", so not one). */
  singles: Set<string>;
  /** Single-token product words, the targets of typo matching. */
  productWords: Map<string, string>;
  /** Languages each single token belongs to, for language votes. */
  tokenLangs: Map<string, Set<Language>>;
  concepts: { type: Record<string, ConceptSpec>; color: Record<string, ConceptSpec>; material: Record<string, ConceptSpec>; pattern: Record<string, ConceptSpec> };
}

/** Folds a lexicon phrase exactly as comment tokens are folded. */
export function phraseTokens(phrase: string): string[] {
  return foldText(phrase)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(collapseRepeats);
}

function build(): Lexicon {
  const phrases = new Map<string, Phrase[]>();
  const known = new Set<string>();
  const singles = new Set<string>();
  const productWords = new Map<string, string>();
  const tokenLangs = new Map<string, Set<Language>>();

  const add = (raw: string, langs: Language[], base: Omit<LexiconEntry, "langs" | "strict" | "alone" | "blocks">) => {
    const strict = raw.startsWith("!");
    const alone = raw.startsWith("=");
    const blocks = raw.startsWith("#");
    const tokens = phraseTokens(raw.replace(/^[!=#]/, ""));
    if (tokens.length === 0) return;
    const key = tokens.join(" ");
    const list = phrases.get(tokens[0]) ?? [];
    let phrase = list.find((p) => p.tokens.join(" ") === key);
    if (!phrase) {
      phrase = { tokens, entries: [] };
      list.push(phrase);
      phrases.set(tokens[0], list);
    }
    const existing = phrase.entries.find((e) => e.kind === base.kind && e.id === base.id && e.value === base.value && e.strict === strict);
    if (existing) {
      for (const l of langs) if (!existing.langs.includes(l)) existing.langs.push(l);
    } else {
      phrase.entries.push({ ...base, langs: [...langs], strict, alone, blocks });
    }
    for (const t of tokens) known.add(t);
    if (tokens.length === 1) singles.add(tokens[0]);
    if (tokens.length === 1 && !strict) {
      const set = tokenLangs.get(tokens[0]) ?? new Set<Language>();
      for (const l of langs) set.add(l);
      tokenLangs.set(tokens[0], set);
    }
    if (tokens.length === 1 && (base.kind === "type" || base.kind === "color" || base.kind === "material" || base.kind === "pattern")) {
      productWords.set(tokens[0], `${base.kind}:${base.id}`);
    }
  };

  const addPerLang = (words: PerLang, base: Omit<LexiconEntry, "langs" | "strict" | "alone" | "blocks">) => {
    for (const lang of LANGUAGES) for (const w of words[lang] ?? []) add(w, [lang], base);
  };

  for (const [kind, words] of Object.entries(INTENT_WORDS) as Array<[SignalKind, PerLang]>) addPerLang(words, { kind });
  const concepts = { type: PRODUCT_TYPES, color: COLORS, material: MATERIALS, pattern: PATTERNS };
  for (const [kind, table] of Object.entries(concepts) as Array<[ProductKind, Record<string, ConceptSpec>]>) {
    for (const [id, spec] of Object.entries(table)) {
      addPerLang(spec.words, { kind, id });
      for (const [word, value] of Object.entries(spec.quantity ?? {})) add(word, ["ar"], { kind, id, value });
    }
  }
  for (const [canonical, words] of Object.entries(SIZE_VALUES)) {
    for (const w of words) add(w, [...LANGUAGES], { kind: "size", id: canonical });
  }
  for (const [value, words] of Object.entries(NUMBER_WORDS)) addPerLang(words, { kind: "number", value: Number(value) });
  addPerLang(PAIR_WORDS, { kind: "pair" });
  for (const lang of LANGUAGES) for (const w of STOPWORDS[lang] ?? []) add(w, [lang], { kind: "stopword" });

  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { phrases, known, singles, productWords, tokenLangs, concepts };
}

let lexicon: Lexicon | undefined;
/** The compiled lexicon, built once per process (a few milliseconds). */
export function getLexicon(): Lexicon {
  lexicon ??= build();
  return lexicon;
}
