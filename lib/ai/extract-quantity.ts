import type { CommentReading } from "./read-comment";
import { SKU_MARK } from "./lexicon/match-lexicon";

const MAX_EXPLICIT = 99;
const MAX_PLAIN = 20;

/**
 * How many units a BUY asks for. Marked counts win ("x2", "2 unidades", "tres pares"), then the
 * first bare number or number word that is not a size, price or SKU digit; "un par" means one
 * item for things sold by the pair and two otherwise. Defaults to 1.
 */
export function extractQuantity({ reading, paired }: { reading: CommentReading; paired: boolean }): { quantity: number; note: string | null } {
  const { tokens, forms, hits, notQuantity } = reading;
  const fromSku = reading.skus.find((s) => s.quantity);
  if (fromSku?.quantity) return { quantity: fromSku.quantity, note: `x${fromSku.quantity} in code` };

  const kindsAt = (i: number) => new Set(hits.filter((h) => h.start === i).map((h) => h.entry.kind));
  const marked = (i: number) => {
    const k = kindsAt(i);
    return k.has("unit") || k.has("pairUnit");
  };
  let explicit: number | null = null;
  let plain: number | null = null;
  let pair = false;
  for (let i = 0; i < tokens.length && explicit === null; i++) {
    const t = tokens[i];
    if (forms[i].form === SKU_MARK) continue;
    if (t.kind === "word" && !notQuantity.has(i)) {
      const m = /^x(\d{1,2})$/.exec(t.text) ?? /^(\d{1,2})x$/.exec(t.text);
      if (m) {
        explicit = Number(m[1]);
        break;
      }
      if (t.text === "x" && tokens[i + 1]?.kind === "num") {
        explicit = Number(tokens[i + 1].text);
        break;
      }
    }
    if (t.kind === "num" && !notQuantity.has(i)) {
      const n = Number(t.text);
      if (marked(i + 1) && n >= 1 && n <= MAX_EXPLICIT) explicit = n;
      else if (plain === null && n >= 1 && n <= MAX_PLAIN) plain = n;
      continue;
    }
    for (const h of hits) {
      if (h.start !== i) continue;
      if (h.entry.kind === "number" && h.entry.value) {
        if (marked(h.end)) explicit = h.entry.value;
        else if (plain === null && h.entry.value > 1) plain = h.entry.value;
      } else if (h.entry.kind === "pair") {
        pair = true;
      } else if (h.entry.value && h.entry.kind === "type") {
        plain ??= h.entry.value;
      }
    }
  }
  const chosen = explicit ?? (plain !== null && plain > 1 ? plain : null);
  if (chosen !== null && chosen >= 1) return { quantity: chosen, note: `qty ${chosen}` };
  if (pair) return paired ? { quantity: 1, note: "a pair = 1 item" } : { quantity: 2, note: "a pair = 2" };
  return { quantity: 1, note: null };
}
