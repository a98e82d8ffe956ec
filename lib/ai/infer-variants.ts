import { prepareComment, foldText } from "./normalize-text";
import { resolveForms, matchLexicon } from "./lexicon/match-lexicon";

/**
 * Variants from what the seller wrote. Real catalogs rarely have size or colour columns: the size
 * lives in the name ("Camisa Azul S", "Jeans Mom talla 38", "Botín Café T.38", "Blusa Cropped tam. P",
 * "Sandalia n° 35"), in the SKU ("CAM-AZU-S", "JEA-MOM-38") or in the description ("Talla M."), and
 * the colour in the name ("Azul", "Nude Rosado", "Tom 110 Clara") or an SKU segment ("AZU").
 * Products whose names differ only by those form a group ("Camisa": Azul S, Azul L, Blanca M…).
 * Pure and deterministic: the import and every product change run it and store the result.
 */

export interface VariantSource {
  sku: string;
  name: string;
  description?: string | null;
  /** What the seller set explicitly; these always win over inference. */
  color?: string | null;
  size?: string | null;
  group?: string | null;
}

export interface InferredVariant {
  color: string | null;
  size: string | null;
  /** Shared by the products that differ only by size and colour; null for a product alone. */
  group: string | null;
  /** The name without its size and colour: "Camisa", "Zapatilla Urbana", "Base Líquida". */
  baseName: string;
  /** Which of color/size/group came from inference rather than from the seller. */
  inferred: { color: boolean; size: boolean; group: boolean };
}

