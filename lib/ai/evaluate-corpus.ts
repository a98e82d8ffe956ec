import { z } from "zod";
import type { CatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";
import { buyOutcome } from "./buy-outcome";
import { INTENTS, LANGUAGES, type Intent, type Language, type RulesDecision } from "./types";

const LOCALES = ["es-CL", "es-MX", "es-AR", "es-PE", "es-CO", "es-ES", "pt-BR", "en", "fr", "it", "ar"] as const;

export const corpusItemSchema = z
  .object({
    text: z.string(),
    lang: z.enum(LANGUAGES),
    locale: z.enum(LOCALES),
    intent: z.enum(INTENTS),
    sku: z.string().nullable(),
    quantity: z.number().int().min(1).nullable(),
    erase: z.boolean().optional(),
    /** Seller-catalog sets: which catalog the comment was written on. */
    catalog: z.string().optional(),
    /** The products the comment could mean when it does not single one out (then `sku` is null). */
    candidates: z.array(z.string()).min(2).optional(),
  })
  .refine((i) => (i.intent === "BUY") === (i.quantity !== null), { message: "quantity is set exactly for BUY" })
  .refine((i) => !i.candidates || i.sku === null, { message: "candidates go with sku null" });
export type CorpusItem = z.infer<typeof corpusItemSchema>;

interface Scores {
  n: number;
  intentAccuracy: number;
  skuAccuracy: number;
  /** Over BUY items only: the quantity a seller would ship. */
  quantityAccuracy: number;
  languageAccuracy: number;
}

interface Miss {
  text: string;
  locale: string;
  catalog?: string;
  expected: { intent: Intent; sku: string | null; candidates?: string[]; quantity: number | null };
  got: { intent: Intent; sku: string | null; candidates?: string[]; quantity: number | null; confidence: number; reason: string };
}

/** What a seller and a buyer feel: questions asked back, confident mistakes, buyers left without an answer. */
interface BuyOutcomes {
  /** Comments the engine read as BUY. */
  buys: number;
  /** Of those, answered with a question (confirm, choose a variant, which product?) instead of a cart. */
  askBacks: number;
  askBackRate: number;
  /** Labelled with one product but asked back anyway. */
  needlessAskBacks: number;
  /** BUY decided with confidence ≥ threshold and wrong about the intent or the product. */
  confidentWrong: number;
  /** Labelled BUY, but no private reply would go out: read as another intent, or as a BUY with no outcome. */
  silentBuys: number;
}

export interface EvaluationReport {
  overall: Scores & { eraseAccuracy: number };
  byLanguage: Record<Language, Scores>;
  byLocale: Record<string, Scores>;
  /** confusion[expected][predicted] = count */
  confusion: Record<Intent, Record<Intent, number>>;
  /** How often a BUY decided with confidence ≥ threshold was wrong about intent or SKU. */
  confidentBuyErrors: { confident: number; wrong: number };
  outcomes: BuyOutcomes;
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

/**
 * The product reading is right when it names the labelled SKU; for a comment labelled with candidates,
 * when it names none and offers exactly those candidates. A correct null counts as correct.
 */
function productReadingRight(item: Pick<CorpusItem, "sku" | "candidates">, got: Pick<RulesDecision, "sku" | "candidates">): boolean {
  if (!item.candidates) return got.sku === item.sku;
  if (got.sku !== null) return false;
  const offered = new Set(got.candidates ?? []);
  return offered.size === item.candidates.length && item.candidates.every((s) => offered.has(s));
}

/**
 * Runs the rules engine over a labelled corpus, on one catalog (`index`) or on each item's own catalog
 * (`indexes`, keyed by the item's `catalog`).
 */
export function evaluateCorpus({ items, index, indexes, storeLocales, buyThreshold }: { items: CorpusItem[]; index?: CatalogIndex; indexes?: Record<string, CatalogIndex>; storeLocales?: Record<string, string>; buyThreshold: number }): EvaluationReport {
  const overall = emptyTally();
  const byLanguage = new Map<Language, Tally>();
  const byLocale = new Map<string, Tally>();
  const confusion = Object.fromEntries(INTENTS.map((e) => [e, Object.fromEntries(INTENTS.map((p) => [p, 0]))])) as Record<Intent, Record<Intent, number>>;
  const misses: Miss[] = [];
  let optOuts = 0;
  let eraseRight = 0;
  let confident = 0;
  let confidentWrong = 0;
  const outcomes: BuyOutcomes = { buys: 0, askBacks: 0, askBackRate: 0, needlessAskBacks: 0, confidentWrong: 0, silentBuys: 0 };

  for (const item of items) {
    const catalogIndex = item.catalog && indexes ? indexes[item.catalog] : index;
    if (!catalogIndex) throw new Error(`no catalog index for ${item.catalog ?? "the corpus"}`);
    const got = classifyWithRules({ text: item.text, index: catalogIndex, storeLocale: item.catalog ? storeLocales?.[item.catalog] : undefined });
    const intentOk = got.intent === item.intent;
    const skuOk = productReadingRight(item, got);
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
    const outcome = buyOutcome(got, buyThreshold);
    if (outcome) {
      outcomes.buys++;
      if (outcome !== "reserve") {
        outcomes.askBacks++;
        if (item.intent === "BUY" && item.sku !== null) outcomes.needlessAskBacks++;
      }
    }
    if (item.intent === "BUY" && !outcome) outcomes.silentBuys++;
    if (!intentOk || !skuOk || !quantityOk) {
      misses.push({
        text: item.text,
        locale: item.locale,
        ...(item.catalog && { catalog: item.catalog }),
        expected: { intent: item.intent, sku: item.sku, ...(item.candidates && { candidates: item.candidates }), quantity: item.quantity },
        got: { intent: got.intent, sku: got.sku, ...(got.candidates && { candidates: got.candidates }), quantity: got.quantity, confidence: got.confidence, reason: got.reason },
      });
    }
  }

  return {
    overall: { ...scores(overall), eraseAccuracy: ratio(eraseRight, optOuts) },
    byLanguage: Object.fromEntries(LANGUAGES.map((l) => [l, scores(byLanguage.get(l) ?? emptyTally())])) as Record<Language, Scores>,
    byLocale: Object.fromEntries([...byLocale.entries()].map(([k, t]) => [k, scores(t)])),
    confusion,
    confidentBuyErrors: { confident, wrong: confidentWrong },
    outcomes: { ...outcomes, confidentWrong, askBackRate: ratio(outcomes.askBacks, outcomes.buys) },
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
