import type { CommentReading } from "./read-comment";
import type { IndexedProduct } from "./catalog-index";
import { phraseTokens } from "./lexicon/compile-lexicon";

/** What a buyer's question asks about a product, when the catalog itself can answer it. */
const QUESTION_TOPICS = ["price", "stock", "size", "color"] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

const WORDS: Record<QuestionTopic, string[]> = {
  price: [
    "precio", "precios", "cuanto", "cuanto cuesta", "cuanto sale", "cuanto vale", "cuanto esta", "cuanto estan", "cuestan", "valor", "costo", "cuesta",
    "preco", "precos", "quanto", "quanto custa", "quanto e", "custa",
    "price", "prices", "how much", "cost", "costs",
    "prix", "combien", "coute",
    "prezzo", "prezzi", "quanto costa", "costa",
    "سعر", "السعر", "بكم", "كم",
  ],
  stock: [
    "stock", "disponible", "disponibles", "queda", "quedan", "quedo", "hay", "tienen", "tienes", "todavia", "aun",
    "disponivel", "ainda tem", "tem", "estoque", "sobrou",
    "available", "in stock", "left", "still", "do you have", "any left",
    "dispo", "disponibles", "reste", "il reste", "vous avez",
    "disponibile", "c e ancora", "avete",
    "متوفر", "موجود",
  ],
  size: ["talla", "tallas", "talle", "talles", "tamano", "numero", "tamanho", "tamanhos", "size", "sizes", "taille", "tailles", "pointure", "taglia", "taglie", "مقاس", "مقاسات"],
  color: ["color", "colores", "colour", "colours", "colors", "cor", "cores", "couleur", "couleurs", "colore", "colori", "لون", "الوان", "ألوان"],
};

const PHRASES: Array<{ topic: QuestionTopic; tokens: string[] }> = (Object.entries(WORDS) as Array<[QuestionTopic, string[]]>).flatMap(([topic, words]) =>
  words.map((w) => ({ topic, tokens: phraseTokens(w) })).filter((p) => p.tokens.length > 0),
);

/**
 * The topics a question asks about: its words ("¿precio?", "what sizes", "tem em estoque?"), the sizes
 * it names ("¿hay talla M?"), and a colour the product it is about does not have ("tienen la chaqueta
 * en café?") — a colour that only names the product ("¿cuánto la camisa azul?") asks nothing about colours.
 */
export function questionTopics(reading: CommentReading, products: readonly IndexedProduct[] = []): QuestionTopic[] {
  const words = reading.tokens.map((t, i) => (t.kind === "punct" ? "" : reading.forms[i]!.form));
  const folded = reading.tokens.map((t) => t.folded);
  const found = new Set<QuestionTopic>();
  for (let i = 0; i < words.length; i++) {
    for (const p of PHRASES) {
      if (p.tokens.every((tok, k) => words[i + k] === tok || folded[i + k] === tok)) found.add(p.topic);
    }
  }
  if (reading.sizes.some((s) => !s.negated)) found.add("size");
  const colours = reading.features.filter((f) => f.kind === "color" && !f.negated).map((f) => f.key.slice(6));
  if (colours.length > 0 && products.length > 0 && !colours.some((c) => products.some((p) => p.colors.has(c)))) found.add("color");
  return QUESTION_TOPICS.filter((t) => found.has(t));
}