/** Letter sizes a seller writes after a name or as the last SKU segment (Brazilian P/G/GG included). */
const LETTER_SIZES = new Set(["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl", "pp", "p", "g", "gg", "xg", "xgg", "eg", "egg"]);
const WORD_SIZES: Record<string, string> = { small: "S", medium: "M", large: "L", "extra large": "XL", "extra small": "XS" };
const ONE_SIZE = /^(?:unica|unico|one size|onesize|u|tu|unitalla|standard|estandar)$/;
/** Markers before a size: talla M, talle 38, tam. G, tamanho 40, size L, taille 38, taglia M, T.42, n° 38, #38. */
const MARKED_SIZE =
  /(?:^|[\s(,;/])(tallas?|talle|tam\.?|tamanho|tamano|size|sz|taille|taglia|gr\.|grosse|t\.|n[°º.]|nº|num\.?|numero|#)\s*(xxxl|xxl|xl|xxs|xs|s|m|l|pp|p|gg|g|2xl|3xl|unica|unico|unico|one size|\d{1,2}(?:[.,]5)?)(?=$|[\s),.;/])/i;
/** Markers that can only mean a size, so a small number after them is one too ("talla 4", "size 10"), where "n° 6" or "#6" may be a model. */
const SIZE_WORD_MARKER = /^(?:tallas?|talle|tam\.?|tamanho|tamano|size|sz|taille|taglia)$/i;
/** The words after a child's age, folded ("años" → "anos", "years", "ans", "anni"): the size in "Pijama 4 años", "Tee 6 years", "Robe 8 ans". */
export const AGE_WORDS = "anos?|anitos?|aninhos|years?|yrs?|ans|anni|anno";
const AGE_SIZE = new RegExp(`(?:^|[\\s(,;/-])(\\d{1,2})\\s*(?:${AGE_WORDS})(?=$|[\\s),.;/])`, "i");
const SHADE_WORDS = new Set(["clara", "claro", "media", "medio", "escura", "escuro", "oscura", "oscuro", "light", "medium", "dark", "fair", "deep", "natural", "bege", "beige"]);
const SHADE_MARKERS = new Set(["tom", "tono", "tone", "shade", "cor", "color", "colour", "couleur", "colore"]);
const NUMERIC_SIZE_MIN = 20;
const NUMERIC_SIZE_MAX = 50;

/** SKU segments sellers use for colours, when the name itself names none. */
const SKU_COLOURS: Record<string, string> = {
  AZU: "Azul", AZUL: "Azul", ROJ: "Rojo", ROJO: "Rojo", NEG: "Negro", NEGRO: "Negro", BLA: "Blanco", BCO: "Blanco", GRI: "Gris", VER: "Verde", VRD: "Verde",
  ROS: "Rosa", AMA: "Amarillo", CAF: "Café", DOR: "Dorado", PLA: "Plateado", MOR: "Morado", BEI: "Beige", NAR: "Naranja", CEL: "Celeste",
  PRE: "Preto", PTO: "Preto", BRA: "Branco", BRC: "Branco", VERM: "Vermelho", VRM: "Vermelho", CIN: "Cinza", CNZ: "Cinza", AZL: "Azul",
  WHT: "White", WHI: "White", BLK: "Black", RED: "Red", BLU: "Blue", GRN: "Green", GRY: "Grey", GRA: "Grey", PNK: "Pink", BRN: "Brown", NVY: "Navy", NAV: "Navy",
  YLW: "Yellow", KHK: "Khaki", BEG: "Beige", OLV: "Olive",
};

type Span = { start: number; end: number };

function canonicalLetter(value: string): string {
  return value.toUpperCase();
}

/** A size written as a number is a size only in the range shoes and trousers use. */
function numericSize(value: string): string | null {
  const n = Number(value.replace(",", "."));
  if (!Number.isFinite(n) || n < NUMERIC_SIZE_MIN || n > NUMERIC_SIZE_MAX) return null;
  return value.replace(",", ".");
}

function sizeFromMarked(text: string): { size: string | null; oneSize: boolean; span: Span } | null {
  const m = MARKED_SIZE.exec(foldText(text));
  if (!m) return null;
  const marker = m[1]!;
  const value = m[2]!.toLowerCase();
  const start = m.index + (m[0].length - m[0].trimStart().length);
  const span = { start, end: m.index + m[0].length };
  if (ONE_SIZE.test(foldText(value))) return { size: null, oneSize: true, span };
  if (/^\d/.test(value)) {
    const n = numericSize(value) ?? (SIZE_WORD_MARKER.test(marker) && Number(value.replace(",", ".")) >= 1 ? value.replace(",", ".") : null);
    return n ? { size: n, oneSize: false, span } : null;
  }
  return { size: canonicalLetter(value), oneSize: false, span };
}

/** "Talla Única", "tamanho único", "one size": no size variant, and the words leave the base name. */
const ONE_SIZE_PHRASE = /(?:^|\s)(?:talla|talle|tamanho|tamano|tam\.?|size|taille|taglia)?\s*(?:única|unica|único|unico|one size|unitalla|taille unique|taglia unica)(?=$|[\s),.;])/i;

interface NameReading {
  size: string | null;
  sizeSpan: Span | null;
  oneSizeSpan: Span | null;
  color: string | null;
  colorSpans: Span[];
}

function readName(name: string): NameReading {
  const prepared = prepareComment(name);
  const tokens = prepared.tokens.filter((t) => t.kind !== "punct");
  let size: string | null = null;
  let sizeSpan: Span | null = null;
  let oneSizeSpan: Span | null = null;

  const marked = sizeFromMarked(name);
  if (marked) {
    if (marked.oneSize) oneSizeSpan = marked.span;
    else {
      size = marked.size;
      sizeSpan = marked.span;
    }
  }
  if (!size) {
    const age = AGE_SIZE.exec(foldText(name));
    if (age) {
      const start = age.index + (age[0].length - age[0].trimStart().length) + (/^[(,;/-]/.test(age[0].trimStart()) ? 1 : 0);
      size = name.slice(start, age.index + age[0].length).trim();
      sizeSpan = { start, end: age.index + age[0].length };
    }
  }
  if (!oneSizeSpan) {
    const one = ONE_SIZE_PHRASE.exec(foldText(name));
    if (one) oneSizeSpan = { start: one.index, end: one.index + one[0].length };
  }
  const last = tokens[tokens.length - 1];
  const beforeLast = tokens[tokens.length - 2];
  if (!size && last && tokens.length >= 2) {
    const raw = name.slice(last.start, last.end);
    const folded = last.folded;
    const twoWords = beforeLast ? `${beforeLast.folded} ${folded}` : "";
    if (WORD_SIZES[twoWords]) {
      size = WORD_SIZES[twoWords]!;
      sizeSpan = { start: beforeLast!.start, end: last.end };
    } else if (WORD_SIZES[folded]) {
      size = WORD_SIZES[folded]!;
      sizeSpan = { start: last.start, end: last.end };
    } else if (/^\d{1,2}t$/.test(folded)) {
      // Toddler sizes: "Floral Romper 2T".
      size = folded.toUpperCase();
      sizeSpan = { start: last.start, end: last.end };
    } else if (LETTER_SIZES.has(folded) && beforeLast?.kind !== "num" && (raw === raw.toUpperCase() || folded.length > 1)) {
      size = canonicalLetter(folded);
      sizeSpan = { start: last.start, end: last.end };
    } else if (last.kind === "num" && !(beforeLast && SHADE_MARKERS.has(beforeLast.folded))) {
      const n = numericSize(last.text);
      if (n) {
        size = n;
        sizeSpan = { start: last.start, end: last.end };
      }
    }
  }

  // Colours: the lexicon's colour words, and shades ("Tom 110 Clara", "tono medio").
  const forms = resolveForms(prepared.tokens, new Set());
  const hits = matchLexicon(forms).filter((h) => h.entry.kind === "color");
  const colorSpans: Span[] = [];
  const all = prepared.tokens;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (t.kind === "word" && SHADE_MARKERS.has(t.folded) && i + 1 < all.length) {
      let j = i + 1;
      while (j < all.length && (all[j]!.kind === "num" || SHADE_WORDS.has(all[j]!.folded) || hits.some((h) => h.start === j))) j++;
      if (j > i + 1) {
        colorSpans.push({ start: t.start, end: all[j - 1]!.end });
        i = j - 1;
        continue;
      }
    }
    const hit = hits.find((h) => h.start === i);
    if (!hit) continue;
    if (sizeSpan && all[i]!.start >= sizeSpan.start && all[i]!.end <= sizeSpan.end) continue;
    const prev = colorSpans[colorSpans.length - 1];
    const span = { start: t.start, end: all[hit.end - 1]!.end };
    // Adjacent colour words are one colour: "Nude Rosado", "azul marino".
    if (prev && /^\s*$/.test(name.slice(prev.end, span.start))) prev.end = span.end;
    else colorSpans.push(span);
    i = hit.end - 1;
  }
  const color = colorSpans.length ? colorSpans.map((s) => name.slice(s.start, s.end)).join(" ") : null;
  return { size, sizeSpan, oneSizeSpan, color, colorSpans };
}

function sizeFromSku(sku: string, name: string): string | null {
  const segments = sku.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (segments.length < 2) return null;
  const last = segments[segments.length - 1]!;
  if (/^\d+$/.test(last)) {
    // "JEA-MOM-38": a number is a size when the code has three parts or the name says it too.
    const n = numericSize(last);
    return n && (segments.length >= 3 || new RegExp(`(^|\\D)${last}(\\D|$)`).test(name)) ? n : null;
  }
  return LETTER_SIZES.has(last.toLowerCase()) ? canonicalLetter(last) : null;
}

function colorFromSku(sku: string): string | null {
  const segments = sku.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  for (const s of segments.slice(1)) if (SKU_COLOURS[s]) return SKU_COLOURS[s]!;
  return null;
}

function removeSpans(text: string, spans: Span[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of sorted) out = out.slice(0, s.start) + " " + out.slice(s.end);
  return out
    .replace(/\s+(?:de|del|da|do|en|em|in|com|con|with)\s*$/i, "")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;])/g, "$1")
    .replace(/^[\s,.;\-–]+|[\s,.;\-–]+$/g, "")
    .trim();
}

