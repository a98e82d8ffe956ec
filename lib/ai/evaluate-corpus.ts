import { z } from "zod";
import type { CatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";
import { INTENTS, LANGUAGES, type Intent, type Language } from "./types";

export const LOCALES = ["es-CL", "es-MX", "es-AR", "es-PE", "es-CO", "es-ES", "pt-BR", "en", "fr", "it", "ar"] as const;

export const corpusItemSchema = z
  .object({
    text: z.string(),
    lang: z.enum(LANGUAGES),
    locale: z.enum(LOCALES),
    intent: z.enum(INTENTS),
    sku: z.string().nullable(),
    quantity: z.number().int().min(1).nullable(),
    erase: z.boolean().optional(),
  })
  .refine((i) => (i.intent === "BUY") === (i.quantity !== null), { message: "quantity is set exactly for BUY" });
export type CorpusItem = z.infer<typeof corpusItemSchema>;

export interface Scores {
  n: number;
  intentAccuracy: number;
  skuAccuracy: number;
  /** Over BUY items only: the quantity a seller would ship. */
  quantityAccuracy: number;
  languageAccuracy: number;
}

export interface Miss {
  text: string;
  locale: string;
  expected: { intent: Intent; sku: string | null; quantity: number | null };
  got: { intent: Intent; sku: string | null; quantity: number | null; confidence: number; reason: string };
}

export interface EvaluationReport {
  overall: Scores & { eraseAccuracy: number };
  byLanguage: Record<Language, Scores>;
  byLocale: Record<string, Scores>;
  /** confusion[expected][predicted] = count */
  confusion: Record<Intent, Record<Intent, number>>;
  /** How often a BUY decided with confidence ≥ threshold was wrong about intent or SKU. */
  confidentBuyErrors: { confident: number; wrong: number };
  misses: Miss[];
}

interface Tally {
  n: number;
  intent: number;
  sku: number;
  buys: number;
  quantity: number;
  language: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 10_000) / 10_000);
const scores = (t: Tally): Scores => ({
  n: t.n,
  intentAccuracy: ratio(t.intent, t.n),
  skuAccuracy: ratio(t.sku, t.n),
  quantityAccuracy: ratio(t.quantity, t.buys),
  languageAccuracy: ratio(t.language, t.n),
});
const emptyTally = (): Tally => ({ n: 0, intent: 0, sku: 0, buys: 0, quantity: 0, language: 0 });

/** Runs the rules engine over a labelled corpus. SKU accuracy counts a correct null as correct. */
export function evaluateCorpus({ items, index, buyThreshold }: { items: CorpusItem[]; index: CatalogIndex; buyThreshold: number }): EvaluationReport {
  const overall = emptyTally();
  const byLanguage = new Map<Language, Tally>();
  const byLocale = new Map<string, Tally>();
  const confusion = Object.fromEntries(INTENTS.map((e) => [e, Object.fromEntries(INTENTS.map((p) => [p, 0]))])) as Record<Intent, Record<Intent, number>>;
  const misses: Miss[] = [];
  let optOuts = 0;
  let eraseRight = 0;
  let confident = 0;
  let confidentWrong = 0;

  for (const item of items) {
    const got = classifyWithRules({ text: item.text, index });
    const intentOk = got.intent === item.intent;
    const skuOk = got.sku === item.sku;
    const quantityOk = got.quantity === item.quantity;
    for (const t of [overall, getOrInit(byLanguage, item.lang), getOrInit(byLocale, item.locale)]) {
      t.n++;
      t.intent += Number(intentOk);
      t.sku += Number(skuOk);
      t.language += Number(got.language === item.lang);
      if (item.intent === "BUY") {
        t.buys++;
        t.quantity += Number(quantityOk);
      }
    }
    confusion[item.intent][got.intent]++;
    if (item.intent === "OPT_OUT") {
      optOuts++;
      eraseRight += Number(got.intent === "OPT_OUT" && got.erase === Boolean(item.erase));
    }
    if (got.intent === "BUY" && got.confidence >= buyThreshold) {
      confident++;
      confidentWrong += Number(!intentOk || !skuOk);
    }
    if (!intentOk || !skuOk || !quantityOk) {
      misses.push({
        text: item.text,
        locale: item.locale,
        expected: { intent: item.intent, sku: item.sku, quantity: item.quantity },
        got: { intent: got.intent, sku: got.sku, quantity: got.quantity, confidence: got.confidence, reason: got.reason },
      });
    }
  }

  return {
    overall: { ...scores(overall), eraseAccuracy: ratio(eraseRight, optOuts) },
    byLanguage: Object.fromEntries(LANGUAGES.map((l) => [l, scores(byLanguage.get(l) ?? emptyTally())])) as Record<Language, Scores>,
    byLocale: Object.fromEntries([...byLocale.entries()].map(([k, t]) => [k, scores(t)])),
    confusion,
    confidentBuyErrors: { confident, wrong: confidentWrong },
    misses,
  };
}

function getOrInit<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) {
    t = emptyTally();
    map.set(key, t);
  }
  return t;
}

/** Mean microseconds per comment after a warm-up pass, so JIT compilation is not counted. */
export function measureRulesSpeed({ texts, index, rounds = 10 }: { texts: string[]; index: CatalogIndex; rounds?: number }): number {
  for (const text of texts) classifyWithRules({ text, index });
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of texts) classifyWithRules({ text, index });
  return Math.round(((performance.now() - started) * 1000) / Math.max(1, rounds * texts.length));
}
