import type { CommentReading } from "./read-comment";
import { phraseTokens } from "./lexicon/compile-lexicon";

/** What a buyer's question asks about a product, when the catalog itself can answer it. */
export const QUESTION_TOPICS = ["price", "stock", "size", "color"] as const;
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
 * The topics a question asks about: its words ("¿precio?", "what sizes", "tem em estoque?"), and the
 * sizes or colours it names ("¿hay talla M?", "tienen la chaqueta en café?" ask about sizes and colours).
 */
export function questionTopics(reading: CommentReading): QuestionTopic[] {
  const words = reading.tokens.map((t, i) => (t.kind === "punct" ? "" : reading.forms[i]!.form));
  const folded = reading.tokens.map((t) => t.folded);
  const found = new Set<QuestionTopic>();
  for (let i = 0; i < words.length; i++) {
    for (const p of PHRASES) {
      if (p.tokens.every((tok, k) => words[i + k] === tok || folded[i + k] === tok)) found.add(p.topic);
    }
  }
  if (reading.sizes.some((s) => !s.negated)) found.add("size");
  if (reading.features.some((f) => f.kind === "color") && reading.hasQuestionMark) found.add("color");
  return QUESTION_TOPICS.filter((t) => found.has(t));
}