/** Size, colour and base name of one product, from its own fields only. */
export function inferProductVariant(source: VariantSource): Omit<InferredVariant, "group" | "inferred"> & { groupKey: string; sizeInferred: boolean; colorInferred: boolean } {
  // Precomposed, so folding (which drops accents) keeps every character where it was.
  const p = { ...source, name: source.name.normalize("NFC"), description: source.description?.normalize("NFC") ?? null };
  const reading = readName(p.name);
  let size = reading.size;
  if (!size && !reading.oneSizeSpan && p.description) {
    const marked = sizeFromMarked(p.description);
    if (marked && !marked.oneSize) size = marked.size;
  }
  if (!size && !reading.oneSizeSpan) size = sizeFromSku(p.sku, p.name);
  const color = reading.color ?? colorFromSku(p.sku);
  const spans = [...reading.colorSpans, ...(reading.sizeSpan ? [reading.sizeSpan] : []), ...(reading.oneSizeSpan ? [reading.oneSizeSpan] : [])];
  const baseName = removeSpans(p.name, spans) || p.name.trim();
  const explicitSize = p.size?.trim() || null;
  const explicitColor = p.color?.trim() || null;
  return {
    color: explicitColor ?? color,
    size: explicitSize ?? size,
    baseName,
    groupKey: foldText(baseName).replace(/[^\p{L}\p{N}]+/gu, " ").trim(),
    sizeInferred: !explicitSize && size !== null,
    colorInferred: !explicitColor && color !== null,
  };
}

/**
 * Variants of a whole catalog: each product's size and colour, and groups of products whose names
 * differ only by those (a group needs at least two products that really differ in size or colour).
 * An explicit group from the seller is kept as is.
 */
export function inferVariants(products: readonly VariantSource[]): InferredVariant[] {
  const each = products.map(inferProductVariant);
  const byKey = new Map<string, number[]>();
  each.forEach((v, i) => {
    if (!v.groupKey) return;
    const list = byKey.get(v.groupKey) ?? [];
    list.push(i);
    byKey.set(v.groupKey, list);
  });
  return each.map((v, i) => {
    const explicitGroup = products[i]!.group?.trim() || null;
    const members = byKey.get(v.groupKey) ?? [];
    const differ = members.length >= 2 && new Set(members.map((k) => `${(each[k]!.color ?? "").toLowerCase()}|${(each[k]!.size ?? "").toLowerCase()}`)).size > 1;
    const group = explicitGroup ?? (differ ? v.baseName : null);
    return {
      color: v.color,
      size: v.size,
      group,
      baseName: v.baseName,
      inferred: { color: v.colorInferred, size: v.sizeInferred, group: !explicitGroup && group !== null },
    };
  });
}

/** "Camisa: Azul S · Azul L" — the label a seller sees for a group in the import preview. */
export function describeGroups(products: readonly { name: string; variant: InferredVariant }[]): { group: string; variants: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const p of products) {
    if (!p.variant.group) continue;
    const label = [p.variant.color, p.variant.size].filter(Boolean).join(" ") || p.name;
    const list = groups.get(p.variant.group) ?? [];
    list.push(label);
    groups.set(p.variant.group, list);
  }
  return [...groups.entries()].map(([group, variants]) => ({ group, variants }));
}
