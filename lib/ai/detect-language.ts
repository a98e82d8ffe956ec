import { LANGUAGES, type Language, type LanguageEvidence } from "./types";
import type { Token } from "./normalize-text";
import { getLexicon } from "./lexicon/compile-lexicon";
import type { LexiconHit, TokenForm } from "./lexicon/match-lexicon";
import { ASCII_ALNUM } from "./find-skus";

// The language a comment is written in (part of readComment, lib/ai/read-comment.ts).

const CODE_JOINER = /^[-_.#/]$/;
const LAUGH = /^a?(?:ja|je|ji|ha|he|hi|ah|ks|rs|js|sj|xd)+[ajhesd]?$/;
const LAUGH_WORDS = new Set(["lol", "lool", "lmao", "lmfao", "rofl", "mdr", "ptdr", "xd", "xdd", "jsjs", "kkk", "jaj", "jajaj", "rsrs", "hahah", "ahah"]);
const ARABIC = /[\u0600-\u06FF]/;

/** "jajaja", "kkkk", "lol": laughter, which tells neither intent nor language. */
export function isLaugh(t: Token): boolean {
  if (t.kind !== "word") return false;
  const w = t.folded;
  if (/^k{3,}$/.test(w) || /^\u0647{3,}$/.test(w) || /^\u062E{3,}$/.test(w)) return true;
  if (LAUGH_WORDS.has(t.text)) return true;
  return w.length >= 4 && LAUGH.test(w);
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

/**
 * The comment's language from its words' votes, leaving out words every language shares (sizes, codes,
 * "SOLD", laughter); with no telling word it falls back to the buyer's or store's language (`fallback`).
 */
export function detectLanguage(forms: TokenForm[], tokens: Token[], clean: string, hits: LexiconHit[], accentVotes: Partial<Record<Language, number>>, skuTokens: Set<number>, fallback: Language | null): { language: Language; evidence: LanguageEvidence } {
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

