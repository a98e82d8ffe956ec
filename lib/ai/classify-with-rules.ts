import { buildCatalogIndex, type CatalogIndex } from "./catalog-index";
import { decideIntent } from "./decide-intent";
import { extractQuantity } from "./extract-quantity";
import { matchProducts, type ProductMatch } from "./match-products";
import { readComment, type CommentReading, type Feature } from "./read-comment";
import { languageOfLocale, type CatalogProduct, type RulesDecision } from "./types";
import { questionTopics } from "./question-topics";

export type ClassifyWithRulesInput =
  | { text: string; index: CatalogIndex; products?: never; storeLocale?: string | null }
  | { text: string; products: readonly CatalogProduct[]; index?: never; storeLocale?: string | null };

const indexCache = new WeakMap<readonly CatalogProduct[], CatalogIndex>();

/** Reuses one index per catalog array so callers that pass `products` do not rebuild it each time. */
function indexFor(input: ClassifyWithRulesInput): CatalogIndex {
  if (input.index) return input.index;
  const products = input.products;
  let index = indexCache.get(products);
  if (!index) {
    index = buildCatalogIndex(products);
    indexCache.set(products, index);
  }
  return index;
}

/** What the buyer wants, minus what they just said they do not want. */
function scopedMentions(reading: CommentReading, scope: "positive" | "all") {
  if (scope === "all") return { skus: reading.skus, codeGroups: reading.codeGroups, features: reading.features };
  const skus = reading.skus.filter((s) => !s.negated);
  const codeGroups = reading.codeGroups.filter((g) => !g.negated);
  let features = reading.features.filter((f) => !f.negated);
  const negatedTypes = reading.features.filter((f) => f.negated && f.kind === "type");
  // "no quiero la polera roja, quiero la azul": the garment carries over to the correction.
  if (features.length > 0 && !features.some((f) => f.kind === "type") && new Set(negatedTypes.map((f) => f.key)).size === 1) {
    features = [...features, { ...negatedTypes[0], negated: false } satisfies Feature];
  }
  if (skus.length === 0 && codeGroups.length === 0 && features.length === 0) return { skus: reading.skus, codeGroups: reading.codeGroups, features: reading.features };
  return { skus, codeGroups, features };
}

function buyConfidence(base: number, match: ProductMatch, laugh: boolean): number {
  let confidence: number;
  if (match.kind === "sku") confidence = base * (match.conflict ? 0.85 : 1);
  else if (match.kind === "description") confidence = Math.min(base, match.confidence);
  else if (match.kind === "ambiguous") confidence = Math.min(base, 0.6);
  else confidence = Math.min(base, 0.7);
  return laugh ? confidence - 0.1 : confidence;
}

const round = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;

/**
 * Deterministic, offline classification of one live comment. Pure CPU: with a prebuilt index it
 * takes tens of microseconds, so it can run on every comment before anything else.
 */
export function classifyWithRules(input: ClassifyWithRulesInput): RulesDecision {
  const index = indexFor(input);
  const reading = readComment({ text: input.text, index, storeLanguage: languageOfLocale(input.storeLocale) });
  const decision = decideIntent(reading);
  const scoped = scopedMentions(reading, decision.productScope);
  const match = decision.intent === "OPT_OUT" ? null : matchProducts({ index, skus: scoped.skus, codeGroups: scoped.codeGroups, features: scoped.features, sizes: reading.sizes, lenientColor: decision.intent === "QUESTION" });

  const reason = [...decision.reason];
  if (match && match.kind !== "none") {
    reason.push(match.kind === "ambiguous" ? `ambiguous: ${match.candidates.join("/")}` : `${match.evidence.join(" ")}${match.kind === "description" ? ` → ${match.sku}` : ""}`);
    if (match.conflict) reason.push("words contradict the SKU");
  }
  reason.push(...reading.notes);

  let quantity: number | null = null;
  let confidence = decision.confidence;
  if (decision.intent === "BUY" && match) {
    const paired = match.product?.paired ?? reading.features.some((f) => f.kind === "type" && /^type:(sneakers|footwear|earrings)$/.test(f.key));
    const q = extractQuantity({ reading, paired });
    quantity = q.quantity;
    if (q.note) reason.push(q.note);
    confidence = buyConfidence(decision.confidence, match, reading.laugh);
  }

  return {
    intent: decision.intent,
    sku: match?.sku ?? null,
    quantity,
    confidence: round(confidence),
    language: reading.language,
    languageEvidence: reading.languageEvidence,
    reason: `${decision.intent}: ${reason.join("; ")}`,
    ...(match?.kind === "ambiguous" ? { candidates: match.candidates } : {}),
    ...(match?.closest ? { closest: match.closest } : {}),
    // Also for a "?" read otherwise: the LLM may still call it a question.
    ...(decision.intent === "QUESTION" || reading.hasQuestionMark
      ? { topics: questionTopics(reading, match?.product ? [match.product] : (match?.candidates ?? []).flatMap((s) => index.bySku.get(s) ?? [])) }
      : {}),
    erase: decision.erase,
    buySignal: decision.buySignal,
  };
}
