/**
 * Right-to-left lines for pdfkit. pdfkit draws a string in one direction and fontkit shapes Arabic
 * (joining forms) and orders an Arabic run right to left, but neither applies the Unicode bidi
 * algorithm: a line mixing Arabic with Latin words or numbers comes out scrambled. This splits a
 * line into tokens (a simplified bidi for an RTL paragraph: Latin letters and numbers with what lies
 * between them are left-to-right runs; Arabic words and the other characters are placed right to
 * left, brackets mirrored) and draws them in visual order from the right edge.
 */

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const NUMERIC = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
/** Bidi controls (LRM, RLM, ALM, isolates, embeddings): fonts have no glyph for them. */
const CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const MIRROR: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«" };

export type Run = { text: string; rtl: boolean };

const strongLtr = (ch: string) => LATIN.test(ch) || NUMERIC.test(ch);
const CURRENCY = /[\p{Sc}%]/u;

/**
 * The tokens of one RTL line in logical order: left-to-right runs (from one Latin letter or digit to
 * the last one before the next Arabic letter, plus a currency sign right after), Arabic words, and
 * every other character alone (spaces, punctuation; brackets mirrored). fontkit only ever receives a
 * single Arabic word (which it joins and orders itself) or a left-to-right run, so the order of the
 * line is decided here.
 */
export function bidiRuns(line: string): Run[] {
  const chars = [...line.replace(CONTROLS, "")];
  const ltr = chars.map(() => false);
  let i = 0;
  while (i < chars.length) {
    if (!strongLtr(chars[i]!)) { i++; continue; }
    let end = i;
    for (let j = i; j < chars.length && !ARABIC.test(chars[j]!); j++) if (strongLtr(chars[j]!)) end = j;
    while (end + 1 < chars.length && CURRENCY.test(chars[end + 1]!)) end++;
    for (let k = i; k <= end; k++) ltr[k] = true;
    i = end + 1;
  }
  const runs: Run[] = [];
  chars.forEach((ch, k) => {
    const last = runs.at(-1);
    if (ltr[k]) {
      if (last && !last.rtl) last.text += ch;
      else runs.push({ text: ch, rtl: false });
    } else if (ARABIC.test(ch) && last?.rtl && ARABIC.test(last.text)) {
      last.text += ch;
    } else {
      runs.push({ text: ARABIC.test(ch) ? ch : (MIRROR[ch] ?? ch), rtl: true });
    }
  });
  return runs;
}

type Doc = { widthOfString(s: string): number; text(s: string, x: number, y: number, opts?: Record<string, unknown>): unknown };

/** Width of an RTL line as drawn. */
function rtlWidth(doc: Doc, line: string) {
  return bidiRuns(line).reduce((w, r) => w + doc.widthOfString(r.text), 0);
}

/** Draws one RTL line within [right − width, right]: its logical start at the right. */
export function drawRtlLine(doc: Doc, line: string, { right, y, align = "right", width }: { right: number; y: number; align?: "right" | "left" | "center"; width: number }) {
  const runs = bidiRuns(line);
  const total = runs.reduce((w, r) => w + doc.widthOfString(r.text), 0);
  let x = align === "right" ? right : align === "left" ? right - width + total : right - (width - total) / 2;
  for (const r of runs) {
    const w = doc.widthOfString(r.text);
    x -= w;
    if (r.text.trim()) doc.text(r.text, x, y, { lineBreak: false });
  }
}

/** Greedy word wrap of RTL text into lines no wider than `width`. */
export function wrapRtl(doc: Doc, text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (line && rtlWidth(doc, next) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}
