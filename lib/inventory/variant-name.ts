/**
 * A variant's catalog name is the article's name plus its colour and size ("Polera" + "Roja" + "M"),
 * so carts, DMs and the comment matcher tell variants apart. The editor shows the article's name
 * alone and composes on save; both directions must be idempotent, or every save appended the colour
 * and size again ("Polera roja M rojo M": the CSV said "roja", the colour column "rojo").
 */

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

// "roja"/"rojo"/"rojos", "preta"/"preto", "blanca"/"blanco" name one colour: compare without the
// gender and plural ending. Short words ("red", "gris" stays "gri") are compared as they are.
const stem = (w: string) => {
  const f = fold(w);
  return f.length > 3 ? f.replace(/(os|as|es|o|a|e|s)$/, "") : f;
};

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

function sameWords(a: string[], b: string[], key: (w: string) => string) {
  return a.length === b.length && a.every((w, i) => key(w) === key(b[i]!));
}

/** Whether `part` already appears, as whole words, in `name`. */
function containsWords(name: string[], part: string[], key: (w: string) => string) {
  if (!part.length) return true;
  for (let i = 0; i + part.length <= name.length; i++) if (sameWords(name.slice(i, i + part.length), part, key)) return true;
  return false;
}

/** The article's name without the colour and size its variant was saved with (in either order). */
export function baseNameOf({ name, color, size }: { name: string; color?: string | null; size?: string | null }): string {
  let tokens = words(name);
  const suffixes: [string[], (w: string) => string][] = [];
  if (size?.trim()) suffixes.push([words(size), fold]);
  if (color?.trim()) suffixes.push([words(color), stem]);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < suffixes.length; i++) {
      const [part, key] = suffixes[i]!;
      if (tokens.length > part.length && sameWords(tokens.slice(-part.length), part, key)) {
        tokens = tokens.slice(0, -part.length);
        suffixes.splice(i, 1);
        i--;
      }
    }
  }
  return tokens.join(" ");
}

/** The variant's catalog name: the article's name plus the colour and size it does not already say. */
export function variantName({ base, color, size }: { base: string; color?: string | null; size?: string | null }): string {
  const name = words(base);
  const parts = [...name];
  if (color?.trim() && !containsWords(name, words(color), stem)) parts.push(...words(color));
  if (size?.trim() && !containsWords(name, words(size), fold)) parts.push(...words(size));
  return parts.join(" ");
}

/**
 * The name to save for one variant row of the editor. A row whose article name, colour and size the
 * seller left as they were keeps its stored name word for word ("Polera roja M" with colour "rojo"
 * stays so); anything changed is composed again from the article's name.
 */
export function variantNameForSave({ saved, base, color, size }: {
  saved?: { name: string; color: string | null; size: string | null };
  base: string;
  color: string;
  size: string;
}): string {
  const same = (a: string | null | undefined, b: string | null | undefined) => fold((a ?? "").trim()) === fold((b ?? "").trim());
  if (saved && base.trim() === baseNameOf(saved) && same(color, saved.color) && same(size, saved.size)) return saved.name;
  return variantName({ base, color, size });
}
