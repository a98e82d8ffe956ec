import type { Language } from "./types";

/** Longest comment text the engine looks at; Facebook comments are far shorter in practice. */
const MAX_COMMENT_CHARS = 1000;
const MAX_TOKENS = 120;

type TokenKind = "word" | "num" | "punct";

export interface Token {
  /** Folded form: lower case, accents and Arabic diacritics removed, runs of 3+ letters collapsed. */
  text: string;
  /** Folded form before collapsing repeated letters (laughter such as "kkkk" lives here). */
  folded: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Written in capitals in the comment ("M", "XL"), which makes a lone letter a size. */
  upper: boolean;
  /** Touches an apostrophe ("l'", "j'", "I'm"), so a lone letter is an elision, not a size. */
  elided: boolean;
  /** Directly preceded by a currency sign, so a number is a price. */
  afterCurrency: boolean;
}

export interface EmojiSignals {
  laugh: boolean;
  claim: boolean;
  praise: boolean;
  greet: boolean;
  question: boolean;
}

export interface PreparedComment {
  /** The comment without markup, links and @mentions (still original case). */
  clean: string;
  tokens: Token[];
  emoji: EmojiSignals;
  /** Votes from letters only some languages use (ñ, ã, ç, è...). */
  accentVotes: Partial<Record<Language, number>>;
  hasQuestionMark: boolean;
}

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Folds a word or phrase to the form every lexicon and catalog entry is compared in. */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\u0640/g, "")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0649/g, "\u064A")
    .replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** "quieroooo" → "quiero"; sizes like "xxxl" keep their letters. */
export function collapseRepeats(word: string): string {
  if (/^x+[ls]$/.test(word)) return word;
  return word.replace(/(\p{L})\1{2,}/gu, "$1");
}

/** "lindoo" → "lindo": only tried when the word is otherwise unknown. */
export function collapseDoubles(word: string): string {
  return word.replace(/(\p{L})\1+/gu, "$1");
}

const TAG = /<\/?[a-z!][^>]{0,300}>/gi;
const ENTITY = /&(?:[a-z]{2,8}|#\d{1,6}|#x[0-9a-f]{1,6});/gi;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const MENTION = /@[\p{L}\p{N}_.]+/gu;

const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F639}\u{1F606}\u{1F605}]/u;
const CLAIM_EMOJI = /[\u{1F64B}\u{270B}\u{261D}\u{1F91A}\u{1F6D2}\u{1F4B8}\u{1F4B0}\u{1F4B3}]/u;
const PRAISE_EMOJI = /[\u{1F60D}\u{1F970}\u{2764}\u{1F495}\u{1F496}\u{1F497}\u{1F498}\u{1F493}\u{1F49E}\u{1F525}\u{1F929}\u{2728}\u{1F618}]/u;
const GREET_EMOJI = /[\u{1F44B}]/u;
const QUESTION_EMOJI = /[\u{2753}\u{2754}\u{1F914}]/u;

const ACCENT_VOTES: Array<[RegExp, Partial<Record<Language, number>>]> = [
  [/[ñ¿¡]/, { es: 1.5 }],
  [/[ãõ]/, { pt: 1.5 }],
  [/ç/, { pt: 0.75, fr: 0.75 }],
  [/[êô]/, { pt: 0.5, fr: 0.5 }],
  [/[ëïîûœ]/, { fr: 0.75 }],
  [/[èù]/, { fr: 0.5, it: 0.5 }],
];

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*|[.,;:!?¡¿…\n\u060C\u061B\u061F]/gu;

/** Strips markup, links and mentions, reads emoji cues, and splits the comment into tokens. */
export function prepareComment(text: string): PreparedComment {
  const bounded = String(text ?? "").slice(0, MAX_COMMENT_CHARS);
  const emoji: EmojiSignals = {
    laugh: LAUGH_EMOJI.test(bounded),
    claim: CLAIM_EMOJI.test(bounded),
    praise: PRAISE_EMOJI.test(bounded),
    greet: GREET_EMOJI.test(bounded),
    question: QUESTION_EMOJI.test(bounded),
  };
  // Injected HTML is read as text: tags become spaces so "<b>quiero</b>" still says "quiero".
  const clean = bounded.replace(TAG, " ").replace(ENTITY, " ").replace(URL, " ").replace(MENTION, " ");
  const lower = clean.toLowerCase();
  const accentVotes: Partial<Record<Language, number>> = {};
  for (const [pattern, votes] of ACCENT_VOTES) {
    if (!pattern.test(lower)) continue;
    for (const [lang, v] of Object.entries(votes) as Array<[Language, number]>) {
      accentVotes[lang] = (accentVotes[lang] ?? 0) + v;
    }
  }
  const tokens: Token[] = [];
  for (const match of clean.matchAll(TOKEN)) {
    if (tokens.length >= MAX_TOKENS) break;
    const raw = match[0];
    const start = match.index ?? 0;
    const end = start + raw.length;
    const isPunct = /^[.,;:!?¡¿…\n\u060C\u061B\u061F]$/u.test(raw);
    const folded = isPunct ? raw : foldText(raw);
    const kind: TokenKind = isPunct ? "punct" : /^\d+$/.test(folded) ? "num" : "word";
    const next = clean[end];
    const prev = clean.slice(Math.max(0, start - 3), start);
    tokens.push({
      text: kind === "word" ? collapseRepeats(folded) : folded,
      folded,
      kind,
      start,
      end,
      upper: /\p{Lu}/u.test(raw) && raw === raw.toUpperCase(),
      elided: /['\u2019]/.test(next ?? "") || /['\u2019]$/.test(prev),
      afterCurrency: /[$€£]\s*$|r\$\s*$/i.test(prev),
    });
  }
  return { clean, tokens, emoji, accentVotes, hasQuestionMark: /[?¿\u061F]/u.test(clean) || emoji.question };
}
