import type { Token } from "./normalize-text";
import { compactSku, unpaddedSku, type CatalogIndex } from "./catalog-index";
import { getLexicon } from "./lexicon/compile-lexicon";
import { literalKey } from "./lexicon/match-lexicon";

// The product codes a comment names (part of readComment, lib/ai/read-comment.ts).

export interface SkuMention {
  sku: string;
  start: number;
  end: number;
  clause: number;
  negated: boolean;
  /** "a12x2", "2xA12": a quantity written into the code. */
  quantity: number | null;
}

/** A code a buyer typed that stands for several products: the leading segments of their SKUs ("CAM-AZU"). */
export interface CodeGroupMention {
  skus: string[];
  start: number;
  end: number;
  negated: boolean;
}

const SEPARATOR = /^[\s\-_.#/]{0,2}$/;
export const ASCII_ALNUM = /^[a-z0-9]+$/;

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

/** The catalog codes, the leading segments of several codes, and code-shaped words the catalog lacks, found in a comment's tokens. */
export function findSkus(tokens: Token[], clean: string, index: CatalogIndex): { mentions: Omit<SkuMention, "clause" | "negated">[]; groups: Omit<CodeGroupMention, "negated">[]; unknownCodes: string[]; used: Set<number> } {
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

